// The index of secret files under a folder: found through subfolders and links to files, revalidated by each
// folder's stamp (never stale), and honest about its bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TreeIndex } from '../../../src/policy/paths/treeIndex';
import { DISK_WORLD } from '../../../src/policy/world/diskWorld';
import type { DirEntry, World } from '../../../src/policy/world/world';

const isSecret = (p: string) => /\/\.env$|\/id_rsa$|credentials$/.test(p);

test('secret files anywhere below a folder are found; a folder without any has none', () => {
  const root = mkdtempSync(join(tmpdir(), 'cs-tree-'));
  try {
    mkdirSync(join(root, 'src', 'deep', 'er'), { recursive: true });
    mkdirSync(join(root, 'clean'));
    writeFileSync(join(root, 'clean', 'a.ts'), 'x');
    writeFileSync(join(root, 'src', 'deep', 'er', '.env'), 'K=1');
    const index = new TreeIndex(DISK_WORLD, isSecret);
    assert.deepEqual(index.secretsUnder(root)?.secrets, [join(root, 'src', 'deep', 'er', '.env')]);
    assert.deepEqual(index.secretsUnder(join(root, 'clean')), { secrets: [], complete: true });
    assert.equal(index.secretsUnder(join(root, 'clean', 'a.ts')), undefined, 'a file is not a tree');
    // Never stale: a secret added after the first look is seen on the next one, and a removed one is gone.
    writeFileSync(join(root, 'clean', 'id_rsa'), 'k');
    assert.deepEqual(index.secretsUnder(join(root, 'clean'))?.secrets, [join(root, 'clean', 'id_rsa')]);
    unlinkSync(join(root, 'clean', 'id_rsa'));
    assert.deepEqual(index.secretsUnder(join(root, 'clean'))?.secrets, []);
    // A link to a file is read by a recursive reader; a linked folder is not descended into.
    symlinkSync(join(root, 'src', 'deep', 'er'), join(root, 'clean', 'linked-dir'));
    assert.deepEqual(index.secretsUnder(join(root, 'clean'))?.secrets, []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('past its bound the index says it is incomplete', () => {
  let listed = 0;
  const wide: World = {
    readText: () => undefined,
    realPath: () => undefined,
    dirStamp: () => 'same',
    listDir: (p): DirEntry[] => {
      listed++;
      return p.split('/').length > 4 ? [] : Array.from({ length: 60 }, (_, i) => ({ name: `d${i}`, kind: 'dir' as const }));
    },
  };
  const index = new TreeIndex(wide, isSecret);
  const r = index.secretsUnder('/big');
  assert.equal(r?.complete, false);
  // Warm: a second look lists nothing again (every folder's stamp is unchanged).
  const fresh = new TreeIndex(wide, isSecret);
  assert.equal(fresh.secretsUnder('/big/d1')?.complete, true);
  const before = listed;
  assert.equal(fresh.secretsUnder('/big/d1')?.complete, true);
  assert.equal(listed, before);
});
