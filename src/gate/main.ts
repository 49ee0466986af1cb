// Gate process entry (started by the extension through vscode-languageclient): an LSP server for the
// extension, and a hook socket for agents' CLIs. It registers itself so hook CLIs can find it.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, ProposedFeatures, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { createPolicy } from '../policy';
import type { PolicyConfig } from '../policy/types';
import { GateStatusRequest, PolicyConfigNotification, type GateInitOptions, type GateStatus } from '../protocol/gateLsp';
import { newToken } from '../ipc/auth';
import { removeRecord, writeRecord } from '../ipc/registry';
import { ensurePrivateDir } from '../ipc/runtimeDir';
import { Gate } from './gate';
import { startHookServer, type HookServer } from './hookServer';
import { LspReviewer } from './lspReviewer';

const connection = createConnection(ProposedFeatures.all);
const log = (m: string) => connection.console.log(`[gate] ${m}`);
const id = randomUUID();
let options: GateInitOptions | undefined;
let running: Promise<{ status: GateStatus; server: HookServer; gate: Gate }> | undefined;

function socketPathFor(dir: string): string {
  return process.platform === 'win32' ? `\\\\.\\pipe\\countersign-${id}` : join(dir, `${id.slice(0, 8)}.sock`);
}

async function start(opts: GateInitOptions) {
  const dir = ensurePrivateDir(opts.runtimeDir);
  const socket = socketPathFor(dir);
  const token = newToken();
  const gate = new Gate(await createPolicy(opts.policy), new LspReviewer(connection), opts.policy.workspaceFolders);
  const server = await startHookServer(socket, token, gate, log);
  writeRecord(dir, { id, pid: process.pid, socket, token, folders: opts.policy.workspaceFolders, headless: false, startedAt: Date.now() });
  log(`listening on ${socket}`);
  return { status: { pid: process.pid, socket, runtimeDir: dir }, server, gate };
}

function cleanup(): void {
  if (!options) return;
  removeRecord(options.runtimeDir, id);
  if (process.platform !== 'win32') rmSync(socketPathFor(options.runtimeDir), { force: true });
}

connection.onInitialize((params) => {
  options = params.initializationOptions as GateInitOptions;
  running = start(options);
  // A gate that cannot listen must not look alive: the extension shows the error and hooks fail closed.
  running.catch((err: unknown) => log(`failed to start: ${(err as Error).message}`));
  return { capabilities: { textDocumentSync: TextDocumentSyncKind.None } };
});

connection.onRequest(GateStatusRequest, async () => {
  if (!running) throw new Error('gate not initialized');
  return (await running).status;
});

connection.onNotification(PolicyConfigNotification, (config: PolicyConfig) => {
  if (!running) return;
  void (async () => {
    const { gate } = await running;
    gate.update(await createPolicy(config), config.workspaceFolders);
  })().catch((err: unknown) => log(`policy update failed: ${(err as Error).message}`));
});

connection.onShutdown(async () => {
  if (running) await (await running).server.close().catch(() => undefined);
  cleanup();
});
process.on('exit', cleanup);

connection.listen();
