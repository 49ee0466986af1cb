// The review core's disk (src/review/preview/effectPreview.ts ReadOnlyDisk) as the real file system, read-only.
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import type { ReadOnlyDisk } from '../review/preview/effectPreview';

export const nodeDisk: ReadOnlyDisk = {
  readdir: (dir) => readdir(dir),
  stat: (path) => stat(path),
  lstat: (path) => lstat(path),
  readText: (path) => readFile(path, 'utf8'),
};
