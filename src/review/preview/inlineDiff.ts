// The compact diff the panel shows under an edit, write, patch or sed -i: hunks with 3 lines of context, made with
// jsdiff, cut at a line budget so a 5 MB write stays a small message. Pure.
import { structuredPatch } from 'diff';
import type { DiffHunkView, DiffLineView, FileDiffView } from '../../protocol/webviewMessages';

export interface InlineDiffOptions {
  context?: number;
  /** Most diff lines shown across all hunks. */
  maxLines?: number;
  /** Most characters of one line shown. */
  maxLineLength?: number;
  /** Give up (and say so) rather than block the extension host on a pathological diff. */
  timeoutMs?: number;
}

export type InlineDiff = Pick<FileDiffView, 'hunks' | 'added' | 'removed' | 'truncated'> & { note?: string };

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text);

export function inlineDiff(before: string, after: string, opts: InlineDiffOptions = {}): InlineDiff {
  const maxLines = opts.maxLines ?? 400;
  const maxLineLength = opts.maxLineLength ?? 400;
  const patch = structuredPatch('current', 'proposed', before, after, undefined, undefined, {
    context: opts.context ?? 3,
    stripTrailingCr: true,
    timeout: opts.timeoutMs ?? 400,
  });
  if (!patch) return { hunks: [], added: 0, removed: 0, truncated: true, note: 'The change is too large to diff here; Open diff shows it in the editor.' };
  const hunks: DiffHunkView[] = [];
  let added = 0;
  let removed = 0;
  let shown = 0;
  let truncated = false;
  for (const h of patch.hunks) {
    let oldNo = h.oldStart;
    let newNo = h.newStart;
    const lines: DiffLineView[] = [];
    for (const raw of h.lines) {
      const sign = raw[0];
      if (sign === '\\') continue; // "\ No newline at end of file"
      const text = clip(raw.slice(1), maxLineLength);
      let line: DiffLineView;
      if (sign === '+') {
        added++;
        line = { kind: 'add', text, newNo: newNo++ };
      } else if (sign === '-') {
        removed++;
        line = { kind: 'del', text, oldNo: oldNo++ };
      } else line = { kind: 'ctx', text, oldNo: oldNo++, newNo: newNo++ };
      if (shown < maxLines) {
        lines.push(line);
        shown++;
      } else truncated = true;
    }
    if (lines.length) hunks.push({ header: `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, lines });
  }
  return { hunks, added, removed, truncated };
}
