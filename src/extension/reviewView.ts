// The Reviews side panel as VS Code shows it: the webview, the editors the panel opens, the commands its buttons
// run. What the panel shows and what a click does is src/review/panelController.ts; this file only connects it.
import * as vscode from 'vscode';
import type { AgentConnectionView, GateStateView, SandboxStatusView } from '../protocol/webviewMessages';
import type { AllowRules } from '../review/allowRules';
import { CardViews } from '../review/cardViews';
import type { DecisionHistory } from '../review/history';
import type { PanelHandle } from '../review/notifier';
import { PanelController, type HandleResult } from '../review/panelController';
import type { ReviewQueue } from '../review/reviewQueue';
import { DetailsDocuments } from './detailsDocuments';
import type { DiffPreview } from './diffPreview';
import { nodeDisk } from './nodeDisk';
import { reviewPanelHtml } from './webviewHtml';

export const REVIEW_VIEW_ID = 'countersign.reviews';

export interface ReviewViewDeps {
  extensionUri: vscode.Uri;
  queue: ReviewQueue;
  rules: AllowRules;
  history: DecisionHistory;
  diffs: DiffPreview;
  output: vscode.LogOutputChannel;
  folders: () => readonly string[];
}

export type { HandleResult };

export class ReviewViewProvider implements vscode.WebviewViewProvider, vscode.Disposable, PanelHandle {
  private view: vscode.WebviewView | undefined;
  private readonly viewSubscriptions: vscode.Disposable[] = [];
  private readonly details = new DetailsDocuments();
  private readonly panel: PanelController;

  constructor(private readonly deps: ReviewViewDeps) {
    const { output, diffs } = deps;
    const cards = new CardViews({ rules: deps.rules, diffs, disk: nodeDisk, folders: deps.folders, log: (m) => output.warn(m) });
    const closing = (what: string, id: string) => (err: unknown) => output.warn(`closing the ${what} of ${id}: ${String(err)}`);
    this.panel = new PanelController(
      { queue: deps.queue, rules: deps.rules, history: deps.history, cards, folders: deps.folders },
      {
        attached: () => this.view !== undefined,
        post: (msg) => {
          this.view?.webview.postMessage(msg).then(undefined, (err: unknown) => output.warn(`review panel: post failed: ${String(err)}`));
        },
        reveal: () => this.reveal(),
        openDetails: (item) => this.details.open(item),
        openDiff: (id, index) => diffs.open(id, index),
        closeEditors: (id) => {
          this.details.forget(id).catch(closing('details', id));
          diffs.forget(id).catch(closing('diff', id));
        },
        runCommand: (command, ...args) => Promise.resolve(vscode.commands.executeCommand(command, ...args)),
        // Without arguments the command reveals the chat view and focuses its input; it never sends anything.
        focusChat: () => Promise.resolve(vscode.commands.executeCommand('workbench.action.chat.open')),
        setHasPending: (has) => void vscode.commands.executeCommand('setContext', 'countersign.hasPending', has),
        log: (level, m) => output[level](m),
        now: () => Date.now(),
      },
    );
  }

  get visible(): boolean {
    return this.view?.visible ?? false;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    for (const d of this.viewSubscriptions.splice(0)) d.dispose();
    this.view = view;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.deps.extensionUri, 'dist'), vscode.Uri.joinPath(this.deps.extensionUri, 'media')],
    };
    view.webview.html = reviewPanelHtml(view.webview, this.deps.extensionUri);
    this.viewSubscriptions.push(
      view.webview.onDidReceiveMessage((msg: unknown) => {
        const result = this.receive(msg);
        if (!result.ok) this.deps.output.info(`review panel: ${result.why}`);
      }),
      view.onDidDispose(() => {
        if (this.view === view) this.view = undefined;
      }),
    );
  }

  /** Every message from the panel enters here. */
  receive(msg: unknown): HandleResult {
    return this.panel.receive(msg);
  }

  openDiff(id: string, index: number, countsAsSeen = true): Promise<boolean> {
    return this.panel.openDiff(id, index, countsAsSeen);
  }

  denyAll(ids?: readonly string[]): number {
    return this.panel.denyAll(ids);
  }

  showAgents(agents: AgentConnectionView[], gate?: GateStateView, sandbox?: SandboxStatusView): void {
    this.panel.showAgents(agents, gate, sandbox);
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${REVIEW_VIEW_ID}.focus`);
  }

  revealCard(id: string): Promise<void> {
    return this.panel.revealCard(id);
  }

  dispose(): void {
    this.panel.dispose();
    for (const d of this.viewSubscriptions.splice(0)) d.dispose();
    this.details.dispose();
  }
}
