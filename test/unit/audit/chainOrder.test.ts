import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chainOrder, compareText } from '../../../src/audit/files';

test('chains sort with their numbers as numbers, the same in every locale', () => {
  const prefixes = ['audit.10', 'audit.2', 'audit', 'window-b', 'audit.jsonl', 'Audit', 'audit.3', 'window-a'];
  assert.deepEqual([...prefixes].sort(chainOrder), ['Audit', 'audit', 'audit.2', 'audit.3', 'audit.10', 'audit.jsonl', 'window-a', 'window-b']);
  assert.equal(chainOrder('audit.02', 'audit.2') !== 0, true, 'different names never compare equal');
});

test('compareText is code-unit order, so ISO timestamps sort by time', () => {
  const ts = ['2026-12-05T10:00:00.000Z', '2026-12-05T09:59:59.999Z', '2025-01-01T00:00:00.000Z'];
  assert.deepEqual([...ts].sort(compareText), ['2025-01-01T00:00:00.000Z', '2026-12-05T09:59:59.999Z', '2026-12-05T10:00:00.000Z']);
  assert.equal(compareText('a', 'a'), 0);
});
