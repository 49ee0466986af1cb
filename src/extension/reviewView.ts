// The Reviews side panel: sends the queue, rules, history and agents to the webview and turns a reviewer's clicks
// into decisions. Only this view decides, and it re-checks everything the webview says: ids must be pending, the
// details count as seen only when the extension saw them (it opened the editor, or the card's rendered text is the
// whole subject it sent), the queue refuses an approval without the click-through, and "Allow similar" exists only
// for risk 'review'.
import { returnFocusToChat } from './chatFocus';
import * as vscode from 'vscode';
import type { ReviewItem } from '../protocol/gateLsp';
import { isFromWebview, type AgentConnectionView, type FromWebview, type GateStateView, type SandboxStatusView, type ScopeChoice, type ToWebview } from '../protocol/webviewMessages';
import { CardViews } from '../review/cardViews';
import { nodeDisk } from './nodeDisk';
import { DetailsDocuments } from './detailsDocuments';
import { cardShowedWhole } from '../review/cardRendered';
import type { DiffPreview } from './diffPreview';
import type { DecisionHistory } from '../review/history';
import type { PanelHandle } from './notifications';
import type { ReviewQueue } from '../review/reviewQueue';
import type { AllowRules } from '../review/allowRules';
import { reviewPanelHtml } from './webviewHtml';

export const REVIEW_VIEW_ID = 'countersign.reviews';
/** Batches bursts (500 hooks at once) into a few messages; short enough not to be felt. */
const FLUSH_DELAY_MS = 8;
const HISTORY_SHOWN = 50;
const REASON_MAX = 2000;

export interface ReviewViewDeps {
  extensionUri: vscode.Uri;
  queue: ReviewQueue;
  rules: AllowRules;
  history: DecisionHistory;
  diffs: DiffPreview;
  output: vscode.LogOutputChannel;
  folders: () => readonly string[];
}

export type HandleResult = { ok: true } | { ok: false; why: string };

export class ReviewViewProvider implements vscode.WebviewViewProvider, vscode.Disposable, PanelHandle {
  private view: vscode.WebviewView | undefined;
  private readonly subscriptions: { dispose(): void }[] = [];
  private readonly viewSubscriptions: vscode.Disposable[] = [];
  private readonly cards: CardViews;
  private readonly details = new DetailsDocuments();
  /** Card ids whose current view the webview holds. */
  private readonly sent = new Set<string>();
  private readonly dirty = { queue: false, rules: false, history: false, reset: false };
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private agents: AgentConnectionView[] | undefined;
  private gate: GateStateView | undefined;
  private sandbox: SandboxStatusView | undefined;
  private focusOnReady: string | undefined;
  private lastHasPending: boolean | undefined;

  constructor(private readonly deps: ReviewViewDeps) {
    this.cards = new CardViews({ rules: deps.rules, diffs: deps.diffs, disk: nodeDisk, folders: deps.folders, log: (m) => deps.output.warn(m) });
    this.subscriptions.push(
      deps.queue.onDidChange(() => this.schedule('queue')),
      deps.queue.onDidSettle(({ item }) => this.settled(item)),
      this.cards.onDidUpdate((id) => {
        this.sent.delete(id);
        this.schedule('queue');
      }),
      deps.rules.onDidChange(() => this.schedule('rules')),
      deps.history.onDidChange(() => this.schedule('history')),
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
    if (!isFromWebview(msg)) return { ok: false, why: 'ignored an unknown message' };
    return this.handle(msg);
  }

  private pendingItem(id: string): ReviewItem | undefined {
    return this.deps.queue.get(id);
  }

  private handle(msg: FromWebview): HandleResult {
    switch (msg.type) {
      case 'ready':
        this.sent.clear();
        this.dirty.reset = true;
        this.schedule('queue', 'rules', 'history');
        if (this.agents) this.post({ type: 'agents', agents: this.agents, ...(this.gate ? { gate: this.gate } : {}), ...(this.sandbox ? { sandbox: this.sandbox } : {}) });
        return { ok: true };
      case 'opened':
        return this.opened(msg.id, msg.rendered, msg.overflow);
      case 'openDetails': {
        if (!this.pendingItem(msg.id)) return { ok: false, why: `no pending action ${msg.id}` };
        this.openDetails(msg.id).then(
          (opened) => opened || this.refuse(msg.id, 'The whole text could not be opened in an editor.'),
          (err: unknown) => this.refuse(msg.id, `The editor could not be opened: ${String(err)}`),
        );
        return { ok: true };
      }
      case 'confirm': {
        const item = this.pendingItem(msg.id);
        if (!item) return { ok: false, why: `no pending action ${msg.id}` };
        this.deps.queue.confirm(msg.id, msg.checked, this.cards.view(item).confirmation);
        return { ok: true };
      }
      case 'openDiff': {
        if (!this.pendingItem(msg.id)) return { ok: false, why: `no pending action ${msg.id}` };
        this.openDiff(msg.id, msg.index).then(
          (opened) => opened || this.refuse(msg.id, 'There is no diff to open for this file.'),
          (err: unknown) => this.refuse(msg.id, `The diff could not be opened: ${String(err)}`),
        );
        return { ok: true };
      }
      case 'decide':
        return this.decide(msg.id, msg.decision, msg.reason);
      case 'allowSimilar':
        return this.allowSimilar(msg.id, msg.scope);
      case 'revokeRule':
        return this.deps.rules.revoke(msg.ruleId) ? { ok: true } : { ok: false, why: `no rule ${msg.ruleId}` };
      case 'denyAll': {
        const n = this.denyAll(msg.ids);
        return n > 0 ? { ok: true } : { ok: false, why: 'nothing to deny' };
      }
      case 'connectAgents':
        vscode.commands.executeCommand('countersign.connectAgents').then(undefined, (err: unknown) => this.deps.output.warn(`Connect Agents failed: ${String(err)}`));
        return { ok: true };
      case 'restartGate':
        vscode.commands.executeCommand('countersign.restartGate').then(undefined, (err: unknown) => this.deps.output.warn(`Restart Gate failed: ${String(err)}`));
        return { ok: true };
      case 'reviewGuardFix':
        vscode.commands.executeCommand('countersign.reviewGuardFix', msg.agent).then(undefined, (err: unknown) => this.deps.output.warn(`guard fix failed: ${String(err)}`));
        return { ok: true };
    }
  }

  /**
   * The card was expanded. The details count as seen only when what the panel rendered is the whole subject this view
   * sent (hidden characters as their markers) in a box that did not have to scroll, and nothing else must be seen in
   * an editor first: a webview that merely says "opened" proves nothing.
   */
  private opened(id: string, rendered: string | undefined, overflow: boolean | undefined): HandleResult {
    const item = this.pendingItem(id);
    if (!item) return { ok: false, why: `no pending action ${id}` };
    if (!cardShowedWhole(this.cards.view(item), rendered, overflow)) return { ok: false, why: `the card of ${id} did not show its subject whole (too long for the card, or not what was sent)` };
    this.deps.queue.sawDetails(id, 'card');
    return { ok: true };
  }

  /** "Open in editor": the whole text in a read-only editor; counts as seen once the extension saw the editor hold it. */
  async openDetails(id: string): Promise<boolean> {
    const item = this.pendingItem(id);
    if (!item) return false;
    const opened = await this.details.open(item);
    if (opened) this.deps.queue.sawDetails(id, 'editor');
    return opened;
  }

  /** "Open diff": shows the native diff editor; counts as seeing the details once the extension opened it (from the
   * panel's button; the test seam passes `countsAsSeen` false). */
  async openDiff(id: string, index: number, countsAsSeen = true): Promise<boolean> {
    const item = this.pendingItem(id);
    if (!item) return false;
    await this.cards.whenReady(item);
    if (!this.deps.queue.get(id)) return false;
    const opened = await this.deps.diffs.open(id, index);
    if (opened && countsAsSeen) this.deps.queue.sawDetails(id, 'diff');
    return opened;
  }

  private decide(id: string, decision: 'allow' | 'deny', reason?: string): HandleResult {
    const item = this.pendingItem(id);
    if (!item) return { ok: false, why: `no pending action ${id} (already decided or expired)` };
    const text = reason?.trim().slice(0, REASON_MAX) || undefined;
    const result = this.deps.queue.decide(id, { decision, reason: text });
    if (result.ok) returnFocusToChat(item, this.deps.queue.items().length, (m) => this.deps.output.warn(m));
    return result.ok ? result : this.refuse(id, result.why);
  }

  private allowSimilar(id: string, scope: ScopeChoice): HandleResult {
    const item = this.pendingItem(id);
    if (!item) return { ok: false, why: `no pending action ${id}` };
    if (item.risk !== 'review') return this.refuse(id, 'A sensitive action can never be remembered; approve it on its own.');
    const refusal = this.deps.queue.approvalRefusal(id);
    if (refusal) return this.refuse(id, refusal);
    if (scope === 'once') return this.decide(id, 'allow');
    const added = this.deps.rules.add(item, scope);
    if ('why' in added) return this.refuse(id, added.why);
    this.deps.queue.decide(id, { decision: 'allow' });
    this.deps.queue.applyRules();
    returnFocusToChat(item, this.deps.queue.items().length, (m) => this.deps.output.warn(m));
    return { ok: true };
  }

  /** Denies the given pending ids (all pending when none given). Returns how many were denied. */
  denyAll(ids?: readonly string[]): number {
    const targets = ids ?? this.deps.queue.items().map((i) => i.id);
    let n = 0;
    for (const id of targets) if (this.deps.queue.decide(id, { decision: 'deny', reason: 'Denied with "Deny all".' }).ok) n++;
    return n;
  }

  private refuse(id: string, why: string): HandleResult {
    this.post({ type: 'refused', id, why });
    return { ok: false, why };
  }

  private settled(item: ReviewItem): void {
    this.cards.forget(item.id);
    this.details.forget(item.id).catch((err: unknown) => this.deps.output.warn(`closing the details of ${item.id}: ${String(err)}`));
    this.sent.delete(item.id);
    this.deps.diffs.forget(item.id).catch((err: unknown) => this.deps.output.warn(`closing the diff of ${item.id}: ${String(err)}`));
  }

  private schedule(...parts: ('queue' | 'rules' | 'history')[]): void {
    for (const p of parts) this.dirty[p] = true;
    if (parts.includes('queue')) this.updateContext();
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_DELAY_MS);
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (!this.view) return; // the next 'ready' sends everything
    if (this.dirty.queue) {
      const items = this.deps.queue.items();
      const views = [];
      for (const item of items) {
        if (this.sent.has(item.id)) continue;
        views.push(this.cards.view(item));
        this.sent.add(item.id);
      }
      const live = new Set(items.map((i) => i.id));
      for (const id of [...this.sent]) if (!live.has(id)) this.sent.delete(id);
      this.post({ type: 'queue', order: items.map((i) => i.id), views, now: Date.now(), reset: this.dirty.reset });
      this.dirty.reset = false;
      if (this.focusOnReady && live.has(this.focusOnReady)) this.post({ type: 'focus', id: this.focusOnReady });
      this.focusOnReady = undefined;
    }
    if (this.dirty.rules) this.post({ type: 'rules', rules: this.deps.rules.views(this.deps.folders()) });
    if (this.dirty.history) this.post({ type: 'history', entries: this.deps.history.entries(HISTORY_SHOWN) });
    this.dirty.queue = this.dirty.rules = this.dirty.history = false;
  }

  private updateContext(): void {
    const has = this.deps.queue.size > 0;
    if (has === this.lastHasPending) return;
    this.lastHasPending = has;
    void vscode.commands.executeCommand('setContext', 'countersign.hasPending', has);
  }

  private post(msg: ToWebview): void {
    if (!this.view) return;
    this.view.webview.postMessage(msg).then(undefined, (err: unknown) => this.deps.output.warn(`review panel: post failed: ${String(err)}`));
  }

  /** Connect Agents reports how each agent is wired; the panel shows it in its Agents section. */
  showAgents(agents: AgentConnectionView[], gate?: GateStateView, sandbox?: SandboxStatusView): void {
    this.agents = agents;
    if (gate) this.gate = gate;
    if (sandbox) this.sandbox = sandbox;
    this.post({ type: 'agents', agents, ...(this.gate ? { gate: this.gate } : {}), ...(this.sandbox ? { sandbox: this.sandbox } : {}) });
  }

  async reveal(): Promise<void> {
    await vscode.commands.executeCommand(`${REVIEW_VIEW_ID}.focus`);
  }

  /** Reveals the panel and brings one card into view (from a notification's "Review"). */
  async revealCard(id: string): Promise<void> {
    this.focusOnReady = id || undefined;
    await this.reveal();
    if (this.view && id) {
      this.post({ type: 'focus', id });
      this.focusOnReady = undefined;
    }
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    for (const d of this.subscriptions.splice(0)) d.dispose();
    for (const d of this.viewSubscriptions.splice(0)) d.dispose();
    this.details.dispose();
  }
}
