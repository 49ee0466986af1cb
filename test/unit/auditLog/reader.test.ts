import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '../../../src/audit';
import { exportText, readItems, verifyDir } from '../../../src/extension/auditLog/auditLogReader';

const request = (agent: 'claude' | 'gemini', risk: 'safe' | 'sensitive', summary: string) => ({ agent, tool: 'Bash', kind: 'shell' as const, summary, risk, rules: [] });

async function sampleLog(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cs-auditview-'));
  const log = await AuditLog.open({ dir });
  await log.append({ type: 'decision', id: 'a', request: request('claude', 'safe', 'ls'), decision: { decision: 'allow', decidedBy: 'policy', reason: 'ok' } });
  await log.append({ type: 'request', id: 'b', request: request('gemini', 'sensitive', 'cat .env') });
  await log.append({ type: 'decision', id: 'b', decision: { decision: 'deny', decidedBy: 'human', reason: 'no' } });
  await log.append({ type: 'request', id: 'c', request: request('claude', 'sensitive', 'chmod 777 x') });
  await log.close();
  return dir;
}

test('the view lists requests newest first and filters by agent, risk and decision', async () => {
  const dir = await sampleLog();
  try {
    const all = await readItems(dir, {});
    assert.deepEqual(all.items.map((i) => i.id), ['c', 'b', 'a']);
    assert.deepEqual((await readItems(dir, { agents: ['gemini'] })).items.map((i) => i.id), ['b']);
    assert.deepEqual((await readItems(dir, { risks: ['sensitive'], decisions: ['pending'] })).items.map((i) => i.id), ['c']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('verify reports an intact chain, then names the broken line after an edit', async () => {
  const dir = await sampleLog();
  try {
    assert.equal((await verifyDir(dir)).chains[0]?.status, 'intact');
    const file = join(dir, readdirSync(dir).find((f) => f.endsWith('.jsonl'))!);
    writeFileSync(file, readFileSync(file, 'utf8').replace('cat .env', 'cat .nev'));
    const broken = (await verifyDir(dir)).chains[0]!;
    assert.equal(broken.status, 'broken');
    assert.match(broken.message, /Broken at .*:3/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('export gives the stored lines (JSONL) or a quoted CSV with a header, filtered', async () => {
  const dir = await sampleLog();
  try {
    const jsonl = (await exportText(dir, 'jsonl', {})).trim().split('\n');
    assert.ok(jsonl.length >= 5);
    for (const line of jsonl) assert.ok(JSON.parse(line));
    const csv = (await exportText(dir, 'csv', { agents: ['gemini'] })).trim().split('\n');
    assert.match(csv[0]!, /^"?seq"?,/);
    assert.ok(csv.slice(1).every((l) => l.includes('gemini')));
    assert.equal((await verifyDir(join(dir, 'missing'))).chains[0]?.status, 'empty');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
