// Where in a file's proposed text the reasons that made the action risky point (the secret, the permission line), so
// the diff editor can highlight them: a reason's span indexes the action (an edit's new fragment, a write's content,
// the patch text, the command); it is found again in the proposed text. Pure (no vscode).
import type { Action, FileChange, Reason } from '../policy/types';

export interface RiskyRange {
  /** Offsets into the change's `after` text. */
  start: number;
  end: number;
  message: string;
}

const MAX_RANGES = 20;

/** Every occurrence of `needle` in `hay`, at most a few. */
function occurrences(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let at = hay.indexOf(needle); at >= 0 && out.length < MAX_RANGES; at = hay.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

export function riskyRanges(action: Action, reasons: readonly Reason[], change: FileChange): RiskyRange[] {
  const after = change.after;
  if (after === null || after === '') return [];
  const out: RiskyRange[] = [];
  const seen = new Set<string>();
  const add = (start: number, end: number, message: string) => {
    const key = `${start}:${end}`;
    if (end <= start || seen.has(key) || out.length >= MAX_RANGES) return;
    seen.add(key);
    out.push({ start, end, message });
  };
  for (const r of reasons) {
    if (r.risk === 'safe' || !r.span) continue;
    const { span } = r;
    // A write's content is the proposed text itself: the span holds.
    if (action.kind === 'write' && span.field === 'content' && action.path === change.path && after === action.content) {
      add(span.start, span.end, r.message);
      continue;
    }
    // An edit's span indexes one new fragment: find the fragment, then the span inside it.
    if (action.kind === 'edit' && span.field === 'content' && span.index !== undefined) {
      const fragment = action.edits[span.index]?.newText;
      if (fragment) for (const at of occurrences(after, fragment)) add(at + span.start, at + span.end, r.message);
      continue;
    }
    // Otherwise (a patch's added line, a command writing a secret), the span's own text where it appears.
    const text = span.text.split('\n')[0]!.trim();
    if (text.length >= 3) for (const at of occurrences(after, text)) add(at, at + text.length, r.message);
  }
  return out;
}
