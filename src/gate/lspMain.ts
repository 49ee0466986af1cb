// The gate as the extension runs it: an LSP server (vscode-languageserver) whose reviewer is the panel.
import { CodeActionKind, createConnection, ProposedFeatures, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { createPolicy } from '../policy';
import { hostPlatform } from './hostPlatform';
import { AuditHeadNotification, GateStatusRequest, SettingsNotification, type GateInitOptions, type GateSettings, type GateStatus } from '../protocol/gateLsp';
import type { AuditLog } from '../audit';
import { Gate } from './gate';
import { startGateServer, type GateServer } from './gateServer';
import { LspReviewer } from './lspReviewer';
import { openAudit } from './openAudit';
import { serveDiagnostics } from './diagnostics';
import { registryDirsFor } from '../ipc/runtimeDir';
import { liveSandboxEnv } from './sandboxEnv';
import { sandboxSettingOf } from '../ipc/settingsSnapshot';

export function runLspGate(): void {
  const connection = createConnection(ProposedFeatures.all);
  const log = (m: string) => connection.console.log(`[gate] ${m}`);
  let running: Promise<{ server: GateServer; gate: Gate; audit?: AuditLog }> | undefined;
  let folders: readonly string[] = [];
  // countersign.sandbox as the extension last sent it (user and machine scope only).
  let sandboxSetting: unknown;
  serveDiagnostics(connection, () => folders);

  async function start(opts: GateInitOptions) {
    const audit = opts.auditDir ? await openAudit(opts.auditDir, undefined) : undefined;
    const gate = new Gate({
      policy: await createPolicy({ platform: hostPlatform(), ...opts.settings.policy }, { lazyPowerShell: true }),
      reviewer: new LspReviewer(connection),
      folders: opts.settings.policy.workspaceFolders,
      audit,
      reviewDefault: opts.settings.reviewDefault,
      sandbox: liveSandboxEnv(() => sandboxSettingOf(sandboxSetting)),
    });
    const server = await startGateServer(gate, { runtimeDir: opts.runtimeDir, alsoRegisterIn: registryDirsFor(opts.runtimeDir), folders: opts.settings.policy.workspaceFolders, headless: false, log });
    await audit?.append({ type: 'note', topic: 'gate', message: 'started', data: { pid: process.pid, socket: server.status.socket } });
    if (audit && opts.auditDir) {
      const dir = opts.auditDir;
      const sendHead = () => void connection.sendNotification(AuditHeadNotification, { dir, file: audit.head.file, seq: audit.head.seq, hash: audit.head.hash }).catch(() => undefined);
      let queued = false;
      audit.onAppend(() => {
        if (queued) return;
        queued = true;
        setImmediate(() => ((queued = false), sendHead()));
      });
      sendHead();
    }
    log(`listening on ${server.status.socket}`);
    return { server, gate, audit };
  }

  connection.onInitialize((params) => {
    const opts = params.initializationOptions as GateInitOptions;
    folders = opts.settings.policy.workspaceFolders;
    sandboxSetting = opts.settings.sandbox;
    running = start(opts);
    // A gate that cannot listen must not look alive: the extension shows the error and hooks fail closed.
    running.catch((err: unknown) => log(`failed to start: ${(err as Error).message}`));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
    };
  });

  connection.onRequest(GateStatusRequest, async (): Promise<GateStatus> => {
    if (!running) throw new Error('gate not initialized');
    return (await running).server.status;
  });

  connection.onNotification(SettingsNotification, (settings: GateSettings) => {
    if (!running) return;
    void (async () => {
      const { gate, server } = await running;
      folders = settings.policy.workspaceFolders;
      sandboxSetting = settings.sandbox;
      gate.update({ policy: await createPolicy({ platform: hostPlatform(), ...settings.policy }, { lazyPowerShell: true }), folders: settings.policy.workspaceFolders, reviewDefault: settings.reviewDefault });
      server.setFolders(settings.policy.workspaceFolders);
    })().catch((err: unknown) => log(`policy update failed: ${(err as Error).message}`));
  });

  connection.onShutdown(async () => {
    if (!running) return;
    const { server, audit } = await running;
    await server.close().catch(() => undefined);
    await audit?.append({ type: 'note', topic: 'gate', message: 'stopped', data: { pid: process.pid } }).catch(() => undefined);
    await audit?.close().catch(() => undefined);
  });

  connection.listen();
}
