// Runs a real agent (or the headless gate) in its own process group, with a hard time limit, and makes sure
// nothing it started outlives the run: agents leave shells, language servers and helper daemons behind.
import { spawn, type ChildProcess } from 'node:child_process';

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/** Every process group this process started and has not reaped yet; killed on exit, whatever happens. */
const groups = new Set<number>();
process.once('exit', () => {
  for (const pid of groups) killGroup(pid, 'SIGKILL');
});

export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function track(child: ChildProcess): void {
  if (child.pid !== undefined) groups.add(child.pid);
  child.once('exit', () => {
    // The leader is gone; its group may not be. Sweep it, then forget it.
    if (child.pid !== undefined) {
      killGroup(child.pid, 'SIGKILL');
      groups.delete(child.pid);
    }
  });
}

export function run(command: string, args: string[], opts: RunOptions): Promise<RunResult> {
  const t0 = Date.now();
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    track(child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
    }, opts.timeoutMs);
    child.on('error', (err) => {
      stderr += `\n[spawn error] ${err.message}`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: Date.now() - t0, timedOut });
    });
  });
}

/** The environment every agent run starts from: nothing inherited but a PATH that finds this Node. */
export function cleanEnv(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const nodeBin = process.execPath.replace(/\/[^/]+$/, '');
  return {
    PATH: `${nodeBin}:/usr/local/bin:/usr/bin:/bin`,
    HOME: home,
    USER: 'dev',
    LANG: 'C.UTF-8',
    TERM: 'dumb',
    NO_COLOR: '1',
    ...extra,
  };
}
