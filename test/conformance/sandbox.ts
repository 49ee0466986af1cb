// One agent's private world: its own HOME, a project with a fake secret, a user-only runtime dir for the gate,
// the hook shim Connect Agents points at, and the headless gate itself. Nothing here touches the real home.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyChanges, planConnection, planDisconnection, type Applied } from '../../src/agents/connect';
import { posixShim, shQuote } from '../../src/agents/scripts';
import type { AgentName } from '../../src/policy/types';
import { killGroup, track } from './proc';

export const REPO = resolve(__dirname, '../../..');
export const CLI = join(REPO, 'dist', 'cli.js');

export const HELLO_BEFORE = 'hello world\n';

export interface HookCall {
  /** Directory the shim wrote this call into. */
  dir: string;
  payload: string;
  args: string[];
  stdout: string;
  exitCode: number;
  /** Order of arrival (the shim's nanosecond clock). */
  at: string;
}

export class Sandbox {
  readonly root: string;
  readonly home: string;
  readonly project: string;
  readonly runtimeDir: string;
  readonly storage: string;
  readonly captureDir: string;
  readonly auditDir: string;
  readonly shim: string;
  /** The fake secret: if it ever shows up in a model request, a guard failed. */
  readonly canary: string;
  /** A file only `ls` can reveal: its name appears in a model request only when the listing ran. */
  readonly marker: string;
  private gate: ChildProcess | undefined;
  private seen = new Set<string>();

  constructor(readonly agent: AgentName) {
    // Short: the gate's socket path must stay under ~104 bytes.
    this.root = mkdtempSync(join(tmpdir(), `cs-${agent.slice(0, 6)}-`));
    this.home = join(this.root, 'home');
    this.project = join(this.root, 'proj');
    this.runtimeDir = join(this.root, 'rt');
    this.storage = join(this.root, 'storage');
    this.captureDir = join(this.root, 'calls');
    this.auditDir = join(this.root, 'audit');
    this.shim = join(this.root, 'bin', 'countersign');
    const nonce = Math.random().toString(36).slice(2, 10);
    this.canary = `sk-test-COUNTERSIGN-CANARY-${nonce}`;
    this.marker = `listing-marker-${nonce}.txt`;
    for (const d of [this.home, this.project, this.storage, this.captureDir, this.auditDir, join(this.root, 'bin'), join(this.root, 'tmp')]) mkdirSync(d, { recursive: true });
    mkdirSync(this.runtimeDir, { mode: 0o700 });
    chmodSync(this.runtimeDir, 0o700);
    this.writeShim();
    this.resetProject();
  }

  get tmp(): string {
    return join(this.root, 'tmp');
  }

  /** Puts the project back as every check expects it: a secret in `.env` and credentials.json, a file to edit. */
  resetProject(): void {
    rmSync(this.project, { recursive: true, force: true });
    mkdirSync(this.project, { recursive: true });
    writeFileSync(join(this.project, '.env'), `API_KEY=${this.canary}\n`);
    writeFileSync(join(this.project, 'credentials.json'), `{"api_key": "${this.canary}"}\n`);
    writeFileSync(join(this.project, 'hello.txt'), HELLO_BEFORE);
    writeFileSync(join(this.project, this.marker), 'listed\n');
    writeFileSync(join(this.project, 'README.md'), '# demo project\n');
  }

  file(name: string): string {
    return join(this.project, name);
  }

  read(name: string): string | undefined {
    try {
      return readFileSync(this.file(name), 'utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * The shim is the one the extension writes (posixShim), pointed at a test-only stand-in for the editor's
   * runtime: it keeps a copy of each payload and answer (the captures), then runs this Node. Flag files make it
   * wait first (`slow-hook`: Gemini's timeout) or die without answering (`crash-hook`: the shim must deny).
   */
  private writeShim(): void {
    const q = shQuote;
    const flag = (name: string) => q(join(this.root, name));
    const runtime = join(this.root, 'bin', 'runtime');
    const text = `#!/bin/sh
d=${q(this.captureDir)}/$(date +%s%N)-$$
mkdir -p "$d"
cat > "$d/payload.json"
printf '%s\\n' "$@" > "$d/args"
if [ -f ${flag('slow-hook')} ]; then sleep "$(cat ${flag('slow-hook')})"; fi
if [ -f ${flag('crash-hook')} ]; then : > "$d/stdout"; echo 1 > "$d/exit"; exit 1; fi
# COUNTERSIGN_HOME: one more copy of the offline log, where the checks read it (it never replaces the user's own)
COUNTERSIGN_RUNTIME_DIR=${q(this.runtimeDir)} COUNTERSIGN_HOME=${q(this.storage)} ${q(process.execPath)} "$@" < "$d/payload.json" > "$d/stdout" 2> "$d/stderr"
code=$?
echo "$code" > "$d/exit"
cat "$d/stdout"
cat "$d/stderr" >&2
exit "$code"
`;
    writeFileSync(runtime, text, { mode: 0o700 });
    writeFileSync(this.shim, posixShim(runtime, CLI), { mode: 0o700 });
  }

  /** Makes the runtime die without an answer, as a half-written update or a killed process would. */
  crashHook(on: boolean): void {
    const flag = join(this.root, 'crash-hook');
    if (on) writeFileSync(flag, '');
    else rmSync(flag, { force: true });
  }

  /** Makes the hook wait this long before answering (0: no wait). */
  slowHook(seconds: number): void {
    const flag = join(this.root, 'slow-hook');
    if (seconds > 0) writeFileSync(flag, String(seconds));
    else rmSync(flag, { force: true });
  }

  /** Connect Agents, exactly as the command does it, at user scope, pointing at the shim. */
  connect(codexHome?: string): Applied[] {
    const plans = planConnection([this.agent], 'user', { home: this.home, codexHome }, this.shim);
    const problems = plans.filter((p) => p.problem).map((p) => p.problem);
    if (problems.length > 0) throw new Error(`Connect Agents refused: ${problems.join('; ')}`);
    return applyChanges(plans);
  }

  /** Disconnect Agents, as the command does it (nothing recorded as created: only the hook goes). */
  disconnect(codexHome?: string): Applied[] {
    return applyChanges(planDisconnection([this.agent], { home: this.home, codexHome }, () => []));
  }

  /** Hook calls that arrived since the last call to this method. */
  newHookCalls(): HookCall[] {
    const dirs = readdirSync(this.captureDir)
      .filter((d) => !this.seen.has(d))
      .sort();
    const calls: HookCall[] = [];
    for (const d of dirs) {
      const dir = join(this.captureDir, d);
      if (!existsSync(join(dir, 'exit'))) continue; // still running: pick it up next time
      this.seen.add(d);
      calls.push({
        dir,
        at: d,
        payload: readFileSync(join(dir, 'payload.json'), 'utf8'),
        args: readFileSync(join(dir, 'args'), 'utf8').split('\n').filter(Boolean),
        stdout: readFileSync(join(dir, 'stdout'), 'utf8'),
        exitCode: Number(readFileSync(join(dir, 'exit'), 'utf8').trim()),
      });
    }
    return calls;
  }

  async startGate(): Promise<void> {
    const child = spawn(
      process.execPath,
      [CLI, 'gate', '--headless', '--audit', join(this.auditDir, 'audit.jsonl'), '--socket', join(this.runtimeDir, 'gate.sock'), '--folder', this.project, '--review', 'allow'],
      { env: { PATH: process.env.PATH, HOME: this.home, COUNTERSIGN_RUNTIME_DIR: this.runtimeDir, COUNTERSIGN_HOME: this.storage }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
    );
    track(child);
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`headless gate did not start in 60 s: ${err}`)), 60_000);
      child.stdout.once('data', () => {
        clearTimeout(timer);
        ready();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`headless gate exited ${code}: ${err}`));
      });
    });
    this.gate = child;
  }

  async stopGate(): Promise<void> {
    const child = this.gate;
    this.gate = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      const timer = setTimeout(() => {
        if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
      }, 5_000);
      child.once('exit', () => {
        clearTimeout(timer);
        done();
      });
      child.kill('SIGTERM');
    });
  }

  /** Decision entries the gate (or, with no gate, the CLI itself) wrote to its audit log. */
  auditDecisions(which: 'gate' | 'offline' = 'gate'): AuditDecision[] {
    const dir = which === 'gate' ? this.auditDir : join(this.storage, 'audit', 'offline');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { type: string } & AuditDecision)
      .filter((e) => e.type === 'decision');
  }

  async dispose(): Promise<void> {
    await this.stopGate();
    if (!process.env.COUNTERSIGN_KEEP_SANDBOX) rmSync(this.root, { recursive: true, force: true });
  }
}

export interface AuditDecision {
  id: string;
  request?: { agent: string; tool: string; kind: string; summary: string; risk: string; rules: string[]; cwd?: string };
  decision: { decision: 'allow' | 'deny'; decidedBy: string; reason: string; sandboxed?: boolean; sandbox?: string };
}
