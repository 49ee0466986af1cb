// Is this window actually guarding? Runs the doctor's check at start, when folders or trust change and when any
// settings file it reads changes (inside the workspace or not), follows the gate's state, and says so: the Agents
// section, the status bar (through `summary()`), and a notification with the tightening fix or "Restart Gate".
import * as vscode from 'vscode';
import { agentInfo } from '../../agents/catalog';
import { checkAgents, type AgentCheck, type Finding } from '../../agents/doctor';
import type { AgentConnectionView, GateStateView } from '../../protocol/webviewMessages';
import { GATE_STOPPED_TEXT, guardSummary, guardViews, UnguardedNotices, unguardedText, type GuardSummary } from '../../review/guardState';
import type { AgentConnections } from '../connect/agentConnections';
import type { GateClient } from '../gateClient';
import { offerFix } from './guardFix';
import { guardPlaces, watchedFolders, WORKSPACE_GLOB } from './guardPlaces';

export type { GuardSummary };

export class GuardMonitor implements vscode.Disposable {
  private checks: AgentCheck[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subs: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private watchedKey = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly notices = new UnguardedNotices();
  private shuttingDown = false;
  /** Notifications shown, newest last (integration tests read it). */
  readonly shown: string[] = [];

  constructor(
    private readonly globalStorage: string,
    private readonly agents: AgentConnections,
    private readonly gate: GateClient,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subs.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.schedule()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.schedule()),
      vscode.window.onDidChangeWindowState((s) => s.focused && this.schedule()),
      agents.onDidChange(() => this.schedule()),
      gate.onDidChangeState((state) => this.gateChanged(state)),
      vscode.commands.registerCommand('countersign.reviewGuardFix', (agent?: unknown) => this.reviewFix(typeof agent === 'string' ? agent : undefined)),
    );
    this.check();
  }

  /** Stops notifying about the gate: it is being shut down on purpose. */
  shutdown(): void {
    this.shuttingDown = true;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    // A save writes a file in bursts; one check after them.
    this.timer = setTimeout(() => this.check(), 100);
  }

  check(): void {
    this.timer = undefined;
    const places = guardPlaces(this.globalStorage);
    this.watch(watchedFolders(places), places.home);
    try {
      this.checks = checkAgents(places);
    } catch (err) {
      this.output.error(`guard check failed: ${String(err)}`);
    }
    this.changed.fire();
    this.notifyUnguarded();
  }

  /** Watchers for each folder the check reads outside the workspace, and for the agents' folders appearing in home. */
  private watch(folders: string[], home: string): void {
    const key = folders.join('\0');
    if (key === this.watchedKey) return;
    this.watchedKey = key;
    for (const d of this.watchers.splice(0)) d.dispose();
    const on = (w: vscode.FileSystemWatcher, then = () => this.schedule()) => this.watchers.push(w, w.onDidChange(then), w.onDidCreate(then), w.onDidDelete(then));
    for (const dir of folders) on(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '*')));
    // A watcher on a folder that did not exist yet may never fire: when an agent's folder appears, watch afresh.
    on(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(home), '{.claude,.copilot,.cursor,.gemini,.codex,.cline}')), () => {
      this.watchedKey = '';
      this.schedule();
    });
    on(vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_GLOB}`));
    // A file written right after its new folder can slip past the recursive watcher: the folder's creation counts too.
    on(vscode.workspace.createFileSystemWatcher('**/{.claude,.vscode,.github,.cursor,.gemini,.codex,.clinerules,.cline,hooks}'));
  }

  /** The panel's agent rows with the doctor's verdict on each. */
  views(): AgentConnectionView[] {
    return guardViews(this.agents.states(), this.checks);
  }

  summary(): GuardSummary {
    return guardSummary(this.checks, this.gate.state(), (agent) => agentInfo(agent).label);
  }

  private gateChanged(state: GateStateView): void {
    this.changed.fire();
    if (state !== 'stopped' || this.shuttingDown) return;
    const text = GATE_STOPPED_TEXT;
    this.shown.push(text);
    vscode.window.showErrorMessage(text, 'Restart Gate', 'Show Output').then(
      (choice) => {
        if (choice === 'Restart Gate') return vscode.commands.executeCommand('countersign.restartGate');
        if (choice === 'Show Output') this.output.show();
        return undefined;
      },
      () => undefined,
    ).then(undefined, (err: unknown) => this.output.error(`restart failed: ${String(err)}`));
  }

  private notifyUnguarded(): void {
    for (const { agent, finding } of this.notices.fresh(this.checks)) this.notify(agent, finding);
  }

  private notify(agent: AgentCheck['agent'], f: Finding): void {
    const text = unguardedText(agentInfo(agent).label, f, vscode.workspace.asRelativePath(f.file));
    this.shown.push(text);
    const actions = f.fix ? ['Review Fix…', 'Open File'] : ['Open File'];
    vscode.window.showWarningMessage(text, ...actions).then(
      async (choice) => {
        if (choice === 'Review Fix…') await this.reviewFix(agent);
        else if (choice === 'Open File') await vscode.window.showTextDocument(vscode.Uri.file(f.file));
      },
      () => undefined,
    ).then(undefined, (err: unknown) => this.output.warn(`guard notification: ${String(err)}`));
  }

  /** Shows the first fix for an agent that is not guarded (or any), as a diff; applies it only on "Apply". */
  async reviewFix(agent?: string): Promise<void> {
    this.check();
    const candidates = this.checks.filter((c) => c.connected && (agent === undefined || c.agent === agent));
    const finding = candidates.flatMap((c) => c.findings.filter((f) => f.disables)).find((f) => f.fix) ?? candidates.flatMap((c) => c.findings).find((f) => f.fix);
    if (!finding?.fix) {
      const stop = candidates.flatMap((c) => c.findings).find((f) => f.disables);
      if (stop) await vscode.window.showTextDocument(vscode.Uri.file(stop.file)).then(undefined, () => undefined);
      else await vscode.commands.executeCommand('countersign.showReviews');
      return;
    }
    const outcome = await offerFix(finding.fix, this.agents.preview, agentInfo(candidates.find((c) => c.findings.includes(finding))!.agent).label);
    if (outcome === 'applied') this.output.info(`applied: ${finding.fix.title} in ${finding.fix.file}`);
    this.check();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of [...this.subs.splice(0), ...this.watchers.splice(0)]) d.dispose();
    this.changed.dispose();
  }
}
