// The git reader (src/policy/git): real repositories made with the git binary (setup only; the reader never runs
// git), index versions 2, 3 and 4, a linked worktree whose `.git` is a file, nested .gitignore files with negation
// and folder-only patterns, .git/info/exclude, a modified tracked file, an untracked file, a symlink.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseIndex } from '../../../src/policy/git/indexFile';
import { GitStates } from '../../../src/policy/git/gitState';
import { DISK_WORLD } from '../../../src/policy/world/diskWorld';
import { EMPTY_WORLD } from '../../../src/policy/world/world';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@e', '-c', 'user.name=t', '-c', 'core.hooksPath=/dev/null', ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A repository with one of everything, committed; then a tracked file modified and an untracked one added. */
function makeRepo(): { root: string; done: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'cs-gitidx-'));
  const root = join(base, 'repo');
  mkdirSync(root);
  git(root, 'init', '-q', '-b', 'main');
  const files: Record<string, string> = {
    '.gitignore': 'dist/\n*.pyc\nlogs/*\n!logs/keep.log\nbuild\n',
    'src/app.py': 'print(1)\n',
    'src/util.py': 'x = 1\n',
    'src/.gitignore': 'generated/\n!important.pyc\n',
    'README.md': '# r\n',
    'sub dir/ünïcode name.txt': 'u\n',
  };
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  symlinkSync('src/app.py', join(root, 'link.py'));
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'init');
  appendFileSync(join(root, 'src/util.py'), 'y = 2\n');
  writeFileSync(join(root, 'notes.txt'), 'my notes\n');
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist/out.js'), 'built\n');
  mkdirSync(join(root, 'logs'));
  writeFileSync(join(root, 'logs/a.log'), 'a\n');
  writeFileSync(join(root, 'logs/keep.log'), 'k\n');
  writeFileSync(join(root, 'x.pyc'), 'c\n');
  writeFileSync(join(root, 'src/important.pyc'), 'i\n');
  mkdirSync(join(root, 'src/generated'));
  writeFileSync(join(root, 'src/generated/g.py'), 'g\n');
  mkdirSync(join(root, '.git/info'), { recursive: true });
  writeFileSync(join(root, '.git/info/exclude'), 'scratch-*\n');
  writeFileSync(join(root, 'scratch-1.txt'), 's\n');
  return { root, done: () => rmSync(base, { recursive: true, force: true }) };
}

/** `git ls-files -s` as path → object id, the reference the parser must agree with. */
function lsFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of git(root, '-c', 'core.quotePath=false', 'ls-files', '-s').split('\n')) {
    const m = /^\d+ ([0-9a-f]{40}) \d\t(.*)$/.exec(line);
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}

test('the index parser reads versions 2, 3 and 4 exactly as git lists them', () => {
  const { root, done } = makeRepo();
  try {
    for (const version of ['2', '3', '4']) {
      git(root, 'update-index', '--index-version', version);
      if (version === '3') git(root, 'update-index', '--skip-worktree', 'README.md'); // an extended-flags entry
      const buf = readFileSync(join(root, '.git/index'));
      assert.equal(buf.readUInt32BE(4), Number(version));
      const index = parseIndex(buf);
      assert.ok(index, `version ${version} parses`);
      const expected = lsFiles(root);
      assert.deepEqual(new Map([...index.entries].map(([p, e]) => [p, e.oid])), expected, `version ${version}`);
      assert.ok(index.entries.has('sub dir/ünïcode name.txt'));
      assert.equal(index.entries.get('link.py')!.mode & 0o170000, 0o120000, 'the symlink is recorded as a link');
      if (version === '3') git(root, 'update-index', '--no-skip-worktree', 'README.md');
    }
  } finally {
    done();
  }
});

test('a damaged or foreign index is refused, never half-read', () => {
  const { root, done } = makeRepo();
  try {
    const buf = readFileSync(join(root, '.git/index'));
    assert.equal(parseIndex(buf.subarray(0, buf.length - 40)), undefined, 'truncated');
    const wrongVersion = Buffer.from(buf);
    wrongVersion.writeUInt32BE(5, 4);
    assert.equal(parseIndex(wrongVersion), undefined, 'unknown version');
    assert.equal(parseIndex(Buffer.from('not an index at all, not at all')), undefined);
  } finally {
    done();
  }
});

test('each path is clean, modified, untracked, ignored or absent, as git status says', () => {
  const { root, done } = makeRepo();
  try {
    for (const version of ['2', '4']) {
      git(root, 'update-index', '--index-version', version);
      const g = new GitStates(DISK_WORLD);
      const state = (p: string) => g.stateOf(join(root, p));
      assert.equal(state('src/app.py'), 'clean', version);
      assert.equal(state('README.md'), 'clean');
      assert.equal(state('link.py'), 'clean', 'a tracked symlink, unchanged');
      assert.equal(state('src/util.py'), 'modified');
      assert.equal(state('notes.txt'), 'untracked');
      assert.equal(state('dist/out.js'), 'ignored', 'folder-only pattern');
      assert.equal(state('x.pyc'), 'ignored');
      assert.equal(state('logs/a.log'), 'ignored');
      assert.equal(state('logs/keep.log'), 'untracked', 'root negation: logs/* ignores the files, not the folder');
      assert.equal(state('src/important.pyc'), 'untracked', 'nested negation wins over the root pattern');
      assert.equal(state('src/generated/g.py'), 'ignored', 'nested .gitignore');
      assert.equal(state('scratch-1.txt'), 'ignored', '.git/info/exclude');
      assert.equal(state('gone.txt'), 'absent');
      assert.equal(state('.git/config'), 'git-dir');
    }
    // The same answer git gives for each of them.
    const porcelain = git(root, 'status', '--porcelain', '--ignored', '-uall');
    assert.match(porcelain, /^ M src\/util\.py$/m);
    assert.match(porcelain, /^\?\? notes\.txt$/m);
    assert.match(porcelain, /^\?\? logs\/keep\.log$/m);
    assert.match(porcelain, /^\?\? src\/important\.pyc$/m);
    assert.match(porcelain, /^!! src\/generated\/g\.py$/m);
  } finally {
    done();
  }
});

test('a file changed with its size and mtime kept is caught by its hash; a touched but equal file is clean', () => {
  const { root, done } = makeRepo();
  try {
    const g = new GitStates(DISK_WORLD);
    writeFileSync(join(root, 'README.md'), '# r\n'); // rewritten, same bytes: new mtime, same blob
    assert.equal(g.stateOf(join(root, 'README.md')), 'clean');
    writeFileSync(join(root, 'README.md'), '# x\n'); // same size, different bytes
    assert.equal(g.stateOf(join(root, 'README.md')), 'modified');
  } finally {
    done();
  }
});

test('a linked worktree (.git is a file) is read through its gitdir; the exclude file comes from the common dir', () => {
  const { root, done } = makeRepo();
  try {
    const wt = join(root, '..', 'wt');
    git(root, 'worktree', 'add', '-q', wt);
    appendFileSync(join(wt, 'src/app.py'), 'changed\n');
    writeFileSync(join(wt, 'scratch-2.txt'), 's\n');
    writeFileSync(join(wt, 'new.txt'), 'n\n');
    const g = new GitStates(DISK_WORLD);
    const repo = g.repoOf(join(wt, 'src'));
    assert.ok(typeof repo === 'object' && repo.root === wt && repo.gitDir.includes('worktrees'));
    assert.equal(g.stateOf(join(wt, 'src/app.py')), 'modified');
    assert.equal(g.stateOf(join(wt, 'src/util.py')), 'clean', "the worktree's own index, not the main one");
    assert.equal(g.stateOf(join(wt, 'scratch-2.txt')), 'ignored');
    assert.equal(g.stateOf(join(wt, 'new.txt')), 'untracked');
  } finally {
    done();
  }
});

test('staged changes invalidate the cache tree; a commit makes it whole again', () => {
  const { root, done } = makeRepo();
  try {
    const g = new GitStates(DISK_WORLD);
    const whole = () => {
      const r = g.repoOf(root);
      return typeof r === 'object' ? r.index?.wholeTreeValid : undefined;
    };
    git(root, 'commit', '-qam', 'second');
    assert.equal(whole(), true);
    appendFileSync(join(root, 'README.md'), 'more\n');
    git(root, 'add', 'README.md');
    assert.equal(whole(), false);
  } finally {
    done();
  }
});

test('a world without a disk knows nothing, and outside a repository nothing is tracked', () => {
  const g = new GitStates(EMPTY_WORLD);
  assert.equal(g.stateOf('/w/p/a.py'), 'unknown');
  const base = mkdtempSync(join(tmpdir(), 'cs-norepo-'));
  try {
    writeFileSync(join(base, 'f.txt'), 'f');
    assert.equal(new GitStates(DISK_WORLD).stateOf(join(base, 'f.txt')), 'no-repo');
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
