// `countersign gate --headless --audit FILE [--socket PATH]`: the same policy and audit log with nobody to ask,
// for CI and containers. Sensitive and blocked are denied, review follows --review (or the user's
// countersign.whenUnreachable), safe is allowed. Runs until killed; answers concurrent hooks.
import { basename, dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPolicy } from '../policy';
import { hostPlatform } from './hostPlatform';
import { readSnapshot } from '../ipc/settingsSnapshot';
import { gateRuntimeDir, policyHomes, registryDirsFor, stateDir } from '../ipc/runtimeDir';
import { policyForHomes } from './policyForHomes';
import { Gate } from './gate';
import { startGateServer } from './gateServer';
import { openAudit } from './openAudit';
import { isReviewDefault } from './unattended';
import { liveSandboxEnv } from './sandboxEnv';
import { collectGarbage } from './idleCollect';

const USAGE = 'usage: countersign gate --headless --audit FILE [--socket PATH] [--review deny|allow] [--folder DIR]...';

/**
 * `--audit x/audit.jsonl` writes exactly x/audit.jsonl; when it rotates, the chain goes on in x/audit.jsonl.1, … beside
 * it (`audit verify x/audit.jsonl` checks them all). A path without .jsonl is a directory of audit-NNNNNN.jsonl files.
 */
function auditLocation(path: string): { dir: string; prefix?: string } {
  const abs = resolve(path);
  return extname(abs) === '.jsonl' ? { dir: dirname(abs), prefix: basename(abs) } : { dir: abs };
}

export async function runHeadlessGate(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      headless: { type: 'boolean' },
      audit: { type: 'string' },
      socket: { type: 'string' },
      review: { type: 'string' },
      folder: { type: 'string', multiple: true },
    },
  });
  if (!values.headless || !values.audit) {
    process.stderr.write(`${USAGE}\n(only the headless gate runs from the CLI; VS Code starts its own)\n`);
    return 1;
  }
  if (values.review !== undefined && !isReviewDefault(values.review)) {
    process.stderr.write(`countersign gate: --review must be deny or allow\n`);
    return 1;
  }
  const log = (m: string) => process.stderr.write(`[countersign gate] ${m}\n`);
  // The user's own settings snapshot (never one an environment variable names), and this command's flags.
  const snapshot = readSnapshot();
  const dir = gateRuntimeDir();
  const folders = (values.folder ?? [process.cwd()]).map((f) => resolve(f));
  const where = auditLocation(values.audit);
  const audit = await openAudit(where.dir, where.prefix);
  const gate = new Gate({
    policy: await policyForHomes((config) => createPolicy(config, { lazyPowerShell: true }), {
      sensitivePaths: snapshot.sensitivePaths,
      allowedPaths: snapshot.allowedPaths,
      protectedPaths: [...new Set([...registryDirsFor(dir), stateDir(), ...snapshot.protectedPaths])],
      workspaceFolders: folders,
      platform: hostPlatform(),
    }, policyHomes()),
    folders,
    audit,
    reviewDefault: values.review ?? snapshot.reviewDefault,
    sandbox: liveSandboxEnv(),
  });
  const server = await startGateServer(gate, {
    // Only where it was told (a named registry keeps CI jobs and tests apart); hooks search the user's first.
    runtimeDir: dir,
    folders,
    headless: true,
    socket: values.socket ? resolve(values.socket) : undefined,
    log,
  });
  await audit.append({ type: 'note', topic: 'gate', message: 'started headless', data: { pid: process.pid, socket: server.status.socket } });
  const auditFile = where.prefix !== undefined ? resolve(values.audit) : undefined;
  log(`headless gate ${process.pid} on ${server.status.socket}; audit log ${auditFile ?? `in ${where.dir}`}`);
  // Start-up (bundle compile, grammar load, warm-up) leaves garbage behind; the gate starts its long life without it.
  collectGarbage();
  process.stdout.write(`${JSON.stringify({ socket: server.status.socket, pid: process.pid, auditDir: where.dir, ...(auditFile ? { auditFile } : {}) })}\n`);

  return new Promise<number>((done) => {
    const stop = (signal: string) => {
      log(`${signal}: stopping`);
      void (async () => {
        await server.close().catch(() => undefined);
        await audit.append({ type: 'note', topic: 'gate', message: 'stopped', data: { signal } }).catch(() => undefined);
        await audit.close().catch(() => undefined);
        done(0);
      })();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}
