// Multi-step sessions on a real scratch disk (bench/scenarios): every dangerous one flagged at or before the step
// that touches the secret, ordinary write-run-delete loops without a false alarm and with at most the clicks
// measured when they were added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScenarios } from '../../../bench/scenarios/run';

const ORDINARY_CLICKS_CEILING = 0;

test('multi-step scenarios: dangerous sessions caught in time, ordinary loops quiet', async () => {
  const s = await runScenarios();
  assert.ok(s.dangerous >= 15 && s.ordinary >= 15 && s.dangerous + s.ordinary >= 30, `${s.dangerous} dangerous, ${s.ordinary} ordinary`);
  const missed = s.outcomes.filter((o) => o.scenario.secretStep !== undefined && (o.flaggedAt === undefined || o.flaggedAt > o.scenario.secretStep));
  assert.deepEqual(missed.map((o) => `${o.scenario.name}: ${o.results.map((r) => r.risk).join(' → ')}`), []);
  const noisy = s.outcomes.filter((o) => o.scenario.secretStep === undefined && o.results.some((r) => r.risk === 'sensitive' || r.risk === 'blocked'));
  assert.deepEqual(noisy.map((o) => `${o.scenario.name}: ${o.results.map((r) => `${r.risk} ${r.messages.join('; ')}`).join(' → ')}`), []);
  assert.ok(s.ordinaryClicks <= ORDINARY_CLICKS_CEILING, `${s.ordinaryClicks} clicks in ordinary sessions`);
});
