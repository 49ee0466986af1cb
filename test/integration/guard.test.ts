// Is this window guarding? The check runs at start and again when a settings file changes, inside the workspace
// or in the home folder, and a killed gate is loud: the status bar, the Agents section and a notification say so.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { applyChanges, planConnection, planDisconnection } from '../../src/agents/connect';
import type { CountersignApi } from '../../src/extension/ctx';
import { activeApi, workspaceDir } from './helpers';

type Guard = ReturnType<CountersignApi['guard']>;

/** Resolves once the guard state satisfies `ok`: on the extension's own change events, no polling. */
function whenGuard(api: CountersignApi, ok: (g: Guard) => boolean, what: string, ms = 20_000): Promise<Guard> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const g = api.guard();
      if (!ok(g)) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(g);
    };
    const sub = api.onDidChangeGuard(check);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for: ${what}; now ${JSON.stringify(api.guard().agents.find((a) => a.agent === 'claude'))} status ${api.guard().status.text}`));
    }, ms);
    check();
  });
}

const claude = (g: Guard) => g.agents.find((a) => a.agent === 'claude')!;

describe('guard check and gate state (real extension host)', () => {
  const userSettings = join(homedir(), '.claude', 'settings.json');
  const projectSettings = () => join(workspaceDir(), '.claude', 'settings.json');
  let created: ReturnType<typeof applyChanges> = [];

  after(() => {
    rmSync(projectSettings(), { force: true });
    applyChanges(planDisconnection(['claude'], { home: homedir() }, () => created[0]?.plan.created ?? []));
  });

  it('runs at start: the gate is running and the status bar shows the shield', async () => {
    const { api } = await activeApi();
    const g = await whenGuard(api, (x) => x.gate === 'running', 'a running gate');
    assert.equal(claude(g).connected, false);
    assert.match(g.status.text, /\$\(shield\)/);
  });

  it('a connected Claude Code is guarded; a repository disableAllHooks makes the Agents section and the status bar say "not guarding", with a notification', async () => {
    const { api } = await activeApi();
    created = applyChanges(planConnection(['claude'], 'user', { home: homedir() }, api.shimPath()));
    let g = await whenGuard(api, (x) => claude(x).connected && claude(x).guarded === true, 'Claude Code connected and guarded (watcher on ~/.claude)');
    assert.equal(g.status.command, 'countersign.showReviews');

    mkdirSync(join(workspaceDir(), '.claude'), { recursive: true });
    writeFileSync(projectSettings(), '{\n  "disableAllHooks": true\n}\n');
    g = await whenGuard(api, (x) => claude(x).guarded === false, 'Claude Code not guarded (watcher on the workspace)');
    const problem = claude(g).problems!.find((p) => p.disables)!;
    assert.deepEqual([problem.file, problem.setting], [projectSettings(), 'disableAllHooks']);
    assert.equal(g.status.text, '$(warning) Countersign: not guarding Claude Code');
    assert.equal(g.status.background, 'warning');
    assert.ok(api.testing!.guardNotifications().some((n) => n.startsWith('Countersign is not guarding Claude Code: disableAllHooks in .claude/settings.json')), api.testing!.guardNotifications().join('\n'));

    rmSync(projectSettings());
    g = await whenGuard(api, (x) => claude(x).guarded === true, 'guarded again once the file is gone');
    assert.match(g.status.text, /\$\(shield\)/);
  });

  it('a change outside the workspace (~/.claude/settings.json) is seen too', async () => {
    const { api } = await activeApi();
    const original = readFileSync(userSettings, 'utf8');
    const settings = JSON.parse(original) as Record<string, unknown>;
    writeFileSync(userSettings, JSON.stringify({ ...settings, disableAllHooks: true }, null, 2));
    const g = await whenGuard(api, (x) => claude(x).guarded === false, 'not guarded after the user settings change');
    assert.equal(claude(g).problems!.find((p) => p.disables)!.file, userSettings);
    writeFileSync(userSettings, original);
    await whenGuard(api, (x) => claude(x).guarded === true, 'guarded after the user settings are restored');
  });

  it('a killed gate is loud: status bar, notification with Restart Gate; Restart Gate brings it back', async () => {
    const { api } = await activeApi();
    const pid = api.gateStatus()?.pid;
    assert.ok(pid);
    process.kill(pid, 'SIGKILL');
    const g = await whenGuard(api, (x) => x.gate === 'stopped', 'the gate reported stopped');
    assert.equal(g.status.text, '$(error) Countersign: gate stopped');
    assert.equal(g.status.command, 'countersign.restartGate');
    assert.ok(api.testing!.guardNotifications().some((n) => n.startsWith("Countersign's gate stopped")));
    await vscode.commands.executeCommand('countersign.restartGate');
    const back = await whenGuard(api, (x) => x.gate === 'running', 'the gate running again');
    assert.notEqual(api.gateStatus()?.pid, pid);
    assert.doesNotMatch(back.status.text, /stopped/);
    assert.ok(existsSync(userSettings));
  });
});
