import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '../../../src/audit';
import { previousDecisions } from '../../../src/extension/auditHistory';

test("the panel's history after a restart: earlier reviewed decisions from the audit log, newest first", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-history-'));
  try {
    const log = await AuditLog.open({ dir });
    const req = (summary: string, risk: 'safe' | 'review' | 'sensitive') => ({ agent: 'claude' as const, tool: 'Bash', kind: 'shell' as const, summary, risk, rules: [] });
    await log.append({ type: 'decision', id: 'p', request: req('ls', 'safe'), decision: { decision: 'allow', decidedBy: 'policy', reason: 'ok' } });
    await log.append({ type: 'request', id: 'h', request: req('cat .env', 'sensitive') });
    await log.append({ type: 'decision', id: 'h', decision: { decision: 'deny', decidedBy: 'human', reason: 'no' } });
    await log.append({ type: 'request', id: 't', request: req('npm install x', 'review') });
    await log.append({ type: 'decision', id: 't', decision: { decision: 'deny', decidedBy: 'timeout', reason: 'late' } });
    await log.append({ type: 'request', id: 'w', request: req('sudo ls', 'sensitive') });
    await log.close();
    const entries = await previousDecisions(dir);
    assert.deepEqual(entries.map((e) => [e.id, e.decision, e.decidedBy]), [['t', 'deny', 'timeout'], ['h', 'deny', 'human']]);
    assert.equal(entries[1]?.summary, 'cat .env');
    assert.ok(entries.every((e) => Number.isFinite(e.decidedAt) && Number.isFinite(e.receivedAt)));
    assert.deepEqual(await previousDecisions(join(dir, 'none')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
