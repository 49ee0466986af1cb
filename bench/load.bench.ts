// Load: 200 concurrent `countersign hook` processes from seven agents (safe, review and sensitive actions in each
// agent's own format) against one headless gate. Prints latency p50/p99, the gate's peak RSS (sampled from
// /proc/PID/status during the run) and whether every call was answered and logged exactly once. Asserts nothing
// about time: 2 shared cores queue 200 Node start-ups.
import { join, resolve } from 'node:path';
import { percentile, runLoad } from '../test/unit/hook/loadRun';

const CALLS = Number(process.env.BENCH_LOAD_CALLS) || 200;
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS) || 3;
const CLI = join(resolve(__dirname, '../..'), 'dist', 'cli.js');

async function main(): Promise<void> {
  const t0 = Date.now();
  const r = await runLoad(CLI, CALLS, ROUNDS);
  const total = CALLS * ROUNDS;
  const wall = Date.now() - t0;
  const ms = r.answers.map((a) => a.ms);
  const by = (risk: string) => r.answers.filter((_, i) => r.calls[i]!.risk === risk);
  const unanswered = r.answers.filter((a) => a.read === 'unanswered').length;
  const wrong = r.answers.filter((a, i) => r.calls[i]!.risk !== 'safe' && a.read !== 'deny').length;
  const allows = r.answers.filter((a) => a.read === 'allow').length;
  console.log(`${ROUNDS} waves of ${CALLS} concurrent hook calls, 7 agents, one headless gate (${(wall / 1000).toFixed(1)} s wall)`);
  console.log(`  latency (spawn to answer)  p50 ${percentile(ms, 50).toFixed(0)} ms  p99 ${percentile(ms, 99).toFixed(0)} ms  max ${Math.max(...ms).toFixed(0)} ms`);
  for (const risk of ['safe', 'review', 'sensitive']) {
    const xs = by(risk).map((a) => a.ms);
    console.log(`    ${risk.padEnd(9)} n=${String(xs.length).padStart(3)}  p50 ${percentile(xs, 50).toFixed(0)} ms  p99 ${percentile(xs, 99).toFixed(0)} ms`);
  }
  console.log(`  answered ${total - unanswered}/${total}; review/sensitive allowed: ${wrong}; allowed ${allows}`);
  console.log(`  audit: ${r.logged} decisions logged for ${total} calls (${r.logged === total ? 'exact' : 'MISMATCH'}), allows logged ${r.loggedAllow}/${allows}, chain ${r.logIntact ? 'intact' : 'BROKEN'}`);
  const mb = (kb: number) => `${(kb / 1024).toFixed(1)} MB`;
  console.log(`  gate RSS  before ${mb(r.rssBeforeKb)}  peak ${mb(r.rssPeakKb)}  after each wave ${r.rssAfterRoundKb.map(mb).join(', ')}  (${r.samples} samples)`);
  if (unanswered || wrong || r.logged !== total || !r.logIntact) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
