// The bounded search with the real sensitive-path policy: what a workspace and a home look like to the sandbox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PathPolicy } from '../../../src/policy/paths/pathPolicy';
import { absoluteGlobRoots, policyClassifier } from '../../../src/sandbox/build';
import { homeSkips, scanSensitive } from '../../../src/sandbox/scan';

function tree(root: string, files: string[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    if (!f.endsWith('/')) writeFileSync(join(root, f), 'x');
  }
}

test('workspace and home: secrets hidden (whole secret folders as one), guard rails read-only, source in a secrets package kept', () => {
  const root = mkdtempSync(join(tmpdir(), 'cs-sbx-scan-'));
  try {
    const home = join(root, 'home');
    const ws = join(home, 'proj');
    tree(ws, ['.env', '.env.example', 'a/b/c/d/.env.production', 'src/secrets/manager.ts', 'secrets/prod.yaml', 'config/server.key', 'id.pub', '.claude/settings.json', 'node_modules/pkg/.env', 'src/index.ts', 'deploy/terraform.tfvars']);
    tree(home, ['.ssh/id_rsa', '.ssh/known_hosts', '.config/gh/hosts.yml', '.bash_history', '.bashrc', '.npmrc', '.cache/pip/x', 'notes/todo.md']);
    symlinkSync(join(home, '.npmrc'), join(ws, 'npm-settings.txt'));
    const policy = new PathPolicy({ sensitivePaths: ['**/*.corp-secret'], allowedPaths: [], workspaceFolders: [ws], home });
    writeFileSync(join(ws, 'src', 'x.corp-secret'), 'x');
    const found = scanSensitive(
      [
        { dir: ws, maxDepth: 12 },
        { dir: home, maxDepth: 6 },
      ],
      policyClassifier([policy]),
      homeSkips(home, [ws]),
    );
    const rel = (ps: string[]) => ps.map((p) => p.slice(root.length + 1)).sort();
    assert.deepEqual(rel(found.hide), [
      'home/.bash_history',
      'home/.config/gh/hosts.yml',
      'home/.npmrc',
      'home/.ssh',
      'home/proj/.env',
      'home/proj/a/b/c/d/.env.production',
      'home/proj/config/server.key',
      'home/proj/deploy/terraform.tfvars',
      'home/proj/secrets/prod.yaml',
      'home/proj/src/x.corp-secret',
    ]);
    assert.deepEqual(rel(found.readOnly), ['home/.bashrc', 'home/proj/.claude/settings.json']);
    assert.deepEqual(found.truncated, []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the search is bounded: past the entry budget it stops and says which root it cut short', () => {
  const root = mkdtempSync(join(tmpdir(), 'cs-sbx-bound-'));
  try {
    tree(root, Array.from({ length: 50 }, (_, i) => `d${i}/f.txt`));
    const found = scanSensitive([{ dir: root, maxDepth: 5 }], () => undefined, [], { maxEntries: 20 });
    assert.deepEqual(found.truncated, [root]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('absolute sensitive globs are searched from their literal folder (/etc/ssh for ssh_host keys)', () => {
  const roots = absoluteGlobRoots(['/etc/ssh/ssh_host_*', '/run/secrets/**', '/proc/*/environ', '**/.env', '~/work/**/token.txt'], '/h');
  assert.deepEqual(
    roots.map((r) => r.dir),
    ['/etc/ssh', '/run/secrets', '/h/work'],
  );
});
