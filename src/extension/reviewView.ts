// The Reviews side panel: shows the queue and turns a human's click into a decision. Only this view decides.
import * as vscode from 'vscode';
import { isFromWebview, type FromWebview, type ToWebview } from '../protocol/webviewMessages';
import type { ReviewQueue } from './reviewQueue';
import { reviewPanelHtml } from './webviewHtml';

export const REVIEW_VIEW_ID = 'countersign.reviews';

export class ReviewViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly queue: ReviewQueue,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(queue.onDidChange(() => this.postState()));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
    view.webview.html = reviewPanelHtml(view.webview, this.extensionUri);
    this.subscriptions.push(
      view.webview.onDidReceiveMessage((msg: unknown) => {
        if (isFromWebview(msg)) this.handle(msg);
        else this.output.appendLine('review panel: ignored an unknown message');
      }),
      view.onDidChangeVisibility(() => this.postState()),
      view.onDidDispose(() => (this.view = undefined)),
    );
  }

  private handle(msg: FromWebview): void {
    switch (msg.type) {
      case 'ready':
        this.postState();
        return;
      case 'decide':
        if (!this.queue.decide(msg.id, { decision: msg.decision, reason: msg.reason?.slice(0, 2000) })) {
          this.output.appendLine(`review panel: no pending action ${msg.id} (already decided or expired)`);
        }
        return;
    }
  }

  private postState(): void {
    if (!this.view) return;
    const state: ToWebview = { type: 'state', pending: this.queue.items(), now: Date.now() };
    void this.view.webview.postMessage(state);
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${REVIEW_VIEW_ID}.focus`);
  }

  dispose(): void {
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }
}
