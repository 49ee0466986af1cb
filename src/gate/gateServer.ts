// Brings a Gate onto the machine: a user-only socket, a token, and a registry record hook CLIs can find.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newToken } from '../ipc/auth';
import { removeRecord, writeRecord, type GateRecord } from '../ipc/registry';
import { processStartId } from '../ipc/processAlive';
import { assertPrivateDir, ensurePrivateDir } from '../ipc/runtimeDir';
import type { GateStatus } from '../protocol/gateLsp';
import type { Gate } from './gate';
import { startHookServer } from './hookServer';

export interface GateServerOptions {
  runtimeDir: string;
  folders: readonly string[];
  headless: boolean;
  /** Explicit socket path (headless `--socket`); its directory must be user-only. */
  socket?: string;
  log: (message: string) => void;
  /** More registries to write the record to (the user's runtime directory, when the socket lives elsewhere). */
  alsoRegisterIn?: readonly string[];
}

export interface GateServer {
  status: GateStatus;
  setFolders(folders: readonly string[]): void;
  close(): Promise<void>;
}

export async function startGateServer(gate: Gate, options: GateServerOptions): Promise<GateServer> {
  const dir = ensurePrivateDir(options.runtimeDir);
  const id = randomUUID();
  let socket: string;
  if (options.socket) {
    socket = options.socket;
    if (process.platform !== 'win32') assertPrivateDir(dirname(socket)); // hook CLIs refuse anything else
  } else {
    socket = process.platform === 'win32' ? `\\\\.\\pipe\\countersign-${id}` : join(dir, `${id.slice(0, 8)}.sock`);
  }
  const token = newToken();
  const server = await startHookServer(socket, token, gate, options.log);
  const record: GateRecord = { id, pid: process.pid, socket, token, folders: [...options.folders], headless: options.headless, startedAt: Date.now(), pidStart: processStartId(process.pid) };
  const registries = [dir, ...(options.alsoRegisterIn ?? []).filter((d) => d !== dir).map((d) => ensurePrivateDir(d))];
  const register = () => registries.forEach((d) => writeRecord(d, record));
  register();

  let closed = false;
  const cleanup = () => {
    if (closed) return;
    closed = true;
    for (const d of registries) removeRecord(d, id);
    if (process.platform !== 'win32') rmSync(socket, { force: true });
  };
  process.once('exit', cleanup);
  return {
    status: { pid: process.pid, socket, runtimeDir: dir },
    setFolders(folders) {
      record.folders = [...folders];
      register();
    },
    async close() {
      await server.close();
      cleanup();
    },
  };
}
