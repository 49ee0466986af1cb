// The bypass suite: every class of the product brief, several variants each, in every agent's own payload format.
// Each variant must be rated at least sensitive; ordinary work that only mentions permissions or secrets must not be.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RISK_ORDER, type Verdict } from '../../../src/policy';
import { policy } from '../policy/policyHarness';
import { AGENTS, READ_FORMATS, SHELL_FORMATS } from './agentFormats';
import { BYPASS_CLASSES, ORDINARY, READ_PATHS } from './bypassCases';

const atLeastSensitive = (v: Verdict) => RISK_ORDER[v.risk] >= RISK_ORDER.sensitive;
const show = (s: string) => JSON.stringify(s.length > 120 ? `${s.slice(0, 117)}…` : s);

describe('bypass suite: every class, every agent format', () => {
  for (const cls of BYPASS_CLASSES) {
    test(`${cls.name}: ${cls.variants.length} variants × ${AGENTS.length} formats caught`, async (t) => {
      const p = await policy();
      const missed: string[] = [];
      for (const command of cls.variants) {
        for (const agent of AGENTS) {
          const v = p.evaluate(SHELL_FORMATS[agent](command), agent);
          if (!atLeastSensitive(v)) missed.push(`[${agent}] ${show(command)} rated ${v.risk} (${v.reasons.map((r) => r.rule).join(', ')})`);
        }
        // Agents are also detected by shape when the CLI is not told which one it is.
        const detected = p.evaluate(SHELL_FORMATS.claude(command));
        if (!atLeastSensitive(detected)) missed.push(`[detected] ${show(command)} rated ${detected.risk}`);
      }
      t.diagnostic(`${cls.variants.length} variants, ${cls.variants.length * AGENTS.length} payloads`);
      assert.deepEqual(missed, []);
    });
  }

  test(`file reads: ${READ_PATHS.length} spellings of secret paths × ${AGENTS.length} formats caught`, async () => {
    const p = await policy();
    const missed: string[] = [];
    for (const path of READ_PATHS) {
      for (const agent of AGENTS) {
        const v = p.evaluate(READ_FORMATS[agent](path), agent);
        if (!atLeastSensitive(v)) missed.push(`[${agent}] read ${show(path)} rated ${v.risk}`);
      }
    }
    assert.deepEqual(missed, []);
  });

  test(`ordinary work: ${ORDINARY.length} commands × ${AGENTS.length} formats stay below sensitive`, async () => {
    const p = await policy();
    const loud: string[] = [];
    for (const command of ORDINARY) {
      for (const agent of AGENTS) {
        const v = p.evaluate(SHELL_FORMATS[agent](command), agent);
        if (atLeastSensitive(v)) loud.push(`[${agent}] ${show(command)} rated ${v.risk} (${v.reasons.map((r) => `${r.rule}: ${r.message}`).join('; ')})`);
      }
    }
    assert.deepEqual(loud, []);
  });

  test('the suite covers every class the brief names, each with several variants', () => {
    assert.ok(BYPASS_CLASSES.length >= 17, `${BYPASS_CLASSES.length} classes`);
    for (const cls of BYPASS_CLASSES) assert.ok(cls.variants.length >= 5, `${cls.name}: only ${cls.variants.length} variants`);
  });
});
