// Real processes for hook tests: the built CLI (dist/cli.js), a real headless gate, fake gates for faults.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeRecord } from '../../../src/ipc/registry';

export const REPO = resolve(__dirname, '../../../..');
export const CLI = join(REPO, 'dist', 'cli.js');
/** Hook payloads the real agents sent (copied from shared/real-agents/samples). */
export const SAMPLES = join(REPO, 'test/fixtures/agent-samples');

export function sample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SAMPLES, name), 'utf8')) as Record<string, unknown>;
}

export interface Sandbox {
  dir: string;
  runtimeDir: string;
  env: NodeJS.ProcessEnv;
  cleanup(): void;
}

/** A private runtime dir and an environment with no gate in it. */
export function sandbox(): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), 'cs-hook-'));
  const runtimeDir = join(dir, 'rt');
  mkdirSync(runtimeDir, { mode: 0o700 });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, COUNTERSIGN_RUNTIME_DIR: runtimeDir };
  return { dir, runtimeDir, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(args: string[], stdin: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const t0 = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code, stdout, stderr, ms: Date.now() - t0 }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
  });
}

export function hook(agent: string, payload: unknown, env: NodeJS.ProcessEnv, extra: string[] = []): Promise<Run> {
  return runCli(['hook', '--agent', agent, ...extra], typeof payload === 'string' ? payload : JSON.stringify(payload), env);
}

export interface HeadlessGate {
  socket: string;
  auditDir: string;
  stop(): Promise<void>;
}

export async function startHeadlessGate(box: Sandbox, extra: string[] = [], env: NodeJS.ProcessEnv = box.env): Promise<HeadlessGate> {
  const socket = join(box.runtimeDir, 'headless.sock');
  const auditDir = join(box.dir, 'audit');
  const child = spawn(process.execPath, [CLI, 'gate', '--headless', '--audit', join(auditDir, 'audit.jsonl'), '--socket', socket, ...extra], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((ready, fail) => {
    child.stdout.once('data', () => ready());
    child.once('exit', (code) => fail(new Error(`headless gate exited ${code}: ${err}`)));
  });
  return {
    socket,
    auditDir,
    stop: () =>
      new Promise((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** A gate that registers like a real one (valid token, live pid) but misbehaves as told. */
export async function fakeGate(box: Sandbox, behave: (socket: Socket) => void, folders: string[] = ['/']): Promise<{ socket: string; close(): Promise<void> }> {
  const socket = join(box.runtimeDir, `fake-${Math.random().toString(36).slice(2, 8)}.sock`);
  const open = new Set<Socket>();
  const server: Server = createServer((s) => {
    open.add(s);
    s.on('close', () => open.delete(s));
    s.on('error', () => undefined);
    behave(s);
  });
  await new Promise<void>((r) => server.listen(socket, r));
  writeRecord(box.runtimeDir, { id: `fake-${Date.now()}`, pid: process.pid, socket, token: 'x'.repeat(43), folders, headless: true, startedAt: Date.now() });
  return {
    socket,
    close: () =>
      new Promise((r) => {
        for (const s of open) s.destroy(); // a gate that "never answers" holds its connections open
        server.close(() => r());
      }),
  };
}
