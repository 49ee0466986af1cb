// Browser test: Countersign says loudly when it is not guarding. `countersign connect` puts the Claude Code hook in
// the user's settings; a repository's .claude/settings.json with disableAllHooks turns the panel, the Agents
// section and the status bar to "not guarding", and the notification's fix shows the diff and applies it only on
// "Apply". Then the gate process is killed: the panel and status bar say guarding stopped until "Restart Gate".
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openCountersign, widenSideBar } from './workbench.mjs';

export const name = 'guard: a repository disableAllHooks and a killed gate are loud; the fix applies only on click';

function cli(repo, env, args) {
  const r = spawnSync(process.execPath, [join(repo, 'dist/cli.js'), ...args], { env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export async function run({ page, repo, workspace, server, hookEnv, shot, lap }) {
  const env = { ...hookEnv, HOME: server.root };
  const connected = cli(repo, env, ['connect', '--agent', 'claude']);
  assert.equal(connected.code, 0, connected.stderr);
  const panel = await openCountersign(page);
  await widenSideBar(page);
  await panel.locator('.empty').waitFor({ timeout: 30_000 });
  await panel.locator('vscode-collapsible.agents').click(); // a person opens the Agents section
  await panel.locator('.agent[data-agent="claude"] .agent-state', { hasText: 'connected, guarding' }).waitFor({ timeout: 20_000 });
  lap('Claude Code connected by the CLI and guarded');

  const project = join(workspace, '.claude', 'settings.json');
  mkdirSync(join(workspace, '.claude'), { recursive: true });
  writeFileSync(project, '{\n  "model": "sonnet",\n  "disableAllHooks": true\n}\n');
  const alert = panel.locator('.guard-alert.is-unguarded');
  await alert.waitFor({ timeout: 20_000 });
  assert.match(await alert.innerText(), /Not guarding Claude Code[\s\S]*disableAllHooks in .*\.claude\/settings\.json/);
  assert.match(await panel.locator('.agent[data-agent="claude"] .agent-state').innerText(), /not guarding/);
  const status = page.locator('.statusbar-item', { hasText: 'not guarding Claude Code' });
  await status.waitFor({ timeout: 10_000 });
  assert.equal(cli(repo, env, ['doctor', '--json', '--workspace', workspace]).code, 1, 'the CLI doctor agrees');
  await page.mouse.move(900, 600);
  await shot('guard-01-not-guarding');

  // The notification (toasts are hidden by the test driver: the notification centre lists it).
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>Notifications: Show Notifications');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show Notifications' }).first().click();
  const toast = page.locator('.notifications-center .notification-list-item', { hasText: 'not guarding Claude Code' }).first();
  await toast.waitFor({ timeout: 10_000 });
  await shot('guard-02-notification');
  await toast.locator('.monaco-button', { hasText: 'Review Fix' }).click();
  const apply = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Apply' });
  await apply.waitFor({ timeout: 10_000 });
  assert.match(readFileSync(project, 'utf8'), /disableAllHooks/, 'nothing written before Apply');
  await shot('guard-03-fix-diff-and-confirm');
  await apply.click();
  await alert.waitFor({ state: 'detached', timeout: 20_000 });
  assert.doesNotMatch(readFileSync(project, 'utf8'), /disableAllHooks/);
  assert.match(readFileSync(project, 'utf8'), /"model": "sonnet"/, 'the rest of the file is kept');
  lap('fix applied on click; guarding again');

  // A dead gate.
  // Only this window's gate: the user's registry may hold other live gates on a shared machine.
  const ours = () => JSON.parse(cli(repo, env, ['status', '--json']).stdout).gates.filter((g) => !g.headless && g.folders.some((f) => f === workspace || f === realpathSync(workspace)));
  const gates = ours();
  assert.equal(gates.length, 1);
  process.kill(gates[0].pid, 'SIGKILL');
  const stopped = panel.locator('.guard-alert.is-stopped');
  await stopped.waitFor({ timeout: 20_000 });
  assert.match(await stopped.innerText(), /Guarding stopped/);
  await page.locator('.statusbar-item', { hasText: 'gate stopped' }).waitFor({ timeout: 10_000 });
  assert.match(await panel.locator('.agent[data-agent="claude"] .agent-state').innerText(), /guarding stopped/);
  await page.mouse.move(900, 600);
  await shot('guard-04-gate-stopped');
  await stopped.locator('vscode-button[data-action="restart-gate"]').click();
  await stopped.waitFor({ state: 'detached', timeout: 30_000 });
  await page.locator('.statusbar-item', { hasText: 'gate stopped' }).waitFor({ state: 'detached', timeout: 10_000 });
  // The new gate registers itself once it listens; wait for that record (the panel only knows the client is up).
  let after = ours();
  for (let i = 0; i < 100 && after.length === 0; i++) {
    await page.waitForTimeout(100);
    after = ours();
  }
  assert.equal(after.length, 1);
  assert.notEqual(after[0].pid, gates[0].pid);
  await shot('guard-05-gate-restarted');
  lap('killed gate reported; Restart Gate brought a new one');
}
