// Agents' old→new replacements applied to a file's text with each agent's own rules, in order, so the preview is the
// edit the tool will make, or says the tool will refuse it:
// - unique (Claude Code Edit/MultiEdit, VS Code replace_string_in_file, the text-editor tool's str_replace): the old
//   text must occur exactly once, unless `all` (replace_all) replaces every occurrence;
// - count (Gemini CLI replace): the old text must occur exactly `expected` times (default 1); all are replaced;
// - first (Cline SEARCH/REPLACE blocks, in file order): the first occurrence after the previous block's match.
// An empty old text creates the file (it must be empty or missing). Pure.

export interface Replacement {
  oldText: string;
  newText: string;
  /** Replace every occurrence (Claude replace_all, VS Code replaceAll). */
  all?: boolean;
  /** Gemini's expected_replacements. */
  expected?: number;
}

export type MatchRule = 'unique' | 'count' | 'first';

export type EditOutcome = { ok: true; after: string } | { ok: false; index: number; why: string };

function occurrences(hay: string, needle: string, from = 0): number[] {
  const out: number[] = [];
  for (let at = hay.indexOf(needle, from); at >= 0; at = hay.indexOf(needle, at + needle.length)) out.push(at);
  return out;
}

export function applyReplacements(before: string, edits: readonly Replacement[], rule: MatchRule): EditOutcome {
  let text = before;
  let cursor = 0;
  for (const [index, e] of edits.entries()) {
    const which = edits.length > 1 ? `Edit ${index + 1} of ${edits.length}` : 'The edit';
    if (e.oldText === '') {
      if (text !== '') return { ok: false, index, why: `${which} has no text to replace, but the file is not empty: the agent's tool refuses it.` };
      text = e.newText;
      cursor = text.length;
      continue;
    }
    const hits = occurrences(text, e.oldText, rule === 'first' ? cursor : 0);
    if (hits.length === 0) return { ok: false, index, why: `${which}: the text to replace is not in the current file, so the agent's tool refuses the edit.` };
    if (rule === 'first') {
      const at = hits[0]!;
      text = text.slice(0, at) + e.newText + text.slice(at + e.oldText.length);
      cursor = at + e.newText.length;
      continue;
    }
    const expected = rule === 'count' ? (e.expected ?? 1) : e.all ? hits.length : 1;
    if (hits.length !== expected) {
      const why =
        rule === 'count'
          ? `${which}: the text to replace occurs ${hits.length} times, not the ${expected} the agent expects, so its tool refuses the edit.`
          : `${which}: the text to replace occurs ${hits.length} times and replace_all is not set, so the agent's tool refuses the edit.`;
      return { ok: false, index, why };
    }
    text = text.split(e.oldText).join(e.newText);
  }
  return { ok: true, after: text };
}
