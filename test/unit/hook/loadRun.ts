// Load against one headless gate: many real `countersign hook` processes at once, from several agents, with safe,
// review and sensitive actions in each agent's own format. Shared by the unit test (correctness, fewer calls) and
// bench/load.bench.ts (200 calls, latency and memory figures). Paths are passed in: the two bundles live apart.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentName } from '../../../src/policy';
import { listLogs, verifyLog } from '../../../src/audit';
import { AGENTS, READ_FORMATS, SHELL_FORMATS } from '../adversarial/agentFormats';
import { answerDecision, type Read } from '../adversarial/answers';

type Risk = 'safe' | 'review' | 'sensitive';

const SHELL: Record<Risk, string[]> = {
  safe: ['ls -la', 'git status', 'npm test', 'grep -rn TODO src/', 'cat README.md'],
  review: ['npm install left-pad', 'curl -s https://example.com', 'rm -rf dist', 'git push origin main'],
  sensitive: ['cat .env', 'sudo id', 'chmod 777 deploy.sh', 'cat ~/.ssh/id_rsa', 'gh auth token'],
};
const READS: Record<Risk, string[]> = { safe: ['/home/dev/proj/README.md'], review: [], sensitive: ['/home/dev/proj/.env', '/home/dev/.aws/credentials'] };

export interface LoadCall {
  agent: AgentName;
  risk: Risk;
  payload: Record<string, unknown>;
}

/** `n` calls cycling through agents and risks (about 40% safe, 20% review, 40% sensitive). */
export function loadCalls(n: number): LoadCall[] {
  const risks: Risk[] = ['safe', 'sensitive', 'review', 'safe', 'sensitive'];
  return Array.from({ length: n }, (_, i) => {
    const agent = AGENTS[i % AGENTS.length]!;
    const risk = risks[Math.floor(i / AGENTS.length) % risks.length]!;
    const reads = READS[risk];
    const useRead = reads.length > 0 && i % 3 === 0;
    const pick = <T>(xs: T[]) => xs[i % xs.length]!;
    return { agent, risk, payload: useRead ? READ_FORMATS[agent](pick(reads)) : SHELL_FORMATS[agent](pick(SHELL[risk])) };
  });
}

export interface LoadResult {
  calls: LoadCall[];
  answers: { read: Read; reason: string; ms: number; code: number | null }[];
  /** Decision entries in the gate's audit log, and how many of them allow. */
  logged: number;
  loggedAllow: number;
  logIntact: boolean;
  rssBeforeKb: number;
  rssPeakKb: number;
  rssAfterKb: number;
  /** RSS after each wave. */
  rssAfterRoundKb: number[];
  samples: number;
}

/** Polls /proc/PID/status every 10 ms; prints `{peak, samples}` (kB) when told to stop. */
const SAMPLER = `
const fs = require('fs'); const pid = process.argv[1]; let peak = 0, samples = 0;
const take = () => { try { const m = /VmRSS:\\s+(\\d+)/.exec(fs.readFileSync('/proc/' + pid + '/status', 'utf8')); if (m) { peak = Math.max(peak, +m[1]); samples++; } } catch {} };
take(); process.stdout.write(JSON.stringify({ peak, samples }) + '\\n');
const t = setInterval(take, 10);
process.on('SIGTERM', () => { clearInterval(t); take(); process.stdout.write(JSON.stringify({ peak, samples }) + '\\n'); process.exit(0); });
`;

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function run(cli: string, agent: AgentName, payload: unknown, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; ms: number }> {
  const t0 = process.hrtime.bigint();
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'hook', '--agent', agent], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (code) => done({ code, stdout, ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(JSON.stringify(payload));
  });
}

function reasonOf(stdout: string): string {
  try {
    const a = JSON.parse(stdout) as { hookSpecificOutput?: { permissionDecisionReason?: string }; permissionDecisionReason?: string; reason?: string; user_message?: string; errorMessage?: string };
    return a.hookSpecificOutput?.permissionDecisionReason ?? a.permissionDecisionReason ?? a.reason ?? a.user_message ?? a.errorMessage ?? '';
  } catch {
    return '';
  }
}

/** Starts a headless gate in a temporary directory, fires every call at once, samples the gate's RSS meanwhile. */
/** `rounds` waves of `n` simultaneous calls (a leak shows as RSS climbing from wave to wave). */
export async function runLoad(cli: string, n: number, rounds = 1): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-load-'));
  const rt = join(dir, 'rt');
  mkdirSync(rt, { mode: 0o700 });
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: '/home/dev', COUNTERSIGN_RUNTIME_DIR: rt, COUNTERSIGN_HOME: join(dir, 'storage') };
  const socket = join(rt, 'load.sock');
  const auditDir = join(dir, 'audit');
  const gate = spawn(process.execPath, [cli, 'gate', '--headless', '--audit', join(auditDir, 'audit.jsonl'), '--socket', socket, '--folder', '/home/dev/proj', '--review', 'deny'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    const ready = await new Promise<{ pid: number }>((resolve, reject) => {
      gate.stdout.once('data', (d: Buffer) => resolve(JSON.parse(d.toString().split('\n')[0]!) as { pid: number }));
      gate.once('exit', (code) => reject(new Error(`gate exited ${code}`)));
    });
    const pid = ready.pid;
    const calls = loadCalls(n);
    const hookEnv = { ...env, COUNTERSIGN_SOCKET: socket };
    const rssBeforeKb = rssKb(pid);
    // Sampled from a process of its own: this one is busy starting 200 children and would miss the peak.
    const sampler = spawn(process.execPath, ['-e', SAMPLER, String(pid)], { stdio: ['ignore', 'pipe', 'ignore'] });
    let samplerOut = '';
    sampler.stdout.on('data', (d: Buffer) => (samplerOut += d.toString()));
    const samplerDone = new Promise((r) => sampler.once('exit', r));
    await new Promise((r) => sampler.stdout.once('data', r)); // it reports once it has taken its first sample
    const outs: Awaited<ReturnType<typeof run>>[] = [];
    const rssAfterRoundKb: number[] = [];
    for (let round = 0; round < rounds; round++) {
      outs.push(...(await Promise.all(calls.map((c) => run(cli, c.agent, c.payload, hookEnv)))));
      rssAfterRoundKb.push(rssKb(pid));
    }
    sampler.kill('SIGTERM');
    await samplerDone;
    const sampled = JSON.parse(samplerOut.trim().split('\n').pop() ?? '{}') as { peak?: number; samples?: number };
    const rssPeakKb = Math.max(rssBeforeKb, sampled.peak ?? 0, rssKb(pid));
    const samples = sampled.samples ?? 0;
    const all = Array.from({ length: rounds }, () => calls).flat();
    const answers = outs.map((o, i) => ({ read: answerDecision(all[i]!.agent, o), reason: reasonOf(o.stdout), ms: o.ms, code: o.code }));
    let logged = 0;
    let loggedAllow = 0;
    let logIntact = true;
    for (const files of (await listLogs(auditDir)).values()) {
      if ((await verifyLog(files)).status !== 'intact') logIntact = false;
      for (const f of files) {
        for (const line of readFileSync(f, 'utf8').split('\n')) {
          if (!line) continue;
          const e = JSON.parse(line) as { type: string; decision?: { decision: string } };
          if (e.type !== 'decision') continue;
          logged++;
          if (e.decision?.decision === 'allow') loggedAllow++;
        }
      }
    }
    return { calls: all, answers, logged, loggedAllow, logIntact, rssBeforeKb, rssPeakKb, rssAfterKb: rssKb(pid), rssAfterRoundKb, samples };
  } finally {
    gate.kill('SIGTERM');
    await new Promise((r) => (gate.exitCode === null ? gate.once('exit', r) : r(undefined)));
    rmSync(dir, { recursive: true, force: true });
  }
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}
