// Judgement benchmark (`npm run bench`, or `node scripts/bench.mjs judgement [--json]`): the held-out corpus
// (bench/corpus) through the real policy in all seven agent formats. Prints recall per class with the misses,
// ordinary false positives and clicks, agent-format disagreements, latency and budget hits, then one
// `JUDGEMENT {...}` line (or only the JSON with --json) for diffing runs. --all lists every miss; --class=<name>
// judges one class only (every miss listed). Measures; never fails.
import { createPolicy } from '../src/policy';
import { CORPUS } from './corpus';
import { formatReport, JUDGE_CONFIG, judge, summaryJson } from './corpus/judge';

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const only = process.argv.find((a) => a.startsWith('--class='))?.slice('--class='.length);
  const all = process.argv.includes('--all') || only !== undefined;
  const policy = await createPolicy(JUDGE_CONFIG);
  // Three rounds per payload, fastest kept: the machine is shared, and one stall should not read as a slow rule.
  const report = judge(policy, only ? CORPUS.filter((c) => c.class === only) : CORPUS, 3);
  const summary = JSON.stringify(summaryJson(report));
  if (json) {
    console.log(summary);
    return;
  }
  for (const line of formatReport(report, all ? Infinity : 5)) console.log(line);
  console.log(`\nJUDGEMENT ${summary}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
