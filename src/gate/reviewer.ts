// Who the gate asks when policy wants a human: the VS Code panel over LSP, or nobody (headless).
import type { ReviewAnswer, ReviewItem } from '../protocol/gateLsp';

export interface Reviewer {
  /** Resolves with the human's answer; rejects when the signal aborts or nobody can answer. */
  review(item: ReviewItem, signal: AbortSignal): Promise<ReviewAnswer>;
}
