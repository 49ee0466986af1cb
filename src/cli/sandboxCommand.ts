// `countersign sandbox [--workspace DIR]... [--allow-path PATH]... -- COMMAND [ARGS...]`: runs COMMAND with the
// secrets hidden, secret variables removed, agent configs and Countersign's state read-only, the workspace and
// temporary folders writable. The exit code, stdout and stderr are the command's own; Countersign speaks only
// (on stderr, with a non-zero exit) when it cannot sandbox, and then the command does not run.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ensurePrivateDir, runtimeDir } from '../ipc/runtimeDir';
import { buildPlan } from '../sandbox/build';
import { probeSandbox } from '../sandbox/probe';
import { runSandboxed } from '../sandbox/run';
import { COMMAND_USAGE } from './usage';

const USAGE = COMMAND_USAGE.sandbox ?? '';
/** Exit status when Countersign itself could not run the command (as a shell does for "cannot execute"). */
export const SANDBOX_UNAVAILABLE = 126;

function fail(message: string, code: number): number {
  process.stderr.write(`countersign sandbox: ${message}\n`);
  return code;
}

export async function runSandboxCommand(argv: string[]): Promise<number> {
  const dash = argv.indexOf('--');
  if (dash < 0 || dash === argv.length - 1) return fail(`no command given\n${USAGE}`, 2);
  const command = argv.slice(dash + 1);
  let values: { workspace?: string[]; 'allow-path'?: string[] };
  try {
    ({ values } = parseArgs({ args: argv.slice(0, dash), options: { workspace: { type: 'string', multiple: true }, 'allow-path': { type: 'string', multiple: true } }, strict: true, allowPositionals: false }));
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`, 2);
  }
  const probe = probeSandbox();
  if (probe.state !== 'available') {
    const what = probe.state === 'unsupported' ? 'no sandbox on this system' : probe.state === 'missing' ? 'the sandbox is not installed' : 'the sandbox cannot run here';
    return fail(`${what}: ${probe.detail}. The command was not run.`, SANDBOX_UNAVAILABLE);
  }
  const cwd = process.cwd();
  const workspaces = (values.workspace?.length ? values.workspace : [cwd]).map((w) => resolve(cwd, w));
  let plan;
  try {
    // The user's runtime directory exists before the command starts, so the sandbox hides it: a command that could
    // create it (it lives under /tmp when there is no /run/user) could plant a gate registration for hooks to trust.
    ensurePrivateDir(runtimeDir());
    plan = buildPlan({ workspaces, allowPaths: (values['allow-path'] ?? []).map((p) => resolve(cwd, p)), cwd, env: process.env });
  } catch (err) {
    return fail(`could not prepare the sandbox: ${err instanceof Error ? err.message : String(err)}. The command was not run.`, SANDBOX_UNAVAILABLE);
  }
  return runSandboxed(probe, plan, command);
}
