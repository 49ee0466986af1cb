// A gate's record names a pid; pids are reused, and a gate killed outright leaves its record behind. The record of a
// dead gate must not take a hook away from the live one, however busy the machine (a reused pid looks alive).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findGate, liveGates, recordPath, sweepDeadRecords, writeRecord } from '../../../src/ipc/registry';
import { processStartId } from '../../../src/ipc/processAlive';

function registry(): { dir: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'cs-live-'));
  const dir = join(root, 'rt');
  mkdirSync(dir, { mode: 0o700 });
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

const base = { token: 't'.repeat(43), headless: true };

test('a record whose pid now belongs to another process is not a live gate', { skip: process.platform !== 'linux' && 'needs /proc' }, () => {
  const r = registry();
  try {
    const own = processStartId(process.pid);
    assert.match(own ?? '', /^\d+$/, 'this process has a start identity');
    const sock = join(r.dir, 'a.sock');
    writeFileSync(sock, '');
    // Same pid, another start: the process that wrote the record is gone and the pid was given to someone else.
    writeRecord(r.dir, { ...base, id: 'reused', pid: process.pid, pidStart: String(Number(own) + 1), socket: sock, folders: ['/work'], startedAt: 2 });
    writeRecord(r.dir, { ...base, id: 'same', pid: process.pid, pidStart: own, socket: sock, folders: ['/'], startedAt: 1 });
    assert.deepEqual(liveGates(r.dir).map((g) => g.id), ['same']);
    assert.equal(findGate(r.dir, '/work/proj')?.id, 'same', 'the deeper folder of a dead gate does not win');
  } finally {
    r.cleanup();
  }
});

test('a record whose socket is gone is not a live gate; records from before start identities still count', () => {
  const r = registry();
  try {
    const sock = join(r.dir, 'b.sock');
    writeFileSync(sock, '');
    writeRecord(r.dir, { ...base, id: 'nosocket', pid: process.pid, socket: join(r.dir, 'gone', 'x.sock'), folders: ['/work'], startedAt: 2 });
    writeRecord(r.dir, { ...base, id: 'old-format', pid: process.pid, socket: sock, folders: ['/'], startedAt: 1 });
    assert.deepEqual(liveGates(r.dir).map((g) => g.id), ['old-format']);
  } finally {
    r.cleanup();
  }
});

test('a live child process is recognised by its own start identity', { skip: process.platform !== 'linux' && 'needs /proc' }, async () => {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  try {
    await new Promise((res) => child.once('spawn', res));
    const pid = child.pid!;
    const start = processStartId(pid);
    assert.match(start ?? '', /^\d+$/, 'the child has a start identity');
    const r = registry();
    try {
      const sock = join(r.dir, 'c.sock');
      writeFileSync(sock, '');
      writeRecord(r.dir, { ...base, id: 'child', pid, pidStart: start, socket: sock, folders: ['/'], startedAt: 1 });
      assert.deepEqual(liveGates(r.dir).map((g) => g.id), ['child']);
      child.kill('SIGKILL');
      await new Promise((res) => child.once('exit', res));
      assert.deepEqual(liveGates(r.dir).map((g) => g.id), [], 'once it died the record is stale');
    } finally {
      r.cleanup();
    }
  } finally {
    child.kill('SIGKILL');
  }
});

test('a registered gate that nobody listens at any more hands the hook to the next gate for the folder', async () => {
  const { sandbox, startHeadlessGate, hook } = await import('./harness');
  const { decisions, entriesIn } = await import('./auditRead');
  const box = sandbox();
  const cwd = join(box.dir, 'proj');
  mkdirSync(cwd);
  const gate = await startHeadlessGate(box, ['--folder', cwd]);
  try {
    // A deeper folder and a newer start than the live gate: found first. Its socket path holds a plain file, so a
    // connection is refused, as it is for a gate killed outright (its socket file stays behind).
    const dead = join(box.runtimeDir, 'dead.sock');
    writeFileSync(dead, '');
    writeRecord(box.runtimeDir, { ...base, id: 'killed', pid: process.pid, pidStart: processStartId(process.pid), socket: dead, folders: [cwd, join(cwd, 'sub')], startedAt: Date.now() + 1000 });
    const before = decisions(await entriesIn(gate.auditDir)).length;
    const payload = { session_id: 's', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'cat .env' } };
    const r = await hook('claude', payload, box.env);
    const out = JSON.parse(r.stdout) as { hookSpecificOutput?: { permissionDecision?: string; permissionDecisionReason?: string } };
    assert.equal(out.hookSpecificOutput?.permissionDecision, 'deny');
    assert.doesNotMatch(out.hookSpecificOutput?.permissionDecisionReason ?? '', /could not be reached|no review gate/, 'the live gate answered');
    assert.equal(decisions(await entriesIn(gate.auditDir)).length, before + 1, 'and logged it');
  } finally {
    await gate.stop();
    box.cleanup();
  }
});

/** The pid of a process that has exited (and its start identity while it lived). */
async function deadPid(): Promise<{ pid: number; start?: string }> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
  await new Promise((res) => child.once('spawn', res));
  const start = processStartId(child.pid!);
  child.kill('SIGKILL');
  await new Promise((res) => child.once('exit', res));
  return { pid: child.pid!, start };
}

test('sweeping a registry removes the records of dead gates only', async () => {
  const r = registry();
  try {
    const sock = join(r.dir, 'a.sock');
    writeFileSync(sock, '');
    const dead = await deadPid();
    writeRecord(r.dir, { ...base, id: 'dead', pid: dead.pid, pidStart: dead.start, socket: sock, folders: ['/'], startedAt: 1 });
    writeRecord(r.dir, { ...base, id: 'alive', pid: process.pid, pidStart: processStartId(process.pid), socket: sock, folders: ['/'], startedAt: 2 });
    writeFileSync(join(r.dir, 'garbled.gate.json'), '{ not json', { mode: 0o600 });
    writeFileSync(join(r.dir, 'writing.gate.json.123.tmp'), JSON.stringify({ ...base, id: 'writing', pid: dead.pid, socket: sock, folders: ['/'], startedAt: 3 }), { mode: 0o600 });
    assert.deepEqual(sweepDeadRecords(r.dir), ['dead']);
    assert.deepEqual(readdirSync(r.dir).sort(), ['a.sock', 'alive.gate.json', 'garbled.gate.json', 'writing.gate.json.123.tmp']);
    assert.deepEqual(sweepDeadRecords(join(r.dir, 'missing')), [], 'a registry that is not there is left alone');
  } finally {
    r.cleanup();
  }
});

test('a gate that starts sweeps the records dead gates left in its registries', async () => {
  const { sandbox, startHeadlessGate } = await import('./harness');
  const box = sandbox();
  try {
    const dead = await deadPid();
    writeRecord(box.runtimeDir, { ...base, id: 'crashed', pid: dead.pid, pidStart: dead.start, socket: join(box.runtimeDir, 'crashed.sock'), folders: [box.dir], startedAt: 1 });
    const gate = await startHeadlessGate(box, ['--folder', box.dir]);
    try {
      assert.equal(existsSync(recordPath(box.runtimeDir, 'crashed')), false);
      assert.equal(liveGates(box.runtimeDir).length, 1, 'its own record is there');
    } finally {
      await gate.stop();
    }
  } finally {
    box.cleanup();
  }
});
