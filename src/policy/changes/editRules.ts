// Which matching rule an agent's edit tool follows (see edits.ts), by the tool's canonical name, and the edit
// applied with it. Tools that merge a sketch of the file with a model (Cursor's edit_file, Copilot's
// insert_edit_into_file) or insert at a line the payload does not carry cannot be previewed exactly.
import { canonicalTool } from '../normalize/detect';
import type { EditAction } from '../types';
import { applyReplacements, type EditOutcome, type MatchRule } from './edits';

const SKETCHES = new Set(['editfile', 'inserteditintofile', 'insertedittofile', 'notebookedit', 'editnotebookfile']);
const NOTEBOOKS = new Set(['notebookedit', 'editnotebookfile']);

export function matchRule(tool: string): MatchRule {
  const canon = canonicalTool(tool);
  if (canon === 'replace') return 'count';
  if (canon === 'replaceinfile') return 'first';
  return 'unique';
}

/** Why an edit tool's result cannot be computed from its payload; undefined when it can. */
export function sketchReason(action: EditAction, before: string): string | undefined {
  // A notebook is JSON: the agent sends one cell's code, never the file's text, even for a new notebook.
  if (NOTEBOOKS.has(canonicalTool(action.tool))) return 'this tool edits one cell of the notebook (its code is shown), so the file\'s exact text is known only after it runs';
  if (SKETCHES.has(canonicalTool(action.tool)) && before !== '') return 'this tool merges the agent\'s sketch into the file with a model, so the exact result is known only after it runs';
  if (action.edits.length === 1 && action.edits[0]!.oldText === '' && before !== '' && canonicalTool(action.tool) !== 'replaceinfile') {
    return 'the edit inserts text at a place the payload does not say';
  }
  return undefined;
}

export function editOutcome(action: EditAction, before: string): EditOutcome {
  return applyReplacements(before, action.edits, matchRule(action.tool));
}
