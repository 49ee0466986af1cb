// Turns a pending ReviewItem into what its card shows: the subject, the confirmation sentence (sensitive), the
// "Allow similar" scope (review), and the effect preview and the diffs of the policy's `changes`. Cached per item,
// so 500 pending actions are read and diffed once each; both diff sides go to the host's DiffSink for "Open diff"
// (the extension's DiffPreview: virtual documents in VS Code's diff editor).
import { basename } from 'node:path';
import type { Action, FileChange } from '../policy/types';
import type { ReviewItem } from '../protocol/gateLsp';
import { agentLabel, type DetailsView, type FileDiffView, type PendingView, type SubjectView } from '../protocol/webviewMessages';
import { needsClickThrough } from './clickThrough';
import { editorNeed, wholeText } from './wholeText';
import { confirmationText, displayPath } from './confirmation';
import { previewEffects, type ReadOnlyDisk } from './preview/effectPreview';
import { inlineDiff } from './preview/inlineDiff';
import { riskyRanges, type RiskyRange } from './riskyRanges';
import type { AllowRules } from './allowRules';

const SUBJECT_MAX = 20_000;
const FIELD_MAX = 4_000;

const clipText = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

/** A path subject, workspace-relative when that is a plain suffix of the path (so spans can shift). */
function pathSubject(path: string, label: string, workspaceFolder: string | undefined, cwd: string): Omit<SubjectView, 'clipped'> {
  const shown = displayPath(path, workspaceFolder, cwd);
  const offset = shown !== path && path.endsWith(shown) ? path.length - shown.length : 0;
  return { field: 'path', text: offset ? shown : path, label, offset: offset || undefined };
}

export function subjectOf(action: Action, workspaceFolder?: string): SubjectView {
  let s: Omit<SubjectView, 'clipped'>;
  switch (action.kind) {
    case 'shell':
      s = { field: 'command', text: action.command, label: 'Command' };
      break;
    case 'edit':
      s = pathSubject(action.path, 'Edit file', workspaceFolder, action.cwd);
      break;
    case 'write':
      s = pathSubject(action.path, 'Write file', workspaceFolder, action.cwd);
      break;
    case 'read':
      s = pathSubject(action.path, 'Read file', workspaceFolder, action.cwd);
      break;
    case 'patch':
      s = {
        field: 'content',
        text: action.files.map((f) => `${f.op} ${displayPath(f.path, workspaceFolder, action.cwd)}`).join('\n') || action.patch,
        label: 'Apply patch',
      };
      break;
    case 'tool':
      s = { field: 'input', text: JSON.stringify(action.input ?? null, null, 2) ?? '', label: 'Tool input' };
      break;
  }
  return { ...s, text: clipText(s.text, SUBJECT_MAX), clipped: s.text.length > SUBJECT_MAX };
}

/** The action without the large texts the panel never shows whole (they reach it as diffs). */
export function trimAction(action: Action): Action {
  switch (action.kind) {
    case 'write':
      return { ...action, content: clipText(action.content, FIELD_MAX) };
    case 'edit':
      return {
        ...action,
        before: undefined,
        after: undefined,
        edits: action.edits.slice(0, 50).map((e) => ({ oldText: clipText(e.oldText, FIELD_MAX), newText: clipText(e.newText, FIELD_MAX) })),
      };
    case 'patch':
      return { ...action, patch: clipText(action.patch, SUBJECT_MAX), files: action.files.map((f) => ({ path: f.path, op: f.op })) };
    case 'tool':
      return { ...action, input: null };
    case 'shell':
    case 'read':
      return action;
  }
}

/** Set when the card cannot show the action whole, so Approve waits for the editor (src/review/wholeText.ts). */
function wholeInEditor(action: Action): PendingView['wholeInEditor'] {
  const need = editorNeed(action);
  return need ? { what: wholeText(action).what, diffCounts: need === 'editor-or-diff' } : undefined;
}

/** Both sides of one file's change, for the host's diff editor. */
export interface DiffSides {
  path: string;
  before: string;
  after: string;
  title: string;
  /** Who proposes the change (the multi-file editor's title names them). */
  who?: string;
  /** Ranges of `after` to highlight (the secret, the permission line). */
  highlights?: RiskyRange[];
  /** False when the proposed side may differ from what runs (the title says so). */
  exact?: boolean;
}

/** Where a card's diffs go so "Open diff" can show them. */
export interface DiffSink {
  set(itemId: string, index: number, sides: DiffSides): void;
}

export interface CardViewDeps {
  rules: AllowRules;
  diffs: DiffSink;
  /** Read-only file system for the effect preview (modes and owners as they are now). */
  disk: ReadOnlyDisk;
  folders: () => readonly string[];
  log: (message: string) => void;
}

export class CardViews {
  private readonly cache = new Map<string, PendingView>();
  /** Settles when a card's details (and its diff documents) are ready, or failed. */
  private readonly ready = new Map<string, Promise<void>>();
  private readonly listeners = new Set<(id: string) => void>();

  constructor(private readonly deps: CardViewDeps) {}

  /** Fires when a card's details arrive. */
  onDidUpdate(listener: (id: string) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  view(item: ReviewItem): PendingView {
    const cached = this.cache.get(item.id);
    if (cached) return cached;
    const { action } = item;
    const view: PendingView = {
      item: { ...item, action: trimAction(action) },
      subject: subjectOf(action, item.workspaceFolder),
      workspaceName: item.workspaceFolder ? basename(item.workspaceFolder) : undefined,
      confirmation: needsClickThrough(item) ? confirmationText(action, item.reasons, item.workspaceFolder) : undefined,
      similar: this.deps.rules.offer(item),
      wholeInEditor: wholeInEditor(action),
    };
    this.cache.set(item.id, view);
    const ready = this.buildDetails(item).then(
      (details) => {
        if (!this.cache.has(item.id)) return; // decided meanwhile
        this.cache.set(item.id, { ...view, details });
        for (const l of this.listeners) l(item.id);
      },
      (err: unknown) => this.deps.log(`preview of ${item.id} failed: ${String(err)}`),
    );
    this.ready.set(item.id, ready);
    return view;
  }

  /** Waits for the card's details (building them if nobody asked yet). */
  async whenReady(item: ReviewItem): Promise<void> {
    this.view(item);
    await this.ready.get(item.id);
  }

  private async buildDetails(item: ReviewItem): Promise<DetailsView> {
    const { action } = item;
    const display = (p: string) => displayPath(p, item.workspaceFolder, action.cwd);
    let effects: DetailsView['effects'] = [];
    if (action.kind === 'shell') {
      // Modes and owners (chmod, chown) as the files have them now; file texts come from the policy's changes.
      const folders = item.workspaceFolder ? [item.workspaceFolder] : this.deps.folders();
      effects = (await previewEffects(action.command, { disk: this.deps.disk, cwd: action.cwd || item.workspaceFolder || '/', folders, display })).rows;
    }
    // Exactly the policy's computation of each file's change (the gate sends it with the item): nothing recomputed.
    const changes = item.changes ?? [];
    const diffs = changes.map((c, index) => this.diffView(item, c, index, display));
    return { effects, diffs };
  }

  private diffView(item: ReviewItem, c: FileChange, index: number, display: (p: string) => string): FileDiffView {
    const path = display(c.path);
    // A refused edit (the file stays as it is) is exact about that; anything else inexact says so first.
    const refused = !c.exact && c.after !== null && c.after === c.before;
    const note = c.exact || refused ? c.note : `Not shown exactly: ${c.note ?? 'what runs may differ from this preview.'}`;
    // A refused edit leaves the file as it is: there is nothing to open, only the reason.
    if (c.before !== null && c.after !== null && !(c.after === c.before && !c.exact)) {
      const who = agentLabel(item.action.agent);
      const highlights = riskyRanges(item.action, item.reasons, c);
      this.deps.diffs.set(item.id, index, { path: c.path, before: c.before, after: c.after, title: `${basename(c.path)} (current ↔ proposed by ${who})`, who, highlights, exact: c.exact });
      const d = inlineDiff(c.before, c.after);
      return { index, path, op: c.op, hunks: d.hunks, added: d.added, removed: d.removed, truncated: d.truncated, note: [note, d.note].filter(Boolean).join(' ') || undefined, canOpen: true };
    }
    return { index, path, op: c.op, hunks: [], added: 0, removed: 0, truncated: false, note: note ?? 'The proposed text cannot be computed.', canOpen: false };
  }

  forget(id: string): void {
    this.cache.delete(id);
    this.ready.delete(id);
  }
}
