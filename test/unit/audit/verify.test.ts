import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, renameSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listLogFiles, serializeEntry, verifyLog, type AuditEntry } from '../../../src/audit';
import { decided, readLinesOf, writeLinesTo, writeLog } from './helpers';

/** A 10-entry log (segment + 9 decisions) in one file. */
async function oneFile(): Promise<{ file: string; lines: string[] }> {
  const { files } = await writeLog(9);
  const file = files[0] as string;
  return { file, lines: readLinesOf(file) };
}

test('an untouched log is intact', async () => {
  const { file } = await oneFile();
  const r = await verifyLog([file]);
  assert.equal(r.status, 'intact');
  assert.equal(r.entries, 10);
  assert.equal(r.problem, undefined);
  assert.deepEqual(r.start?.seq, 0);
  assert.equal(r.last?.seq, 9);
});

test('editing a field is found at the edited line', async () => {
  const { file, lines } = await oneFile();
  lines[4] = (lines[4] as string).replace('"decision":"allow"', '"decision":"deny"');
  writeLinesTo(file, lines);
  const r = await verifyLog([file]);
  assert.equal(r.status, 'broken');
  assert.deepEqual(r.problem && { kind: r.problem.kind, line: r.problem.line, seq: r.problem.seq }, { kind: 'edited', line: 5, seq: 4 });
  assert.equal(r.entries, 4);
});

test('an edit with the line re-hashed breaks the link from the next line', async () => {
  const { file, lines } = await oneFile();
  const e = JSON.parse(lines[4] as string) as AuditEntry;
  const { hash: _h, v, seq, ts, prev, ...event } = e;
  const forged = serializeEntry({ v, seq, ts, prev }, { ...(event as typeof event & { type: 'decision' }), decision: { decision: 'deny', decidedBy: 'human', reason: 'forged' } } as never);
  lines[4] = forged.line.trimEnd();
  writeLinesTo(file, lines);
  const r = await verifyLog([file]);
  assert.equal(r.problem?.kind, 'chain');
  assert.equal(r.problem?.line, 6);
  assert.equal(r.problem?.seq, 5);
});

test('deleting a line names the entry after the gap', async () => {
  const { file, lines } = await oneFile();
  lines.splice(4, 1);
  writeLinesTo(file, lines);
  const r = await verifyLog([file]);
  assert.equal(r.problem?.kind, 'missing');
  assert.equal(r.problem?.line, 5);
  assert.match(r.problem?.message ?? '', /seq 4 is missing/);
});

test('reordering two lines is found', async () => {
  const { file, lines } = await oneFile();
  [lines[4], lines[5]] = [lines[5] as string, lines[4] as string];
  writeLinesTo(file, lines);
  const r = await verifyLog([file]);
  assert.equal(r.status, 'broken');
  assert.equal(r.problem?.line, 5);
  assert.ok(r.problem?.kind === 'missing' || r.problem?.kind === 'out-of-order');
});

test('inserting a copied line is found', async () => {
  const { file, lines } = await oneFile();
  lines.splice(5, 0, lines[4] as string);
  writeLinesTo(file, lines);
  const r = await verifyLog([file]);
  assert.equal(r.problem?.kind, 'out-of-order');
  assert.equal(r.problem?.line, 6);
});

test('inserting a well-formed forged entry is found', async () => {
  const { file, lines } = await oneFile();
  const prev = JSON.parse(lines[4] as string) as AuditEntry;
  const forged = serializeEntry({ v: 1, seq: prev.seq + 1, ts: prev.ts, prev: prev.hash }, decided(77));
  lines.splice(5, 0, forged.line.trimEnd());
  writeLinesTo(file, lines);
  const r = await verifyLog([file]);
  assert.equal(r.problem?.kind, 'out-of-order');
  assert.equal(r.problem?.line, 7);
});

test('a garbage line, an empty line and CRLF line endings are all damage', async () => {
  for (const mutate of [
    (l: string[]) => l.splice(3, 0, 'not json at all'),
    (l: string[]) => l.splice(3, 0, ''),
    (l: string[]) => (l[3] = `${l[3] as string}\r`),
  ]) {
    const { file, lines } = await oneFile();
    mutate(lines);
    writeLinesTo(file, lines);
    const r = await verifyLog([file]);
    assert.equal(r.status, 'broken');
    assert.equal(r.problem?.line, 4);
  }
});

test('removing the first line is found', async () => {
  const { file, lines } = await oneFile();
  writeLinesTo(file, lines.slice(1));
  const r = await verifyLog([file]);
  assert.equal(r.problem?.kind, 'start');
  assert.equal(r.problem?.line, 1);
});

test('truncating the file mid-way shows as a torn line in the newest file, as damage in an older one', async () => {
  const { files } = await writeLog(40, { maxFileBytes: 4000 });
  assert.ok(files.length >= 2);
  const newest = files[files.length - 1] as string;
  const older = files[0] as string;

  const full = readFileSync(older);
  truncateSync(older, Math.floor(full.length / 2));
  const r = await verifyLog(files);
  assert.equal(r.status, 'broken');
  assert.equal(r.problem?.kind, 'truncated');
  assert.equal(r.problem?.file, older);
  writeFileSync(older, full);

  truncateSync(newest, Math.floor(statSync(newest).size / 2) + 1);
  const t = await verifyLog(files);
  assert.equal(t.status, 'torn');
  assert.equal(t.torn?.file, newest);
});

test('cutting whole lines off the end is caught with an anchor', async () => {
  const { file, lines } = await oneFile();
  const head = (JSON.parse(lines[9] as string) as AuditEntry).hash;
  assert.equal((await verifyLog([file], { anchor: head.slice(0, 12) })).status, 'intact');
  writeLinesTo(file, lines.slice(0, 7));
  const plain = await verifyLog([file]);
  assert.equal(plain.status, 'intact'); // nothing in the file itself can show it
  const anchored = await verifyLog([file], { anchor: head });
  assert.equal(anchored.problem?.kind, 'anchor');
});

test('files given out of order, or with contents swapped between names, are found', async () => {
  const { dir, files } = await writeLog(30, { maxFileBytes: 2000 });
  assert.ok(files.length >= 3);
  const [a, b, c] = files as [string, string, string];
  const reversed = await verifyLog([b, a, ...files.slice(2)]);
  assert.equal(reversed.status, 'broken');
  assert.equal(reversed.problem?.file, a);

  renameSync(a, join(dir, 'tmp'));
  renameSync(c, a);
  renameSync(join(dir, 'tmp'), c);
  const swapped = await verifyLog(await listLogFiles(dir));
  assert.equal(swapped.status, 'broken');
  assert.equal(swapped.problem?.file, b);
});

test('a missing middle file is found', async () => {
  const { files } = await writeLog(30, { maxFileBytes: 2000 });
  const r = await verifyLog([files[0] as string, ...files.slice(2)]);
  assert.equal(r.problem?.kind, 'missing');
  assert.equal(r.problem?.line, 1);
  assert.equal(r.problem?.file, files[2]);
});

test('a torn last line never hides damage before it', async () => {
  const { file, lines } = await oneFile();
  lines[2] = (lines[2] as string).replace('step 1', 'step 9');
  writeLinesTo(file, lines);
  appendFileSync(file, '{"v":1,"seq":10,"ts"');
  const r = await verifyLog([file]);
  assert.equal(r.status, 'broken');
  assert.equal(r.problem?.kind, 'edited');
  assert.equal(r.problem?.line, 3);
});

test('a segment header in the middle of a file is damage', async () => {
  const { file, lines } = await oneFile();
  lines.splice(3, 0, lines[0] as string);
  writeLinesTo(file, lines);
  const r = await verifyLog([file]);
  assert.equal(r.problem?.kind, 'segment');
  assert.equal(r.problem?.line, 4);
});
