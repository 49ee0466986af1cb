import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../../src/extension/preview/editApply';
import { inlineDiff } from '../../../src/extension/preview/inlineDiff';
import { applyPatchFile, parsePatchText } from '../../../src/extension/preview/patchApply';
import { proposedChanges } from '../../../src/extension/preview/proposedFiles';
import type { FileText } from '../../../src/extension/preview/fileText';
import type { Action } from '../../../src/policy/types';

test('edits apply in order; a missing old text is reported plainly', () => {
  const r = applyEdits('a\nb\nc\n', [
    { oldText: 'b', newText: 'B' },
    { oldText: 'c', newText: 'C' },
  ]);
  assert.deepEqual(r, { ok: true, after: 'a\nB\nC\n', notes: [] });
  const missing = applyEdits('a\n', [{ oldText: 'zzz', newText: 'y' }]);
  assert.equal(missing.ok, false);
  assert.match(missing.ok ? '' : missing.why, /not found in the current file/);
  const twice = applyEdits('x x', [{ oldText: 'x', newText: 'y' }]);
  assert.ok(twice.ok && twice.after === 'y x' && /appears 2 times/.test(twice.notes[0] ?? ''));
  assert.deepEqual(applyEdits('', [{ oldText: '', newText: 'new file\n' }]), { ok: true, after: 'new file\n', notes: [] });
});

const CODEX_PATCH = `*** Begin Patch
*** Update File: src/app.ts
@@ function main
 function main() {
-  return 1;
+  return 2;
 }
*** Add File: src/new.ts
+export const x = 1;
*** Delete File: old.ts
*** End Patch
`;

test('apply_patch envelopes: update with context, add, delete', () => {
  const files = parsePatchText(CODEX_PATCH);
  assert.deepEqual(files?.map((f) => [f.op, f.path]), [
    ['update', 'src/app.ts'],
    ['add', 'src/new.ts'],
    ['delete', 'old.ts'],
  ]);
  const [upd, add, del] = files ?? [];
  assert.deepEqual(applyPatchFile(upd!, '// head\nfunction main() {\n  return 1;\n}\n'), { ok: true, after: '// head\nfunction main() {\n  return 2;\n}\n' });
  assert.deepEqual(applyPatchFile(add!, undefined), { ok: true, after: 'export const x = 1;\n' });
  assert.deepEqual(applyPatchFile(del!, 'gone\n'), { ok: true, after: '' });
  assert.equal(applyPatchFile(upd!, 'something else\n').ok, false);
});

test('unified diffs apply through jsdiff', () => {
  const files = parsePatchText('--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n one\n-two\n+TWO\n');
  assert.equal(files?.length, 1);
  assert.deepEqual(applyPatchFile(files[0]!, 'one\ntwo\n'), { ok: true, after: 'one\nTWO\n' });
});

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

const files: Record<string, string> = { '/p/src/a.ts': 'const a = 1;\n', '/p/src/app.ts': 'function main() {\n  return 1;\n}\n' };
const read = (path: string): Promise<FileText> => Promise.resolve(path in files ? { kind: 'text', text: files[path] as string } : { kind: 'missing' });
const base = { agent: 'claude', tool: 'Edit', cwd: '/p' } as const;

test('edit without `after`: computed from the file on disk and the edits', async () => {
  const action: Action = { ...base, kind: 'edit', path: '/p/src/a.ts', edits: [{ oldText: '= 1', newText: '= 2' }] };
  assert.deepEqual(await proposedChanges(action, read), [{ path: '/p/src/a.ts', op: 'update', before: 'const a = 1;\n', after: 'const a = 2;\n', note: undefined }]);
  const stale: Action = { ...action, edits: [{ oldText: 'nope', newText: 'x' }] };
  const [c] = await proposedChanges(stale, read);
  assert.equal(c?.after, undefined);
  assert.match(c?.note ?? '', /not found/);
});

test('write: a new file diffs against empty; relative paths resolve against cwd', async () => {
  const action: Action = { ...base, kind: 'write', tool: 'Write', path: 'src/b.ts', content: 'export {};\n' };
  assert.deepEqual(await proposedChanges(action, read), [{ path: '/p/src/b.ts', op: 'add', before: '', after: 'export {};\n' }]);
});

test('patch: files listed by the policy get both sides', async () => {
  const action: Action = { ...base, kind: 'patch', tool: 'apply_patch', patch: CODEX_PATCH, files: [{ path: 'src/app.ts', op: 'update' }, { path: 'src/new.ts', op: 'add' }] };
  const changes = await proposedChanges(action, read);
  assert.equal(changes[0]?.after, 'function main() {\n  return 2;\n}\n');
  assert.deepEqual([changes[1]?.op, changes[1]?.before, changes[1]?.after], ['add', '', 'export const x = 1;\n']);
});
