// The CLI contract, through the built bundle (`node scripts/build.mjs` makes dist/cli.js; `npm run test:unit` does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AuditLog } from '../../../src/audit';
import { readLinesOf, request, writeLinesTo, writeLog, tempDir } from './helpers';

// COUNTERSIGN_CLI: another build of the CLI (a local check while dist cannot be built).
const CLI = resolve(process.env.COUNTERSIGN_CLI ?? 'dist/cli.js');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  assert.ok(existsSync(CLI), `${CLI} is missing: run node scripts/build.mjs first`);
  const r = spawnSync(process.execPath, [CLI, 'audit', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('verify: exit 0 and a one-line summary for an intact log (files or a directory)', async () => {
  const { dir, files } = await writeLog(9, { maxFileBytes: 1500 });
  const byFiles = cli('verify', ...files);
  assert.equal(byFiles.code, 0, byFiles.stderr);
  assert.match(byFiles.stdout, new RegExp(`^intact: ${9 + files.length} entries in ${files.length} files, seq 0\\.\\.${8 + files.length}, head [0-9a-f]{64}\\n$`));
  assert.equal(cli('verify', dir).stdout, byFiles.stdout);
});

test('verify: exit 1 naming file, line, seq and what is wrong', async () => {
  const { files } = await writeLog(9);
  const file = files[0] as string;
  const lines = readLinesOf(file);
  lines.splice(4, 1);
  writeLinesTo(file, lines);
  const r = cli('verify', file);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`^broken: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 5 \\(seq 5\\): expected seq 4, found 5: entry seq 4 is missing .*\\[missing\\]; 4 entries before it verified\\n$`));
});

test('verify: a torn last line exits 3 and says so; earlier damage still exits 1', async () => {
  const { files } = await writeLog(9);
  const file = files[0] as string;
  appendFileSync(file, '{"v":1,"seq":10');
  const torn = cli('verify', file);
  assert.equal(torn.code, 3);
  assert.match(torn.stderr, /^torn: .* line 11: incomplete last line \(15 bytes, no newline\): a crash during an append; the 10 entries before it are intact/);

  const lines = readLinesOf(file);
  lines[1] = (lines[1] as string).replace('step 0', 'step 1');
  writeLinesTo(file, lines.slice(0, 10));
  appendFileSync(file, lines[10] as string);
  const both = cli('verify', file);
  assert.equal(both.code, 1);
  assert.match(both.stderr, /line 2 \(seq 1\).*\[edited\]/);
});

test('verify: a recovered tear is intact and mentioned; --json gives the full result', async () => {
  const { dir, files } = await writeLog(3);
  appendFileSync(files[0] as string, '{"v":1');
  const log = await AuditLog.open({ dir });
  await log.close();
  const r = cli('verify', dir);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^intact: 5 entries .*a torn write \(6 bytes\) was cut off by the writer after a crash/);
  const j = cli('verify', '--json', dir);
  const parsed = JSON.parse(j.stdout) as { status: string; entries: number; recovered: unknown[] };
  assert.equal(parsed.status, 'intact');
  assert.equal(parsed.recovered.length, 1);
});

test('verify: --anchor catches lines cut off the end', async () => {
  const { files } = await writeLog(5);
  const file = files[0] as string;
  const lines = readLinesOf(file);
  const head = (JSON.parse(lines[5] as string) as { hash: string }).hash;
  assert.equal(cli('verify', '--anchor', head, file).code, 0);
  writeLinesTo(file, lines.slice(0, 4));
  const r = cli('verify', '--anchor', head.slice(0, 10), file);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /\[anchor\]/);
});

test('verify: usage and I/O errors exit 2', () => {
  assert.equal(cli('verify').code, 2);
  assert.equal(cli('verify', '/nonexistent/countersign.jsonl').code, 2);
  assert.equal(cli('verify', '--anchor', 'xyz', '/tmp').code, 2);
  assert.equal(cli('frobnicate').code, 2);
  assert.equal(cli('verify', tempDir()).code, 2, 'a directory without log files');
});

test('export: jsonl as stored, csv with header, filters, bad values rejected', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  await log.append({ type: 'decision', id: 'a', request: request(1), decision: { decision: 'allow', decidedBy: 'policy', reason: 'ok' } });
  await log.append({ type: 'decision', id: 'b', request: request(2, { agent: 'codex', risk: 'blocked', summary: '@evil' }), decision: { decision: 'deny', decidedBy: 'policy', reason: 'blocked' } });
  await log.close();

  const jsonl = cli('export', '--format', 'jsonl', dir);
  assert.equal(jsonl.code, 0);
  assert.equal(jsonl.stdout.split('\n').filter(Boolean).length, 3);

  const csv = cli('export', '--format', 'csv', '--agent', 'codex', '--decision', 'deny,allow', dir);
  assert.equal(csv.code, 0);
  const rows = csv.stdout.split('\r\n').filter(Boolean);
  assert.equal(rows.length, 2);
  assert.ok(rows[0]?.startsWith('"seq","ts","type"'));
  assert.match(rows[1] ?? '', /"codex".*"'@evil"/);

  assert.equal(cli('export', '--risk', 'dangerous', dir).code, 2);
  assert.equal(cli('export', '--format', 'xml', dir).code, 2);
  assert.equal(cli('export', '--risk', 'safe', '--agent', 'claude', dir).stdout.split('\n').filter(Boolean).length, 1);
});

test('verify and export: a directory with two chains side by side checks each', async () => {
  const dir = tempDir();
  const [a, b] = [await AuditLog.open({ dir }), await AuditLog.open({ dir })];
  await a.append({ type: 'decision', id: 'x', request: request(1), decision: { decision: 'allow', decidedBy: 'policy', reason: 'ok' } });
  await b.append({ type: 'decision', id: 'y', request: request(2), decision: { decision: 'allow', decidedBy: 'policy', reason: 'ok' } });
  await Promise.all([a.close(), b.close()]);
  const ok = cli('verify', dir);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal(ok.stdout.split('\n').filter((l) => l.startsWith('intact: 2 entries')).length, 2);
  const csv = cli('export', '--format', 'csv', dir).stdout.split('\r\n').filter(Boolean);
  assert.equal(csv.length, 5);
  assert.ok(csv[4]?.endsWith('"audit.2",""'), 'chain, then an empty reused_seq');

  const file = join(dir, 'audit.2-000001.jsonl');
  writeLinesTo(file, readLinesOf(file).map((l) => l.replace('step 2', 'step 3')));
  const broken = cli('verify', dir);
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /^intact: 2 entries/);
  assert.match(broken.stderr, /^broken: .*audit\.2-000001\.jsonl line 2/);
  assert.equal(cli('verify', dir, dir).code, 2, 'a directory with several chains must be given alone');
});
