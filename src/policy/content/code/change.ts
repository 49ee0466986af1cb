// One change to one file, seen as before → after: both texts with comments blanked (lex.ts), which lines the change
// adds and removes (a line diff), and how to name a line to a reader. Every code detector works on this, so a rule
// fires on what the change did (a guard it removed, a check it weakened), never on text that was already there.
import { diffArrays } from 'diff';
import type { RuleId } from '../../reasons';
import type { Risk } from '../../types';
import type { ContentFinding, FileKind } from '../permissions';
import { views, type Views } from './lex';
import { lineIndex, lineStarts } from '../../lines';

export interface CodeChangeInput {
  file: FileKind;
  /** Old text: the whole file, or the fragment an edit replaces. Absent for a new file (or one never read). */
  before?: string;
  /** New text (the whole file, or the fragment that replaces `before`). Findings' offsets index this text. */
  after: string;
  /** The whole file around a fragment, before and after, when known: some checks need the rest of the file. */
  wholeBefore?: string;
  wholeAfter?: string;
  /** How to name a line to a reader; defaults to `line N` counted in `before`/`after`. */
  lineName?: (side: 'before' | 'after', index: number) => string;
}

export interface Side {
  text: string;
  views: Views;
  /** Offset of each line's first character. */
  starts: number[];
}

export interface Change {
  file: FileKind;
  /** A test, fixture, mock or example file: loosening there is worth a look, not an explicit click-through. */
  test: boolean;
  before?: Side;
  after: Side;
  wholeBefore?: Side;
  wholeAfter?: Side;
  /** Indexes of `after` lines the change adds (all of them when there is no `before`). */
  added: Set<number>;
  /** Indexes of `before` lines the change removes. */
  removed: Set<number>;
  /** For each removed `before` line, the `after` line that now stands where it was. */
  removedAt: Map<number, number>;
  lineName: (side: 'before' | 'after', index: number) => string;
}

export interface Match {
  index: number;
  text: string;
  groups: (string | undefined)[];
}

const TEST_PATH = /\/(?:tests?|__tests__|spec|specs|fixtures?|mocks?|__mocks__|testdata|test_data|examples?|e2e|cypress|playwright)\/|(?:\.|_)(?:test|spec|e2e)\.[a-z]+$|\/test_[^/]+\.py$|\/conftest\.py$/i;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

function side(text: string, ext: string): Side {
  return { text, views: views(text, ext), starts: lineStarts(text) };
}

/** The most lines a diff may differ by before the cheaper multiset comparison takes over. */
const MAX_EDIT = 4000;

function splitLines(text: string): string[] {
  return text.split('\n').map((l) => l.trim());
}

/** Added and removed line indexes: a Myers line diff on trimmed lines (indentation changes are not changes). */
function lineDiff(before: string, after: string): { added: Set<number>; removed: Set<number>; removedAt: Map<number, number> } {
  const a = splitLines(before);
  const b = splitLines(after);
  const added = new Set<number>();
  const removed = new Set<number>();
  const removedAt = new Map<number, number>();
  const parts = diffArrays(a, b, { maxEditLength: MAX_EDIT });
  if (parts) {
    let i = 0;
    let j = 0;
    for (const p of parts) {
      const n = p.count ?? p.value.length;
      if (p.added) {
        for (let k = 0; k < n; k++) added.add(j + k);
        j += n;
      } else if (p.removed) {
        for (let k = 0; k < n; k++) {
          removed.add(i + k);
          removedAt.set(i + k, j);
        }
        i += n;
      } else {
        i += n;
        j += n;
      }
    }
    return { added, removed, removedAt };
  }
  // Too different for a diff within budget: a line is added or removed when the other side lacks it (multiset).
  const count = new Map<string, number>();
  for (const l of a) count.set(l, (count.get(l) ?? 0) + 1);
  b.forEach((l, k) => {
    const c = count.get(l) ?? 0;
    if (c > 0) count.set(l, c - 1);
    else added.add(k);
  });
  const inB = new Map<string, number>();
  for (const l of b) inB.set(l, (inB.get(l) ?? 0) + 1);
  a.forEach((l, k) => {
    const c = inB.get(l) ?? 0;
    if (c > 0) inB.set(l, c - 1);
    else {
      removed.add(k);
      removedAt.set(k, Math.min(k, Math.max(0, b.length - 1)));
    }
  });
  return { added, removed, removedAt };
}

export function buildChange(input: CodeChangeInput): Change {
  const ext = input.file.ext;
  const after = side(input.after, ext);
  const before = input.before !== undefined ? side(input.before, ext) : undefined;
  let added: Set<number>;
  let removed = new Set<number>();
  let removedAt = new Map<number, number>();
  if (before) ({ added, removed, removedAt } = lineDiff(input.before!, input.after));
  else added = new Set(after.starts.map((_, k) => k));
  const ch: Change = {
    file: input.file,
    test: isTestPath(input.file.path),
    after,
    added,
    removed,
    removedAt,
    lineName: input.lineName ?? ((_s, k) => `line ${k + 1}`),
  };
  if (before) ch.before = before;
  if (input.wholeBefore !== undefined && input.wholeBefore !== input.before) ch.wholeBefore = side(input.wholeBefore, ext);
  if (input.wholeAfter !== undefined && input.wholeAfter !== input.after) ch.wholeAfter = side(input.wholeAfter, ext);
  return ch;
}

/** The line holding `offset`. */
export function lineOf(s: Side, offset: number): number {
  return lineIndex(s.starts, offset);
}

/** The raw text of line `k`. */
export function lineText(s: Side, k: number): string {
  const from = s.starts[k] ?? s.text.length;
  const next = s.starts[k + 1];
  return s.text.slice(from, next === undefined ? s.text.length : next - 1);
}

/** The span of line `k` without its indentation (an empty span at the end of the text when there is no line). */
export function lineSpan(s: Side, k: number): { start: number; end: number } {
  if (k >= s.starts.length) return { start: s.text.length, end: s.text.length };
  const from = s.starts[k]!;
  const raw = lineText(s, k);
  const lead = raw.length - raw.trimStart().length;
  return { start: from + lead, end: from + raw.trimEnd().length };
}

export function matchAll(re: RegExp, text: string): Match[] {
  const out: Match[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    out.push({ index: m.index, text: m[0], groups: m.slice(1) });
  }
  return out;
}

/** Import and include lines name things without using them: never counted as a guard or a bypass. */
const IMPORT_LINE = /^\s*(?:import\b|from\s+[\w.]+\s+import\b|using\s+[\w.]+\s*;|use\s+[\w\\:]+|require(?:_relative)?\s*[('"]|#include\b|package\s+[\w.]+|(?:const|let|var)\s+[\w{}\s,]+=\s*require\s*\()/;

export function isImportLine(line: string): boolean {
  return IMPORT_LINE.test(line);
}

type ViewName = keyof Views;

const changedCache = new WeakMap<Change, Map<string, string>>();

/**
 * The changed lines of one side (added lines of `after`, removed lines of `before`) with a line of context either
 * side, joined: a cheap first pass, since a finding must sit on a changed line. Context keeps two-line spellings.
 */
export function changedText(ch: Change, which: 'before' | 'after', view: ViewName): string {
  let cache = changedCache.get(ch);
  if (!cache) changedCache.set(ch, (cache = new Map<string, string>()));
  const key = `${which}:${view}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const s = which === 'after' ? ch.after : ch.before!;
  const set = which === 'after' ? ch.added : ch.removed;
  const lines = s.views[view].split('\n');
  const keepLine = new Set<number>();
  for (const k of set) for (let d = -1; d <= 1; d++) if (k + d >= 0 && k + d < lines.length) keepLine.add(k + d);
  const text = [...keepLine].sort((a, b) => a - b).map((k) => lines[k]).join('\n');
  cache.set(key, text);
  return text;
}

function mayMatch(re: RegExp, text: string): boolean {
  if (text === '') return false;
  const g = new RegExp(re.source, re.flags.replace('g', ''));
  return g.test(text);
}

/** Matches of `re` in one side's view, skipping import lines. */
export function find(s: Side, re: RegExp, view: ViewName = 'code'): Match[] {
  return matchAll(re, s.views[view]).filter((m) => !isImportLine(lineText(s, lineOf(s, m.index))));
}

/**
 * Occurrences of `re` the change adds: when the new text holds more of them than the old one, the ones on added
 * lines (as many as the surplus). Without an old text every occurrence is added.
 */
export function addedMatches(ch: Change, re: RegExp, view: ViewName = 'code', keep: (m: Match, s: Side) => boolean = () => true): Match[] {
  if (!mayMatch(re, changedText(ch, 'after', view))) return [];
  const now = find(ch.after, re, view).filter((m) => keep(m, ch.after));
  if (now.length === 0) return [];
  const was = ch.before ? find(ch.before, re, view).filter((m) => keep(m, ch.before!)).length : 0;
  const surplus = now.length - was;
  if (surplus <= 0) return [];
  const onAdded = now.filter((m) => ch.added.has(lineOf(ch.after, m.index)));
  return (onAdded.length > 0 ? onAdded : now).slice(0, surplus);
}

/** Occurrences of `re` the change removes (comments out, deletes): old ones on removed lines, as many as the deficit. */
export function removedMatches(ch: Change, re: RegExp, view: ViewName = 'code', keep: (m: Match, s: Side) => boolean = () => true): Match[] {
  if (!ch.before || !mayMatch(re, changedText(ch, 'before', view))) return [];
  const was = find(ch.before, re, view).filter((m) => keep(m, ch.before!));
  if (was.length === 0) return [];
  const now = find(ch.after, re, view).filter((m) => keep(m, ch.after)).length;
  const deficit = was.length - now;
  if (deficit <= 0) return [];
  return was.filter((m) => ch.removed.has(lineOf(ch.before!, m.index))).slice(0, deficit);
}

/** Where a removed old line now stands in the new text, for a finding's span. */
export function removedSpan(ch: Change, beforeOffset: number): { start: number; end: number } {
  const k = lineOf(ch.before!, beforeOffset);
  const at = ch.removedAt.get(k) ?? 0;
  let target = Math.min(at, ch.after.starts.length - 1);
  // Prefer a non-blank line at or after that position.
  while (target < ch.after.starts.length - 1 && lineText(ch.after, target).trim() === '') target++;
  return lineSpan(ch.after, target);
}

/** Shortens a code excerpt for a message. */
export function excerpt(s: string, max = 80): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export class Findings {
  readonly list: ContentFinding[] = [];
  constructor(private readonly ch: Change) {}

  /** A finding on new text: `line N: message`; in a test file a sensitive finding is a review. */
  added(rule: RuleId, m: Match, message: string, risk?: Risk): void {
    const k = lineOf(this.ch.after, m.index);
    this.push(rule, `${this.ch.lineName('after', k)}: ${message}`, m.index, m.index + m.text.trimEnd().length, risk);
  }

  /** A finding on an old line the change removed: named by its old line, shown where it used to be. */
  removed(rule: RuleId, m: Match, message: string, risk?: Risk): void {
    const k = lineOf(this.ch.before!, m.index);
    const span = removedSpan(this.ch, m.index);
    this.push(rule, `${this.ch.lineName('before', k)}: ${message}`, span.start, span.end, risk);
  }

  push(rule: RuleId, message: string, start: number, end: number, risk?: Risk): void {
    let r = risk;
    if (this.ch.test && (r === undefined || r === 'sensitive')) r = 'review';
    const f: ContentFinding = { rule, message, start, end };
    if (r !== undefined) f.risk = r;
    this.list.push(f);
  }
}
