// The extension's context: builds every part once and owns every disposable. No singletons elsewhere.
import * as vscode from 'vscode';
import type { GateStatus, ReviewItem } from '../protocol/gateLsp';
import { agentLabel, type AgentConnectionView } from '../protocol/webviewMessages';
import { gateRuntimeDir } from '../ipc/runtimeDir';
import { COMMANDS } from './commands';
import { affectsCountersign, readConfig, snapshotOf } from './config';
import { sandboxSettingOf, writeSnapshot, type SandboxSetting } from '../ipc/settingsSnapshot';
import { probeSandbox } from '../sandbox/probe';
import { agentSandboxed, sandboxStatus } from '../sandbox/status';
import { isKnownAgent } from '../agents/catalog';
import { REWRITTEN_AGENTS } from '../agents/sandboxRewrite';
import { GateClient } from './gateClient';
import { ReviewQueue } from '../review/reviewQueue';
import { REVIEW_VIEW_ID, ReviewViewProvider } from './reviewView';
import { testSeam, type CountersignTesting } from './testSeam';
import { AllowRules } from '../review/allowRules';
import { SessionHistory } from '../review/history';
import { DiffPreview } from './diffPreview';
import { SensitiveNotifier } from '../review/notifier';
import { createPendingStatus, type StatusView } from './statusBar';
import { GuardMonitor } from './guard/guardMonitor';
import { exportGateToTerminals } from './terminalEnv';
import { AgentConnections } from './connect/agentConnections';
import { AuditLogPanel } from './auditLog/auditLogPanel';
import { previousDecisions } from './auditHistory';
import { AuditAnchors } from '../review/auditAnchors';
import { logFilePrefix } from '../audit';
import { basename } from 'node:path';

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
  /** Is this window guarding: the gate's state and each agent's doctor verdict, and what the status bar shows. */
  guard(): { gate: 'starting' | 'running' | 'stopped'; agents: AgentConnectionView[]; status: StatusView };
  /** Fires when the gate's state or an agent's guard verdict may have changed. */
  onDidChangeGuard(listener: () => void): vscode.Disposable;
  /** The newest entry's hash as the gate reported it (kept outside the log). */
  auditAnchor(chain?: string): string | undefined;
  /** Present only in a development build run by the extension's own integration tests (testSeam.ts). */
  testing?: CountersignTesting;
}

export type { CountersignTesting };

export class Ctx implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('Countersign', { log: true });
  /** "Allow similar" rules (this session's in memory, workspace ones in globalState); the queue consults them. */
  readonly rules: AllowRules;
  readonly queue: ReviewQueue;
  readonly history: SessionHistory;
  readonly diffs = new DiffPreview();
  readonly view: ReviewViewProvider;
  private readonly notifier: SensitiveNotifier;
  readonly agents: AgentConnections;
  readonly auditLog: AuditLogPanel;
  private readonly anchors: AuditAnchors;
  /** The audit log directory the gate was started with (one per workspace). */
  readonly auditDir: string;
  private readonly gate: GateClient;
  readonly guard: GuardMonitor;
  private readonly statusItem: ReturnType<typeof createPendingStatus>;
  private status: GateStatus | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    // Workspace rules live in globalState (this machine's VS Code state, keyed by folder), never in the repository;
    // their key is deliberately not passed to setKeysForSync.
    this.rules = new AllowRules(agentLabel, context.globalState, (m) => this.output.warn(m));
    this.queue = new ReviewQueue(this.rules, () => Date.now());
    this.history = new SessionHistory(this.queue);
    this.view = new ReviewViewProvider({
      extensionUri: context.extensionUri,
      queue: this.queue,
      rules: this.rules,
      history: this.history,
      diffs: this.diffs,
      output: this.output,
      folders: () => (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    });
    this.notifier = new SensitiveNotifier(this.queue, this.view, (m, ...items) => vscode.window.showWarningMessage(m, ...items));
    const config = this.readConfig();
    this.anchors = new AuditAnchors(context.workspaceState, (file) => logFilePrefix(basename(file)) ?? 'audit', (m) => this.output.warn(m));
    this.gate = new GateClient(context.extensionUri, { settings: config.settings, runtimeDir: this.runtimeDir, auditDir: config.auditDir }, this.queue, this.output, (head) => this.anchors.record(head));
    this.agents = new AgentConnections(this.globalStorage, context.extensionPath);
    this.auditDir = config.auditDir;
    this.auditLog = new AuditLogPanel(context.extensionUri, () => this.auditDir, this.output, (dir, chain) => this.anchors.anchor(dir, chain));
    this.guard = new GuardMonitor(this.globalStorage, this.agents, this.gate, this.output);
    this.showAgents();
    this.statusItem = createPendingStatus(this.queue, this.guard);
    this.disposables.push(
      this.output,
      this.agents,
      this.auditLog,
      this.guard,
      this.guard.onDidChange(() => this.showAgents()),
      this.diffs,
      this.history,
      this.notifier,
      this.view,
      this.gate,
      { dispose: () => this.queue.dispose() },
      vscode.window.registerWebviewViewProvider(REVIEW_VIEW_ID, this.view, { webviewOptions: { retainContextWhenHidden: true } }),
      this.statusItem,
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
    try {
      this.setStatus(await this.gate.restart());
    } catch (err) {
      this.output.error(`the gate did not restart: ${String(err)}`);
      void vscode.window.showErrorMessage(`Countersign's gate did not restart: ${String(err)}. Agent actions are not reviewed (hooks deny them).`, 'Show Output').then((c) => c && this.output.show());
    }
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

  /** The Agents section: each agent's hook, and whether its allowed commands run sandboxed. */
  private showAgents(): void {
    const status = sandboxStatus(probeSandbox(), this.sandboxSetting);
    const agents = this.guard.views().map((a) => (isKnownAgent(a.agent) ? { ...a, sandbox: agentSandboxed(a.agent, a.connected, status, REWRITTEN_AGENTS) } : a));
    this.view.showAgents(agents, this.gate.state(), { state: status.state, text: status.text });
  }

  private sandboxSetting: SandboxSetting = 'auto';

  /** Reads the settings and saves the snapshot hook CLIs use when no gate is reachable. */
  private readConfig() {
    const config = readConfig(this.globalStorage, this.runtimeDir);
    this.sandboxSetting = sandboxSettingOf(config.settings.sandbox);
    try {
      writeSnapshot(snapshotOf(config.settings));
    } catch (err) {
      this.output.error(`could not save the settings snapshot: ${String(err)}`);
    }
    return config;
  }

  private pushSettings(): void {
    this.gate.updateSettings(this.readConfig().settings).catch((err: unknown) => this.output.error(`settings update failed: ${String(err)}`));
    this.showAgents();
  }

  api(): CountersignApi {
    const api: CountersignApi = {
      gateStatus: () => this.status,
      pending: () => this.queue.items(),
      onDidChangePending: (listener) => this.queue.onDidChange(listener),
      shimPath: () => this.agents.shim.path,
      agentStates: () => this.agents.states(),
      auditDir: () => this.auditDir,
      guard: () => ({ gate: this.gate.state(), agents: this.guard.views(), status: this.statusItem.current() }),
      onDidChangeGuard: (listener) => this.guard.onDidChange(listener),
      auditAnchor: (chain = 'audit') => this.anchors.anchor(this.auditDir, chain),
    };
    // COUNTERSIGN_TEST_SEAM is false in the production bundle, so this branch and testSeam.ts are not in it at all.
    if (COUNTERSIGN_TEST_SEAM && this.context.extensionMode === vscode.ExtensionMode.Test) {
      api.testing = testSeam({
        queue: this.queue,
        view: this.view,
        notifications: () => [...this.notifier.shown],
        guardNotifications: () => [...this.guard.shown],
        rules: () => this.rules.views(),
        history: () => this.history.entries(),
      });
    }
    return api;
  }

  /** Disposes everything and waits until the gate process has stopped (deactivate returns this promise). */
  async shutdown(): Promise<void> {
    this.guard.shutdown();
    this.dispose();
    await this.gate.stop();
  }

  dispose(): void {
    this.guard.shutdown();
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
