// Reads, verifies and exports a workspace's audit log for the view (no vscode: plain functions over src/audit).
import { csvHeader, csvRow, exportEntries, listLogs, readHistory, verifyLog, type HistoryItem } from '../../audit';
import type { AuditFilter, ChainStatus } from '../../protocol/auditLogMessages';

export const VIEW_LIMIT = 500;

export async function readItems(dir: string, filter: AuditFilter): Promise<{ items: HistoryItem[]; truncated: boolean }> {
  const items = await readHistory(dir, { limit: VIEW_LIMIT + 1, filter });
  return { items: items.slice(0, VIEW_LIMIT), truncated: items.length > VIEW_LIMIT };
}

/** `anchor(chain)`: a hash recorded outside the log for that chain; then cutting off the newest entries is caught too. */
export async function verifyDir(dir: string, anchor: (chain: string) => string | undefined = () => undefined): Promise<ChainStatus> {
  const logs = await listLogs(dir).catch(() => new Map<string, string[]>());
  if (logs.size === 0) return { chains: [{ name: 'audit', status: 'empty', entries: 0, message: 'No audit log yet: nothing has been decided in this workspace.' }] };
  const chains: ChainStatus['chains'] = [];
  for (const [name, files] of logs) {
    const pinned = anchor(name);
    const r = await verifyLog(files, pinned ? { anchor: pinned } : {});
    const where = r.problem ? `${r.problem.file}:${r.problem.line}${r.problem.seq === undefined ? '' : ` (seq ${r.problem.seq})`}` : '';
    const message =
      r.status === 'intact'
        ? `Intact: ${r.entries} entries in ${files.length} file(s)${pinned ? ', up to the last entry VS Code saw written' : ''}.`
        : r.status === 'torn'
          ? `Intact except an incomplete last line (a crash mid-write) at ${r.torn?.file}:${r.torn?.line}.`
          : `Broken at ${where}: ${r.problem?.message ?? 'unknown problem'}`;
    chains.push({ name, status: r.status, entries: r.entries, message });
  }
  return { chains };
}

/** The whole log (every chain), filtered, as JSONL (lines as stored) or CSV. */
export async function exportText(dir: string, format: 'jsonl' | 'csv', filter: AuditFilter): Promise<string> {
  const line = (s: string) => s.replace(/\r?\n$/, '');
  const out: string[] = format === 'csv' ? [line(csvHeader())] : [];
  for (const [name, files] of await listLogs(dir)) {
    for await (const { entry, raw, item } of exportEntries(files, filter)) out.push(format === 'csv' ? line(csvRow(entry, item, name)) : raw);
  }
  return out.join('\n') + '\n';
}
