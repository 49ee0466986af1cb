// Real agent work replayed as whole sessions (bench/replay) as a ratchet: the click share, clicks per task and
// sensitive share may only get better. The bounds are what the engine measured when the replay was added (rounded
// in the engine's favour); tighten them as fixes land, never loosen them. `npm run bench` prints the same figures
// with the rules behind the clicks. Targets (issue 13): ≤ 5% of actions, median ≤ 1 click per task.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTasks, replay, summarise } from '../../../bench/replay/replay';

// 0.056 until shell writes of build and CI config (`sed -i … package.json`, `> .github/workflows/x.yml`) became the
// review a file tool's edit of them already was: 3 more clicks of 16,285, a deliberate tightening.
// 0.0510 / 0.0046 / p90 7 once code was judged by its folded effects (computed write targets inside the project or
// temp, `sys.executable` subprocesses, `exec` of constants, calls only mentioned in strings): 914 → 829 clicks.
const CLICK_SHARE_CEILING = 0.0510;
const MEDIAN_CLICKS_CEILING = 3;
const P90_CLICKS_CEILING = 7;
const SENSITIVE_SHARE_CEILING = 0.0046;
const ZERO_CLICK_TASKS_FLOOR = 14;

test('replayed real agent tasks: clicks and sensitive verdicts stay at or below what was measured', async () => {
  const tasks = loadTasks();
  assert.ok(tasks.length >= 200, `${tasks.length} tasks`);
  assert.equal(new Set(tasks.map((t) => t.agent)).size, 7, 'every agent format is replayed');
  const s = summarise(await replay(tasks));
  const why = JSON.stringify({ ...s, topRules: Object.fromEntries(s.topRules) });
  assert.ok(s.actions >= 15_000, why);
  assert.ok(s.clickShare <= CLICK_SHARE_CEILING, `click share ${s.clickShare}: ${why}`);
  assert.ok(s.medianClicks <= MEDIAN_CLICKS_CEILING, `median clicks ${s.medianClicks}: ${why}`);
  assert.ok(s.p90Clicks <= P90_CLICKS_CEILING, `p90 clicks ${s.p90Clicks}: ${why}`);
  assert.ok(s.sensitiveShare <= SENSITIVE_SHARE_CEILING, `sensitive share ${s.sensitiveShare}: ${why}`);
  assert.ok(s.zeroClickTasks >= ZERO_CLICK_TASKS_FLOOR, `tasks without a click ${s.zeroClickTasks}: ${why}`);
});
