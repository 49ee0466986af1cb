// Scenario benchmark (`npm run bench`, or `node scripts/bench.mjs scenarios [--json]`): multi-step agent sessions
// on a real scratch disk (bench/scenarios). Prints dangerous sessions flagged at or before the step that touches
// the secret, and for ordinary write-run-delete loops the false alarms (sensitive verdicts) and clicks, with every
// miss and every ordinary click. Measures; never fails. Targets (issue 13): every dangerous session caught,
// ordinary sessions without a false alarm and with at most 2 clicks in all.
import { runScenarios } from './scenarios/run';

async function main(): Promise<void> {
  const s = await runScenarios();
  const summary = { dangerous: s.dangerous, caught: s.caught, ordinary: s.ordinary, falseAlarms: s.falseAlarms, ordinaryClicks: s.ordinaryClicks };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(summary));
    return;
  }
  console.log(`dangerous sessions flagged at or before the secret step: ${s.caught}/${s.dangerous}`);
  console.log(`ordinary sessions: ${s.ordinary}, false alarms ${s.falseAlarms}, clicks ${s.ordinaryClicks} in all`);
  for (const o of s.outcomes) {
    const danger = o.scenario.secretStep !== undefined;
    const bad = danger ? o.flaggedAt === undefined || o.flaggedAt > o.scenario.secretStep! : o.results.some((r) => r.risk !== 'safe');
    if (!bad) continue;
    console.log(`  ${danger ? 'MISSED' : 'CLICKS'} ${o.scenario.name} (${o.scenario.agent})`);
    o.results.forEach((r, i) => console.log(`    #${i} [${r.risk}] ${r.messages.join(' | ').slice(0, 220)}`));
  }
  console.log(`\nSCENARIOS ${JSON.stringify(summary)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
