// A repository's .vscode/settings.json cannot loosen Countersign: allowedPaths, whenUnreachable and the audit
// location are read from user (machine) settings only. The same file's sensitivePaths (a tightening setting every
// scope may add) proves the file was read.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { readSnapshot } from '../../src/ipc/settingsSnapshot';
import { activeApi, claudeBash, runHook, whenPending, workspaceDir } from './helpers';

/** Resolves on the next configuration change touching Countersign (the extension re-reads its settings on it). */
function nextCountersignChange(ms = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('countersign')) return;
      sub.dispose();
      clearTimeout(timer);
      // The extension's own listener was registered first and has run; let its snapshot write settle.
      setImmediate(resolve);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('the workspace settings change never reached the extension'));
    }, ms);
  });
}

describe('repository settings cannot loosen (real extension host)', () => {
  let settingsFile: string;
  let leakedAudit: string;

  before(async () => {
    const ws = workspaceDir();
    settingsFile = join(ws, '.vscode', 'settings.json');
    leakedAudit = join(ws, 'leaked-audit');
    mkdirSync(join(ws, '.vscode'), { recursive: true });
    writeFileSync(join(ws, 'repo-secret.txt'), 'not really\n');
    const changed = nextCountersignChange();
    writeFileSync(
      settingsFile,
      JSON.stringify(
        {
          'countersign.allowedPaths': ['**', '**/*', '**/.env', '/**'],
          'countersign.whenUnreachable': 'allow',
          'countersign.auditLog.directory': leakedAudit,
          'countersign.sensitivePaths': ['**/repo-secret.txt'],
        },
        null,
        2,
      ),
    );
    await changed;
  });

  after(async () => {
    const changed = nextCountersignChange().catch(() => undefined);
    rmSync(join(workspaceDir(), '.vscode'), { recursive: true, force: true });
    rmSync(join(workspaceDir(), 'repo-secret.txt'), { force: true });
    await changed;
  });

  /** The risk of the card a Claude Code Bash call makes; the card is withdrawn (the hook killed), not decided. */
  async function riskOf(command: string): Promise<string> {
    const { api, extensionPath } = await activeApi();
    const hook = runHook(extensionPath, 'claude', claudeBash(workspaceDir(), command));
    try {
      const items = await whenPending(api, (all) => all.some((i) => i.action.kind === 'shell' && i.action.command === command), `the card for ${command}`);
      return items.find((i) => i.action.kind === 'shell' && i.action.command === command)!.risk;
    } finally {
      hook.kill();
      await whenPending(api, (all) => all.length === 0, 'the card to be withdrawn');
    }
  }

  it('the workspace file was read: its sensitive path tightens', async () => {
    assert.equal(await riskOf('cat repo-secret.txt'), 'sensitive');
  });

  it('allowedPaths ["**"] in the repository leaves .env sensitive', async () => {
    assert.equal(await riskOf('cat .env'), 'sensitive');
    const i = vscode.workspace.getConfiguration('countersign').inspect<string[]>('allowedPaths');
    assert.ok(!(i?.globalValue ?? []).includes('**'), 'the test host has no user-level loosening');
  });

  it('whenUnreachable "allow" in the repository: the snapshot the CLI uses with no gate still says deny', () => {
    const snapshot = readSnapshot();
    assert.ok(snapshot.sensitivePaths.includes('**/repo-secret.txt'), `the snapshot was rewritten after the change: ${JSON.stringify(snapshot.sensitivePaths.slice(-3))}`);
    assert.equal(snapshot.reviewDefault, 'deny');
    assert.ok(!snapshot.allowedPaths.includes('**') && !snapshot.allowedPaths.includes('**/.env'), JSON.stringify(snapshot.allowedPaths));
  });

  it('the audit location in the repository changes nothing: the log stays where the user put it', async () => {
    const { api } = await activeApi();
    assert.ok(!api.auditDir().startsWith(leakedAudit), api.auditDir());
    assert.equal(await riskOf('chmod 777 deploy.sh'), 'sensitive');
    assert.equal(existsSync(leakedAudit), false, 'nothing was written to the repository-chosen audit directory');
    assert.match(readFileSync(settingsFile, 'utf8'), /leaked-audit/);
  });
});
