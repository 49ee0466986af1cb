// The text a file would run with, for judging a script by what it contains: the disk when the file is there (what
// runs is what is on disk), else what this session wrote (a replay, or a write the agent proposed just before).
import type { World } from '../world/world';
import type { SessionView } from './sessionMemory';

export type ScriptText = { text: string; from: 'disk' | 'session' } | 'unreadable' | undefined;

export interface ScriptFiles {
  /** undefined: nothing known; 'unreadable': the file is there but cannot be read as small text (or is a secret). */
  textOf(absPath: string): ScriptText;
  readonly session: SessionView;
}

/** The world's disk, its reads guarded so a secret's text is never returned. */
export type DiskAccess = Pick<World, 'readText' | 'realPath'>;

export function scriptFiles(disk: DiskAccess | undefined, session: SessionView): ScriptFiles {
  return {
    session,
    textOf(absPath) {
      const real = disk?.realPath(absPath);
      if (real !== undefined) {
        const text = disk!.readText(real);
        return text === undefined ? 'unreadable' : { text, from: 'disk' };
      }
      const f = session.file(absPath);
      if (!f || f.deleted) return undefined;
      // Changed by a command in a way the session could not follow, and not on the disk now: there is no file to
      // run (the command failed, or has not run yet); when it is there, the disk above says what it holds.
      if (f.text === undefined) return disk ? undefined : 'unreadable';
      return { text: f.text, from: 'session' };
    },
  };
}
