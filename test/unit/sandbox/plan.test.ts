// The pure plan builders: which paths become writable, read-only or hidden, and how bwrap and sandbox-exec get them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assemblePlan, type FsView, type PathKind, type PlanInputs } from '../../../src/sandbox/plan';
import { bwrapArgs } from '../../../src/sandbox/bwrap';
import { sbplProfile, sbplString } from '../../../src/sandbox/sbpl';
import { places } from '../../../src/sandbox/places';
import type { SandboxPlan } from '../../../src/sandbox/types';

/** A fake disk: path → kind, and links path → target. */
function fakeFs(entries: Record<string, PathKind>, links: Record<string, string> = {}): FsView {
  return {
    real: (p) => {
      const r = links[p] ?? p;
      return entries[r] ? r : undefined;
    },
    kind: (p) => entries[p],
  };
}

const base: PlanInputs = { writable: [], readOnly: [], hidden: [], allowed: [], env: {}, removedEnv: [], cwd: '/w' };

test('a hidden folder swallows everything below it; hidden paths that do not exist are dropped', () => {
  const fs = fakeFs({ '/h/.ssh': 'dir', '/h/.ssh/id_rsa': 'file', '/w': 'dir', '/w/.env': 'file' });
  const plan = assemblePlan({ ...base, writable: ['/w'], hidden: ['/h/.ssh/id_rsa', '/h/.ssh', '/h/.aws', '/w/.env'] }, fs);
  assert.deepEqual(plan.hiddenDirs, ['/h/.ssh']);
  assert.deepEqual(plan.hiddenFiles, ['/w/.env']);
});

test('read-only paths are kept only inside writable folders (the rest of the disk is read-only already), parents first', () => {
  const fs = fakeFs({ '/w': 'dir', '/w/.claude': 'dir', '/w/.claude/settings.json': 'file', '/h/.claude': 'dir', '/h/.local': 'dir', '/h/.local/state/countersign': 'dir' });
  const plan = assemblePlan({ ...base, writable: ['/w', '/h/.local'], readOnly: ['/w/.claude/settings.json', '/w/.claude', '/h/.claude', '/h/.local/state/countersign'] }, fs);
  assert.deepEqual(plan.writable, ['/w', '/h/.local']);
  assert.deepEqual(plan.readOnly, ['/w/.claude', '/h/.local/state/countersign'], 'settings.json is covered by its read-only folder; ~/.claude is outside every writable folder');
});

test('a writable folder that does not exist, or that is a file, is not mounted', () => {
  const plan = assemblePlan({ ...base, writable: ['/w', '/h/.cargo', '/h/.npmrc'] }, fakeFs({ '/w': 'dir', '/h/.npmrc': 'file' }));
  assert.deepEqual(plan.writable, ['/w']);
});

test('links are resolved: the target is what gets hidden or stays read-only', () => {
  const fs = fakeFs({ '/w': 'dir', '/data/creds': 'file', '/w/real-claude': 'dir' }, { '/w/notes.txt': '/data/creds', '/w/.claude': '/w/real-claude' });
  const plan = assemblePlan({ ...base, writable: ['/w'], hidden: ['/w/notes.txt'], readOnly: ['/w/.claude'] }, fs);
  assert.deepEqual(plan.hiddenFiles, ['/data/creds']);
  assert.deepEqual(plan.readOnly, ['/w/real-claude']);
});

test('--allow-path makes exactly the named path visible and writable, nothing else', () => {
  const fs = fakeFs({ '/w': 'dir', '/w/.env': 'file', '/w/.env.local': 'file', '/h/.ssh': 'dir', '/h/.ssh/config': 'file' });
  const plan = assemblePlan({ ...base, writable: ['/w'], hidden: ['/w/.env', '/w/.env.local', '/h/.ssh'], allowed: ['/w/.env', '/h/.ssh/config'] }, fs);
  assert.deepEqual(plan.hiddenFiles, ['/w/.env.local']);
  assert.deepEqual(plan.hiddenDirs, ['/h/.ssh']);
  assert.deepEqual(plan.allowed, ['/w/.env', '/h/.ssh/config']);
  const args = bwrapArgs(plan, '/e', ['true']).join(' ');
  // Put back inside the emptied folder before it turns read-only.
  assert.match(args, /--tmpfs \/h\/\.ssh --bind \/h\/\.ssh\/config \/h\/\.ssh\/config --remount-ro \/h\/\.ssh/);
  assert.match(args, /--ro-bind \/e \/w\/\.env\.local .*--bind \/w\/\.env \/w\/\.env/);
  assert.doesNotMatch(args, /--ro-bind \/e \/w\/\.env /);
});

const PLAN: SandboxPlan = {
  writable: ['/tmp', '/w'],
  readOnly: ['/w/.claude', '/tmp/countersign-0'],
  hiddenFiles: ['/w/.env'],
  hiddenDirs: ['/h/.ssh'],
  allowed: [],
  env: { PATH: '/usr/bin' },
  removedEnv: ['GITHUB_TOKEN'],
  cwd: '/w/sub',
};

test('bwrap: read-only root, own /dev and /proc in a new pid namespace, then writable, then read-only, then hidden, network shared', () => {
  const args = bwrapArgs(PLAN, '/e', ['sh', '-c', 'echo hi']);
  const at = (...xs: string[]) => {
    const i = args.findIndex((_, k) => xs.every((x, j) => args[k + j] === x));
    assert.ok(i >= 0, `${xs.join(' ')} in ${args.join(' ')}`);
    return i;
  };
  assert.ok(at('--ro-bind', '/', '/') < at('--bind', '/tmp', '/tmp'));
  assert.ok(at('--bind', '/w', '/w') < at('--ro-bind', '/w/.claude', '/w/.claude'));
  assert.ok(at('--ro-bind', '/tmp/countersign-0', '/tmp/countersign-0') < at('--ro-bind', '/e', '/w/.env'));
  assert.ok(at('--tmpfs', '/h/.ssh') < at('--remount-ro', '/h/.ssh'));
  for (const f of ['--unshare-pid', '--die-with-parent', '--new-session']) at(f);
  at('--proc', '/proc');
  assert.ok(!args.includes('--unshare-net') && !args.includes('--unshare-all'), 'the network stays as it was');
  assert.deepEqual(args.slice(at('--chdir')), ['--chdir', '/w/sub', '--', 'sh', '-c', 'echo hi']);
});

test('sandbox-exec profile: writes denied but in writable folders, read-only paths and hidden paths denied after', () => {
  const p = sbplProfile(PLAN);
  assert.match(p, /^\(version 1\)\n\(allow default\)\n\(deny file-write\*\)\n\(allow file-write\*\n {2}\(subpath "\/tmp"\)\n {2}\(subpath "\/w"\)/);
  const ro = p.indexOf('(deny file-write*\n  (subpath "/w/.claude")');
  const hidden = p.indexOf('(deny file-read* file-write*\n  (subpath "/h/.ssh")\n  (literal "/w/.env"))');
  assert.ok(ro > p.indexOf('(allow file-write*') && hidden > ro, p);
});

test('sandbox-exec strings are escaped, and a control character is refused rather than written', () => {
  assert.equal(sbplString('/a "b"\\c'), '"/a \\"b\\"\\\\c"');
  assert.throws(() => sbplString('/a\n(allow default)'), /control character/);
  const p = sbplProfile({ ...PLAN, hiddenFiles: ['/w/x") (allow file-read* (subpath "/']});
  assert.ok(p.includes('(literal "/w/x\\") (allow file-read* (subpath \\"/")'), p);
});

test('places: workspace and temp folders and home caches writable; agent configs and Countersign state read-only; $TMPDIR only inside a temp folder', () => {
  const p = places({ homes: ['/h'], workspaces: ['/w'], platform: 'linux', countersignState: ['/run/user/1/countersign'], tmpdir: '/h' });
  for (const w of ['/w', '/tmp', '/h/.cache', '/h/.npm', '/h/.cargo', '/h/go']) assert.ok(p.writable.includes(w), w);
  assert.ok(!p.writable.includes('/h'), 'TMPDIR=/h must not make the home writable');
  for (const r of ['/h/.claude', '/w/.claude', '/w/.gemini', '/w/.git/hooks', '/w/.git/config', '/h/.local/state/countersign', '/run/user/1/countersign', '/h/.config/Code/User/settings.json', '/h/.local/share/code-server/User/globalStorage/countersign.countersign']) {
    assert.ok(p.readOnly.includes(r), r);
  }
  for (const h of ['/h/.ssh', '/h/.aws', '/h/.kube', '/h/.gnupg', '/h/.config/gcloud', '/h/.claude/.credentials.json']) assert.ok(p.hidden.includes(h), h);
  assert.ok(places({ homes: ['/h'], workspaces: ['/w'], platform: 'linux', countersignState: [], tmpdir: '/tmp/x' }).writable.includes('/tmp/x'));
});
