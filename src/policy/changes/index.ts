// The exact proposed change of every file an action edits, writes or patches, computed once from the action and the
// World (the file's current text, never a secret's): edits with each agent's matching rules, whole-file writes,
// patches applied as their tool applies them, and a command line's redirections, tee and sed -i in the order they
// run (later steps see earlier ones). The verdict carries the result as `changes`. Pure.
import { parsePatch } from '../normalize/patchText';
import type { FileEdit } from '../shell/fileEdits';
import type { Action, EditAction, PatchAction } from '../types';
import { applyReplacements } from './edits';
import { editOutcome, matchRule, sketchReason } from './editRules';
import { applyPatchFile } from './patch';
import { cheapToRun, runSed, sedEdit } from './sed';
import type { ChangeWorld, FileChange } from './types';

export type { ChangeWorld, FileChange } from './types';

const UNREADABLE = 'The current file cannot be shown (a secret, binary, too large or unreadable), so neither can its new text.';

/** The current text: '' when the file does not exist, null when it exists but cannot be shown. */
function current(world: ChangeWorld, path: string): string | null {
  const text = world.readText(path);
  if (text !== undefined) return text;
  return world.exists(path) ? null : '';
}

function editChange(action: EditAction, world: ChangeWorld): FileChange {
  const before = action.before ?? current(world, action.path);
  const op = before === '' && !world.exists(action.path) ? 'add' : 'update';
  if (before === null) return { path: action.path, op, before, after: null, exact: false, note: UNREADABLE };
  const sketch = sketchReason(action, before);
  if (sketch) return { path: action.path, op, before, after: null, exact: false, note: `Not previewed exactly: ${sketch}.` };
  const r = editOutcome(action, before);
  if (!r.ok) return { path: action.path, op, before, after: before, exact: false, note: `${r.why} The file stays as it is.` };
  return { path: action.path, op, before, after: r.after, exact: true };
}

function patchChanges(action: PatchAction, world: ChangeWorld): FileChange[] {
  if (action.edits) {
    return action.edits.map(({ path, edits }) => {
      const before = current(world, path);
      if (before === null) return { path, op: 'update' as const, before, after: null, exact: false, note: UNREADABLE };
      const r = applyReplacements(before, edits, matchRule(action.tool));
      return r.ok ? { path, op: 'update' as const, before, after: r.after, exact: true } : { path, op: 'update' as const, before, after: before, exact: false, note: `${r.why} The file stays as it is.` };
    });
  }
  const parsed = parsePatch(action.patch);
  if (parsed.format === 'unknown') return [];
  const out: FileChange[] = [];
  // normalize/tools.ts lists each parsed file, then its move target: walk both in step for the absolute paths.
  let k = 0;
  for (const f of parsed.files) {
    const entry = action.files[k++];
    if (!entry) break;
    const moved = f.movedTo ? action.files[k++] : undefined;
    const path = entry.path;
    const text = f.op === 'add' ? undefined : current(world, path);
    if (text === null) {
      out.push({ path, op: f.op, before: null, after: null, exact: false, note: UNREADABLE });
      continue;
    }
    const exists = f.op === 'add' ? world.exists(path) : text !== '' || world.exists(path);
    const before = f.op === 'add' ? (world.readText(path) ?? (exists ? null : '')) : text!;
    const r = applyPatchFile(f, parsed.format, exists ? (before ?? undefined) : undefined);
    if (!r.ok) {
      out.push({ path, op: f.op, before, after: before, exact: false, note: `${r.why} The file stays as it is.` });
      continue;
    }
    if (moved) {
      out.push({ path, op: 'delete', before, after: '', exact: r.exact, note: `Renamed to ${moved.path}.` });
      out.push({ path: moved.path, op: 'add', before: '', after: r.after, exact: r.exact, note: [`Renamed from ${path}.`, r.note].filter(Boolean).join(' ') });
    } else out.push({ path, op: f.op, before: before ?? null, after: r.after, exact: r.exact && before !== null, note: r.note });
  }
  return out;
}

function shellChanges(edits: readonly FileEdit[], world: ChangeWorld): FileChange[] {
  const byPath = new Map<string, FileChange>();
  const state = new Map<string, string | null>();
  const textOf = (path: string) => (state.has(path) ? state.get(path)! : current(world, path));
  const record = (path: string, before: string | null, after: string | null, exact: boolean, note?: string) => {
    const prior = byPath.get(path);
    state.set(path, after);
    if (prior) {
      byPath.set(path, { ...prior, after, exact: prior.exact && exact, note: [prior.note, note].filter(Boolean).join(' ') || undefined });
    } else {
      const op = before === '' && !world.exists(path) ? 'add' : 'update';
      byPath.set(path, { path, op, before, after, exact, ...(note ? { note } : {}) });
    }
  };
  for (const e of edits) {
    if (e.glob) {
      if (!byPath.has(e.path)) byPath.set(e.path, { path: e.path, op: 'update', before: null, after: null, exact: false, note: 'The files are named by a pattern the shell expands when it runs; they are not previewed one by one.' });
      continue;
    }
    if (!e.path.startsWith('/') && !/^[A-Za-z]:\//.test(e.path)) continue; // the working directory is unknown: no file to read
    const before = textOf(e.path);
    if (e.op === 'sed') {
      const edit = e.args ? sedEdit(e.args) : undefined;
      if (before === null) record(e.path, null, null, false, UNREADABLE);
      else if (!edit) record(e.path, before, null, false, 'The sed script is computed when the command runs, so its result cannot be shown.');
      else if (!edit.ok || !edit.value.program) record(e.path, before, null, false, `The result of this sed script cannot be shown exactly: ${edit.ok ? edit.value.why : edit.why}.`);
      else if (before === '' && !world.exists(e.path) && !state.has(e.path)) record(e.path, before, null, false, 'The file does not exist, so sed fails on it.');
      else {
        const { program, invocation } = edit.value;
        const backup = invocation.suffix ? ` A backup copy is written to ${e.path}${invocation.suffix}.` : '';
        if (program.inexact) record(e.path, before, null, false, `The result of this sed script cannot be shown exactly: ${program.inexact}.${backup}`);
        else if (!cheapToRun(program, before)) record(e.path, before, null, false, `This sed script is too costly to preview on lines this long.${backup}`);
        else record(e.path, before, runSed(program, before), true, backup.trim() || undefined);
      }
      continue;
    }
    if (e.text === undefined) {
      record(e.path, before, null, false, `The new text is the output of ${e.producer}, which cannot be known before it runs.`);
      continue;
    }
    if (e.op === 'write') record(e.path, before, e.text, true);
    else record(e.path, before, before === null ? null : before + e.text, before !== null, before === null ? UNREADABLE : undefined);
  }
  return [...byPath.values()];
}

/** Every file change of the action; `edits` are the command line's file edits, as the shell analysis recorded them. */
export function proposedChanges(action: Action, world: ChangeWorld, edits: readonly FileEdit[] = []): FileChange[] {
  switch (action.kind) {
    case 'write': {
      const before = action.before ?? current(world, action.path);
      const op = before === '' && !world.exists(action.path) ? 'add' : 'update';
      return [{ path: action.path, op, before, after: action.content, exact: true }];
    }
    case 'edit':
      return [editChange(action, world)];
    case 'patch':
      return patchChanges(action, world);
    case 'shell':
      return shellChanges(edits, world);
    case 'read':
    case 'tool':
      return [];
  }
}
