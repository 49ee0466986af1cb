import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, readFileSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  AuditLog, AuditLogBusyError, GENESIS, listLogFiles, listLogs, readFileEntries, readHistory, verifyLog, type AuditEntry,
} from '../../../src/audit';
import { decided, readLinesOf, request, tempDir, writeLog } from './helpers';

test('round trip: what append() returns is what is read back, chained from genesis', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  const appended: AuditEntry[] = [];
  appended.push(await log.append({ type: 'request', id: 'a', request: request(1, { risk: 'sensitive', rules: ['perm.chmod'] }) }));
  appended.push(await log.append({ type: 'decision', id: 'a', decision: { decision: 'deny', decidedBy: 'human', reason: 'no' } }));
  appended.push(await log.append({ type: 'note', topic: 'gate', message: 'stopped', data: { pid: 42 } }));
  await log.close();

  const [file] = await listLogFiles(dir);
  assert.ok(file);
  assert.equal(basename(file), 'audit-000001.jsonl');
  const entries = await readFileEntries(file);
  assert.equal(entries.length, 4);
  const [segment, ...rest] = entries;
  assert.deepEqual(rest, appended);
  assert.equal(segment?.type, 'segment');
  assert.equal(segment?.prev, GENESIS);
  assert.deepEqual(entries.map((e) => e.seq), [0, 1, 2, 3]);
  entries.slice(1).forEach((e, i) => assert.equal(e.prev, entries[i]?.hash));
  if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600);
});

test('hash definition: SHA-256 of the line without its hash member; prev is the previous entry hash', async () => {
  const { files } = await writeLog(5);
  const lines = readLinesOf(files[0] as string);
  let prev = GENESIS;
  for (const line of lines) {
    const m = /^(.*),"hash":"([0-9a-f]{64})"\}$/.exec(line);
    assert.ok(m, line);
    const body = `${m[1]}}`;
    assert.equal(createHash('sha256').update(body).digest('hex'), m[2]);
    assert.equal((JSON.parse(body) as { prev: string }).prev, prev);
    prev = m[2] as string;
  }
});

test('concurrent appends keep call order and count, and share fsyncs', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  const groups: number[] = [];
  log.onAppend((entries) => groups.push(entries.length));
  const results = await Promise.all(Array.from({ length: 300 }, (_, i) => log.append(decided(i))));
  await log.close();
  assert.deepEqual(results.map((e) => e.seq), Array.from({ length: 300 }, (_, i) => i + 1));
  assert.deepEqual(results.map((e) => (e.type === 'decision' ? e.id : '')), Array.from({ length: 300 }, (_, i) => `req-${i}`));
  assert.equal(groups.reduce((a, b) => a + b, 0), 300);
  assert.ok(groups.length < 300, 'queued appends are written together');
  const files = await listLogFiles(dir);
  const r = await verifyLog(files);
  assert.equal(r.status, 'intact');
  assert.equal(r.entries, 301);
});

test('appends interleaved with awaits from many callers all land, in order', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  const seen: string[] = [];
  await Promise.all(
    Array.from({ length: 10 }, async (_, caller) => {
      for (let i = 0; i < 20; i++) {
        const e = await log.append(decided(caller * 100 + i));
        if (e.type === 'decision') seen.push(e.id);
      }
    }),
  );
  await log.close();
  const entries = await readFileEntries((await listLogFiles(dir))[0] as string);
  assert.equal(entries.length, 201);
  // Each caller's own entries appear in its order.
  for (let caller = 0; caller < 10; caller++) {
    const mine = entries.filter((e) => e.type === 'decision' && Math.floor(Number(e.id.slice(4)) / 100) === caller);
    assert.deepEqual(mine.map((e) => (e.type === 'decision' ? e.id : '')), Array.from({ length: 20 }, (_, i) => `req-${caller * 100 + i}`));
  }
  assert.equal(seen.length, 200);
});

test('reopening continues the chain in the same file', async () => {
  const { dir } = await writeLog(3);
  const log = await AuditLog.open({ dir });
  const e = await log.append(decided(3));
  await log.close();
  assert.equal(e.seq, 4);
  const files = await listLogFiles(dir);
  assert.equal(files.length, 1);
  const r = await verifyLog(files);
  assert.equal(r.status, 'intact');
  assert.equal(r.entries, 5);
});

test('rotation: each new file opens with a segment chained from the last hash of the previous file', async () => {
  const { files } = await writeLog(60, { maxFileBytes: 1500 });
  assert.ok(files.length >= 10, `expected many files, got ${files.length}`);
  assert.deepEqual(files.map((f) => basename(f)), files.map((_, i) => `audit-${String(i + 1).padStart(6, '0')}.jsonl`));
  let last: AuditEntry | undefined;
  for (const [i, f] of files.entries()) {
    const entries = await readFileEntries(f);
    assert.equal(entries[0]?.type, 'segment');
    assert.equal(entries[0]?.type === 'segment' && entries[0].reason, i === 0 ? 'new' : 'rotate');
    assert.equal(entries[0]?.prev, last ? last.hash : GENESIS);
    assert.equal(entries[0]?.seq, last ? last.seq + 1 : 0);
    if (i < files.length - 1) assert.ok(statSync(f).size <= 1500);
    last = entries[entries.length - 1];
  }
  const all = await verifyLog(files);
  assert.equal(all.status, 'intact');
  assert.equal(all.entries, 60 + files.length);
  // A later file alone is a valid segment that continues an earlier one.
  const alone = await verifyLog([files[3] as string]);
  assert.equal(alone.status, 'intact');
  assert.ok((alone.start?.seq ?? 0) > 0);
  assert.notEqual(alone.start?.prev, GENESIS);
});

test('an entry bigger than the limit still goes in (never an endless rotation)', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir, maxFileBytes: 300 });
  await log.append(decided(0, { summary: 'x'.repeat(1000) }));
  await log.append(decided(1, { summary: 'y'.repeat(1000) }));
  await log.close();
  const files = await listLogFiles(dir);
  assert.equal(files.length, 2);
  assert.equal((await verifyLog(files)).status, 'intact');
});

test('appends are redacted and long strings capped before they are written', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  const token = 'ghp_' + 'a1B2c3D4e5'.repeat(4);
  const e = await log.append({ type: 'note', topic: 'test', message: `token ${token}`, data: { password: 'hunter2', big: 'z'.repeat(20000) } });
  await log.close();
  const text = readFileSync((await listLogFiles(dir))[0] as string, 'utf8');
  assert.ok(!text.includes(token) && !text.includes('hunter2'));
  assert.ok(text.includes('ghp_[REDACTED]'));
  assert.equal(e.type === 'note' && e.data?.password, '[REDACTED]');
  const big = e.type === 'note' ? (e.data?.big as string) : '';
  assert.ok(big.length < 9000 && big.endsWith('…[+11808 chars]'));
});

test('one writer per chain: a named chain is refused while held; unnamed, a second writer gets its own chain', async () => {
  const dir = tempDir();
  // One clock for both writers, a second per tick: history merges chains by time, and ms can tie on a fast disk.
  let t = Date.parse('2026-01-01T00:00:00Z');
  const now = () => new Date((t += 1000));
  const first = await AuditLog.open({ dir, now });
  assert.equal(first.prefix, 'audit');
  await assert.rejects(AuditLog.open({ dir, prefix: 'audit' }), AuditLogBusyError);
  const second = await AuditLog.open({ dir, now });
  assert.equal(second.prefix, 'audit.2');
  await first.append({ type: 'decision', id: 'one', request: request(1), decision: { decision: 'allow', decidedBy: 'policy', reason: 'r' } });
  await second.append({ type: 'decision', id: 'two', request: request(2, { agent: 'cursor' }), decision: { decision: 'deny', decidedBy: 'policy', reason: 'r' } });
  await first.append({ type: 'decision', id: 'three', request: request(3), decision: { decision: 'allow', decidedBy: 'policy', reason: 'r' } });
  await Promise.all([first.close(), second.close()]);

  const logs = await listLogs(dir);
  assert.deepEqual([...logs.keys()], ['audit', 'audit.2']);
  for (const files of logs.values()) assert.equal((await verifyLog(files)).status, 'intact');
  await assert.rejects(listLogFiles(dir), /several audit chains/);
  // History merges the chains by time.
  const items = await readHistory(dir);
  assert.deepEqual(items.map((i) => [i.id, i.chain]), [['three', 'audit'], ['two', 'audit.2'], ['one', 'audit']]);
  // Closed, the plain chain is free again.
  const again = await AuditLog.open({ dir });
  assert.equal(again.prefix, 'audit');
  await again.close();
});

test('a lock left by a dead process is taken over; a live holder is respected', async () => {
  const dir = tempDir();
  // Dead pid: the child exited already (pid 2^22+ is above Linux's pid_max default, but use a real exited pid).
  const { spawnSync } = await import('node:child_process');
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const deadPid = Number(child.stdout);
  const { hostname } = await import('node:os');
  writeFileSync(join(dir, 'audit.lock'), JSON.stringify({ pid: deadPid, host: hostname(), at: new Date().toISOString() }));
  const log = await AuditLog.open({ dir });
  await log.append(decided(0));
  await log.close();

  writeFileSync(join(dir, 'audit.lock'), JSON.stringify({ pid: process.ppid, host: hostname(), at: new Date().toISOString() }));
  await assert.rejects(AuditLog.open({ dir, prefix: 'audit' }), (err: unknown) => err instanceof AuditLogBusyError && err.holderPid === process.ppid);
  unlinkSync(join(dir, 'audit.lock'));
});

test('a torn last line is reported by verify, then cut and recorded by the writer on reopen', async () => {
  const { dir, files } = await writeLog(4);
  const file = files[0] as string;
  const torn = '{"v":1,"seq":5,"ts":"2026-01-01T00:00:00.000Z","prev":"ab';
  appendFileSync(file, torn);
  const before = await verifyLog(files);
  assert.equal(before.status, 'torn');
  assert.deepEqual(before.torn, { file, line: 6, bytes: torn.length });
  assert.equal(before.entries, 5);

  const log = await AuditLog.open({ dir });
  const next = await log.append(decided(4));
  await log.close();
  const entries = await readFileEntries(file);
  const recovered = entries[5];
  assert.equal(recovered?.type, 'recovered');
  if (recovered?.type === 'recovered') {
    assert.equal(recovered.torn.bytes, torn.length);
    assert.equal(recovered.torn.line, 6);
    assert.equal(recovered.torn.text, torn);
    assert.equal(recovered.torn.sha256, createHash('sha256').update(torn).digest('hex'));
    assert.equal(recovered.prev, entries[4]?.hash);
  }
  assert.equal(next.seq, 6);
  const after = await verifyLog(files);
  assert.equal(after.status, 'intact');
  assert.equal(after.recovered.length, 1);
  assert.equal(after.recovered[0]?.line, 6);
});

test('an empty newest file (crash right after rotating) gets its header chained from the file before', async () => {
  const { dir, files } = await writeLog(3);
  const empty = join(dir, 'audit-000002.jsonl');
  writeFileSync(empty, '');
  const torn = await verifyLog([...files, empty]);
  assert.equal(torn.status, 'torn');
  const log = await AuditLog.open({ dir });
  await log.append(decided(3));
  await log.close();
  const entries = await readFileEntries(empty);
  assert.equal(entries[0]?.type === 'segment' && entries[0].reason, 'rotate');
  const r = await verifyLog(await listLogFiles(dir));
  assert.equal(r.status, 'intact');
  assert.equal(r.entries, 6);
});

test('a log file deleted while open: the writer continues in a new file and verify shows the gap', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir, maxFileBytes: 1200 });
  for (let i = 0; i < 10; i++) await log.append(decided(i));
  const current = log.head.file;
  unlinkSync(current);
  const e = await log.append(decided(10));
  await log.close();
  const files = await listLogFiles(dir);
  assert.ok(!files.includes(current));
  const newest = await readFileEntries(files[files.length - 1] as string);
  assert.equal(newest[0]?.type === 'segment' && newest[0].reason, 'file-missing');
  assert.equal(newest[1]?.seq, e.seq);
  const r = await verifyLog(files);
  assert.equal(r.status, 'broken');
  assert.equal(r.problem?.kind, 'missing');
  assert.equal(r.problem?.file, files[files.length - 1]);
});

test('a log file cut short while open: the writer does not chain over the cut, verify finds it', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  for (let i = 0; i < 10; i++) await log.append(decided(i));
  const file = log.head.file;
  const lines = readLinesOf(file);
  truncateSync(file, lines.slice(0, 6).join('\n').length + 1);
  await log.append(decided(10));
  await log.close();
  const files = await listLogFiles(dir);
  assert.equal(files.length, 2);
  const r = await verifyLog(files);
  assert.equal(r.status, 'broken');
  assert.equal(r.problem?.kind, 'missing');
  assert.match(r.problem?.message ?? '', /seq 6\.\.10 are missing/);
});

test('another writer appending behind our back: we chain from its last entry', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  await log.append(decided(0));
  // Simulate a foreign writer (lock bypassed) appending a well-formed entry.
  const { serializeEntry } = await import('../../../src/audit');
  const head = log.head;
  const foreign = serializeEntry({ v: 1, seq: head.seq + 1, ts: new Date().toISOString(), prev: head.hash }, decided(99));
  appendFileSync(head.file, foreign.line);
  const e = await log.append(decided(1));
  await log.close();
  assert.equal(e.prev, foreign.hash);
  assert.equal((await verifyLog(await listLogFiles(dir))).status, 'intact');
});

test('append after close rejects', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  await log.close();
  await assert.rejects(log.append(decided(0)), /closed/);
});

test('an oversized entry is refused alone; the appends around it are written', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  const huge = Array.from({ length: 200 }, () => 'q'.repeat(8000));
  const results = await Promise.allSettled([
    log.append(decided(0)),
    log.append({ type: 'note', topic: 'big', message: 'm', data: { huge } }),
    log.append(decided(1)),
  ]);
  await log.close();
  assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
  const r = await verifyLog(await listLogFiles(dir));
  assert.equal(r.status, 'intact');
  assert.equal(r.entries, 3);
});

test('the entry append() returns equals the one read back, even with undefined members', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  const e = await log.append({ type: 'decision', id: 'u', request: { ...request(0), cwd: undefined, sessionId: undefined }, decision: { decision: 'deny', decidedBy: 'fail-closed', reason: 'x' } });
  await log.close();
  const entries = await readFileEntries((await listLogFiles(dir))[0] as string);
  assert.deepEqual(entries[1], e);
});

test('a failed write rejects its appends; the next append re-reads the file and the chain stays intact', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  await log.append(decided(0));
  // Pull the file handle out from under the writer: the next write fails as an I/O error would.
  await (log as unknown as { fh: { close(): Promise<void> } }).fh.close();
  await assert.rejects(log.append(decided(1)));
  const e = await log.append(decided(2));
  await log.close();
  assert.equal(e.seq, 2);
  const r = await verifyLog(await listLogFiles(dir));
  assert.equal(r.status, 'intact');
  assert.equal(r.entries, 3);
});
