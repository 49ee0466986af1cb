// Every decision lands in the workspace's hash-chained audit log, and "Show Audit Log" opens it.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { listLogFiles } from '../../src/audit';
import { verifyDir, readItems } from '../../src/extension/auditLog/auditLogReader';
import { activeApi, claudeBash, runHook, whenPending, workspaceDir } from './helpers';

describe('audit log (real extension host)', () => {
  it('records a reviewed request and its decision before the agent is answered, in an intact chain', async () => {
    const { api, extensionPath } = await activeApi();
    const hook = runHook(extensionPath, 'claude', claudeBash(workspaceDir(), 'chmod 700 deploy.sh'));
    const [item] = await whenPending(api, (items) => items.length === 1, 'the card');
    assert.ok(item && api.testing?.decide(item.id, 'deny'));
    await hook.done;
    const { items } = await readItems(api.auditDir(), {});
    const logged = items.find((i) => i.id === item.id);
    assert.equal(logged?.request?.summary, 'chmod 700 deploy.sh');
    assert.equal(logged?.decision?.decision, 'deny');
    assert.equal(logged?.decision?.decidedBy, 'human');
    assert.equal((await verifyDir(api.auditDir())).chains[0]?.status, 'intact');
  });

  it("keeps the newest entry's hash outside the log, so cutting off the newest entries is detected", async () => {
    const { api } = await activeApi();
    const dir = api.auditDir();
    const files = (await listLogFiles(dir)).filter((f) => f.endsWith('.jsonl'));
    const last = files[files.length - 1]!;
    // The gate reports its head after each append: wait until the anchor names the log's last line.
    const lastHash = () => (JSON.parse(readFileSync(last, 'utf8').trim().split('\n').pop()!) as { hash: string }).hash;
    for (let i = 0; i < 50 && api.auditAnchor() !== lastHash(); i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(api.auditAnchor(), lastHash());
    assert.equal((await verifyDir(dir, () => api.auditAnchor())).chains[0]?.status, 'intact');
    // A copy of the log with its newest entry cut off still chains perfectly, but misses the anchor.
    const copy = mkdtempSync(join(tmpdir(), 'cs-cut-'));
    try {
      for (const f of files) copyFileSync(f, join(copy, basename(f)));
      const lines = readFileSync(join(copy, basename(last)), 'utf8').trim().split('\n');
      writeFileSync(join(copy, basename(last)), lines.slice(0, -1).join('\n') + '\n');
      assert.equal((await verifyDir(copy)).chains[0]?.status, 'intact', 'without the anchor the cut is invisible');
      const cut = (await verifyDir(copy, () => api.auditAnchor())).chains[0]!;
      assert.equal(cut.status, 'broken');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('"Show Audit Log" opens the log in an editor tab', async () => {
    const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.label);
    // The webview tab can appear a moment after the command returns: wait for it, event-driven.
    const opened = new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        sub.dispose();
        if (err) reject(err);
        else resolve();
      };
      const timer = setTimeout(() => done(new Error(`no audit log tab; tabs: ${labels().join(', ')}`)), 15_000);
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => labels().includes('Countersign Audit Log') && done());
    });
    await vscode.commands.executeCommand('countersign.showAuditLog');
    if (labels().includes('Countersign Audit Log')) void opened.catch(() => undefined);
    else await opened;
    assert.ok(labels().includes('Countersign Audit Log'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
