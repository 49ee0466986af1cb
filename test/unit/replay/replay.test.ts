// Real agent work replayed as whole sessions (bench/replay) as a ratchet: the click share, clicks per task and
// sensitive share may only get better. The bounds are what the engine measured (rounded in the engine's favour),
// per source so that no source hides another; tighten them as fixes land, never loosen them. `npm run bench` prints
// the same figures with the rules behind the clicks (`--source=msb-java` for one source). Targets (issue 13): ≤ 5% of actions, median ≤ 1 click per task.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTasks, replay, summarise, type TaskResult } from '../../../bench/replay/replay';

interface Bounds {
  clickShare: number;
  medianClicks: number;
  p90Clicks: number;
  sensitiveShare: number;
  zeroClickTasks: number;
}

// The first sources (mini-swe-agent, SWE-agent, one Claude Code session): 0.0562 / median 3 / p90 8 / 14 tasks
// without a click until named installs of popular packages, installs with no manifest and deletes of what is not
// there became safe.
// 0.0261 / median 1 / p90 6 / 0.0081 / 106 with named installs alone; with code judged by its folded effects too
// (computed write targets, `sys.executable` subprocesses, `exec` of constants): 337 clicks of 16,285.
// 0.0196 / 133 once name listings (`find . -name "*admin*"`) were judged against the folder on disk (318 clicks).
const FIRST_SOURCES: Bounds = { clickShare: 0.0196, medianClicks: 0, p90Clicks: 4, sensitiveShare: 0.0045, zeroClickTasks: 133 };
// Multi-SWE-bench's Java runs (a source the engine was not tuned on when it was added): 10.0% clicks, most of them
// `sudo apt-get …` (sensitive by design), `javac && java` and missing-space typos (`cd..`).
const JAVA_RUNS: Bounds = { clickShare: 0.0895, medianClicks: 0, p90Clicks: 3, sensitiveShare: 0.0266, zeroClickTasks: 257 };

function check(name: string, results: TaskResult[], b: Bounds): void {
  const s = summarise(results);
  const why = `${name}: ${JSON.stringify({ ...s, topRules: Object.fromEntries(s.topRules) })}`;
  assert.ok(s.clickShare <= b.clickShare, `click share ${s.clickShare}: ${why}`);
  assert.ok(s.medianClicks <= b.medianClicks, `median clicks ${s.medianClicks}: ${why}`);
  assert.ok(s.p90Clicks <= b.p90Clicks, `p90 clicks ${s.p90Clicks}: ${why}`);
  assert.ok(s.sensitiveShare <= b.sensitiveShare, `sensitive share ${s.sensitiveShare}: ${why}`);
  assert.ok(s.zeroClickTasks >= b.zeroClickTasks, `tasks without a click ${s.zeroClickTasks}: ${why}`);
}

test('replayed real agent tasks: clicks and sensitive verdicts stay at or below what was measured, per source', async () => {
  const tasks = loadTasks();
  assert.ok(tasks.length >= 600, `${tasks.length} tasks`);
  assert.equal(new Set(tasks.map((t) => t.agent)).size, 7, 'every agent format is replayed');
  const results = await replay(tasks);
  const java = results.filter((r) => r.task.id.startsWith('msb-java/'));
  const first = results.filter((r) => !r.task.id.startsWith('msb-java/'));
  assert.ok(first.flatMap((r) => r.results).length >= 15_000 && java.flatMap((r) => r.results).length >= 7_000, 'both sources are there');
  check('first sources', first, FIRST_SOURCES);
  check('Java runs', java, JAVA_RUNS);
});
