// Envelope-level faults the fuzzer found (issue 7): a command that is not a string, a working directory that is not
// an absolute path, input nested too deeply to serialize. None may read as safe, and every verdict must serialize.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RISK_ORDER } from '../../../src/policy';
import { evaluate } from './policyHarness';

const claude = (command: unknown, cwd: unknown = '/home/dev/proj') => ({ session_id: 's', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
const cursor = (command: unknown) => ({ conversation_id: 'c', hook_event_name: 'beforeShellExecution', workspace_roots: ['/home/dev/proj'], command, cwd: '/home/dev/proj' });

test('a Cursor shell command that is not a string is not understood (never safe); an argv array is read', async () => {
  for (const bad of [42, null, true, 1.5, [], { nested: { deeper: 'sudo id' } }, undefined]) {
    const v = await evaluate(cursor(bad));
    assert.notEqual(v.risk, 'safe', JSON.stringify(bad));
  }
  assert.equal((await evaluate(cursor(['cat', '.env', 5]))).risk, 'sensitive');
});

test('a working directory that is not an absolute path is unknown: relative paths still match anywhere', async () => {
  for (const cwd of [['/home/dev/proj'], '', 'relative/dir', '../.ssh', 42]) {
    assert.equal((await evaluate(claude('cat ../proj/.env', cwd))).risk, 'sensitive', `cwd ${JSON.stringify(cwd)}`);
    assert.equal((await evaluate(claude('cat id_rsa', cwd))).risk, 'sensitive', `cwd ${JSON.stringify(cwd)}`);
    assert.equal((await evaluate(claude("printf 'all:\\n\\tcat .env\\n' > Makefile && make", cwd))).risk, 'sensitive', `cwd ${JSON.stringify(cwd)}`);
  }
});

test('input nested 20,000 deep: not safe, and the verdict serializes', async () => {
  let deep: unknown = 'sudo id';
  for (let i = 0; i < 20_000; i++) deep = [deep];
  for (const payload of [deep, { tool_name: 'mcp__x__y', tool_input: { a: deep }, cwd: '/home/dev/proj' }]) {
    const v = await evaluate(payload);
    assert.ok(RISK_ORDER[v.risk] >= RISK_ORDER.review, v.risk);
    assert.doesNotThrow(() => JSON.stringify(v));
  }
});
