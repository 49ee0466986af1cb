// What an action would change on disk, as the session memory records it.
import { editOutcome } from '../changes/editRules';
import type { Action } from '../types';
import type { SessionChange, SessionView } from './sessionMemory';

/** Files a shell command line writes (absolute paths; text when the command shows it) and deletes. */
export interface ShellChanges {
  written: { path: string; text: string | undefined }[];
  deleted: string[];
}

/** `cleanNow`: whether a file equals what git has right now (asked only for a file the session has not changed yet). */
export function changesOf(action: Action, shell: ShellChanges, session: SessionView, exists: (abs: string) => boolean, cleanNow?: (abs: string) => boolean): SessionChange[] {
  const write = (path: string, text: string | undefined): SessionChange => {
    const existedBefore = exists(path);
    const cleanBefore = existedBefore && !session.file(path) && cleanNow ? cleanNow(path) : undefined;
    return cleanBefore === undefined ? { op: 'write', path, text, existedBefore } : { op: 'write', path, text, existedBefore, cleanBefore };
  };
  switch (action.kind) {
    case 'write':
      return [write(action.path, action.content)];
    case 'edit': {
      // Not on disk (a replay, a file not yet written): the edit applies to what the session wrote.
      const earlier = session.file(action.path)?.text;
      const outcome = action.after === undefined && earlier !== undefined ? editOutcome(action, earlier) : undefined;
      const after = action.after ?? (outcome?.ok ? outcome.after : undefined);
      return [write(action.path, after)];
    }
    case 'patch':
      return action.files.map((f) => (f.op === 'delete' ? { op: 'delete' as const, path: f.path } : write(f.path, f.after)));
    case 'shell':
      return [...shell.written.map((w) => write(w.path, w.text)), ...shell.deleted.map((path) => ({ op: 'delete' as const, path }))];
    case 'read':
    case 'tool':
      return [];
  }
}
