// Earlier reviewed decisions, read back from this workspace's audit log, so the panel's History survives a
// restart of VS Code (the in-memory session history adds to them).
import { readHistory, rowSummary, type HistoryItem } from '../audit';
import type { DecidedByView, HistoryEntryView } from '../protocol/webviewMessages';

const SHOWN: Partial<Record<string, DecidedByView>> = { human: 'human', rule: 'rule', timeout: 'timeout' };

function entryOf(item: HistoryItem): HistoryEntryView | undefined {
  const by = item.decision && SHOWN[item.decision.decidedBy];
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

/** Newest first; reviewed decisions only (policy decisions are in the Audit Log view). */
export async function previousDecisions(auditDir: string, limit = 50): Promise<HistoryEntryView[]> {
  const items = await readHistory(auditDir, { limit: limit * 4 }).catch(() => []);
  return items.flatMap((i) => entryOf(i) ?? []).slice(0, limit);
}
