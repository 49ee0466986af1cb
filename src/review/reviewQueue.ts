// Actions waiting for a human. Each holds the resolver of the gate's review request; every one still
// pending when the queue is disposed is settled as a deny, so nothing waits forever and nothing fails open.
// A session rule may answer a new 'review' item at once (no card); it can never answer a sensitive one.
// The queue is where the click-through is enforced: it records what the extension saw the reviewer do, refuses a
// human's approval that lacks a step (src/review/clickThrough.ts), and sends that evidence with every human answer.
import type { DetailsSeenIn, ReviewAnswer, ReviewItem, RuleRef } from '../protocol/gateLsp';
import { ruleMayAnswer } from './ruleSignature';
import type { DecidedByView } from '../protocol/webviewMessages';
import { ClickThrough } from './clickThrough';

interface Pending {
  item: ReviewItem;
  resolve: (answer: ReviewAnswer) => void;
}

/** How an item left the queue, for the history and the notifications. */
export interface Settled {
  item: ReviewItem;
  answer: ReviewAnswer;
  by: DecidedByView;
  at: number;
}

/** "Allow similar" rules as the queue sees them: a match answers allow without asking anyone. */
export interface RuleMatcher {
  match(item: ReviewItem): RuleRef | undefined;
}

function ruleAnswer(rule: RuleRef): ReviewAnswer {
  const scope = rule.scope === 'session' ? 'for this session' : 'for this workspace';
  return { decision: 'allow', decidedBy: 'rule', rule: { id: rule.id, scope: rule.scope }, reason: `Allowed by a rule the reviewer created ${scope}.` };
}

export type DecideResult = { ok: true } | { ok: false; why: string };

/** A cancel this close to the deadline is the gate's own timeout, not the agent going away. */
const TIMEOUT_SLACK_MS = 1500;

type Listener<T> = (value: T) => void;

class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  on(listener: Listener<T>): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
  fire(value: T): void {
    for (const l of [...this.listeners]) {
      try {
        l(value);
      } catch {
        // one listener's bug must not keep the others (or the resolver) from running
      }
    }
  }
  clear(): void {
    this.listeners.clear();
  }
}

export class ReviewQueue {
  private readonly pending = new Map<string, Pending>();
  private readonly changes = new Emitter<void>();
  private readonly adds = new Emitter<ReviewItem>();
  private readonly settles = new Emitter<Settled>();
  private readonly clickThrough = new ClickThrough();
  private disposed = false;

  /** `now`: the host's clock (settle times, and whether a cancel is the gate's own timeout). */
  constructor(
    private readonly rules?: RuleMatcher,
    private readonly now: () => number = Date.now,
  ) {}

  /** Subscribe to changes; returns an unsubscribe function. */
  onDidChange(listener: () => void): { dispose(): void } {
    return this.changes.on(listener);
  }

  /** A new card (not fired for items a session rule answered). */
  onDidAdd(listener: (item: ReviewItem) => void): { dispose(): void } {
    return this.adds.on(listener);
  }

  /** Every answer: by a human, a rule, the deadline, the agent going away, or shutdown. */
  onDidSettle(listener: (settled: Settled) => void): { dispose(): void } {
    return this.settles.on(listener);
  }

  /** Queue an item; the promise settles when a human decides, or as deny when cancelled or disposed. */
  add(item: ReviewItem): { answer: Promise<ReviewAnswer>; cancel: () => void } {
    if (this.disposed) return { answer: Promise.resolve({ decision: 'deny', reason: 'Countersign is shutting down.' }), cancel: () => undefined };
    // Checked here too, not only in the matcher: a sensitive, blocked or unreadable action always reaches a human.
    const rule = ruleMayAnswer(item) ? this.rules?.match(item) : undefined;
    if (rule) {
      const answer = ruleAnswer(rule);
      this.settles.fire({ item, answer, by: 'rule', at: this.now() });
      return { answer: Promise.resolve(answer), cancel: () => undefined };
    }
    let resolve!: (a: ReviewAnswer) => void;
    const answer = new Promise<ReviewAnswer>((r) => (resolve = r));
    this.pending.set(item.id, { item, resolve });
    this.adds.fire(item);
    this.changes.fire();
    return {
      answer,
      cancel: () => {
        const late = this.now() >= item.deadline - TIMEOUT_SLACK_MS;
        this.settle(item.id, { decision: 'deny', reason: late ? 'Nobody decided before the deadline.' : 'cancelled' }, late ? 'timeout' : 'cancelled');
      },
    };
  }

  /**
   * A human's decision. Refused for an id that is not pending (stale or forged), and for an approval that lacks a
   * click-through step: a sensitive action needs its details seen and its confirmation ticked, an action too long for
   * the card needs to have been open whole in an editor. Denials always go through. The answer carries the evidence.
   */
  decide(id: string, answer: Pick<ReviewAnswer, 'decision' | 'reason'>): DecideResult {
    const p = this.pending.get(id);
    if (!p) return { ok: false, why: `no pending action ${id} (already decided or expired)` };
    if (answer.decision === 'allow') {
      const why = this.clickThrough.refusal(p.item);
      if (why) return { ok: false, why };
    }
    const evidence = this.clickThrough.evidence(p.item);
    this.settle(id, { decision: answer.decision, ...(answer.reason !== undefined ? { reason: answer.reason } : {}), decidedBy: 'human', clickThrough: evidence }, 'human');
    return { ok: true };
  }

  /** Why an approval of `id` would be refused now (for the panel's hint), or undefined. */
  approvalRefusal(id: string): string | undefined {
    const p = this.pending.get(id);
    return p ? this.clickThrough.refusal(p.item) : `no pending action ${id}`;
  }

  /** The extension itself saw the whole details of a pending item (callers check before saying so). */
  sawDetails(id: string, where: DetailsSeenIn): boolean {
    if (!this.pending.has(id)) return false;
    this.clickThrough.saw(id, where);
    return true;
  }

  /** The reviewer ticked (or unticked) the confirmation sentence of a pending item. */
  confirm(id: string, checked: boolean, sentence?: string): boolean {
    if (!this.pending.has(id)) return false;
    this.clickThrough.confirm(id, checked, sentence);
    return true;
  }

  /** Answers every pending 'review' item a session rule now matches (after the reviewer created one). */
  applyRules(): number {
    if (!this.rules) return 0;
    let n = 0;
    for (const { item } of [...this.pending.values()]) {
      if (!ruleMayAnswer(item)) continue;
      const rule = this.rules.match(item);
      if (rule && this.settle(item.id, ruleAnswer(rule), 'rule')) n++;
    }
    return n;
  }

  private settle(id: string, answer: ReviewAnswer, by: DecidedByView): boolean {
    const p = this.pending.get(id);
    if (!p) return false;
    // A rule must never answer anything but a 'review' item; the gate refuses it too.
    if (by === 'rule' && !ruleMayAnswer(p.item)) return false;
    this.pending.delete(id);
    this.clickThrough.forget(id);
    p.resolve(answer);
    this.settles.fire({ item: p.item, answer, by, at: this.now() });
    this.changes.fire();
    return true;
  }

  get(id: string): ReviewItem | undefined {
    return this.pending.get(id)?.item;
  }

  /** Newest first. */
  items(): ReviewItem[] {
    return [...this.pending.values()].map((p) => p.item).sort((a, b) => b.receivedAt - a.receivedAt);
  }

  get size(): number {
    return this.pending.size;
  }

  dispose(): void {
    this.disposed = true;
    for (const id of [...this.pending.keys()]) {
      this.settle(id, { decision: 'deny', reason: 'VS Code closed the review panel before anyone decided.' }, 'shutdown');
    }
    this.changes.clear();
    this.adds.clear();
    this.settles.clear();
  }
}
