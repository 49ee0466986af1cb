// Replay benchmark (`npm run bench`, or `node scripts/bench.mjs replay [--json] [--show=RULE] [--agent=NAME] [--task=ID] [--source=A,B]`): real
// coding-agent tasks (bench/replay, public trajectories) replayed as whole sessions, each in one agent's own hook
// format with one session id, through the real policy on a scratch disk. Prints actions, the click share
// (review + sensitive over all actions), median and p90 clicks per task, the share of tasks without a click, the
// sensitive share, and the 15 rules behind most clicks; --show=RULE lists the actions a rule made
// clicks of; --task=ID prints every verdict of the tasks whose id contains ID; --source keeps the tasks whose id
// starts with one of the given source prefixes (`mini`, `sweagent`, `claude-session`, `msb-java`: SOURCES.md).
// Measures; never fails. Targets (issue 13): ≤ 5% of actions, median ≤ 1 click per task.
import { loadTasks, replay, summarise } from './replay/replay';

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const show = process.argv.find((a) => a.startsWith('--show='))?.slice('--show='.length);
  const agent = process.argv.find((a) => a.startsWith('--agent='))?.slice('--agent='.length);
  const only = process.argv.find((a) => a.startsWith('--task='))?.slice('--task='.length);
  const sources = process.argv.find((a) => a.startsWith('--source='))?.slice('--source='.length).split(',');
  const tasks = loadTasks().filter((t) => (!agent || t.agent === agent) && (!only || t.id.includes(only)) && (!sources || sources.some((s) => t.id.startsWith(`${s}/`))));
  const results = await replay(tasks);
  const s = summarise(results);
  if (json) {
    console.log(JSON.stringify(s));
    return;
  }
  const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`tasks ${s.tasks}, actions ${s.actions} (agents: ${[...new Set(tasks.map((t) => t.agent))].sort().join(', ')})`);
  console.log(`clicks ${s.clicks} = ${pc(s.clickShare)} of actions (target ≤ 5%); sensitive ${s.sensitive} = ${pc(s.sensitiveShare)}; blocked ${s.blocked}`);
  console.log(`clicks per task: median ${s.medianClicks} (target ≤ 1), p90 ${s.p90Clicks}; tasks with no click ${s.zeroClickTasks} = ${pc(s.zeroClickShare)}`);
  console.log('rules behind the clicks (actions):');
  for (const [rule, n] of s.topRules) console.log(`  ${String(n).padStart(5)}  ${rule}`);
  if (only) {
    for (const { task, results: rs } of results) {
      console.log(`${task.id} (${task.agent})`);
      rs.forEach((r, i) => {
        const step = task.steps[i]!;
        console.log(`  #${i} [${r.risk}] ${r.rules.join(',')} :: ${(step.k === 'sh' ? step.c : `${step.k} ${step.p}`).slice(0, 300).replace(/\n/g, '⏎')}`);
        if (r.risk !== 'safe') for (const m of r.messages) console.log(`      ${m}`);
      });
    }
  }
  if (show) {
    for (const { task, results: rs } of results) {
      rs.forEach((r, i) => {
        if (!r.rules.includes(show)) return;
        const step = task.steps[i]!;
        const text = step.k === 'sh' ? step.c : `${step.k} ${step.p}`;
        console.log(`  [${r.risk}] ${task.id}#${i}: ${text.slice(0, 200).replace(/\n/g, '⏎')}`);
      });
    }
  }
  console.log(`\nREPLAY ${JSON.stringify({ ...s, topRules: Object.fromEntries(s.topRules) })}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
