// Parts of the review core that had VS Code around them before: the queue's teardown, the guard-state model, the
// audit anchors over a plain store, the effect preview over a fake disk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReviewAnswer } from '../../../src/protocol/gateLsp';
import { AuditAnchors } from '../../../src/review/auditAnchors';
import { guardSummary, guardViews, UnguardedNotices, unguardedText, type GuardCheck } from '../../../src/review/guardState';
import { previewEffects, type FileStatus, type ReadOnlyDisk } from '../../../src/review/preview/effectPreview';
import { ReviewQueue, type Settled } from '../../../src/review/reviewQueue';
import type { StateStore } from '../../../src/review/stateStore';
import { item, shell } from '../panel/items';

test('disposing the queue settles every stored resolver as a deny, by shutdown, and denies what comes after', async () => {
  const queue = new ReviewQueue(undefined, () => 5_000);
  const settled: Settled[] = [];
  queue.onDidSettle((s) => settled.push(s));
  // A listener's bug must not keep the resolvers from running.
  queue.onDidSettle(() => {
    throw new Error('listener bug');
  });
  const answers = [queue.add(shell('npm test')), queue.add(shell('chmod 777 x', 'sensitive')), queue.add(item({ kind: 'write', path: '/home/dev/proj/a', content: 'x\n'.repeat(500) }))];
  const done = shell('ls');
  const decided = queue.add(done);
  assert.ok(queue.decide(done.id, { decision: 'deny' }).ok);
  assert.equal((await decided.answer).decidedBy, 'human', 'an answered item is not answered again');
  const before = settled.length;
  queue.dispose();
  const results: ReviewAnswer[] = await Promise.all(answers.map((a) => a.answer));
  for (const r of results) assert.deepEqual(r, { decision: 'deny', reason: 'VS Code closed the review panel before anyone decided.' });
  const byShutdown = settled.slice(before);
  assert.equal(byShutdown.length, 3);
  for (const s of byShutdown) {
    assert.equal(s.by, 'shutdown');
    assert.equal(s.at, 5_000, "the host's clock");
  }
  assert.equal(queue.size, 0);
  const late = queue.add(shell('npm test'));
  assert.equal((await late.answer).decision, 'deny', 'nothing is queued after teardown');
  assert.equal(queue.size, 0);
});

test('the guard model: rows with the verdict, a summary, and each problem set notified once (again after a fix)', () => {
  const stop = { file: '/home/dev/.claude/settings.json', setting: 'disableAllHooks', message: 'Hooks are off [see](http://x).', disables: true };
  const loosen = { file: '/home/dev/.claude/settings.json', setting: 'permissions.allow', message: 'Loosens.', disables: false };
  const checks: GuardCheck[] = [
    { agent: 'claude', connected: true, findings: [loosen, stop] },
    { agent: 'gemini', connected: true, findings: [loosen] },
    { agent: 'codex', connected: false, findings: [stop] },
  ];
  const rows = guardViews(
    [
      { agent: 'claude', label: 'Claude Code', detected: true, connected: true, files: [] },
      { agent: 'gemini', label: 'Gemini CLI', detected: true, connected: false, files: [] },
    ],
    checks,
  );
  assert.deepEqual(
    rows.map((r) => [r.agent, r.connected, r.guarded, r.problems?.length]),
    [
      ['claude', true, false, 2],
      ['gemini', true, true, 1],
    ],
  );
  const summary = guardSummary(checks, 'running', (a) => a.toUpperCase());
  assert.deepEqual(summary, { gate: 'running', unguarded: [{ agent: 'claude', label: 'CLAUDE', file: stop.file, setting: stop.setting }], guarded: ['GEMINI'] });

  const notices = new UnguardedNotices();
  assert.deepEqual(notices.fresh(checks), [{ agent: 'claude', finding: stop }]);
  assert.deepEqual(notices.fresh(checks), [], 'the same problem set once');
  const fixed: GuardCheck[] = [{ agent: 'claude', connected: true, findings: [loosen] }];
  assert.deepEqual(notices.fresh(fixed), []);
  assert.deepEqual(notices.fresh(checks), [{ agent: 'claude', finding: stop }], 'back again: told again');
  assert.equal(unguardedText('Claude Code', stop, '~/.claude/settings.json'), 'Countersign is not guarding Claude Code: disableAllHooks in ~/.claude/settings.json. Hooks are off seehttp://x.', 'no link survives');
});

test('audit anchors live in the host store, never move backwards, and survive a damaged value', () => {
  const data = new Map<string, unknown>();
  const store: StateStore = { get: (k) => data.get(k), update: (k, v) => (data.set(k, v), Promise.resolve()) };
  const anchors = new AuditAnchors(store, (file) => (file.endsWith('gate.jsonl') ? 'gate' : 'audit'));
  anchors.record({ dir: '/logs', file: '/logs/audit.jsonl', seq: 5, hash: 'h5' });
  anchors.record({ dir: '/logs', file: '/logs/audit.jsonl', seq: 3, hash: 'h3' });
  anchors.record({ dir: '/logs', file: '/logs/gate.jsonl', seq: 1, hash: 'g1' });
  assert.equal(anchors.anchor('/logs', 'audit'), 'h5');
  assert.equal(anchors.anchor('/logs', 'gate'), 'g1');
  data.set('countersign.auditAnchors', 'damaged');
  assert.equal(new AuditAnchors(store, () => 'audit').anchor('/logs', 'audit'), undefined);
});

test('the effect preview reads only through the disk it is given, and only inside the workspace', async () => {
  const file = (mode: number): FileStatus => ({ mode, uid: 1000, gid: 1000, isDirectory: () => (mode & 0o170000) === 0o040000 });
  const files: Record<string, FileStatus> = { '/ws/deploy.sh': file(0o100644), '/ws/build.sh': file(0o100600), '/ws': file(0o040755) };
  const asked: string[] = [];
  const disk: ReadOnlyDisk = {
    readdir: (dir) => (asked.push(`readdir ${dir}`), Promise.resolve(dir === '/ws' ? ['build.sh', 'deploy.sh'] : [])),
    stat: (p) => (asked.push(`stat ${p}`), files[p] ? Promise.resolve(files[p]) : Promise.reject(new Error('ENOENT'))),
    lstat: (p) => (asked.push(`lstat ${p}`), files[p] ? Promise.resolve(files[p]) : Promise.reject(new Error('ENOENT'))),
    readText: (p) => (asked.push(`read ${p}`), Promise.resolve('')),
  };
  const { rows } = await previewEffects('chmod 755 *.sh /etc/shadow', { disk, cwd: '/ws', folders: ['/ws'], display: (p) => p.replace('/ws/', '') });
  assert.deepEqual(rows, [
    { kind: 'note', text: '/etc/shadow is outside the workspace; not inspected.' },
    { kind: 'mode', path: 'build.sh', before: '-rw------- (0600)', after: '-rwxr-xr-x (0755)' },
    { kind: 'mode', path: 'deploy.sh', before: '-rw-r--r-- (0644)', after: '-rwxr-xr-x (0755)' },
  ]);
  assert.ok(!asked.some((a) => a.includes('/etc/shadow')), `never looked at: ${asked.join(', ')}`);
});
