// A patch applied to a file's current text, as the tool that applies it would: Codex/VS Code apply_patch hunks
// located by their `@@ anchor` and old lines (searched forward, exact first, then ignoring trailing and surrounding
// white space, as Codex does), unified diffs hunk by hunk at their line number or the nearest exact match (GNU patch
// and git apply with no fuzz). The one parser is normalize/patchText.ts. Pure.
import type { PatchFile, PatchHunk } from '../normalize/patchText';

export type PatchOutcome = { ok: true; after: string; exact: boolean; note?: string } | { ok: false; why: string };

type Norm = (s: string) => string;
const NORMS: [Norm, boolean][] = [
  [(s) => s, true],
  [(s) => s.trimEnd(), false],
  [(s) => s.trim(), false],
];

/** Codex's seek_sequence: the first place at or after `from` where `needle` matches; at the end first for EOF hunks. */
function seek(hay: string[], needle: string[], from: number, eof: boolean): { at: number; exact: boolean } | undefined {
  if (needle.length === 0) return { at: from, exact: true };
  if (needle.length > hay.length) return undefined;
  for (const [norm, exact] of NORMS) {
    const n = needle.map(norm);
    const matchesAt = (i: number) => n.every((l, k) => norm(hay[i + k]!) === l);
    if (eof) {
      const i = hay.length - n.length;
      if (i >= from && matchesAt(i)) return { at: i, exact };
    }
    for (let i = from; i + n.length <= hay.length; i++) if (matchesAt(i)) return { at: i, exact };
  }
  return undefined;
}

function splitLines(text: string): { lines: string[]; eol: boolean } {
  if (text === '') return { lines: [], eol: true };
  const eol = text.endsWith('\n');
  return { lines: (eol ? text.slice(0, -1) : text).split('\n'), eol };
}

const join = (lines: string[], eol: boolean) => (lines.length === 0 ? '' : lines.join('\n') + (eol ? '\n' : ''));

function applyV4A(file: PatchFile, before: string): PatchOutcome {
  const { lines } = splitLines(before);
  const replacements: { at: number; remove: number; insert: string[] }[] = [];
  let cursor = 0;
  let exact = true;
  for (const [k, h] of file.hunks.entries()) {
    if (h.anchor) {
      const found = seek(lines, [h.anchor], cursor, false);
      if (!found) return { ok: false, why: `Hunk ${k + 1} for ${file.path}: its anchor "${h.anchor}" is not in the current file, so the patch fails.` };
      exact &&= found.exact;
      cursor = found.at + 1;
    }
    let oldLines = h.lines.filter((l) => l.kind !== '+').map((l) => l.text);
    let newLines = h.lines.filter((l) => l.kind !== '-').map((l) => l.text);
    if (oldLines.length === 0) {
      // A pure addition goes at the end of the file (Codex).
      replacements.push({ at: lines.length, remove: 0, insert: newLines });
      continue;
    }
    let found = seek(lines, oldLines, cursor, h.endOfFile);
    if (!found && oldLines[oldLines.length - 1] === '') {
      // A trailing empty line stands for the final newline.
      oldLines = oldLines.slice(0, -1);
      if (newLines[newLines.length - 1] === '') newLines = newLines.slice(0, -1);
      found = seek(lines, oldLines, cursor, h.endOfFile);
    }
    if (!found) return { ok: false, why: `Hunk ${k + 1} for ${file.path} does not match the current file, so the patch fails.` };
    exact &&= found.exact;
    replacements.push({ at: found.at, remove: oldLines.length, insert: newLines });
    cursor = found.at + oldLines.length;
  }
  const out = [...lines];
  for (const r of [...replacements].sort((a, b) => b.at - a.at)) out.splice(r.at, r.remove, ...r.insert);
  // apply_patch always leaves a final newline.
  const after = out.length ? out.join('\n') + '\n' : '';
  return exact ? { ok: true, after, exact } : { ok: true, after, exact: false, note: 'The patch matches this file only when white space is ignored; the agent may place it differently.' };
}

function oldSide(h: PatchHunk): string[] {
  return h.lines.filter((l) => l.kind !== '+').map((l) => l.text);
}

function applyUnified(file: PatchFile, before: string): PatchOutcome {
  const { lines, eol } = splitLines(before);
  let out = [...lines];
  let endsWithNewline = eol;
  let delta = 0;
  let floor = 0;
  let offsetUsed = false;
  for (const [k, h] of file.hunks.entries()) {
    const oldLines = oldSide(h);
    const newLines = h.lines.filter((l) => l.kind !== '-').map((l) => l.text);
    // `@@ -0,0` (and -N,0) insert after line N.
    const expectedAt = Math.max(0, (h.oldStart ?? 1) - (oldLines.length === 0 ? 0 : 1) + delta);
    let at = -1;
    // A hunk with less context before its change than after it belongs at the start of the file, and one with less
    // after than before at the end (diff trims context only there); GNU patch holds it to that place.
    const lead = h.lines.findIndex((l) => l.kind !== ' ');
    const trail = [...h.lines].reverse().findIndex((l) => l.kind !== ' ');
    const atStart = lead >= 0 && lead < trail;
    const atEnd = trail >= 0 && trail < lead;
    const fits = (i: number) =>
      i >= floor && i + oldLines.length <= out.length && (!atStart || i === 0) && (!atEnd || i + oldLines.length === out.length) && oldLines.every((l, j) => out[i + j] === l);
    // GNU patch looks at the stated line first, then ever further before and after it.
    for (let d = 0; d <= out.length; d++) {
      if (fits(expectedAt + d)) at = expectedAt + d;
      else if (d > 0 && fits(expectedAt - d)) at = expectedAt - d;
      if (at >= 0) break;
    }
    if (at < 0) return { ok: false, why: `Hunk ${k + 1} for ${file.path} does not match the current file exactly; patch would fail or apply it with fuzz.` };
    if (at !== expectedAt) offsetUsed = true;
    out = [...out.slice(0, at), ...newLines, ...out.slice(at + oldLines.length)];
    delta += newLines.length - oldLines.length;
    floor = at + newLines.length;
    if (at + newLines.length === out.length) {
      if (h.newNoEol) endsWithNewline = false;
      else if (h.oldNoEol) endsWithNewline = true;
    }
  }
  const after = join(out, endsWithNewline || out.length === 0);
  return { ok: true, after, exact: true, note: offsetUsed ? 'Some hunks apply a few lines away from where the patch says.' : undefined };
}

/** The new text of one file of a patch, given its current text (undefined: the file does not exist). */
export function applyPatchFile(file: PatchFile, format: 'apply_patch' | 'unified', before: string | undefined): PatchOutcome {
  if (file.op === 'add') {
    if (before !== undefined && format === 'unified') return { ok: false, why: `${file.path} already exists, so the patch that creates it fails.` };
    const added = file.added.map((l) => l.text);
    const noEol = format === 'unified' && file.hunks.some((h) => h.newNoEol);
    return { ok: true, after: added.length ? added.join('\n') + (noEol ? '' : '\n') : '', exact: true };
  }
  if (before === undefined) return { ok: false, why: `${file.path} does not exist, so the patch cannot ${file.op === 'delete' ? 'delete' : 'update'} it.` };
  if (file.op === 'delete') return { ok: true, after: '', exact: true };
  return format === 'apply_patch' ? applyV4A(file, before) : applyUnified(file, before);
}
