// Where a log lives: a directory per workspace (chosen by the caller) holding `<prefix>-NNNNNN.jsonl` files.
// The number is the file's place in the chain (1, 2, …), zero-padded so `ls` and shell globs list them in order.
// A directory normally holds one chain (`audit-…`); when a second gate writes to the same directory at the same
// time (two windows on one workspace, empty windows), it writes its own chain beside it (`audit.2-…`, …).
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';

// A chain named after one file (the headless gate's `--audit FILE`) is a "named" chain: its prefix is the file's
// name ending in `.jsonl`; the first file is exactly that name and later ones sit beside it as `FILE.1`, `FILE.2`, …
export const DEFAULT_PREFIX = 'audit';
const NAME = /^(.+)-(\d{6,})\.jsonl$/;
const NAMED = /^(.+\.jsonl)(?:\.(\d+))?$/;

/** A prefix that names the chain's first file itself (`audit.jsonl`), not a `<prefix>-NNNNNN.jsonl` series. */
export function isNamedChain(prefix: string): boolean {
  return prefix.endsWith('.jsonl');
}

function parseName(name: string): { prefix: string; index: number } | undefined {
  const m = NAME.exec(name);
  if (m) return { prefix: m[1] as string, index: Number(m[2]) };
  const n = NAMED.exec(name);
  if (n) return { prefix: n[1] as string, index: n[2] === undefined ? 1 : Number(n[2]) + 1 };
  return undefined;
}

export function logFileName(prefix: string, index: number): string {
  if (isNamedChain(prefix)) return index <= 1 ? prefix : `${prefix}.${index - 1}`;
  return `${prefix}-${String(index).padStart(6, '0')}.jsonl`;
}

/** The chain position encoded in a log file's name, or undefined when the name is not a log file's. */
export function logFileIndex(path: string, prefix?: string): number | undefined {
  const p = parseName(basename(path));
  if (!p || (prefix !== undefined && p.prefix !== prefix)) return undefined;
  return p.index;
}

/** The chain prefix in a log file's name (`audit` for audit-000001.jsonl, `x.jsonl` for x.jsonl.2), or undefined. */
export function logFilePrefix(path: string): string | undefined {
  return parseName(basename(path))?.prefix;
}

/** The prefix for the n-th chain of a directory (n = 1 is the plain prefix). */
export function siblingPrefix(prefix: string, n: number): string {
  return n <= 1 ? prefix : `${prefix}.${n}`;
}

/** Code-unit order (timestamps in ISO form sort as text); unlike localeCompare, no ICU collation data is loaded. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Chain prefixes with their numbers compared as numbers (`audit.2` before `audit.10`), the same in every locale. */
export function chainOrder(a: string, b: string): number {
  const as = a.split(/(\d+)/);
  const bs = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i] as string;
    const y = bs[i] as string;
    const c = i % 2 === 1 ? Number(x) - Number(y) || compareText(x, y) : compareText(x, y);
    if (c !== 0) return c;
  }
  return as.length - bs.length;
}

/**
 * Every chain in `dir`: prefix -> absolute paths in chain order, prefixes sorted (`audit`, `audit.2`, …).
 * A missing directory has none.
 */
export async function listLogs(dir: string): Promise<Map<string, string[]>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw err;
  }
  const byPrefix = new Map<string, { name: string; index: number }[]>();
  for (const name of names) {
    const p = parseName(name);
    if (!p) continue;
    byPrefix.set(p.prefix, [...(byPrefix.get(p.prefix) ?? []), { name, index: p.index }]);
  }
  const prefixes = [...byPrefix.keys()].sort(chainOrder);
  return new Map(prefixes.map((p) => [p, (byPrefix.get(p) ?? []).sort((a, b) => a.index - b.index).map((f) => join(dir, f.name))]));
}

/**
 * One chain's files in chain order. Without `prefix`, the directory must hold exactly one chain; several side by
 * side are an error naming them (use listLogs). A missing directory has no files.
 */
export async function listLogFiles(dir: string, prefix?: string): Promise<string[]> {
  const logs = await listLogs(dir);
  if (prefix !== undefined) return logs.get(prefix) ?? [];
  if (logs.size > 1) throw new Error(`${dir} holds several audit chains (${[...logs.keys()].join(', ')}); name the files or the prefix`);
  return [...logs.values()][0] ?? [];
}
