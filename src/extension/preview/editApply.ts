// The proposed text of an edit: the agent's old→new replacements applied, in order, to the current file. Pure.

export interface Replacement {
  oldText: string;
  newText: string;
}

export type EditResult =
  | { ok: true; after: string; notes: string[] }
  /** `index` is the replacement whose old text is missing; `after` holds the text with the earlier ones applied. */
  | { ok: false; index: number; why: string; after: string };

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

export function applyEdits(before: string, edits: readonly Replacement[]): EditResult {
  let text = before;
  const notes: string[] = [];
  for (const [index, e] of edits.entries()) {
    const which = edits.length > 1 ? `Replacement ${index + 1} of ${edits.length}` : 'The replacement';
    if (e.oldText === '') {
      // An empty old text creates the file (Claude Code, Gemini CLI) or is a no-op anchor; only a new file makes sense.
      if (text !== '') return { ok: false, index, why: `${which} has no text to replace, but the file is not empty.`, after: text };
      text = e.newText;
      continue;
    }
    const at = text.indexOf(e.oldText);
    if (at < 0) {
      return { ok: false, index, why: `${which}: the text to replace was not found in the current file, so the agent's edit would fail or apply to a different version.`, after: text };
    }
    const n = count(text, e.oldText);
    if (n > 1) notes.push(`${which}: the text to replace appears ${n} times; the first is shown replaced.`);
    text = text.slice(0, at) + e.newText + text.slice(at + e.oldText.length);
  }
  return { ok: true, after: text, notes };
}
