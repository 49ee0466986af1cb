import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AuditLog, csvCell, csvHeader, csvRow, exportEntries, historyFromEntries, listLogFiles, matchesFilter, readFileEntries, readHistory,
  type AuditFilter, type ExportedEntry,
} from '../../../src/audit';
import { readLinesOf, request, tempDir } from './helpers';

/** claude: safe allow; cursor: sensitive denied by a human; gemini: review, still pending; plus a note. */
async function mixedLog(opts: { maxFileBytes?: number } = {}): Promise<string> {
  const dir = tempDir();
  const log = await AuditLog.open({ dir, ...opts });
  await log.append({ type: 'decision', id: 'a', request: request(1), decision: { decision: 'allow', decidedBy: 'policy', reason: 'allowed by policy' } });
  await log.append({ type: 'request', id: 'b', request: request(2, { agent: 'cursor', risk: 'sensitive', rules: ['secret.path', 'perm.chmod'], summary: '=cmd|calc, "quoted"\nnext' }) });
  await log.append({ type: 'request', id: 'c', request: request(3, { agent: 'gemini', risk: 'review' }) });
  await log.append({ type: 'note', topic: 'gate', message: 'policy reloaded' });
  await log.append({ type: 'decision', id: 'b', decision: { decision: 'deny', decidedBy: 'human', reason: 'denied by the reviewer' } });
  await log.close();
  return dir;
}

async function collect(files: string[], filter: AuditFilter): Promise<ExportedEntry[]> {
  const out: ExportedEntry[] = [];
  for await (const e of exportEntries(files, filter)) out.push(e);
  return out;
}

test('jsonl export without filters is every line exactly as stored', async () => {
  const files = await listLogFiles(await mixedLog());
  const out = await collect(files, {});
  assert.deepEqual(out.map((e) => e.raw), readLinesOf(files[0] as string));
});

test('filters select request and decision entries by their joined request', async () => {
  const files = await listLogFiles(await mixedLog());
  const ids = async (f: AuditFilter) => (await collect(files, f)).map((e) => `${e.entry.type}:${e.entry.type === 'request' || e.entry.type === 'decision' ? e.entry.id : ''}`);
  assert.deepEqual(await ids({ agents: ['cursor'] }), ['request:b', 'decision:b']);
  assert.deepEqual(await ids({ decisions: ['deny'] }), ['request:b', 'decision:b'], 'the request before a deny is kept');
  assert.deepEqual(await ids({ decisions: ['pending'] }), ['request:c']);
  assert.deepEqual(await ids({ risks: ['safe', 'review'] }), ['decision:a', 'request:c']);
  assert.deepEqual(await ids({ agents: ['claude'], decisions: ['deny'] }), []);
});

test('csv: header, every cell quoted, quotes doubled, newlines kept inside quotes, formulas defused', async () => {
  const files = await listLogFiles(await mixedLog());
  const rows = (await collect(files, { agents: ['cursor'] })).map((e) => csvRow(e.entry, e.item));
  assert.equal(csvHeader(), '"seq","ts","type","id","agent","tool","kind","risk","rules","summary","decision","decided_by","reason","detail","hash","chain","reused_seq"\r\n');
  assert.ok(rows[0]?.includes(`"'=cmd|calc, ""quoted""\nnext"`), rows[0]);
  assert.ok(rows[0]?.includes('"secret.path perm.chmod"'));
  // The decision row carries its request's columns from the join.
  assert.match(rows[1] ?? '', /^"\d+","[^"]+","decision","b","cursor","Bash","shell","sensitive",[\s\S]*"deny","human","denied by the reviewer"/);
  for (const row of rows) assert.ok(row.endsWith('\r\n'));
});

test('csv cells that a spreadsheet would evaluate get a leading quote', () => {
  assert.equal(csvCell('=1+1'), `"'=1+1"`);
  assert.equal(csvCell('+SUM(A1)'), `"'+SUM(A1)"`);
  assert.equal(csvCell('-2+3'), `"'-2+3"`);
  assert.equal(csvCell('@cmd'), `"'@cmd"`);
  assert.equal(csvCell('\t=x'), `"'\t=x"`);
  assert.equal(csvCell('safe text, "with" quotes'), '"safe text, ""with"" quotes"');
  assert.equal(csvCell(undefined), '""');
  assert.equal(csvCell(12), '"12"');
});

test('history joins request and decision by id, newest first, pending included', async () => {
  const dir = await mixedLog();
  const items = await readHistory(dir);
  assert.deepEqual(items.map((i) => [i.id, i.request?.agent, i.decision?.decision ?? 'pending']), [
    ['b', 'cursor', 'deny'],
    ['c', 'gemini', 'pending'],
    ['a', 'claude', 'allow'],
  ]);
  const b = items[0];
  assert.ok(b?.receivedAt && b.decidedAt && b.receivedAt <= b.decidedAt);
  assert.deepEqual((await readHistory(dir, { filter: { decisions: ['pending'] } })).map((i) => i.id), ['c']);
  assert.deepEqual((await readHistory(dir, { limit: 1 })).map((i) => i.id), ['b']);
});

test('history finds a request across a rotation and stops reading old files once it has enough', async () => {
  const dir = tempDir();
  const log = await AuditLog.open({ dir, maxFileBytes: 1500 });
  for (let i = 0; i < 40; i++) {
    await log.append({ type: 'request', id: `r${i}`, request: request(i, { risk: 'review' }) });
    await log.append({ type: 'decision', id: `r${i}`, decision: { decision: i % 2 ? 'allow' : 'deny', decidedBy: 'human', reason: 'r' } });
  }
  await log.close();
  const files = await listLogFiles(dir);
  assert.ok(files.length > 5);
  const items = await readHistory(dir, { limit: 5 });
  assert.deepEqual(items.map((i) => i.id), ['r39', 'r38', 'r37', 'r36', 'r35']);
  assert.ok(items.every((i) => i.request && i.decision));
  const all = historyFromEntries((await Promise.all(files.map(readFileEntries))).flat(), { decisions: ['deny'] });
  assert.equal(all.length, 20);
});

test('matchesFilter: empty filter matches all; an item without its request fails agent and risk filters', () => {
  const item = { decision: { decision: 'allow' as const, decidedBy: 'policy' as const, reason: '' } };
  assert.ok(matchesFilter(item, {}));
  assert.ok(matchesFilter(item, { decisions: ['allow'] }));
  assert.ok(!matchesFilter(item, { agents: ['claude'] }));
  assert.ok(!matchesFilter(item, { risks: ['safe'] }));
});
