// Unified-diff previews against the real tools: `diff -u` makes a patch between two generated texts, the file is
// then shifted (lines added above, as happens once the agent's view is stale), and GNU patch applies it. Where patch
// applies without fuzz, the policy's applier must give the same text; where it refuses, the preview must not claim
// an exact result.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { applyPatchFile } from '../../../src/policy/changes/patch';
import { parsePatch } from '../../../src/policy/normalize/patchText';
import { prng as rng } from '../adversarial/fuzzGen';

const have = spawnSync('patch', ['--version'], { encoding: 'utf8' }).stdout?.includes('GNU patch') ?? false;
const dir = mkdtempSync(join(tmpdir(), 'patch-diff-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('unified diffs apply as GNU patch applies them (no fuzz), over 400 generated files', { skip: !have && 'GNU patch is not installed' }, () => {
  const r = rng(Number(process.env.PATCH_SEED ?? 7));
  const int = (k: number) => Math.floor(r() * k);
  const line = () => ['alpha', 'beta', 'gamma', 'return 1;', '}', '', 'x = y', 'delta'][int(8)]! + (r() < 0.3 ? ` ${int(50)}` : '');
  const counts = { same: 0, refusedBoth: 0 };
  for (let i = 0; i < 400; i++) {
    const oldLines = Array.from({ length: 3 + int(25) }, line);
    const newLines = [...oldLines];
    for (let e = 0; e < 1 + int(4); e++) {
      const at = int(newLines.length + 1);
      const k = int(3);
      if (k === 0) newLines.splice(at, 1);
      else if (k === 1) newLines.splice(at, 0, line());
      else newLines.splice(at, 1, line());
    }
    const eolOld = r() < 0.9;
    const eolNew = r() < 0.9;
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    writeFileSync(a, oldLines.join('\n') + (eolOld ? '\n' : ''));
    writeFileSync(b, newLines.join('\n') + (eolNew ? '\n' : ''));
    const diff = spawnSync('diff', ['-u', '--label', 'a/f.txt', '--label', 'b/f.txt', a, b], { encoding: 'utf8' }).stdout;
    if (!diff) continue;
    // The file as it is now: sometimes shifted, sometimes edited where a hunk looks.
    const current = [...oldLines];
    if (r() < 0.4) current.unshift(...Array.from({ length: 1 + int(4) }, line));
    if (r() < 0.15) current.splice(int(current.length), 1, 'edited meanwhile');
    const currentText = current.join('\n') + (eolOld ? '\n' : '');
    const target = join(dir, 'f.txt');
    writeFileSync(target, currentText);
    const run = spawnSync('patch', ['--force', '--fuzz=0', '--no-backup-if-mismatch', '-r', '-', target], { input: diff, encoding: 'utf8' });
    const real = run.status === 0 ? readFileSync(target, 'utf8') : undefined;
    const parsed = parsePatch(diff);
    assert.equal(parsed.format, 'unified');
    const mine = applyPatchFile(parsed.files[0]!, 'unified', currentText);
    if (real === undefined) {
      assert.ok(!mine.ok || !mine.exact, `patch refused (${run.stdout}) but the preview applied exactly:\n${diff}\n--- on ---\n${currentText}`);
      counts.refusedBoth++;
      continue;
    }
    assert.ok(mine.ok, `patch applied, the preview refused (${mine.ok ? '' : mine.why}):\n${diff}\n--- on ---\n${currentText}`);
    assert.equal(mine.after, real, `case ${i}:\n${diff}\n--- on ---\n${currentText}`);
    counts.same++;
  }
  assert.ok(counts.same > 250, JSON.stringify(counts));
  console.log(`patch differential: ${JSON.stringify(counts)}`);
});
