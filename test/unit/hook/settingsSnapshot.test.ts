// The settings snapshot the CLI applies with no gate is read only when it is safely the user's own, and gates are
// found in the user's runtime directory before any extra registry a variable names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_SNAPSHOT, readSnapshot, writeSnapshot } from '../../../src/ipc/settingsSnapshot';
import { findGate, writeRecord } from '../../../src/ipc/registry';
import { accountHome, runtimeDir, stateDir } from '../../../src/ipc/runtimeDir';

const LOOSE = { sensitivePaths: ['**/x'], allowedPaths: ['**'], protectedPaths: [], reviewDefault: 'allow' as const, sandbox: 'off' as const };

test('a private snapshot is read; group/world-writable, a symlink or a shared folder gives the strict defaults', () => {
  const root = mkdtempSync(join(tmpdir(), 'cs-snap-'));
  try {
    const dir = join(root, 'own');
    writeSnapshot(LOOSE, dir);
    assert.deepEqual(readSnapshot(dir), LOOSE);
    chmodSync(join(dir, 'settings.json'), 0o666);
    assert.deepEqual(readSnapshot(dir), EMPTY_SNAPSHOT, 'a file others can write');
    chmodSync(join(dir, 'settings.json'), 0o600);
    chmodSync(dir, 0o755);
    assert.deepEqual(readSnapshot(dir), EMPTY_SNAPSHOT, 'a folder others can enter');
    chmodSync(dir, 0o700);
    const linked = join(root, 'linked');
    mkdirSync(linked, { mode: 0o700 });
    symlinkSync(join(dir, 'settings.json'), join(linked, 'settings.json'));
    assert.deepEqual(readSnapshot(linked), EMPTY_SNAPSHOT, 'a symlinked snapshot');
    writeFileSync(join(dir, 'settings.json'), '{not json', { mode: 0o600 });
    assert.deepEqual(readSnapshot(dir), EMPTY_SNAPSHOT, 'a damaged snapshot');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the state and runtime directories come from the account, not from HOME, XDG_* or TMPDIR', () => {
  const saved = { ...process.env };
  try {
    const before = { state: stateDir(), runtime: runtimeDir(), home: accountHome() };
    Object.assign(process.env, { HOME: '/tmp/elsewhere', XDG_RUNTIME_DIR: '/tmp/x', XDG_STATE_HOME: '/tmp/y', TMPDIR: '/tmp/z', COUNTERSIGN_RUNTIME_DIR: '/tmp/w', COUNTERSIGN_HOME: '/tmp/v' });
    assert.deepEqual({ state: stateDir(), runtime: runtimeDir(), home: accountHome() }, before);
    assert.ok(!before.state.startsWith('/tmp/elsewhere') && !before.runtime.startsWith('/tmp/x'));
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
});

test("an extra registry never takes a hook from the user's own: the first registry with a match wins", () => {
  const root = mkdtempSync(join(tmpdir(), 'cs-reg-'));
  try {
    const own = join(root, 'own');
    const extra = join(root, 'extra');
    mkdirSync(own, { mode: 0o700 });
    mkdirSync(extra, { mode: 0o700 });
    const base = { pid: process.pid, token: 't'.repeat(43), headless: false, startedAt: 1 };
    writeRecord(own, { ...base, id: 'real', socket: join(own, 'real.sock'), folders: ['/work'] });
    // Deeper folder, newer, and the hinted socket: it still loses to the user's registry.
    writeRecord(extra, { ...base, id: 'planted', socket: join(extra, 'p.sock'), folders: ['/work/proj'], startedAt: 2 });
    assert.equal(findGate([own, extra], '/work/proj', join(extra, 'p.sock'))?.id, 'real');
    assert.equal(findGate([own, extra], '/elsewhere')?.id, undefined);
    assert.equal(findGate([extra, own], '/work/proj')?.id, 'planted', 'order decides');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
