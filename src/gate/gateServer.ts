// Brings a Gate onto the machine: a user-only socket, a token, and a registry record hook CLIs can find.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newToken } from '../ipc/auth';
import { removeRecord, sweepDeadRecords, writeRecord, type GateRecord } from '../ipc/registry';
import { processStartId } from '../ipc/processAlive';
import { assertPrivateDir, ensurePrivateDir } from '../ipc/runtimeDir';
import { gatePipeName, isLocalPipe } from '../ipc/windowsPipe';
import { restrictDirToUser } from '../ipc/windowsAcl';
import type { GateStatus } from '../protocol/gateLsp';
import type { Gate } from './gate';
import { startHookServer } from './hookServer';

export interface GateServerOptions {
  runtimeDir: string;
  folders: readonly string[];
  headless: boolean;
  /** Explicit socket path (headless `--socket`); its directory must be user-only. On Windows: a local pipe name. */
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

/**
 * Windows: the registry folder is made user-only with icacls each time a gate starts. If icacls ran and failed the
 * gate does not start (its token would sit in a folder others may read); if there is no working icacls at all (Wine's
 * is a stub), the folder keeps the user-only ACL it inherits from the profile's AppData\Local, and the log says so.
 */
function secureRegistry(dir: string, log: (m: string) => void): string {
  const made = ensurePrivateDir(dir);
  if (process.platform !== 'win32') return made;
  const acl = restrictDirToUser(made);
  if (!acl.applied && !acl.noTool) throw new Error(`cannot make ${made} user-only: ${acl.detail}`);
  log(acl.applied ? acl.detail : `${acl.detail}: ${made} keeps the ACL inherited from AppData\\Local`);
  return made;
}

export async function startGateServer(gate: Gate, options: GateServerOptions): Promise<GateServer> {
  const dir = secureRegistry(options.runtimeDir, options.log);
  const id = randomUUID();
  let socket: string;
  if (options.socket) {
    socket = options.socket;
    if (process.platform === 'win32') {
      if (!isLocalPipe(socket)) throw new Error(`--socket must name a local pipe (\\\\.\\pipe\\NAME) on Windows, not ${socket}`);
    } else {
      assertPrivateDir(dirname(socket)); // hook CLIs refuse anything else
    }
  } else {
    socket = process.platform === 'win32' ? gatePipeName(id) : join(dir, `${id.slice(0, 8)}.sock`);
  }
  const token = newToken();
  const server = await startHookServer(socket, token, gate, options.log);
  const record: GateRecord = { id, pid: process.pid, socket, token, folders: [...options.folders], headless: options.headless, startedAt: Date.now(), pidStart: processStartId(process.pid) };
  const registries = [dir, ...(options.alsoRegisterIn ?? []).filter((d) => d !== dir).map((d) => secureRegistry(d, options.log))];
  const register = () => registries.forEach((d) => writeRecord(d, record));
  register();
  for (const d of registries) {
    const swept = sweepDeadRecords(d);
    if (swept.length) options.log(`removed ${swept.length} record(s) of gates no longer running from ${d}`);
  }

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
