// The plain-command fast path (shell/syntax.ts) against tree-sitter over thousands of generated plain-word command
// lines: wherever the fast path answers, its tree must be the one tree-sitter builds, or the two paths would judge
// the same command differently (they did for names like `a%` and `x@y`, which tree-sitter reads as errors).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkBudget } from '../../../src/policy/budget';
import { parseScript, plainCommandTree, type SyntaxNode } from '../../../src/policy/shell/syntax';
import { loadBashParser } from '../../../src/policy/shell/wasm';

test('the fast path builds tree-sitter\'s tree for every generated plain command it accepts', async () => {
  const parser = await loadBashParser();
  const shape = (n: SyntaxNode): unknown => ({ type: n.type === 'number' ? 'word' : n.type, field: n.field, start: n.start, end: n.end, children: n.children.map(shape) });
  const chars = 'aZ09_./:@%+,-=';
  let seed = 12345;
  const r = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  let checked = 0;
  const differing: string[] = [];
  for (let i = 0; i < 15000; i++) {
    const words = Array.from({ length: 1 + Math.floor(r() * 3) }, () => Array.from({ length: 1 + Math.floor(r() * 4) }, () => chars[Math.floor(r() * chars.length)]).join(''));
    const c = words.join(' ');
    const fast = plainCommandTree(c);
    if (!fast) continue;
    checked++;
    // A trailing space keeps the fast path out, so this is tree-sitter's own tree.
    const expected = shape(parseScript(parser, `${c} `, new WorkBudget()).root!) as { end: number; children: { end: number }[] };
    expected.end = c.length;
    for (const child of expected.children) child.end = c.length;
    if (JSON.stringify(shape(fast)) !== JSON.stringify(expected)) differing.push(c);
  }
  assert.ok(checked > 3000, `only ${checked} commands took the fast path`);
  assert.deepEqual(differing.slice(0, 10), []);
});
