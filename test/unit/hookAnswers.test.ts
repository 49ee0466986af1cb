import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAnswer, formatMalformed } from '../../src/agents/answers';

test('claude allow is an explicit hookSpecificOutput allow', () => {
  const a = formatAnswer('claude', 'allow', 'ok');
  assert.equal(a.exitCode, 0);
  assert.deepEqual(JSON.parse(a.stdout), { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'allow', permissionDecisionReason: 'ok' } });
});

test('claude deny carries both the hookSpecificOutput deny and decision:block', () => {
  const a = formatAnswer('claude', 'deny', 'no');
  const body = JSON.parse(a.stdout) as Record<string, unknown>;
  assert.equal(a.exitCode, 0);
  assert.equal(body.decision, 'block');
  assert.equal((body.hookSpecificOutput as Record<string, unknown>).permissionDecision, 'deny');
});

test('malformed input denies with exit 2 and a message on stderr', () => {
  const a = formatMalformed('claude', 'bad json');
  assert.equal(a.exitCode, 2);
  assert.match(a.stderr, /bad json/);
  assert.equal((JSON.parse(a.stdout) as { decision: string }).decision, 'block');
});
