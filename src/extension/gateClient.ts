// Starts the gate process with vscode-languageclient and answers its review requests from the queue.
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { AuditHeadNotification, GateStatusRequest, ReviewRequest, SettingsNotification, type AuditHead, type GateInitOptions, type GateSettings, type GateStatus } from '../protocol/gateLsp';
import type { ReviewQueue } from '../review/reviewQueue';

/** Agent config files the gate watches (diagnostics on settings that weaken review). */
const DOCUMENT_SELECTOR = [
  { scheme: 'file', pattern: '**/.claude/settings*.json' },
  { scheme: 'file', pattern: '**/.vscode/settings.json' },
  { scheme: 'file', pattern: '**/.cursor/hooks.json' },
  { scheme: 'file', pattern: '**/.gemini/settings.json' },
  { scheme: 'file', pattern: '**/.codex/hooks.json' },
  // VS Code's own user settings live under this scheme on desktop and in code-server.
  { scheme: 'vscode-userdata', pattern: '**/settings.json' },
];

/** What the status bar and the Agents section say about the gate. */
export type GateState = 'starting' | 'running' | 'stopped';

/**
 * The window's gate lives as long as the window. Setting glibc's trim threshold fixes it (glibc otherwise raises it
 * to twice the largest block freed so far, up to 64 MB, after which the top of the heap is never given back): about
 * 7 MB less resident (bench/gate-memory.bench.ts). Read by glibc at start-up only, and by nothing else.
 */
const LEAN_GATE_ENV = { MALLOC_TRIM_THRESHOLD_: String(128 * 1024) };

export class GateClient implements vscode.Disposable {
  private readonly client: LanguageClient;
  private current: GateState = 'starting';
  private readonly stateChanged = new vscode.EventEmitter<GateState>();
  /** Fires when the gate starts, runs or stops (crashed, killed, or shut down). */
  readonly onDidChangeState = this.stateChanged.event;
  private stopping: Promise<void> | undefined;

  constructor(extensionUri: vscode.Uri, init: GateInitOptions, queue: ReviewQueue, output: vscode.LogOutputChannel, onAuditHead: (head: AuditHead) => void) {
    const module = vscode.Uri.joinPath(extensionUri, 'dist', 'gate.js').fsPath;
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { env: { ...process.env, ...LEAN_GATE_ENV } } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: DOCUMENT_SELECTOR,
      initializationOptions: init,
      outputChannel: output,
      // A gate that dies stays stopped and says so (status bar, notification with Restart Gate): hooks fail closed
      // meanwhile. A silent automatic restart would hide a crash loop and lose the cards' context.
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue, handled: true }),
        closed: () => ({ action: CloseAction.DoNotRestart, handled: true }),
      },
    };
    this.client = new LanguageClient('countersign.gate', 'Countersign Gate', serverOptions, clientOptions);
    this.client.onNotification(AuditHeadNotification, onAuditHead);
    // Cards whose gate went away (crashed, killed, restarted) are withdrawn: their agent has already been
    // answered by the CLI's fail-closed path, so an approval there would reach nobody.
    const open = new Set<() => void>();
    this.client.onDidChangeState((e) => {
      this.setState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped');
      if (e.newState === State.Running) return;
      for (const cancel of [...open]) cancel();
      open.clear();
    });
    this.client.onRequest(ReviewRequest, (item, token) => {
      const pending = queue.add(item);
      open.add(pending.cancel);
      token.onCancellationRequested(pending.cancel);
      void pending.answer.finally(() => open.delete(pending.cancel));
      return pending.answer;
    });
  }

  state(): GateState {
    return this.current;
  }

  private setState(state: GateState): void {
    if (state === this.current) return;
    this.current = state;
    this.stateChanged.fire(state);
  }

  async start(): Promise<GateStatus> {
    try {
      await this.client.start();
    } catch (err) {
      this.setState('stopped');
      throw err;
    }
    return this.client.sendRequest(GateStatusRequest);
  }

  /** Stops the gate process; the same promise for every caller, so `deactivate` can wait for it. */
  stop(): Promise<void> {
    this.stopping ??= this.client.stop().catch(() => undefined);
    return this.stopping;
  }

  async restart(): Promise<GateStatus> {
    await this.client.restart();
    return this.client.sendRequest(GateStatusRequest);
  }

  updateSettings(settings: GateSettings): Promise<void> {
    return this.client.sendNotification(SettingsNotification, settings);
  }

  dispose(): void {
    void this.stop();
    this.stateChanged.dispose();
  }
}
