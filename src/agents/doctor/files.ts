// Reading agent settings files for the doctor: JSON with comments, never throwing. A file that cannot be read or
// parsed is reported, not guessed at.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import { edits } from '../../lint/jsonNodes';
import type { TextEdit } from '../../lint/types';
import type { DoctorFix, Finding } from './types';
import { isInside } from '../../policy/paths/containment';

export interface SettingsFile {
  file: string;
  text: string;
  root: Node;
}

export type Loaded = { ok: SettingsFile } | { missing: true } | { broken: Finding };

function readOrMissing(file: string): string | undefined | Error {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : (err as Error);
  }
}

/** A JSON settings file: its tree, missing, or a finding saying why the agent cannot use it. */
export function loadJson(file: string, owner: string): Loaded {
  const text = readOrMissing(file);
  if (text === undefined) return { missing: true };
  if (text instanceof Error) return { broken: { file, setting: '', message: `${owner} cannot read this file (${text.message}).`, disables: false } };
  if (text.trim() === '') return { missing: true };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || root.type !== 'object' || errors.length > 0) {
    return { broken: { file, setting: '', message: `This file is not a valid JSON object, so ${owner} may ignore every setting in it, hooks included.`, disables: false } };
  }
  return { ok: { file, text, root } };
}

/** Loads several files; broken ones go into `findings`. */
export function loadAll(files: readonly string[], owner: string, findings: Finding[]): SettingsFile[] {
  return files.flatMap((f) => {
    const l = loadJson(f, owner);
    if ('broken' in l) findings.push(l.broken);
    return 'ok' in l ? [l.ok] : [];
  });
}

/** The value at `path` (objects and arrays too: a tree node carries `value` only for primitives). */
export function value(f: SettingsFile, path: JSONPath): unknown {
  const node = path.length === 0 ? f.root : findNodeAtLocation(f.root, path);
  return node ? (getNodeValue(node) as unknown) : undefined;
}

/** `*.json` files of a folder, sorted (the order agents run them in). */
export function jsonFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

export function applyTextEdits(text: string, list: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...list].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.content + out.slice(e.offset + e.length);
  return out;
}

/** A fix that sets (or, with undefined, removes) one setting of a JSON file. */
export function jsonFix(f: SettingsFile, path: JSONPath, to: unknown, title: string): DoctorFix {
  return { title, file: f.file, before: f.text, after: applyTextEdits(f.text, edits(f.text, path, to)) };
}

/**
 * The file that decides a setting: the first of `highestFirst` that sets it to a value of the expected type.
 * Agents layer their settings files; the highest-precedence file that sets a key wins.
 */
export function decidingFile<T>(highestFirst: readonly SettingsFile[], path: JSONPath, is: (v: unknown) => v is T): { file: SettingsFile; value: T } | undefined {
  for (const f of highestFirst) {
    const v = value(f, path);
    if (is(v)) return { file: f, value: v };
  }
  return undefined;
}

export const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
export const isStr = (v: unknown): v is string => typeof v === 'string';

/** Is `dir` the folder `root` or inside it: a trusted folder grants trust, so the case must match exactly. */
export function within(dir: string, root: string): boolean {
  return isInside(dir, root === '' ? '/' : root, 'exact');
}
