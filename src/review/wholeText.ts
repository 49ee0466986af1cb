// What a reviewer must have seen whole before approving, and whether the review card can show it whole. Shared by
// the review queue (which refuses an approval without it), the gate (which checks the queue's evidence against its
// own copy of the action) and the card (which keeps Approve disabled). Pure: no vscode, no DOM, no clock.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Action } from '../policy/types';
import { revealText } from '../webview/visible';

/**
 * What the card renders whole (media/reviews.css `.subject.whole` has no height limit, so the card never hides part
 * of a subject this rule lets through): at most CARD_LINES lines of CARD_COLUMNS characters, long lines wrapping,
 * each hidden character counted as its visible marker (⟦U+202E⟧ is ten characters wide). 60 columns is what a
 * 300-pixel side bar fits in the editor font; the panel is rarely narrower.
 */
export const CARD_LINES = 8;
export const CARD_COLUMNS = 60;
/** Written content, edits and patches show as inline diffs: a box of about twenty lines that does not wrap. */
export const CONTENT_LINES = 20;
export const CONTENT_COLUMNS = 100;

/** The exact text of an action a reviewer approves, as the details editor shows it. */
export interface WholeText {
  text: string;
  /** A file name for the details document (its extension picks the editor's language). */
  name: string;
  /** The kind of text, for a title and the card's button: "command", "tool input", "content", "patch", "edits". */
  what: string;
}

function editsText(edits: readonly { oldText: string; newText: string }[]): string {
  return edits.map((e, i) => `--- replacement ${i + 1} of ${edits.length}: the text to replace\n${e.oldText}\n+++ with\n${e.newText}`).join('\n\n');
}

export function wholeText(action: Action): WholeText {
  switch (action.kind) {
    case 'shell':
      return { text: action.command, name: 'command.sh', what: 'command' };
    case 'tool':
      return { text: JSON.stringify(action.input ?? null, null, 2) ?? 'null', name: `${action.tool.replace(/[^A-Za-z0-9_.-]/g, '_') || 'tool'}.json`, what: 'tool input' };
    case 'read':
      return { text: action.path, name: 'path.txt', what: 'path' };
    case 'write':
      return { text: action.content, name: basename(action.path) || 'content.txt', what: 'content' };
    case 'edit':
      return { text: editsText(action.edits), name: `${basename(action.path) || 'file'}.edits.txt`, what: 'edits' };
    case 'patch':
      return { text: action.patch, name: 'patch.diff', what: 'patch' };
  }
}

/** How many card lines `text` takes: wrapped at `columns`, hidden characters at their marker's width. */
export function visualLines(text: string, columns: number): number {
  let n = 0;
  for (const line of text.split('\n')) n += Math.max(1, Math.ceil([...revealText(line)].length / columns));
  return n;
}

function longestLine(text: string): number {
  let max = 0;
  for (const line of text.split('\n')) max = Math.max(max, [...revealText(line)].length);
  return max;
}

/** Whether the card's subject box (command, tool input, path) shows `text` whole. */
export function fitsCard(text: string): boolean {
  // Cheap bound first: a text this long cannot fit, however it wraps (and is never measured character by character).
  if (text.length > CARD_LINES * CARD_COLUMNS) return false;
  return visualLines(text, CARD_COLUMNS) <= CARD_LINES;
}

/** Whether an inline diff box shows `text` whole (it does not wrap: a long line is partly hidden). */
export function fitsContentBox(text: string): boolean {
  if (text.length > CONTENT_LINES * CONTENT_COLUMNS) return false;
  return text.split('\n').length <= CONTENT_LINES && longestLine(text) <= CONTENT_COLUMNS;
}

/**
 * Where an action must be seen whole when the card cannot show it: 'editor' (the details editor: a command or tool
 * input too long for the card, or a patch), 'editor-or-diff' (written content or edits: the diff editor shows them
 * whole too), or undefined when the card shows everything.
 */
export type EditorNeed = 'editor' | 'editor-or-diff' | undefined;

export function editorNeed(action: Action): EditorNeed {
  switch (action.kind) {
    case 'shell':
    case 'tool':
    case 'read':
      return fitsCard(wholeText(action).text) ? undefined : 'editor';
    case 'patch':
      return fitsContentBox(action.patch) ? undefined : 'editor';
    case 'write':
    case 'edit':
      return fitsCard(action.path) && fitsContentBox(wholeText(action).text) ? undefined : 'editor-or-diff';
  }
}

/** SHA-256 and size of the text that had to be seen, as the evidence and the audit log carry it. */
export function shownDigest(text: string): { sha256: string; chars: number; lines: number } {
  return { sha256: createHash('sha256').update(text, 'utf8').digest('hex'), chars: text.length, lines: text.split('\n').length };
}
