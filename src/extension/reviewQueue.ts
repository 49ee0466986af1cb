// Actions waiting for a human. Each holds the resolver of the gate's review request; every one still
// pending when the queue is disposed is settled as a deny, so nothing waits forever and nothing fails open.
import type { ReviewAnswer, ReviewItem } from '../protocol/gateLsp';

interface Pending {
  item: ReviewItem;
  resolve: (answer: ReviewAnswer) => void;
}

export class ReviewQueue {
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<() => void>();
  private disposed = false;

  /** Subscribe to changes; returns an unsubscribe function. */
  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Queue an item; the promise settles when a human decides, or as deny when cancelled or disposed. */
  add(item: ReviewItem): { answer: Promise<ReviewAnswer>; cancel: () => void } {
    if (this.disposed) return { answer: Promise.resolve({ decision: 'deny', reason: 'Countersign is shutting down.' }), cancel: () => undefined };
    let resolve!: (a: ReviewAnswer) => void;
    const answer = new Promise<ReviewAnswer>((r) => (resolve = r));
    this.pending.set(item.id, { item, resolve });
    this.changed();
    return { answer, cancel: () => this.settle(item.id, { decision: 'deny', reason: 'cancelled' }) };
  }

  /** A human's decision from the panel. Returns false for an id that is not pending (stale or forged). */
  decide(id: string, answer: ReviewAnswer): boolean {
    return this.settle(id, answer);
  }

  private settle(id: string, answer: ReviewAnswer): boolean {
    const p = this.pending.get(id);
    if (!p) return false;
    this.pending.delete(id);
    p.resolve(answer);
    this.changed();
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
    for (const id of [...this.pending.keys()]) this.settle(id, { decision: 'deny', reason: 'VS Code closed the review panel before anyone decided.' });
    this.listeners.clear();
  }
}
