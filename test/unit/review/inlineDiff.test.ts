import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlineDiff } from '../../../src/review/preview/inlineDiff';

test('inline diff: hunks with line numbers and counts; a line budget', () => {
  const d = inlineDiff('a\nb\nc\n', 'a\nB\nc\nd\n');
  assert.equal(d.added, 2);
  assert.equal(d.removed, 1);
  assert.deepEqual(d.hunks[0]?.lines.map((l) => `${l.kind}:${l.text}`), ['ctx:a', 'del:b', 'add:B', 'ctx:c', 'add:d']);
  assert.deepEqual(d.hunks[0]?.lines[2], { kind: 'add', text: 'B', newNo: 2 });
  const big = inlineDiff('', Array.from({ length: 1000 }, (_, i) => `line ${i}`).join('\n'), { maxLines: 50 });
  assert.equal(big.truncated, true);
  assert.equal(big.hunks.flatMap((h) => h.lines).length, 50);
  assert.equal(big.added, 1000);
});
