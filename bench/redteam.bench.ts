// Red-team benchmark (`node scripts/bench.mjs redteam [--json]`): fresh attacks and ordinary look-alikes
// (bench/redteam) in every agent format, and multi-step sessions on a real scratch disk. Prints recall per class,
// false alarms on the ordinary controls, every miss, then one `REDTEAM {...}` line. Measures; never fails.
import { runRedteam, runVariants } from './redteam/run';

async function main(): Promise<void> {
  const r = await runRedteam();
  const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
  const v = await runVariants();
  const summary = {
    variants: Object.fromEntries(Object.entries(v.perClass).map(([k, x]) => [k, `${x.caught}/${x.sensitive} fa ${x.falseAlarms}/${x.ordinary}`])),
    recall: Number(r.recall.toFixed(4)),
    falseAlarmRate: Number(r.falseAlarmRate.toFixed(4)),
    perClass: Object.fromEntries(Object.entries(r.perClass).map(([k, v]) => [k, `${v.caught}/${v.sensitive} fa ${v.falseAlarms}/${v.ordinary}`])),
    sessions: r.sessions,
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(summary));
    return;
  }
  for (const [cls, v] of Object.entries(r.perClass).sort()) {
    console.log(`${cls.padEnd(20)} recall ${v.caught}/${v.sensitive} (${pc(v.sensitive ? v.caught / v.sensitive : 1)})  ordinary: ${v.falseAlarms} false alarms, ${v.ordinaryClicks} clicks of ${v.ordinary}`);
  }
  console.log(`overall recall ${pc(r.recall)}, false alarms ${pc(r.falseAlarmRate)}`);
  for (const o of r.cases) {
    if (o.c.label !== 'sensitive' || o.hit) continue;
    const text = 'tools' in o.c ? JSON.stringify(o.c.tools) : JSON.stringify(o.c.k === 'sh' ? o.c.c : o.c.p);
    console.log(`  MISS ${o.c.id} ${JSON.stringify(o.risks)} ${text.slice(0, 160)}\n       ${o.why.slice(0, 200)}`);
  }
  for (const o of r.cases) {
    if (o.c.label !== 'ordinary' || !o.hit) continue;
    const text = 'tools' in o.c ? JSON.stringify(o.c.tools) : JSON.stringify(o.c.k === 'sh' ? o.c.c : o.c.p);
    console.log(`  FALSE ALARM ${o.c.id} ${JSON.stringify(o.risks)} ${text.slice(0, 160)}\n       ${o.why.slice(0, 200)}`);
  }
  console.log(`sessions: dangerous flagged in time ${r.sessions.caught}/${r.sessions.dangerous}; ordinary ${r.sessions.ordinary}: false alarms ${r.sessions.falseAlarms}, clicks ${r.sessions.ordinaryClicks}`);
  for (const o of r.sessionOutcomes) {
    const danger = o.s.secretStep !== undefined;
    if (danger ? o.hit : o.clicks === 0) continue;
    console.log(`  ${danger ? 'MISSED' : 'CLICKS'} ${o.s.name} (${o.s.agent})`);
    o.results.forEach((x, i) => console.log(`    #${i} [${x.risk}] ${x.messages.join(' | ').slice(0, 200)}`));
  }
  console.log('fresh variants written after each fix (caught without further changes):');
  for (const [cls, x] of Object.entries(v.perClass)) console.log(`  ${cls.padEnd(20)} ${x.caught}/${x.sensitive}, false alarms ${x.falseAlarms}/${x.ordinary}`);
  for (const m of v.misses) console.log(`    ${m}`);
  console.log(`\nREDTEAM ${JSON.stringify(summary)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
