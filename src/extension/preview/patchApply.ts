// The proposed text of each file in a patch: Codex / VS Code `apply_patch` envelopes (*** Begin Patch …) and, as a
// fallback, unified diffs (through jsdiff). Pure: the caller supplies each file's current text.
import { applyPatch, parsePatch, type StructuredPatch } from 'diff';

export interface PatchFile {
  op: 'add' | 'update' | 'delete';
  path: string;
  moveTo?: string;
  /** Add File: the new content. */
  content?: string;
  hunks: PatchHunk[];
  /** The file's part of a unified diff (fallback format), applied with jsdiff. */
  structured?: StructuredPatch;
}

interface PatchHunk {
  context: string;
  lines: { kind: ' ' | '-' | '+'; text: string }[];
  endOfFile: boolean;
}

export type Applied = { ok: true; after: string } | { ok: false; why: string };

/** Parses an apply_patch envelope; undefined when `text` is not one. */
export function parseApplyPatch(text: string): PatchFile[] | undefined {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const begin = lines.findIndex((l) => l.trim() === '*** Begin Patch');
  if (begin < 0) return undefined;
  const files: PatchFile[] = [];
  let file: PatchFile | undefined;
  let hunk: PatchHunk | undefined;
  for (const line of lines.slice(begin + 1)) {
    const header = /^\*\*\* (Add|Update|Delete) File: (.+)$/.exec(line);
    if (header) {
      file = { op: header[1] === 'Add' ? 'add' : header[1] === 'Delete' ? 'delete' : 'update', path: (header[2] as string).trim(), hunks: [] };
      if (file.op === 'add') file.content = '';
      files.push(file);
      hunk = undefined;
      continue;
    }
    if (line.trim() === '*** End Patch') break;
    if (!file) continue;
    const move = /^\*\*\* Move to: (.+)$/.exec(line);
    if (move) {
      file.moveTo = (move[1] as string).trim();
      continue;
    }
    if (file.op === 'add') {
      if (line.startsWith('+')) file.content += line.slice(1) + '\n';
      continue;
    }
    if (file.op !== 'update') continue;
    if (line.startsWith('@@')) {
      hunk = { context: line.slice(2).trim(), lines: [], endOfFile: false };
      file.hunks.push(hunk);
      continue;
    }
    if (line === '*** End of File') {
      if (hunk) hunk.endOfFile = true;
      continue;
    }
    const kind = line[0];
    if (kind === ' ' || kind === '-' || kind === '+' || line === '') {
      if (!hunk) {
        hunk = { context: '', lines: [], endOfFile: false };
        file.hunks.push(hunk);
      }
      hunk.lines.push({ kind: line === '' ? ' ' : (kind as ' ' | '-' | '+'), text: line.slice(1) });
    }
  }
  return files;
}

/** Unified diffs (--- a/x, +++ b/x, @@ …) as PatchFiles; undefined when `text` has none. */
export function parseUnified(text: string): PatchFile[] | undefined {
  if (!/^--- /m.test(text) || !/^\+\+\+ /m.test(text)) return undefined;
  let parsed: StructuredPatch[];
  try {
    parsed = parsePatch(text);
  } catch {
    return undefined;
  }
  const strip = (name: string | undefined) => (name ?? '').replace(/^[ab]\//, '').replace(/\t.*$/, '');
  const files = parsed
    .filter((p) => p.hunks.length > 0)
    .map((p): PatchFile => {
      const op = p.oldFileName === '/dev/null' ? 'add' : p.newFileName === '/dev/null' ? 'delete' : 'update';
      const path = strip(op === 'add' ? p.newFileName : p.oldFileName);
      const content = op === 'add' ? p.hunks.flatMap((h) => h.lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1) + '\n')).join('') : undefined;
      return { op, path, hunks: [], structured: p, content };
    });
  return files.length ? files : undefined;
}

function findLines(hay: string[], needle: string[], from: number, fromEnd: boolean): number {
  const norms: ((s: string) => string)[] = [(s) => s, (s) => s.trimEnd(), (s) => s.trim()];
  for (const norm of norms) {
    const n = needle.map(norm);
    const matchesAt = (i: number) => n.every((l, k) => norm(hay[i + k] ?? '\u0000') === l);
    if (fromEnd) {
      const i = hay.length - n.length;
      if (i >= from && matchesAt(i)) return i;
    }
    for (let i = from; i + n.length <= hay.length; i++) if (matchesAt(i)) return i;
  }
  return -1;
}

/** Applies one file's hunks to its current text. */
export function applyPatchFile(file: PatchFile, before: string | undefined): Applied {
  if (file.op === 'add') return { ok: true, after: file.content ?? '' };
  if (file.op === 'delete') return { ok: true, after: '' };
  if (before === undefined) return { ok: false, why: `${file.path} does not exist, so the patch cannot update it.` };
  if (file.structured) {
    const result = applyPatch(before, file.structured);
    return result === false ? { ok: false, why: `The patch does not apply to the current ${file.path}.` } : { ok: true, after: result };
  }
  const endsWithNewline = before.endsWith('\n') || before === '';
  const lines = (endsWithNewline ? before.slice(0, -1) : before).split('\n');
  if (before === '') lines.length = 0;
  let cursor = 0;
  for (const [k, h] of file.hunks.entries()) {
    if (h.context) {
      const at = findLines(lines, [h.context], cursor, false);
      if (at >= 0) cursor = at + 1;
    }
    const oldLines = h.lines.filter((l) => l.kind !== '+').map((l) => l.text);
    const newLines = h.lines.filter((l) => l.kind !== '-').map((l) => l.text);
    let at: number;
    if (oldLines.length === 0) at = h.endOfFile ? lines.length : cursor;
    else at = findLines(lines, oldLines, cursor, h.endOfFile);
    if (at < 0) return { ok: false, why: `Hunk ${k + 1} of the patch for ${file.path} does not match the current file.` };
    lines.splice(at, oldLines.length, ...newLines);
    cursor = at + newLines.length;
  }
  return { ok: true, after: lines.length ? lines.join('\n') + '\n' : '' };
}

/** Files of a patch in either format. */
export function parsePatchText(text: string): PatchFile[] | undefined {
  return parseApplyPatch(text) ?? parseUnified(text);
}
