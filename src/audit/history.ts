// Requests as the panel's history and the Show Audit Log view list them: request and decision entries joined by
// id, newest first, with the same filter as `countersign audit export`.
import { compareText, listLogs } from './files';
import { readLines } from './lines';
import { parseLine } from './parse';
import type { AuditEntry, AuditFilter, AuditRow } from './schema';

/** The joined row (schema.ts AuditRow); the name the history readers have always used. */
export type HistoryItem = AuditRow;
export type { AuditFilter } from './schema';

export function isEmptyFilter(filter: AuditFilter): boolean {
  return !filter.agents?.length && !filter.risks?.length && !filter.decisions?.length;
}

/** Every given criterion must match; within one criterion any listed value does. */
export function matchesFilter(item: Pick<HistoryItem, 'request' | 'decision'>, filter: AuditFilter): boolean {
  if (filter.agents?.length && !(item.request && filter.agents.includes(item.request.agent))) return false;
  if (filter.risks?.length && !(item.request && filter.risks.includes(item.request.risk))) return false;
  if (filter.decisions?.length && !filter.decisions.includes(item.decision?.decision ?? 'pending')) return false;
  return true;
}

/** Folds one entry into the items map (request and decision entries; others are ignored). */
export function addToHistory(items: Map<string, HistoryItem>, e: AuditEntry): void {
  if (e.type !== 'request' && e.type !== 'decision') return;
  const item = items.get(e.id) ?? { id: e.id, seq: e.seq };
  item.seq = Math.max(item.seq, e.seq);
  if (e.type === 'request') {
    item.request = e.request;
    item.receivedAt = e.ts;
  } else {
    item.decision = e.decision;
    item.decidedAt = e.ts;
    if (e.request && !item.request) {
      item.request = e.request;
      item.receivedAt = e.ts;
    }
  }
  items.set(e.id, item);
}

/** Joins one chain's entries (in log order) into items, newest first. */
export function historyFromEntries(entries: Iterable<AuditEntry>, filter: AuditFilter = {}): HistoryItem[] {
  const items = new Map<string, HistoryItem>();
  for (const e of entries) addToHistory(items, e);
  return [...items.values()].filter((i) => matchesFilter(i, filter)).sort((a, b) => b.seq - a.seq);
}

/** Every readable entry of one file, skipping lines that are torn or fail their hash (verify reports those). */
export async function readFileEntries(file: string): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const line of readLines(file)) {
    if (!line.terminated) break;
    const parsed = parseLine(line.bytes);
    if (parsed.ok) out.push(parsed.entry);
  }
  return out;
}

export interface HistoryOptions {
  /** Most items returned. Default 200. */
  limit?: number;
  filter?: AuditFilter;
  /** Read only this chain (default: every chain in the directory, merged by time). */
  prefix?: string;
}

/** One chain's newest items: files from the newest back, as far as needed plus one (a request across a rotation). */
async function chainHistory(files: readonly string[], limit: number, filter: AuditFilter): Promise<HistoryItem[]> {
  const perFile: AuditEntry[][] = [];
  let extra = 0;
  for (let i = files.length - 1; i >= 0; i--) {
    perFile.unshift(await readFileEntries(files[i] as string));
    if (extra > 0 || historyFromEntries(perFile.flat(), filter).length >= limit) {
      if (++extra > 1) break;
    }
  }
  return historyFromEntries(perFile.flat(), filter).slice(0, limit);
}

const lastActivity = (i: HistoryItem) => i.decidedAt ?? i.receivedAt ?? '';

/** The newest items of the log in `dir`, newest first (several chains: merged by time). Does not verify. */
export async function readHistory(dir: string, opts: HistoryOptions = {}): Promise<HistoryItem[]> {
  const limit = opts.limit ?? 200;
  const filter = opts.filter ?? {};
  const logs = await listLogs(dir);
  const chains = opts.prefix === undefined ? [...logs] : [[opts.prefix, logs.get(opts.prefix) ?? []] as const];
  if (chains.length === 1) return chainHistory(chains[0]?.[1] ?? [], limit, filter);
  const items: HistoryItem[] = [];
  for (const [chain, files] of chains) {
    for (const item of await chainHistory(files, limit, filter)) items.push({ ...item, chain });
  }
  return items.sort((a, b) => compareText(lastActivity(b), lastActivity(a)) || b.seq - a.seq).slice(0, limit);
}
