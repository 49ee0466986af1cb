// The extension's context: builds every part once and owns every disposable. No singletons elsewhere.
import * as vscode from 'vscode';
import type { GateStatus, ReviewItem } from '../protocol/gateLsp';
import type { AgentConnectionView } from '../protocol/webviewMessages';
import { runtimeDir } from '../ipc/runtimeDir';
import { COMMANDS } from './commands';
import { affectsCountersign, readConfig, snapshotOf } from './config';
import { writeSnapshot } from '../ipc/settingsSnapshot';
import { GateClient } from './gateClient';
import { ReviewQueue } from './reviewQueue';
import { REVIEW_VIEW_ID, ReviewViewProvider } from './reviewView';
import { createPendingStatus } from './statusBar';
import { exportGateToTerminals } from './terminalEnv';
import { AgentConnections } from './connect/agentConnections';

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
  /** Present only when VS Code runs the extension's own integration tests (ExtensionMode.Test). */
  testing?: { decide(id: string, decision: 'allow' | 'deny'): boolean };
}

export class Ctx implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('Countersign', { log: true });
  readonly queue = new ReviewQueue();
  readonly view: ReviewViewProvider;
  readonly agents: AgentConnections;
  private readonly gate: GateClient;
  private status: GateStatus | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.view = new ReviewViewProvider(context.extensionUri, this.queue, this.output);
    const config = this.readConfig();
    this.gate = new GateClient(context.extensionUri, { settings: config.settings, runtimeDir: this.runtimeDir, auditDir: config.auditDir }, this.queue, this.output);
    this.agents = new AgentConnections(this.globalStorage, context.extensionPath);
    this.disposables.push(
      this.output,
      this.agents,
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
  }

  async restartGate(): Promise<void> {
    this.setStatus(await this.gate.restart());
  }

  private setStatus(status: GateStatus): void {
    this.status = status;
    exportGateToTerminals(this.context.environmentVariableCollection, status, this.agents.shim.dir);
    this.output.info(`gate ${status.pid} listening on ${status.socket}`);
  }

  readonly runtimeDir = runtimeDir();

  get globalStorage(): string {
    return this.context.globalStorageUri.fsPath;
  }

  /** Reads the settings and saves the snapshot hook CLIs use when no gate is reachable. */
  private readConfig() {
    const config = readConfig(this.globalStorage, this.runtimeDir);
    try {
      writeSnapshot(this.globalStorage, snapshotOf(config.settings));
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
    };
    if (this.context.extensionMode === vscode.ExtensionMode.Test) {
      api.testing = { decide: (id, decision) => this.queue.decide(id, { decision }) };
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
