// Hook latency: a safe action through `countersign hook` with a gate running, against bare Node start-up
// (`node -e 0`) measured in the same run; then 32 concurrent hook calls. Prints figures; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../..');
const CLI = join(REPO, 'dist', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS || 30);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function timeSync(args: string[], input: string, env: NodeJS.ProcessEnv): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, env, stdio: ['pipe', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${String(r.stderr)}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function timeAsync(args: string[], input: string, env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = process.hrtime.bigint();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('close', (code) => (code === 0 ? done(Number(process.hrtime.bigint() - t0) / 1e6) : fail(new Error(`exit ${code}`))));
    child.stdin.end(input);
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-bench-'));
  const rt = join(dir, 'rt');
  mkdirSync(rt, { mode: 0o700 });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, COUNTERSIGN_RUNTIME_DIR: rt };
  const socket = join(rt, 'bench.sock');
  const gate = spawn(process.execPath, [CLI, 'gate', '--headless', '--audit', join(dir, 'audit', 'audit.jsonl'), '--socket', socket, '--folder', dir], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((ready) => gate.stdout.once('data', () => ready()));
  const hookEnv = { ...env, COUNTERSIGN_SOCKET: socket };
  const payload = JSON.stringify({ session_id: 'b', cwd: dir, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls -la' }, tool_use_id: 't' });
  try {
    // Warm both paths once (disk cache), then interleave so machine noise hits both alike.
    timeSync(['-e', '0'], '', env);
    timeSync([CLI, 'hook', '--agent', 'claude'], payload, hookEnv);
    const bare: number[] = [];
    const hook: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(timeSync(['-e', '0'], '', env));
      hook.push(timeSync([CLI, 'hook', '--agent', 'claude'], payload, hookEnv));
    }
    const check = spawnSync(process.execPath, [CLI, 'hook', '--agent', 'claude'], { input: payload, env: hookEnv });
    const answer = String(check.stdout).includes('"allow"') ? 'allow' : 'deny';
    console.log(`safe action round trip (${RUNS} runs, answer: ${answer})`);
    console.log(`  node -e 0            p50 ${ms(pct(bare, 50))}  p99 ${ms(pct(bare, 99))}`);
    console.log(`  countersign hook     p50 ${ms(pct(hook, 50))}  p99 ${ms(pct(hook, 99))}`);
    console.log(`  ratio hook / node    ${(pct(hook, 50) / pct(bare, 50)).toFixed(2)} (target <= 1.2)`);

    const concurrent: number[] = [];
    for (let round = 0; round < 3; round++) {
      concurrent.push(...(await Promise.all(Array.from({ length: 32 }, () => timeAsync([CLI, 'hook', '--agent', 'claude'], payload, hookEnv)))));
    }
    console.log(`32 concurrent hook calls x3   p50 ${ms(pct(concurrent, 50))}  p99 ${ms(pct(concurrent, 99))}  (2 cores: processes queue for CPU)`);
  } finally {
    gate.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
