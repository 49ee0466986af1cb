// Everything outside the action that a verdict may depend on, through one small interface. The policy has no
// clock (budgets count work, see budget.ts) and no other I/O, so the same action in the same world always gets
// the same verdict, and tests can hand it any world they like.

export interface DirEntry {
  name: string;
  kind: 'file' | 'dir' | 'link' | 'other';
}

/** What lstat says about a path (links not followed), as much as a loss judgement needs. */
export interface FileStat {
  kind: 'file' | 'dir' | 'link' | 'other';
  size: number;
  /** Modification time: whole seconds and the nanoseconds within that second. */
  mtimeSec: number;
  mtimeNsec: number;
  ino: string;
}

export interface World {
  /** Current text of a small regular text file (never through a symlink); undefined when absent or not text. */
  readText(absPath: string): string | undefined;
  /** Where an existing path really leads once every symlink is followed; undefined when it does not exist. */
  realPath(absPath: string): string | undefined;
  /** The entries of a directory (not following links); undefined when it is not a readable directory. */
  listDir(absPath: string): DirEntry[] | undefined;
  /** Changes whenever a directory's entries change (added, removed, renamed); undefined when it is not one. */
  dirStamp(absPath: string): string | undefined;
  /** lstat of a path; undefined when absent (or when this world has no disk). */
  stat?(absPath: string): FileStat | undefined;
  /** The bytes of a regular file of at most maxBytes (never through a link, never a device); undefined otherwise. */
  readBytes?(absPath: string, maxBytes: number): Uint8Array | undefined;
}

/** A world with nothing in it: a pure evaluation that reads no disk. */
export const EMPTY_WORLD: World = {
  readText: () => undefined,
  realPath: () => undefined,
  listDir: () => undefined,
  dirStamp: () => undefined,
};
