// Reads the patch formats agents send: Codex/VS Code apply_patch ("*** Begin Patch / *** Update File: p / @@ /
// -old / +new / *** End Patch") and plain unified diffs (`--- a/p` / `+++ b/p`). Keeps offsets into the patch
// text so reasons can point at the exact header or added line.
import { lineIndex } from '../lines';

export interface PatchLine {
  /** Offset of the line's text (after the +/-/space marker) in the patch. */
  start: number;
  text: string;
}

export interface PatchFile {
  path: string;
  /** Offset of the path in the patch text. */
  pathStart: number;
  op: 'add' | 'update' | 'delete';
  movedTo?: { path: string; start: number };
  added: PatchLine[];
  removed: PatchLine[];
  context: PatchLine[];
  /** Hunk text before and after, in order (context + removed, context + added). */
  before: string;
  after: string;
  /** The hunks in order, for applying the patch to the file (changes/patch.ts). */
  hunks: PatchHunk[];
}

export interface PatchHunk {
  /** apply_patch: the text after `@@ ` that locates the hunk; unified: empty. */
  anchor: string;
  /** unified: the old file's first line number from `@@ -N,… @@`. */
  oldStart?: number;
  lines: { kind: ' ' | '-' | '+'; text: string }[];
  /** apply_patch `*** End of File`: the hunk ends the file. */
  endOfFile: boolean;
  /** unified `\ No newline at end of file` after the old or the new side's last line. */
  oldNoEol?: boolean;
  newNoEol?: boolean;
}

export interface ParsedPatch {
  files: PatchFile[];
  format: 'apply_patch' | 'unified' | 'unknown';
}

interface Line {
  start: number;
  text: string;
}

function lines(patch: string): Line[] {
  const out: Line[] = [];
  let at = 0;
  while (at <= patch.length) {
    let nl = patch.indexOf('\n', at);
    if (nl < 0) nl = patch.length;
    let text = patch.slice(at, nl);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    out.push({ start: at, text });
    at = nl + 1;
  }
  return out;
}

function newFile(path: string, pathStart: number, op: PatchFile['op']): PatchFile {
  return { path, pathStart, op, added: [], removed: [], context: [], before: '', after: '', hunks: [] };
}

function finish(f: PatchFile, order: { kind: ' ' | '-' | '+'; text: string }[]): void {
  f.before = order.filter((o) => o.kind !== '+').map((o) => o.text).join('\n');
  f.after = order.filter((o) => o.kind !== '-').map((o) => o.text).join('\n');
}

const V4A_HEADER = /^\*\*\* (Add|Update|Delete) File: (.*)$/;

function parseApplyPatch(all: Line[]): PatchFile[] {
  const files: PatchFile[] = [];
  let cur: PatchFile | undefined;
  let hunk: PatchHunk | undefined;
  let order: { kind: ' ' | '-' | '+'; text: string }[] = [];
  const close = () => {
    if (cur) finish(cur, order);
    order = [];
    hunk = undefined;
  };
  for (const l of all) {
    const h = V4A_HEADER.exec(l.text);
    if (h) {
      close();
      const op = h[1] === 'Add' ? 'add' : h[1] === 'Delete' ? 'delete' : 'update';
      const raw = h[2]!;
      const path = raw.trim();
      cur = newFile(path, l.start + l.text.indexOf(raw) + (raw.length - raw.trimStart().length), op);
      files.push(cur);
      continue;
    }
    if (!cur) continue;
    const move = /^\*\*\* Move to: (.*)$/.exec(l.text);
    if (move) {
      cur.movedTo = { path: move[1]!.trim(), start: l.start + 13 };
      continue;
    }
    if (l.text.startsWith('@@')) {
      hunk = { anchor: l.text.slice(2).trim(), lines: [], endOfFile: false };
      cur.hunks.push(hunk);
      continue;
    }
    if (l.text.trim() === '*** End of File') {
      if (hunk) hunk.endOfFile = true;
      continue;
    }
    if (l.text.startsWith('***')) continue;
    const marker = l.text[0];
    const line = { start: l.start + 1, text: l.text.slice(1) };
    const kind = marker === '+' || marker === '-' || marker === ' ' ? marker : undefined;
    if (kind === '+') cur.added.push(line);
    else if (kind === '-') cur.removed.push(line);
    else if (kind === ' ') cur.context.push(line);
    else continue;
    order.push({ kind, text: line.text });
    if (cur.op === 'update') {
      if (!hunk) {
        hunk = { anchor: '', lines: [], endOfFile: false };
        cur.hunks.push(hunk);
      }
      hunk.lines.push({ kind, text: line.text });
    }
  }
  close();
  return files;
}

function diffPath(raw: string): string {
  const p = raw.replace(/\t.*$/, '').trim();
  return p.replace(/^[ab]\//, '');
}

function parseUnified(all: Line[]): PatchFile[] {
  const files: PatchFile[] = [];
  let cur: PatchFile | undefined;
  let hunk: PatchHunk | undefined;
  let order: { kind: ' ' | '-' | '+'; text: string }[] = [];
  let inHunk = false;
  const close = () => {
    if (cur) finish(cur, order);
    order = [];
  };
  for (let i = 0; i < all.length; i++) {
    const l = all[i]!;
    const next = all[i + 1];
    if (l.text.startsWith('--- ') && next?.text.startsWith('+++ ')) {
      close();
      const oldPath = diffPath(l.text.slice(4));
      const newPath = diffPath(next.text.slice(4));
      const op = oldPath === '/dev/null' ? 'add' : newPath === '/dev/null' ? 'delete' : 'update';
      const path = op === 'delete' ? oldPath : newPath;
      const holder = op === 'delete' ? l : next;
      cur = newFile(path, holder.start + holder.text.indexOf(path), op);
      files.push(cur);
      i++;
      inHunk = false;
      continue;
    }
    if (!cur) continue;
    if (l.text.startsWith('@@')) {
      inHunk = true;
      const m = /^@@ -(\d+)/.exec(l.text);
      hunk = { anchor: '', lines: [], endOfFile: false };
      if (m) hunk.oldStart = Number(m[1]);
      cur.hunks.push(hunk);
      continue;
    }
    if (!inHunk) continue;
    const marker = l.text[0];
    const line = { start: l.start + 1, text: l.text.slice(1) };
    if (marker === '+') {
      cur.added.push(line);
      order.push({ kind: '+', text: line.text });
      hunk?.lines.push({ kind: '+', text: line.text });
    } else if (marker === '-') {
      cur.removed.push(line);
      order.push({ kind: '-', text: line.text });
      hunk?.lines.push({ kind: '-', text: line.text });
    } else if (marker === ' ' || (l.text === '' && next !== undefined && /^[ +\-\\]/.test(next.text))) {
      // An empty line inside a hunk is an empty context line whose space some tools strip.
      cur.context.push(line);
      order.push({ kind: ' ', text: marker === ' ' ? line.text : '' });
      hunk?.lines.push({ kind: ' ', text: marker === ' ' ? line.text : '' });
    } else if (marker === '\\' && hunk) {
      // `\ No newline at end of file` applies to the line just before it.
      const prev = hunk.lines[hunk.lines.length - 1];
      if (prev?.kind !== '+') hunk.oldNoEol = true;
      if (prev?.kind !== '-') hunk.newNoEol = true;
    } else if (l.text.startsWith('diff ')) inHunk = false;
  }
  close();
  return files;
}

export function parsePatch(patch: string): ParsedPatch {
  const all = lines(patch);
  if (all.some((l) => V4A_HEADER.test(l.text))) return { files: parseApplyPatch(all), format: 'apply_patch' };
  const unified = parseUnified(all);
  if (unified.length > 0) return { files: unified, format: 'unified' };
  return { files: [], format: 'unknown' };
}

/** The added lines of one file as one text, with a map back to patch offsets. */
export function addedText(file: PatchFile): { text: string; toPatch: (offset: number) => number } {
  const starts: number[] = [];
  let text = '';
  for (const l of file.added) {
    starts.push(text.length);
    text += l.text + '\n';
  }
  const toPatch = (offset: number): number => {
    const lo = lineIndex(starts, offset);
    const line = file.added[lo];
    if (!line) return 0;
    return line.start + Math.min(offset - starts[lo]!, line.text.length);
  };
  return { text, toPatch };
}
