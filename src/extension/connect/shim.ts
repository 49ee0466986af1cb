// Writes the stable hook shim into global storage on every start: same path for agents' configs, current
// extension path and runtime inside (so it survives extension updates and needs no Node on PATH).
import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { posixShim, windowsShim } from '../../agents/scripts';

export interface Shim {
  /** What hook configs run. */
  path: string;
  /** Its folder, prepended to PATH in integrated terminals so `countersign` works there. */
  dir: string;
}

export function shimLocation(globalStorage: string): Shim {
  const dir = join(globalStorage, 'bin');
  return { dir, path: join(dir, process.platform === 'win32' ? 'countersign.cmd' : 'countersign') };
}

export function writeShim(globalStorage: string, extensionPath: string): Shim {
  const shim = shimLocation(globalStorage);
  mkdirSync(shim.dir, { recursive: true, mode: 0o700 });
  const cli = join(extensionPath, 'dist', 'cli.js');
  // process.execPath: Electron in desktop VS Code (ELECTRON_RUN_AS_NODE makes it Node), Node in remote/server hosts.
  const text = process.platform === 'win32' ? windowsShim(process.execPath, cli, shim.dir) : posixShim(process.execPath, cli);
  const tmp = `${shim.path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o700 });
  chmodSync(tmp, 0o700);
  // rename is atomic: an agent never runs half a shim
  renameSync(tmp, shim.path);
  return shim;
}
