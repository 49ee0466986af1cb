// Every decision lands in the workspace's hash-chained audit log, and "Show Audit Log" opens it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
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
