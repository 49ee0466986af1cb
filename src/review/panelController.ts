// The Reviews panel's logic: what goes to the webview (queue, rules, history, agents, batched) and what a reviewer's
// clicks do. Only this controller decides for the panel, and it re-checks everything the webview says: ids must be
// pending, the details count as seen only when the extension saw them (it opened the editor, or the card's rendered
// text is the whole subject it sent), the queue refuses an approval without the click-through, and "Allow similar"
// exists only for risk 'review'. The host (src/extension/reviewView.ts) is the webview, the editors and commands.
import type { ReviewItem } from '../protocol/gateLsp';
import { isFromWebview, type AgentConnectionView, type FromWebview, type GateStateView, type SandboxStatusView, type ScopeChoice, type ToWebview } from '../protocol/webviewMessages';
import type { AllowRules } from './allowRules';
import { cardShowedWhole } from './cardRendered';
import type { CardViews } from './cardViews';
import type { DecisionHistory } from './history';
import type { ReviewQueue } from './reviewQueue';

/** Batches bursts (500 hooks at once) into a few messages; short enough not to be felt. */
const FLUSH_DELAY_MS = 8;
const HISTORY_SHOWN = 50;
const REASON_MAX = 2000;

export type HandleResult = { ok: true } | { ok: false; why: string };

/** Commands the panel's buttons run (registered by the extension). */
export type PanelCommand = 'countersign.connectAgents' | 'countersign.restartGate' | 'countersign.reviewGuardFix';

/** What the panel needs from its host. */
export interface PanelHost {
  /** Whether a webview is there to receive; until then nothing is sent (its 'ready' asks for everything). */
  attached(): boolean;
  post(msg: ToWebview): void;
  /** Brings the panel on screen. */
  reveal(): Promise<void>;
  /** "Open in editor": resolves true once an editor holds exactly the item's whole text. */
  openDetails(item: ReviewItem): Promise<boolean>;
  /** "Open diff": the diff editor for one of the card's files; false when there is none. */
  openDiff(id: string, index: number): Promise<boolean>;
  /** A decided card's editors (details, diffs) close. */
  closeEditors(id: string): void;
  runCommand(command: PanelCommand, ...args: unknown[]): Promise<unknown>;
  /** Back to VS Code's chat (its agent waits there for the decision). */
  focusChat(): Promise<unknown>;
  /** Whether anything is pending, for the host's UI state (menus, keybindings). */
  setHasPending(has: boolean): void;
  log(level: 'info' | 'warn', message: string): void;
  now(): number;
  /** A timer; defaults to setTimeout. */
  setTimer?(fn: () => void, ms: number): { cancel(): void };
}

export interface PanelDeps {
  queue: ReviewQueue;
  rules: AllowRules;
  history: DecisionHistory;
  cards: CardViews;
  folders: () => readonly string[];
}

const defaultTimer = (fn: () => void, ms: number) => {
  const t = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(t) };
};

export class PanelController {
  private readonly subscriptions: { dispose(): void }[] = [];
  /** Card ids whose current view the webview holds. */
  private readonly sent = new Set<string>();
  private readonly dirty = { queue: false, rules: false, history: false, reset: false };
  private flushTimer: { cancel(): void } | undefined;
  private agents: AgentConnectionView[] | undefined;
  private gate: GateStateView | undefined;
  private sandbox: SandboxStatusView | undefined;
  private focusOnReady: string | undefined;
  private lastHasPending: boolean | undefined;

  constructor(
    private readonly deps: PanelDeps,
    private readonly host: PanelHost,
  ) {
    this.subscriptions.push(
      deps.queue.onDidChange(() => this.schedule('queue')),
      deps.queue.onDidSettle(({ item }) => this.settled(item)),
      deps.cards.onDidUpdate((id) => {
        this.sent.delete(id);
        this.schedule('queue');
      }),
      deps.rules.onDidChange(() => this.schedule('rules')),
      deps.history.onDidChange(() => this.schedule('history')),
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
        if (this.agents) this.postAgents();
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
        this.deps.queue.confirm(msg.id, msg.checked, this.deps.cards.view(item).confirmation);
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
        return this.run('Connect Agents', 'countersign.connectAgents');
      case 'restartGate':
        return this.run('Restart Gate', 'countersign.restartGate');
      case 'reviewGuardFix':
        return this.run('guard fix', 'countersign.reviewGuardFix', msg.agent);
    }
  }

  private run(what: string, command: PanelCommand, ...args: unknown[]): HandleResult {
    this.host.runCommand(command, ...args).then(undefined, (err: unknown) => this.host.log('warn', `${what} failed: ${String(err)}`));
    return { ok: true };
  }

  /**
   * The card was expanded. The details count as seen only when what the panel rendered is the whole subject this view
   * sent (hidden characters as their markers) in a box that did not have to scroll, and nothing else must be seen in
   * an editor first: a webview that merely says "opened" proves nothing.
   */
  private opened(id: string, rendered: string | undefined, overflow: boolean | undefined): HandleResult {
    const item = this.pendingItem(id);
    if (!item) return { ok: false, why: `no pending action ${id}` };
    if (!cardShowedWhole(this.deps.cards.view(item), rendered, overflow)) return { ok: false, why: `the card of ${id} did not show its subject whole (too long for the card, or not what was sent)` };
    this.deps.queue.sawDetails(id, 'card');
    return { ok: true };
  }

  /** "Open in editor": the whole text in a read-only editor; counts as seen once the host saw the editor hold it. */
  async openDetails(id: string): Promise<boolean> {
    const item = this.pendingItem(id);
    if (!item) return false;
    const opened = await this.host.openDetails(item);
    if (opened) this.deps.queue.sawDetails(id, 'editor');
    return opened;
  }

  /** "Open diff": shows the diff editor; counts as seeing the details once the host opened it (from the panel's
   * button; the test seam passes `countsAsSeen` false). */
  async openDiff(id: string, index: number, countsAsSeen = true): Promise<boolean> {
    const item = this.pendingItem(id);
    if (!item) return false;
    await this.deps.cards.whenReady(item);
    if (!this.deps.queue.get(id)) return false;
    const opened = await this.host.openDiff(id, index);
    if (opened && countsAsSeen) this.deps.queue.sawDetails(id, 'diff');
    return opened;
  }

  private decide(id: string, decision: 'allow' | 'deny', reason?: string): HandleResult {
    const item = this.pendingItem(id);
    if (!item) return { ok: false, why: `no pending action ${id} (already decided or expired)` };
    const text = reason?.trim().slice(0, REASON_MAX) || undefined;
    const result = this.deps.queue.decide(id, { decision, reason: text });
    if (result.ok) this.returnFocusToChat(item);
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
    this.returnFocusToChat(item);
    return { ok: true };
  }

  /**
   * The same-window experience for VS Code's own agent: once the last card is decided, the focus goes back to the
   * chat that asked, where the agent goes on (the user came to the panel from there).
   */
  private returnFocusToChat(decided: ReviewItem): void {
    if (decided.action.agent !== 'vscode' || this.deps.queue.size > 0) return;
    this.host.focusChat().then(undefined, (err: unknown) => this.host.log('warn', `could not return to the chat: ${String(err)}`));
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
    this.deps.cards.forget(item.id);
    this.sent.delete(item.id);
    this.host.closeEditors(item.id);
  }

  private schedule(...parts: ('queue' | 'rules' | 'history')[]): void {
    for (const p of parts) this.dirty[p] = true;
    if (parts.includes('queue')) this.updateHasPending();
    this.flushTimer ??= (this.host.setTimer ?? defaultTimer)(() => this.flush(), FLUSH_DELAY_MS);
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (!this.host.attached()) return; // the next 'ready' sends everything
    if (this.dirty.queue) {
      const items = this.deps.queue.items();
      const views = [];
      for (const item of items) {
        if (this.sent.has(item.id)) continue;
        views.push(this.deps.cards.view(item));
        this.sent.add(item.id);
      }
      const live = new Set(items.map((i) => i.id));
      for (const id of [...this.sent]) if (!live.has(id)) this.sent.delete(id);
      this.post({ type: 'queue', order: items.map((i) => i.id), views, now: this.host.now(), reset: this.dirty.reset });
      this.dirty.reset = false;
      if (this.focusOnReady && live.has(this.focusOnReady)) this.post({ type: 'focus', id: this.focusOnReady });
      this.focusOnReady = undefined;
    }
    if (this.dirty.rules) this.post({ type: 'rules', rules: this.deps.rules.views(this.deps.folders()) });
    if (this.dirty.history) this.post({ type: 'history', entries: this.deps.history.entries(HISTORY_SHOWN) });
    this.dirty.queue = this.dirty.rules = this.dirty.history = false;
  }

  private updateHasPending(): void {
    const has = this.deps.queue.size > 0;
    if (has === this.lastHasPending) return;
    this.lastHasPending = has;
    this.host.setHasPending(has);
  }

  private post(msg: ToWebview): void {
    if (this.host.attached()) this.host.post(msg);
  }

  private postAgents(): void {
    if (this.agents) this.post({ type: 'agents', agents: this.agents, ...(this.gate ? { gate: this.gate } : {}), ...(this.sandbox ? { sandbox: this.sandbox } : {}) });
  }

  /** Connect Agents reports how each agent is wired; the panel shows it in its Agents section. */
  showAgents(agents: AgentConnectionView[], gate?: GateStateView, sandbox?: SandboxStatusView): void {
    this.agents = agents;
    if (gate) this.gate = gate;
    if (sandbox) this.sandbox = sandbox;
    this.postAgents();
  }

  /** Reveals the panel and brings one card into view (from a notification's "Review"). */
  async revealCard(id: string): Promise<void> {
    this.focusOnReady = id || undefined;
    await this.host.reveal();
    if (this.host.attached() && id) {
      this.post({ type: 'focus', id });
      this.focusOnReady = undefined;
    }
  }

  dispose(): void {
    this.flushTimer?.cancel();
    this.flushTimer = undefined;
    for (const d of this.subscriptions.splice(0)) d.dispose();
  }
}
