// Load, the correctness half: many concurrent hook processes from every agent against one headless gate. All are
// answered, the answers follow the risk, none is lost, the audit log holds exactly one decision per call (and the
// same allows), the chain verifies, and the gate's memory stays bounded. (bench/load.bench.ts runs 200 and prints
// latency and memory figures.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLI } from './harness';
import { runLoad } from './loadRun';

const CALLS = Number(process.env.LOAD_CALLS) || 70;
/** Generous: a headless gate idles near 60 MB; a leak per request would cross this long before 70 calls end. */
const RSS_BOUND_KB = 400 * 1024;

test(`${CALLS} concurrent hook calls against one gate: all answered, none lost, audit count exact, memory bounded`, async (t) => {
  const r = await runLoad(CLI, CALLS);
  const wrong: string[] = [];
  r.answers.forEach((a, i) => {
    const c = r.calls[i]!;
    if (a.read === 'unanswered') wrong.push(`#${i} ${c.agent} ${c.risk}: no answer (exit ${a.code})`);
    else if (c.risk !== 'safe' && a.read !== 'deny') wrong.push(`#${i} ${c.agent} ${c.risk}: ${a.read}`);
    // A safe action may still be denied if a starved machine made the policy miss its time budget (fail closed).
    else if (c.risk === 'safe' && a.read !== 'allow' && !/time|budget/i.test(a.reason)) wrong.push(`#${i} ${c.agent} safe: ${a.read} (${a.reason})`);
  });
  assert.deepEqual(wrong, []);
  const allows = r.answers.filter((a) => a.read === 'allow').length;
  t.diagnostic(`${CALLS} calls, ${allows} allowed; ${r.logged} decisions logged; gate RSS ${r.rssBeforeKb} -> peak ${r.rssPeakKb} kB (${r.samples} samples)`);
  assert.equal(r.logged, CALLS, 'one logged decision per call');
  assert.equal(r.loggedAllow, allows, 'the log says what the agents were told');
  assert.ok(r.logIntact, 'the audit chain verifies');
  assert.ok(r.rssPeakKb > 0 && r.rssPeakKb < RSS_BOUND_KB, `peak RSS ${r.rssPeakKb} kB`);
});
