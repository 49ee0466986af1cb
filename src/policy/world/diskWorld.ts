// The real machine's disk, read-only: the one World the gate, the hook and `evaluate` use.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { DirEntry, FileStat, World } from './world';

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

/** Kernel views that only look like files: reading them can block, or describe another process. */
const PSEUDO = /^\/(proc|sys|dev)(\/|$)/;

function stat(absPath: string): FileStat | undefined {
  if (PSEUDO.test(absPath)) return undefined;
  try {
    const st = lstatSync(absPath, { bigint: true, throwIfNoEntry: false });
    if (!st) return undefined;
    const kind = st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
    return { kind, size: Number(st.size), mtimeSec: Number(st.mtimeNs / 1_000_000_000n), mtimeNsec: Number(st.mtimeNs % 1_000_000_000n), ino: String(st.ino) };
  } catch {
    return undefined;
  }
}

function readBytes(absPath: string, maxBytes: number): Uint8Array | undefined {
  if (PSEUDO.test(absPath)) return undefined;
  let fd: number | undefined;
  try {
    // No link followed, never blocking on a FIFO; only a regular file within the cap is read.
    fd = openSync(absPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n <= 0) break;
      got += n;
    }
    return got === st.size ? buf : undefined; // shrank while read: not a state anyone can vouch for
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The text of a small regular file (a before/after diff's "before"); binary files have none. */
const MAX_TEXT_BYTES = 256 * 1024;
function readSmallTextFile(absPath: string): string | undefined {
  const bytes = readBytes(absPath, MAX_TEXT_BYTES);
  if (!bytes || bytes.includes(0)) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

export const DISK_WORLD: World = { readText: readSmallTextFile, realPath, listDir, dirStamp, stat, readBytes };
