// The user-only directory that holds gate sockets and the registry of live gates.
// Anything not owned by us, group/world-accessible, or a symlink is refused: a planted socket must never count as a gate.
import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** COUNTERSIGN_RUNTIME_DIR, else $XDG_RUNTIME_DIR/countersign, else <tmp>/countersign-<uid>. Kept short: socket paths are limited to ~104 bytes. */
export function runtimeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.COUNTERSIGN_RUNTIME_DIR) return env.COUNTERSIGN_RUNTIME_DIR;
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'countersign');
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return join(tmpdir(), `countersign-${uid}`);
}

export class UnsafeDirectoryError extends Error {}

/** Throws UnsafeDirectoryError unless `dir` is a real directory owned by this user with no group/other access. */
export function assertPrivateDir(dir: string): void {
  const st = lstatSync(dir);
  if (st.isSymbolicLink() || !st.isDirectory()) throw new UnsafeDirectoryError(`${dir} is not a plain directory`);
  if (process.platform === 'win32') return; // ACLs, not modes, guard it there; the named pipe carries the token check.
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
    throw new UnsafeDirectoryError(`${dir} is owned by another user (uid ${st.uid})`);
  }
  if ((st.mode & 0o077) !== 0) throw new UnsafeDirectoryError(`${dir} is accessible to other users (mode ${(st.mode & 0o777).toString(8)})`);
}

/** Creates the directory 0700 if missing, then checks it. */
export function ensurePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  assertPrivateDir(dir);
  return dir;
}
