// Browser test: a person denies a chmod 777 from Claude Code, then approves one through the click-through: Approve
// stays disabled until the details are open and the confirmation (naming what is touched) is ticked.
import assert from 'node:assert/strict';
import { claudeBashPayload, decisionOf, runHook } from './hookProcess.mjs';
import { openCountersign, widenSideBar } from './workbench.mjs';

export const name = 'review panel: deny, then approve a sensitive chmod 777 only after the click-through';

export async function run({ page, repo, workspace, hookEnv, shot, lap }) {
  const panel = await openCountersign(page);
  await widenSideBar(page);
  await panel.locator('.empty').waitFor({ timeout: 30_000 });
  lap('panel open, empty state shown');
  await shot('01-empty');

  // Deny: one click, with a reason the agent receives.
  const denied = runHook(repo, hookEnv, 'claude', claudeBashPayload(workspace, 'chmod 777 deploy.sh'));
  let card = panel.locator('article.card').first();
  await card.waitFor({ timeout: 20_000 });
  assert.equal(await card.locator('.subject').innerText(), 'chmod 777 deploy.sh');
  assert.ok((await card.locator('.subject mark').count()) > 0, 'the triggering segment is highlighted');
  assert.match(await card.locator('.badge').innerText(), /Sensitive/);
  assert.match(await card.locator('.countdown').innerText(), /auto-deny in \d+:\d\d/);
  await card.locator('.toggle').click();
  await card.locator('vscode-textfield.deny-reason').locator('input').fill('Use chmod 755, not 777.');
  await card.locator('vscode-button[data-decision="deny"]').click();
  const deniedOut = await denied.done;
  assert.equal(decisionOf(deniedOut), 'deny');
  assert.match(JSON.parse(deniedOut.stdout).hookSpecificOutput.permissionDecisionReason, /Use chmod 755, not 777\./);
  await panel.locator('.empty').waitFor({ timeout: 10_000 });
  lap('Deny with a reason reached Claude Code');

  // Approve: locked until the details are open and the confirmation is ticked.
  const approved = runHook(repo, hookEnv, 'claude', claudeBashPayload(workspace, 'chmod 777 deploy.sh'));
  card = panel.locator('article.card').first();
  await card.waitFor({ timeout: 20_000 });
  const approve = card.locator('vscode-button[data-decision="allow"]');
  assert.equal(await approve.getAttribute('disabled'), '', 'Approve starts disabled for a sensitive action');
  assert.match(await card.locator('.hint').innerText(), /show the details/);
  await card.locator('.effects .effect-mode').waitFor({ timeout: 10_000 });
  await shot('02-sensitive-card-locked');

  await card.locator('.toggle').click();
  const confirm = card.locator('vscode-checkbox.confirm');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /^I approve running “chmod 777 deploy\.sh”/);
  assert.equal(await approve.getAttribute('disabled'), '', 'still disabled before the tick');
  assert.match(await card.locator('.hint').innerText(), /tick the confirmation/);
  await shot('03-sensitive-details-unticked');

  await confirm.click();
  // The tick's change event unlocks Approve: wait for exactly that (the box checked, the button enabled).
  await confirm.and(panel.locator('[checked]')).waitFor({ timeout: 5_000 });
  await approve.and(panel.locator(':not([disabled])')).waitFor({ timeout: 5_000 });
  await shot('04-sensitive-details-ticked');

  await approve.click();
  const out = await approved.done;
  assert.equal(out.code, 0, out.stderr);
  assert.equal(decisionOf(out), 'allow');
  await panel.locator('.empty').waitFor({ timeout: 10_000 });
  await panel.locator('vscode-collapsible.history').click();
  await panel.locator('.history-item').nth(1).waitFor();
  assert.match(await panel.locator('.history-item').first().innerText(), /Approved by you/);
  assert.match(await panel.locator('.history-item').nth(1).innerText(), /Denied by you[\s\S]*Use chmod 755/);
  lap('approved after the click-through; history lists both decisions');
  await shot('05-after-approve-history');
}
