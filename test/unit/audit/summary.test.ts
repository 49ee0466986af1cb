import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_SUMMARY, requestRecord, unparsedRequest } from '../../../src/audit';
import type { Action, Verdict } from '../../../src/policy/types';

const base = { agent: 'claude' as const, cwd: '/w', tool: 'T' };
const verdict = (action: Action): Verdict => ({ risk: 'sensitive', reasons: [{ rule: 'secret.path', risk: 'sensitive', message: 'm' }, { rule: 'perm.chmod', risk: 'review', message: 'n' }], effects: [], action });

test('request records name the action without its contents', () => {
  const write = requestRecord(verdict({ ...base, kind: 'write', path: '/w/.env', content: 'API_TOKEN=abc\nOTHER=1' }));
  assert.equal(write.summary, '/w/.env (21 bytes)');
  assert.deepEqual(write.rules, ['secret.path', 'perm.chmod']);
  assert.equal(write.risk, 'sensitive');
  assert.equal(write.agent, 'claude');
  assert.equal(write.kind, 'write');

  const edit = requestRecord(verdict({ ...base, kind: 'edit', path: '/w/a.ts', edits: [{ oldText: 'secret-old', newText: 'secret-new' }] }));
  assert.equal(edit.summary, '/w/a.ts (1 edit)');
  const patch = requestRecord(verdict({ ...base, kind: 'patch', patch: 'secret text', files: [{ path: 'a', op: 'update' }, { path: 'b', op: 'add' }] }));
  assert.equal(patch.summary, 'update a, add b');
  const read = requestRecord(verdict({ ...base, kind: 'read', path: '/w/id_rsa', sessionId: 's1' }));
  assert.equal(read.summary, '/w/id_rsa');
  assert.equal(read.sessionId, 's1');
  const tool = requestRecord(verdict({ ...base, kind: 'tool', tool: 'mcp__db__query', input: { sql: 'select 1', password: 'pw' } }));
  assert.equal(tool.summary, 'mcp__db__query {"sql":"select 1","password":"[REDACTED]"}');
});

test('shell summaries are redacted before they are cut, so a token at the cut cannot leak', () => {
  const token = 'ghp_' + 'Ab3'.repeat(12);
  const command = `${'x'.repeat(MAX_SUMMARY - 10)} ${token}`;
  const r = requestRecord(verdict({ ...base, kind: 'shell', command }));
  assert.ok(!r.summary.includes(token.slice(0, 10).slice(4)), r.summary.slice(-30));
  assert.ok(r.summary.length <= MAX_SUMMARY + 1);
});

test('an unparsed payload is recorded as blocked with only the agent known', () => {
  assert.deepEqual(unparsedRequest('cursor', 'payload is not JSON'), { agent: 'cursor', tool: '', kind: 'unparsed', summary: 'payload is not JSON', risk: 'blocked', rules: [] });
});
