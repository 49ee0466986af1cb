// Fuzz: at least 10,000 generated hostile payloads through `countersign evaluate --jsonl` (one process) and the hook
// path (real CLI processes for a sample, the gate's socket protocol in-process for the rest) against one headless
// gate. No crash, no hang, every line answered, no `safe` (or allow) for what the policy could not understand, and
// every request that reached the gate is in its audit log.
//   FUZZ_SEED=<n>|random  FUZZ_COUNT=<n> (default 10000)  FUZZ_HOOK_SAMPLE=<n> (default 300)
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { RISK_ORDER, type Risk } from '../../../src/policy';
import { liveGates } from '../../../src/ipc/registry';
import { askGate } from '../../../src/cli/gateClient';
import { CLI, hook, sandbox, startHeadlessGate, type HeadlessGate, type Sandbox } from '../hook/harness';
import { decisions, entriesIn } from '../hook/auditRead';
import { Fuzzer, seedFromEnv, type FuzzCase } from './fuzzGen';
import { answerDecision } from './answers';

const SEED = seedFromEnv();
const COUNT = Number(process.env.FUZZ_COUNT) || 10_000;
const HOOK_SAMPLE = Math.min(COUNT, Number(process.env.FUZZ_HOOK_SAMPLE) || 300);
/** A hang guard, not a speed check: a process still running after this is stuck. */
const HANG_MS = 10 * 60_000;

function generate(): FuzzCase[] {
  const f = new Fuzzer(SEED);
  const out: FuzzCase[] = [];
  while (out.length < COUNT) {
    const c = f.next();
    if (c.text.trim() !== '') out.push(c); // evaluate --jsonl skips blank lines by design
  }
  return out;
}

function label(c: FuzzCase, i: number): string {
  return `#${i} ${c.kind} [${c.agent}] ${JSON.stringify(c.text.slice(0, 100))}`;
}

/** Runs in `width` parallel lanes. */
async function lanes<T>(items: T[], width: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

describe(`fuzz (seed ${SEED}, ${COUNT} payloads)`, () => {
  const cases = generate();
  let box: Sandbox;
  let gate: HeadlessGate;
  before(async () => {
    const b = sandbox();
    // The payloads are written for a developer at /home/dev; nothing is written there (logs go to the sandbox).
    box = { ...b, env: { ...b.env, HOME: '/home/dev', COUNTERSIGN_HOME: join(b.dir, 'storage') } };
    gate = await startHeadlessGate(box, ['--folder', '/home/dev/proj', '--review', 'deny']);
  });
  after(async () => {
    await gate.stop();
    box.cleanup();
  });

  test('evaluate --jsonl: every line answered, nothing not understood is safe, every attack at least sensitive', async (t) => {
    t.diagnostic(`seed ${SEED} (rerun with FUZZ_SEED=${SEED}); ${cases.length} payloads, ${(cases.reduce((n, c) => n + c.text.length, 0) / 1e6).toFixed(1)} MB`);
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, [CLI, 'evaluate', '--jsonl'], { env: box.env, stdio: ['pipe', 'pipe', 'pipe'] });
      const chunks: Buffer[] = [];
      let stderr = '';
      const guard = setTimeout(() => {
        child.kill('SIGKILL');
        fail(new Error(`evaluate --jsonl hung (seed ${SEED})`));
      }, HANG_MS);
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => {
        clearTimeout(guard);
        done({ code, stdout: Buffer.concat(chunks).toString('utf8'), stderr });
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(cases.map((c) => c.text).join('\n') + '\n');
    });
    assert.equal(out.code, 0, `evaluate exited ${out.code}: ${out.stderr.slice(0, 2000)}`);
    const lines = out.stdout.split('\n').filter((l) => l !== '');
    assert.equal(lines.length, cases.length, 'one answer per payload');
    const wrong: string[] = [];
    const tally: Record<string, number> = {};
    lines.forEach((line, i) => {
      const c = cases[i]!;
      const r = JSON.parse(line) as { risk?: Risk; error?: string };
      const got = r.risk ?? 'error';
      tally[got] = (tally[got] ?? 0) + 1;
      if (c.expect === 'sensitive' && (r.risk === undefined || RISK_ORDER[r.risk] < RISK_ORDER.sensitive)) wrong.push(`${label(c, i)} -> ${got}`);
      if (c.expect === 'notSafe' && r.risk === 'safe') wrong.push(`${label(c, i)} -> safe`);
    });
    t.diagnostic(`verdicts: ${JSON.stringify(tally)}`);
    assert.deepEqual(wrong.slice(0, 30), [], `${wrong.length} wrong (seed ${SEED})`);
  });

  test(`hook path: ${HOOK_SAMPLE} real CLI processes and ${COUNT - HOOK_SAMPLE} socket requests, all answered, none allowed that should not be, all logged`, async (t) => {
    const env = { ...box.env, COUNTERSIGN_SOCKET: gate.socket };
    const wrong: string[] = [];
    let reachedGate = 0;
    // Real processes, the way agents call the hook.
    await lanes(cases.slice(0, HOOK_SAMPLE), 6, async (c, i) => {
      const r = await hook(c.agent, c.text, env);
      const d = answerDecision(c.agent, r);
      if (d === 'unanswered') wrong.push(`${label(c, i)}: no answer (exit ${r.code}) ${r.stderr.slice(0, 200)}`);
      else if (c.expect !== 'any' && d !== 'deny') wrong.push(`${label(c, i)}: ${d}`);
      if (isJsonObject(c.text)) reachedGate++;
    });
    // The rest through the gate's own protocol, in this process.
    const [record] = liveGates(box.runtimeDir);
    assert.ok(record, 'the headless gate is registered');
    await lanes(cases.slice(HOOK_SAMPLE), 16, async (c, j) => {
      const i = j + HOOK_SAMPLE;
      const now = Date.now();
      const reply = await askGate(record, c.agent, c.text, now + 60_000, now + HANG_MS);
      reachedGate++;
      if (c.expect !== 'any' && reply.decision !== 'deny') wrong.push(`${label(c, i)}: ${reply.decision} (${reply.risk})`);
    });
    assert.deepEqual(wrong.slice(0, 30), [], `${wrong.length} wrong (seed ${SEED})`);
    const logged = decisions(await entriesIn(gate.auditDir)).length;
    t.diagnostic(`${reachedGate} requests reached the gate; ${logged} decisions in its audit log`);
    assert.equal(logged, reachedGate, 'every request that reached the gate has exactly one logged decision');
  });
});

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
