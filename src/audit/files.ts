// Where a log lives: a directory per workspace (chosen by the caller) holding `<prefix>-NNNNNN.jsonl` files.
// The number is the file's place in the chain (1, 2, …), zero-padded so `ls` and shell globs list them in order.
// A directory normally holds one chain (`audit-…`); when a second gate writes to the same directory at the same
// time (two windows on one workspace, empty windows), it writes its own chain beside it (`audit.2-…`, …).
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';

export const DEFAULT_PREFIX = 'audit';
const NAME = /^(.+)-(\d{6,})\.jsonl$/;

export function logFileName(prefix: string, index: number): string {
  return `${prefix}-${String(index).padStart(6, '0')}.jsonl`;
}

/** The chain position encoded in a log file's name, or undefined when the name is not a log file's. */
export function logFileIndex(path: string, prefix?: string): number | undefined {
  const m = NAME.exec(basename(path));
  if (!m || (prefix !== undefined && m[1] !== prefix)) return undefined;
  return Number(m[2]);
}

/** The chain prefix in a log file's name (`audit` for audit-000001.jsonl), or undefined. */
export function logFilePrefix(path: string): string | undefined {
  return NAME.exec(basename(path))?.[1];
}

/** The prefix for the n-th chain of a directory (n = 1 is the plain prefix). */
export function siblingPrefix(prefix: string, n: number): string {
  return n <= 1 ? prefix : `${prefix}.${n}`;
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
    const m = NAME.exec(name);
    if (!m) continue;
    const prefix = m[1] as string;
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), { name, index: Number(m[2]) }]);
  }
  const prefixes = [...byPrefix.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
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
