// Entries as CSV rows and the export's selection rule, shared by the CLI and the VS Code view.
import { addToHistory, isEmptyFilter, matchesFilter, type AuditFilter, type HistoryItem } from './history';
import { logFilePrefix } from './files';
import { readLines } from './lines';
import { parseLine } from './parse';
import type { AuditClickThrough, AuditEntry, ReusedAnswer } from './schema';

export const CSV_COLUMNS = ['seq', 'ts', 'type', 'id', 'agent', 'tool', 'kind', 'risk', 'rules', 'summary', 'decision', 'decided_by', 'reason', 'detail', 'hash', 'chain', 'reused_seq'] as const;

/**
 * One CSV cell: always quoted, quotes doubled, and a cell a spreadsheet would run as a formula (leading = + - @,
 * or tab / carriage return that some programs strip first) gets a leading `'`.
 */
export function csvCell(value: string | number | undefined): string {
  let s = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

function detail(e: AuditEntry): string {
  switch (e.type) {
    case 'segment':
      return e.detail ? `${e.reason}: ${e.detail}` : e.reason;
    case 'recovered':
      return `torn write of ${e.torn.bytes} bytes cut from ${e.torn.file} line ${e.torn.line}`;
    case 'note':
      return `${e.topic}: ${e.message}`;
    case 'request':
      return '';
    case 'decision':
      return [e.decision.reused ? reusedDetail(e.decision.reused) : '', e.decision.clickThrough ? clickThroughDetail(e.decision.clickThrough) : ''].filter(Boolean).join('; ');
  }
}

/** A repeated call's answer, taken from an earlier decision: "reused the answer of seq 12 (request 1898…)". */
function reusedDetail(r: ReusedAnswer): string {
  return `reused the answer of ${r.seq === undefined ? '' : `seq ${r.seq} `}(request ${r.id}) to this same call`;
}

/** A human decision's click-through in one cell: "details seen in card, editor; confirmed; shown whole (412 chars, sha256 3f…)". */
function clickThroughDetail(c: AuditClickThrough): string {
  const seen = c.detailsOpened ? `details seen in ${c.openedVia.join(', ')}` : 'details not opened';
  const shown = c.shown ? ` (${c.shown.chars} chars, sha256 ${c.shown.sha256.slice(0, 12)}…)` : '';
  return `click-through: ${seen}; ${c.confirmed ? 'confirmed' : 'not confirmed'}; ${c.shownWhole ? 'shown whole' : 'not shown whole'}${shown}`;
}

/**
 * A CSV line (CRLF-terminated, RFC 4180) for an entry; request columns come from its joined item when known.
 * `chain`: the file prefix, telling apart entries of side-by-side chains (their seqs overlap). `reused_seq`: a
 * repeated call's decision names the entry whose answer it was given again (nobody decided it anew).
 */
export function csvRow(e: AuditEntry, item?: HistoryItem, chain?: string): string {
  const request = e.type === 'request' ? e.request : e.type === 'decision' ? (e.request ?? item?.request) : undefined;
  const decision = e.type === 'decision' ? e.decision : undefined;
  const id = e.type === 'request' || e.type === 'decision' ? e.id : undefined;
  const cells = [
    e.seq, e.ts, e.type, id, request?.agent, request?.tool, request?.kind, request?.risk, request?.rules.join(' '), request?.summary,
    decision?.decision, decision?.decidedBy, decision?.reason, detail(e), e.hash, chain, decision?.reused?.seq,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.map(csvCell).join(',')}\r\n`;
}

/** With a filter, only request and decision entries whose joined request matches are kept; without, everything. */
export function entrySelected(e: AuditEntry, items: Map<string, HistoryItem>, filter: AuditFilter): boolean {
  if (isEmptyFilter(filter)) return true;
  if (e.type !== 'request' && e.type !== 'decision') return false;
  const item = items.get(e.id);
  return item !== undefined && matchesFilter(item, filter);
}

export interface ExportedEntry {
  entry: AuditEntry;
  /** The line exactly as stored (without newline): a JSONL export keeps each entry's own hash checkable. */
  raw: string;
  item?: HistoryItem;
  /** The file prefix of the entry's chain (`audit`), when its file is named like a log file. */
  chain?: string;
}

/**
 * Streams the selected entries of `files` in log order. Two passes: the first joins requests and decisions, so a
 * filter on decision also keeps the request entry that came before it, and a decision row gets its request's columns. Unreadable lines are reported through
 * `onSkip` and left out (export is not verify).
 */
export async function* exportEntries(files: readonly string[], filter: AuditFilter, onSkip?: (file: string, line: number, why: string) => void): AsyncGenerator<ExportedEntry> {
  const items = new Map<string, HistoryItem>();
  for (const file of files) {
    for await (const line of readLines(file)) {
      const parsed = line.terminated ? parseLine(line.bytes) : undefined;
      if (parsed?.ok) addToHistory(items, parsed.entry);
    }
  }
  for (const file of files) {
    const chain = logFilePrefix(file);
    for await (const line of readLines(file)) {
      if (!line.terminated) {
        onSkip?.(file, line.no, 'incomplete last line');
        continue;
      }
      const parsed = parseLine(line.bytes);
      if (!parsed.ok) {
        onSkip?.(file, line.no, parsed.message);
        continue;
      }
      const e = parsed.entry;
      if (!entrySelected(e, items, filter)) continue;
      const item = e.type === 'request' || e.type === 'decision' ? items.get(e.id) : undefined;
      const out: ExportedEntry = { entry: e, raw: line.bytes.toString('utf8') };
      if (item) out.item = item;
      if (chain) out.chain = chain;
      yield out;
    }
  }
}
