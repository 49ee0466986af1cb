// Runs a command inside the sandbox: the plan becomes bwrap arguments (Linux) or a Seatbelt profile (macOS); the
// command's exit code, stdout and stderr are passed through untouched (stdio is inherited).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants } from 'node:os';
import { bwrapArgs } from './bwrap';
import { sandboxExecArgs } from './sbpl';
import type { SandboxPlan, SandboxProbe } from './types';

/** The exit status a shell would report: the code, or 128 + the signal's number. */
export function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const n = signal ? (constants.signals as Record<string, number>)[signal] : undefined;
  return 128 + (n ?? 1);
}

function spawnInherit(file: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(file, args, { stdio: 'inherit', env });
    // Signals sent to Countersign reach the command (bwrap's --die-with-parent covers a hard kill).
    const forward = (s: NodeJS.Signals) => () => child.kill(s);
    const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((s) => [s, forward(s)] as const);
    for (const [s, h] of handlers) process.on(s, h);
    const done = (status: number) => {
      for (const [s, h] of handlers) process.off(s, h);
      resolve(status);
    };
    child.on('error', (err) => {
      process.stderr.write(`countersign sandbox: cannot start ${file}: ${err.message}\n`);
      done(126);
    });
    child.on('exit', (code, signal) => done(exitStatus(code, signal)));
  });
}

export async function runSandboxed(probe: Extract<SandboxProbe, { state: 'available' }>, plan: SandboxPlan, command: string[]): Promise<number> {
  if (probe.mechanism === 'sandbox-exec') return spawnInherit(probe.path, sandboxExecArgs(plan, command), plan.env);
  // One empty read-only file stands in for every hidden file; removed when the command ends.
  const dir = mkdtempSync('/tmp/countersign-sandbox-');
  const empty = join(dir, 'empty');
  try {
    writeFileSync(empty, '');
    chmodSync(empty, 0o444);
    return await spawnInherit(probe.path, bwrapArgs(plan, empty, command), plan.env);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
