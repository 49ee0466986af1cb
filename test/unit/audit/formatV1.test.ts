// Logs written before a change of the row shape keep verifying, reading and exporting. The fixture
// (test/fixtures/audit-v1) was written by the real Gate and AuditLog of December 2026 (before reuse was marked):
// a policy allow, a human allow with click-through, a sensitive allow, a human deny, a repeat of that call answered
// again, a rule allow, an unparsable payload and a blocked command, rotated over four files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { AuditLog, csvHeader, entryProblem, exportEntries, listLogFiles, parseLine, readHistory, verifyLog, type AuditRow } from '../../../src/audit';
import type { ToAuditView } from '../../../src/protocol/auditLogMessages';
import { tempDir } from './helpers';

const FIXTURE = resolve('test/fixtures/audit-v1');
const CLI = resolve(process.env.COUNTERSIGN_CLI ?? 'dist/cli.js');
/** The head of the fixture's chain, as the writer reported it. */
const HEAD = '4f0330c0e098eebf167a7f51f469c81d2c2c371598e39eb2d1c5bc3a06290143';

function cli(...args: string[]) {
  assert.ok(existsSync(CLI), `${CLI} is missing: run node scripts/build.mjs first`);
  return spawnSync(process.execPath, [CLI, 'audit', ...args], { encoding: 'utf8' });
}

test('the v1 fixture verifies intact, to its recorded head, in the library and through `countersign audit verify`', async () => {
  const files = await listLogFiles(FIXTURE);
  assert.equal(files.length, 4);
  const r = await verifyLog(files, { anchor: HEAD });
  assert.equal(r.status, 'intact', JSON.stringify(r.problem));
  assert.equal(r.entries, 19);
  assert.equal(r.last?.hash, HEAD);
  const out = cli('verify', '--anchor', HEAD, FIXTURE);
  assert.equal(out.status, 0, out.stderr);
  assert.match(out.stdout, /^intact: 19 entries in 4 files, seq 0\.\.18, head 4f0330c0/);
});

test('every v1 line is still a well-formed entry', async () => {
  for (const file of await listLogFiles(FIXTURE)) {
    for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
      const parsed = parseLine(Buffer.from(line));
      assert.ok(parsed.ok, `${file}: ${parsed.ok ? '' : parsed.message}`);
      assert.equal(entryProblem(JSON.parse(line)), undefined, line);
    }
  }
});

test('v1 rows read back as the one row shape, decisions joined to their requests across rotations', async () => {
  const rows: AuditRow[] = await readHistory(FIXTURE);
  const view: ToAuditView = { type: 'items', items: rows, dir: FIXTURE, filter: {}, truncated: false };
  assert.equal(view.items.length, 8);
  const told = rows.map((r) => [r.request?.summary, r.decision?.decision, r.decision?.decidedBy, r.decision?.reused]);
  assert.deepEqual(told.reverse(), [
    ['ls -la', 'allow', 'policy', undefined],
    ['git push', 'allow', 'human', undefined],
    ['chmod 777 deploy.sh', 'allow', 'human', undefined],
    ['cat .env', 'deny', 'human', undefined],
    // Written before reuse was marked: the repeat reads as a human answer, and nothing invents a mark for it.
    ['cat .env', 'deny', 'human', undefined],
    ['git push origin main', 'allow', 'rule', undefined],
    ['payload is not JSON', 'deny', 'policy', undefined],
    ['rm -rf /', 'deny', 'policy', undefined],
  ]);
});

test('export of a v1 log: jsonl is the stored lines byte for byte, csv has a row per entry', async () => {
  const files = await listLogFiles(FIXTURE);
  const stored = files.map((f) => readFileSync(f, 'utf8')).join('');
  const jsonl = cli('export', FIXTURE);
  assert.equal(jsonl.status, 0, jsonl.stderr);
  assert.equal(jsonl.stdout, stored);
  const csv = cli('export', '--format', 'csv', FIXTURE);
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.split('\r\n').filter(Boolean);
  assert.equal(`${lines[0]}\r\n`, csvHeader());
  assert.equal(lines.length, 1 + 19);
  let exported = 0;
  for await (const e of exportEntries(files, {})) exported += e.raw.length > 0 ? 1 : 0;
  assert.equal(exported, 19);
});

test('the writer of today continues a v1 chain, and the whole verifies', async () => {
  const dir = tempDir();
  cpSync(FIXTURE, dir, { recursive: true });
  const log = await AuditLog.open({ dir, maxFileBytes: 2500 });
  await log.append({ type: 'note', topic: 'gate', message: 'started' });
  await log.append({
    type: 'decision',
    id: 'after-upgrade',
    request: { agent: 'claude', tool: 'Bash', kind: 'shell', summary: 'ls', risk: 'safe', rules: [] },
    decision: { decision: 'allow', decidedBy: 'policy', reason: 'allowed' },
  });
  await log.close();
  const files = await listLogFiles(dir);
  const r = await verifyLog(files, { anchor: HEAD });
  assert.equal(r.status, 'intact', JSON.stringify(r.problem));
  assert.equal(r.entries, 21);
  assert.equal(cli('verify', dir).status, 0);
  assert.equal(readFileSync(join(dir, 'audit-000001.jsonl'), 'utf8'), readFileSync(join(FIXTURE, 'audit-000001.jsonl'), 'utf8'));
});
