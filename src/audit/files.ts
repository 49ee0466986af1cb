// Where a log lives: a directory per workspace (chosen by the caller) holding `<prefix>-NNNNNN.jsonl` files.
// The number is the file's place in the chain (1, 2, …), zero-padded so `ls` and shell globs list them in order.
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

/**
 * A log's files in chain order (absolute paths under `dir`). Without `prefix`, the directory must hold exactly one
 * log's files (any prefix); several logs side by side are an error naming them. A missing directory has no files.
 */
export async function listLogFiles(dir: string, prefix?: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const found = names
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((f): f is { name: string; m: RegExpExecArray } => f.m !== null && (prefix === undefined || f.m[1] === prefix));
  const prefixes = new Set(found.map((f) => f.m[1]));
  if (prefixes.size > 1) throw new Error(`${dir} holds several audit logs (${[...prefixes].sort().join(', ')}); name the files`);
  return found.sort((a, b) => Number(a.m[2]) - Number(b.m[2])).map((f) => join(dir, f.name));
}
