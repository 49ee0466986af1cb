// The real machine's disk, read-only: the one World the gate, the hook and `evaluate` use.
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { readSmallTextFile } from '../normalize/fileText';
import type { DirEntry, World } from './world';

function realPath(absPath: string): string | undefined {
  try {
    return realpathSync.native(absPath);
  } catch {
    return undefined; // absent, unreadable, or a link loop: nothing on disk to follow
  }
}

function listDir(absPath: string): DirEntry[] | undefined {
  try {
    return readdirSync(absPath, { withFileTypes: true }).map((e) => ({
      name: e.name,
      kind: e.isSymbolicLink() ? 'link' : e.isDirectory() ? 'dir' : e.isFile() ? 'file' : 'other',
    }));
  } catch {
    return undefined;
  }
}

function dirStamp(absPath: string): string | undefined {
  try {
    const st = lstatSync(join(absPath, '.'), { bigint: true });
    // A directory's mtime moves when an entry is added, removed or renamed; the inode tells a replaced directory.
    return st.isDirectory() ? `${st.ino}:${st.mtimeNs}` : undefined;
  } catch {
    return undefined;
  }
}

export const DISK_WORLD: World = { readText: readSmallTextFile, realPath, listDir, dirStamp };
