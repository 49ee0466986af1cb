// The hook command `countersign connect` writes: a stable shim in the user's own data folder that runs this
// CLI with this Node. Agents' configs keep pointing at the shim; the shim denies on its own when the CLI or the
// runtime is gone (a hook that crashes lets most agents run the tool).
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { posixShim, windowsShim } from './scripts';

/** `~/.local/share/countersign`: fixed under the home directory, so nothing in the environment can move it. */
export function cliDataDir(home: string): string {
  return join(home, '.local', 'share', 'countersign');
}

export function cliShimPath(home: string): string {
  return join(cliDataDir(home), 'bin', process.platform === 'win32' ? 'countersign.cmd' : 'countersign');
}

/** Writes (atomically, user-only) the shim that runs `cliPath` with `runtime`; returns its path. */
export function writeCliShim(home: string, runtime: string, cliPath: string): string {
  const path = cliShimPath(home);
  mkdirSync(join(cliDataDir(home), 'bin'), { recursive: true, mode: 0o700 });
  const text = process.platform === 'win32' ? windowsShim(runtime, cliPath, join(cliDataDir(home), 'bin'), 'cli') : posixShim(runtime, cliPath, 'cli');
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o700 });
  chmodSync(tmp, 0o700);
  renameSync(tmp, path);
  return path;
}
