// Recent decisions for the panel's History section: this session's, from the queue, and earlier ones read back from
// the audit log (the host reads the log; `historyEntryOfAudit` turns its rows into entries). Summaries are the one
// the audit log keeps (redacted, no contents), so a row looks the same before and after a restart.
import type { HistoryItem } from '../audit';
import { actionSummary, rowSummary } from '../audit/summary';
import type { DecidedByView, HistoryEntryView } from '../protocol/webviewMessages';
import type { ReviewQueue, Settled } from './reviewQueue';

export interface DecisionHistory {
  /** Newest first. */
  entries(limit?: number): HistoryEntryView[];
  onDidChange(listener: () => void): { dispose(): void };
  dispose(): void;
}

export function historyEntry(s: Settled): HistoryEntryView {
  const { item, answer } = s;
  return {
    id: item.id,
    risk: item.risk,
    agent: item.action.agent,
    tool: item.action.tool,
    summary: rowSummary(actionSummary(item.action)),
    decision: answer.decision,
    decidedBy: s.by,
    // Only a human's reason is news (it went back to the agent); the others are what the decidedBy label says.
    reason: s.by === 'human' ? answer.reason?.slice(0, 500) : undefined,
    receivedAt: item.receivedAt,
    decidedAt: s.at,
    // The gate planned where an allow would run before asking (gateLsp.ts ReviewItem.sandbox).
    ...(answer.decision === 'allow' && item.sandbox ? { sandboxed: item.sandbox.run } : {}),
  };
}

/** Decisions made in this VS Code session, newest first, capped. */
export class SessionHistory implements DecisionHistory {
  private readonly list: HistoryEntryView[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly sub: { dispose(): void };

  constructor(queue: ReviewQueue, private readonly max = 200) {
    this.sub = queue.onDidSettle((s) => this.record(s));
  }

  private record(s: Settled): void {
    this.list.unshift(historyEntry(s));
    if (this.list.length > this.max) this.list.length = this.max;
    for (const l of this.listeners) l();
  }

  /** Adds decisions from before this session (read from the audit log) after the ones already listed. */
  seed(earlier: readonly HistoryEntryView[]): void {
    const known = new Set(this.list.map((e) => e.id));
    this.list.push(...earlier.filter((e) => !known.has(e.id)));
    if (this.list.length > this.max) this.list.length = this.max;
    for (const l of this.listeners) l();
  }

  entries(limit = this.max): HistoryEntryView[] {
    return this.list.slice(0, limit);
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.sub.dispose();
    this.listeners.clear();
  }
}

const SHOWN_FROM_AUDIT: Partial<Record<string, DecidedByView>> = { human: 'human', rule: 'rule', timeout: 'timeout' };

/** An audit log row as a History entry: reviewed decisions only (policy decisions are in the Audit Log view). */
export function historyEntryOfAudit(item: HistoryItem): HistoryEntryView | undefined {
  const by = item.decision && SHOWN_FROM_AUDIT[item.decision.decidedBy];
  if (!item.request || !item.decision || !by) return undefined;
  const decidedAt = Date.parse(item.decidedAt ?? item.receivedAt ?? '');
  return {
    id: item.id,
    risk: item.request.risk,
    agent: item.request.agent,
    tool: item.request.tool,
    summary: rowSummary(item.request.summary),
    decision: item.decision.decision,
    decidedBy: by,
    receivedAt: Date.parse(item.receivedAt ?? '') || decidedAt,
    decidedAt,
    ...(typeof item.decision.sandboxed === 'boolean' ? { sandboxed: item.decision.sandboxed } : {}),
  };
}
