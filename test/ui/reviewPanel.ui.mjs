// Browser test: a person clicks Deny and Approve on real cards in the real panel; the CLI prints Claude Code's answer.
import assert from 'node:assert/strict';
import { claudeBashPayload, runHook } from './hookProcess.mjs';
import { openCountersign } from './workbench.mjs';

export const name = 'review panel: deny and approve a chmod 777 from Claude Code';

export async function run({ page, repo, workspace, hookEnv, shot, lap }) {
  const panel = await openCountersign(page);
  await panel.locator('.empty').waitFor({ timeout: 30_000 });
  lap('panel open, empty state shown');
  await shot('01-empty');

  for (const [decision, expected] of [['Deny', 'deny'], ['Approve', 'allow']]) {
    const hook = runHook(repo, hookEnv, 'claude', claudeBashPayload(workspace, 'chmod 777 deploy.sh'));
    const card = panel.locator('article.card').first();
    await card.waitFor({ timeout: 20_000 });
    assert.equal(await card.locator('.subject').innerText(), 'chmod 777 deploy.sh');
    assert.equal(await card.locator('.subject mark').first().innerText(), 'chmod');
    assert.match(await card.locator('.badge').innerText(), /Sensitive/);
    lap(`card visible for ${decision}`);
    await shot(`0${decision === 'Deny' ? 2 : 4}-card-before-${decision.toLowerCase()}`);

    await card.locator(`vscode-button[data-decision="${expected}"]`).click();
    const out = await hook.done;
    const answer = JSON.parse(out.stdout);
    assert.equal(out.code, 0, out.stderr);
    assert.equal(answer.hookSpecificOutput.permissionDecision, expected);
    await panel.locator('.empty').waitFor({ timeout: 10_000 });
    lap(`${decision} clicked; CLI printed permissionDecision=${expected}`);
    await shot(`0${decision === 'Deny' ? 3 : 5}-after-${decision.toLowerCase()}`);
  }
}
