// Earlier reviewed decisions, read back from this workspace's audit log, so the panel's History survives a
// restart of VS Code (the in-memory session history adds to them).
import { readHistory } from '../audit';
import type { HistoryEntryView } from '../protocol/webviewMessages';
import { historyEntryOfAudit } from '../review/history';

/** Newest first; reviewed decisions only (policy decisions are in the Audit Log view). */
export async function previousDecisions(auditDir: string, limit = 50): Promise<HistoryEntryView[]> {
  const items = await readHistory(auditDir, { limit: limit * 4 }).catch(() => []);
  return items.flatMap((i) => historyEntryOfAudit(i) ?? []).slice(0, limit);
}
