// The extension's context: builds every part once and owns every disposable. No singletons elsewhere.
import * as vscode from 'vscode';
import type { GateStatus, ReviewItem } from '../protocol/gateLsp';
import { agentLabel, type AgentConnectionView, type HistoryEntryView, type SessionRuleView } from '../protocol/webviewMessages';
import { gateRuntimeDir } from '../ipc/runtimeDir';
import { COMMANDS } from './commands';
import { affectsCountersign, readConfig, snapshotOf } from './config';
import { writeSnapshot } from '../ipc/settingsSnapshot';
import { GateClient } from './gateClient';
import { ReviewQueue } from './reviewQueue';
import { REVIEW_VIEW_ID, ReviewViewProvider, type HandleResult } from './reviewView';
import { SessionRules } from './sessionRules';
import { SessionHistory } from './history';
import { DiffPreview } from './diffPreview';
import { SensitiveNotifier } from './notifications';
import { createPendingStatus } from './statusBar';
import { exportGateToTerminals } from './terminalEnv';
import { AgentConnections } from './connect/agentConnections';
import { AuditLogPanel } from './auditLog/auditLogPanel';
import { previousDecisions } from './auditHistory';
import { AuditAnchors } from './auditAnchors';

/** What the extension exports. Read-only: no other extension can decide anything through it. */
export interface CountersignApi {
  gateStatus(): GateStatus | undefined;
  pending(): ReviewItem[];
  /** Fires whenever the pending queue changes. */
  onDidChangePending(listener: () => void): vscode.Disposable;
  /** The stable hook command agents' configs point at. */
  shimPath(): string;
  /** Each agent's connection state, as the panel shows it. */
  agentStates(): AgentConnectionView[];
  /** Where this window's gate writes its audit log. */
  auditDir(): string;
  /** The newest entry's hash as the gate reported it (kept outside the log). */
  auditAnchor(chain?: string): string | undefined;
  /** Present only when VS Code runs the extension's own integration tests (ExtensionMode.Test). */
  testing?: CountersignTesting;
}

/** Test-mode doors into the panel: the same paths the webview and the notifications use, observable. */
export interface CountersignTesting {
  decide(id: string, decision: 'allow' | 'deny'): boolean;
  /** Delivers a message exactly as if the review panel's webview had sent it. */
  panel(message: unknown): HandleResult;
  /** Opens a card's diff editor as the panel's "Open diff" does. */
  openDiff(id: string, index: number): Promise<boolean>;
  notifications(): string[];
  rules(): SessionRuleView[];
  history(): HistoryEntryView[];
}

export class Ctx implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('Countersign', { log: true });
  /** "Allow similar" rules of this session; the queue consults them (never for sensitive actions). */
  readonly rules = new SessionRules(agentLabel);
  readonly queue = new ReviewQueue(this.rules);
  readonly history = new SessionHistory(this.queue);
  readonly diffs = new DiffPreview();
  readonly view: ReviewViewProvider;
  private readonly notifier: SensitiveNotifier;
  readonly agents: AgentConnections;
  readonly auditLog: AuditLogPanel;
  private readonly anchors: AuditAnchors;
  /** The audit log directory the gate was started with (one per workspace). */
  readonly auditDir: string;
  private readonly gate: GateClient;
  private status: GateStatus | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.view = new ReviewViewProvider({
      extensionUri: context.extensionUri,
      queue: this.queue,
      rules: this.rules,
      history: this.history,
      diffs: this.diffs,
      output: this.output,
      folders: () => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    });
    this.notifier = new SensitiveNotifier(this.queue, this.view);
    const config = this.readConfig();
    this.anchors = new AuditAnchors(context.workspaceState);
    this.gate = new GateClient(context.extensionUri, { settings: config.settings, runtimeDir: this.runtimeDir, auditDir: config.auditDir }, this.queue, this.output, (head) => this.anchors.record(head));
    this.agents = new AgentConnections(this.globalStorage, context.extensionPath);
    this.auditDir = config.auditDir;
    this.auditLog = new AuditLogPanel(context.extensionUri, () => this.auditDir, this.output, (dir, chain) => this.anchors.anchor(dir, chain));
    this.view.showAgents(this.agents.states());
    this.disposables.push(
      this.output,
      this.agents,
      this.auditLog,
      this.agents.onDidChange((states) => this.view.showAgents(states)),
      this.diffs,
      this.history,
      this.notifier,
      this.view,
      this.gate,
      { dispose: () => this.queue.dispose() },
      vscode.window.registerWebviewViewProvider(REVIEW_VIEW_ID, this.view, { webviewOptions: { retainContextWhenHidden: true } }),
      createPendingStatus(this.queue),
      vscode.workspace.onDidChangeConfiguration((e) => affectsCountersign(e) && this.pushSettings()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.pushSettings()),
      ...Object.entries(COMMANDS).map(([id, factory]) => vscode.commands.registerCommand(id, factory(this))),
    );
  }

  async start(): Promise<void> {
    this.setStatus(await this.gate.start());
    // History survives restarts: earlier reviewed decisions come from the audit log (not awaited by activation).
    previousDecisions(this.auditDir).then((earlier) => this.history.seed(earlier), (err: unknown) => this.output.warn(`history not read from the audit log: ${String(err)}`));
  }

  async restartGate(): Promise<void> {
    this.setStatus(await this.gate.restart());
  }

  private setStatus(status: GateStatus): void {
    this.status = status;
    exportGateToTerminals(this.context.environmentVariableCollection, status, this.agents.shim.dir);
    this.output.info(`gate ${status.pid} listening on ${status.socket}`);
  }

  /** Where this window's gate puts its socket; it registers in the user's runtime directory as well. */
  readonly runtimeDir = gateRuntimeDir();

  get extensionPath(): string {
    return this.context.extensionPath;
  }

  get globalStorage(): string {
    return this.context.globalStorageUri.fsPath;
  }

  /** Reads the settings and saves the snapshot hook CLIs use when no gate is reachable. */
  private readConfig() {
    const config = readConfig(this.globalStorage, this.runtimeDir);
    try {
      writeSnapshot(snapshotOf(config.settings));
    } catch (err) {
      this.output.error(`could not save the settings snapshot: ${String(err)}`);
    }
    return config;
  }

  private pushSettings(): void {
    this.gate.updateSettings(this.readConfig().settings).catch((err: unknown) => this.output.error(`settings update failed: ${String(err)}`));
  }

  api(): CountersignApi {
    const api: CountersignApi = {
      gateStatus: () => this.status,
      pending: () => this.queue.items(),
      onDidChangePending: (listener) => this.queue.onDidChange(listener),
      shimPath: () => this.agents.shim.path,
      agentStates: () => this.agents.states(),
      auditDir: () => this.auditDir,
      auditAnchor: (chain = 'audit') => this.anchors.anchor(this.auditDir, chain),
    };
    if (this.context.extensionMode === vscode.ExtensionMode.Test) {
      api.testing = {
        decide: (id, decision) => this.queue.decide(id, { decision }),
        panel: (message) => this.view.receive(message),
        openDiff: (id, index) => this.view.openDiff(id, index),
        notifications: () => [...this.notifier.shown],
        rules: () => this.rules.views(),
        history: () => this.history.entries(),
      };
    }
    return api;
  }

  dispose(): void {
    // Reverse order: the queue denies everything pending before the gate stops.
    for (const d of this.disposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // keep disposing the rest
      }
    }
  }
}
