// The real machine's disk, read-only: the one World the gate, the hook and `evaluate` use.
import { realpathSync } from 'node:fs';
import { readSmallTextFile } from '../normalize/fileText';
import type { World } from './world';

function realPath(absPath: string): string | undefined {
  try {
    return realpathSync.native(absPath);
  } catch {
    return undefined; // absent, unreadable, or a link loop: nothing on disk to follow
  }
}

export const DISK_WORLD: World = { readText: readSmallTextFile, realPath };
