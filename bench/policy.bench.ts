// Policy engine benchmark (`npm run bench`, or `node scripts/bench.mjs policy`): batch throughput and per-payload
// latency over the labelled corpus, and the time and verdict for hostile inputs. Prints figures and ratios to the
// targets; never fails on a time (machines are shared and noisy).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createPolicy, type Policy, type PolicyConfig } from '../src/policy';

const CONFIG: PolicyConfig = {
  sensitivePaths: ['**/config/prod-secrets.yml'],
  allowedPaths: ['**/.env.example'],
  workspaceFolders: ['/home/dev/proj'],
  home: '/home/dev',
  protectedPaths: ['/home/dev/.config/Code/User/globalStorage/countersign.countersign', '/run/user/1000/countersign'],
};

interface Case {
  label: string;
  payload: unknown;
}

function corpus(): Case[] {
  let dir = __dirname;
  while (dir !== dirname(dir) && !existsSync(join(dir, 'test', 'corpus', 'shell.jsonl'))) dir = dirname(dir);
  const root = existsSync(join(dir, 'test', 'corpus', 'shell.jsonl')) ? dir : process.cwd();
  return ['shell', 'files', 'tools', 'samples', 'captures'].flatMap((f) =>
    readFileSync(join(root, 'test', 'corpus', `${f}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Case),
  );
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

function throughput(policy: Policy, cases: Case[]): number {
  const start = performance.now();
  let n = 0;
  while (performance.now() - start < 2000) {
    for (const c of cases) policy.evaluate(c.payload);
    n += cases.length;
  }
  return n / ((performance.now() - start) / 1000);
}

function latencies(policy: Policy, cases: Case[], rounds: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      const t = performance.now();
      policy.evaluate(c.payload);
      out.push(performance.now() - t);
    }
  }
  return out.sort((a, b) => a - b);
}

function adversarial(policy: Policy, name: string, payload: unknown): void {
  const t = performance.now();
  const v = policy.evaluate(payload);
  const ms = performance.now() - t;
  const top = v.reasons[0];
  console.log(`  ${name.padEnd(34)} ${fmt(ms).padStart(10)}  (${(ms / 100).toFixed(2)}× of 100 ms)  → ${v.risk}${top ? ` [${top.rule}]` : ''}`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const policy = await createPolicy(CONFIG);
  console.log(`createPolicy (WASM load + warm-up): ${fmt(performance.now() - t0)}`);
  const cases = corpus();
  const ordinary = cases.filter((c) => c.label === 'safe' || c.label === 'review' || c.label.startsWith('<='));
  for (let i = 0; i < 3; i++) for (const c of cases) policy.evaluate(c.payload); // JIT warm-up

  const rate = throughput(policy, cases);
  console.log(`\ncorpus: ${cases.length} payloads (${ordinary.length} ordinary)`);
  console.log(`  batch throughput          ${Math.round(rate).toLocaleString('en-US')} payloads/s  (${(rate / 20_000).toFixed(2)}× the 20,000/s target)`);
  const all = latencies(policy, cases, 5);
  console.log(`  latency, all payloads     p50 ${fmt(pct(all, 50))}  p99 ${fmt(pct(all, 99))}  max ${fmt(all[all.length - 1] ?? 0)}`);
  const plain = latencies(policy, ordinary, 5);
  const p99 = pct(plain, 99);
  console.log(`  latency, ordinary         p50 ${fmt(pct(plain, 50))}  p99 ${fmt(p99)}  (${p99.toFixed(3)}× of the 1 ms p99 target)`);

  console.log('\nadversarial inputs (each must stay under 100 ms and never come out safe):');
  const bash = (command: string) => ({ session_id: 's', cwd: '/home/dev/proj', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
  adversarial(policy, '1 MB command line', bash(`echo ${'a'.repeat(1024 * 1024)}`));
  adversarial(policy, '1 MB of words', bash(`echo ${'"a" '.repeat(256 * 1024)}`));
  adversarial(policy, '5 MB file write', { session_id: 's', cwd: '/home/dev/proj', hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: '/home/dev/proj/big.txt', content: 'x'.repeat(5 * 1024 * 1024) } });
  adversarial(policy, '900 KB file write (scanned)', { session_id: 's', cwd: '/home/dev/proj', hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: '/home/dev/proj/data.js', content: 'const password = "x"; // token\n'.repeat(30_000) } });
  adversarial(policy, '$( nested 500 deep', bash(`echo ${'$('.repeat(500)}x${')'.repeat(500)}`));
  adversarial(policy, '10,000-stage pipeline', bash(Array.from({ length: 10_000 }, () => 'cat').join(' | ')));
  adversarial(policy, '3,000-stage pipeline (parsed)', bash(Array.from({ length: 3_000 }, () => 'cat').join(' | ')));
  adversarial(policy, 'wrappers 200 deep', bash(`${'env nice timeout 5 '.repeat(200)}cat .env`));
  adversarial(policy, '200 KB heredoc to a script', bash(`cat > x.sh <<'EOF'\n${'echo hello\n'.repeat(20_000)}EOF\nbash x.sh`));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
