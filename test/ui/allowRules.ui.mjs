// Browser test: "Allow similar" with a scope the reviewer picks. The card offers this session / this workspace /
// only this one, each saying in plain words what it allows; choosing "This workspace" answers the next similar
// action without a card, lists the rule with its scope and use count, survives a window reload (VS Code's global
// state), still shows a card for a chain with an uncovered part, and Revoke brings the cards back.
import assert from 'node:assert/strict';
import { claudeBashPayload, decisionOf, runHook } from './hookProcess.mjs';
import { cardWith, openCountersign, runCommand, widenSideBar } from './workbench.mjs';

export const name = 'allow rules: scope choice, similar action allowed without a card, kept across reload, chain still asks, revoke';

const FIRST = 'curl -s https://api.github.com/repos/microsoft/vscode';
const SIMILAR = 'curl -s https://api.github.com/repos/nodejs/node -o node.json';
const CHAIN = 'curl -s https://api.github.com/repos/a/b && curl -s https://collector.example/upload';

export async function run({ page, repo, workspace, hookEnv, shot, lap }) {
  let panel = await openCountersign(page);
  await widenSideBar(page);
  await panel.locator('.empty').waitFor({ timeout: 30_000 });
  const hook = (command, why) => runHook(repo, hookEnv, 'claude', claudeBashPayload(workspace, command, why));

  const first = hook(FIRST, 'Look up the repository');
  const card = cardWith(panel, FIRST);
  await card.waitFor({ timeout: 20_000 });
  await card.locator('.toggle').click();
  const similar = card.locator('.similar');
  await similar.waitFor();
  // Default: this session. The sentence names the program, the host, the folder and the scope.
  assert.equal(await similar.locator('.scope[aria-checked="true"]').innerText(), 'This session');
  assert.match(await similar.locator('.similar-sentence').innerText(), /^Allow curl to api\.github\.com with other plain arguments, which reaches the network, in .+ for this Claude Code session\.$/);
  await similar.locator('.scope[data-scope="workspace"]').click();
  assert.equal(await similar.locator('.scope[aria-checked="true"]').innerText(), 'This workspace');
  assert.match(await similar.locator('.similar-sentence').innerText(), /for Claude Code, in every session, until you revoke it\.$/);
  await similar.scrollIntoViewIfNeeded();
  await shot('50-allow-similar-scope');
  lap('scope choice shown with plain sentences');

  await similar.locator('[data-action="allow-similar"]').click();
  assert.equal(decisionOf(await first.done), 'allow');
  const rule = panel.locator('li.rule', { hasText: 'api.github.com' }).first();
  await rule.waitFor();
  assert.equal((await rule.locator('.rule-scope').innerText()).trim(), 'Until revoked');
  assert.match(await rule.locator('.rule-description').innerText(), /^Allow curl to api\.github\.com with other plain arguments/);

  // The similar action: answered by the rule, no card.
  assert.equal(decisionOf(await hook(SIMILAR, 'Look up node').done), 'allow');
  await panel.locator('.rule-count', { hasText: 'Used 1 time.' }).waitFor();
  assert.equal(await cardWith(panel, 'nodejs/node').count(), 0, 'no card for the similar action');
  await rule.scrollIntoViewIfNeeded();
  await shot('51-workspace-rule-used');
  lap('similar action allowed by the workspace rule without a card');

  // Reload the window: the workspace rule comes back from VS Code's global state.
  await runCommand(page, 'Developer: Reload Window');
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  panel = await openCountersign(page);
  await panel.locator('li.rule', { hasText: 'api.github.com' }).waitFor({ timeout: 30_000 });
  assert.equal(decisionOf(await hook(SIMILAR, 'Look up node again').done), 'allow');
  await panel.locator('.rule-count', { hasText: 'Used 2 times.' }).waitFor();
  lap('the rule survived a reload and answered again');

  // A chain whose second part goes elsewhere is not similar: it gets a card.
  const chain = hook(CHAIN, 'Fetch and upload');
  const chainCard = cardWith(panel, 'collector.example');
  await chainCard.waitFor({ timeout: 20_000 });
  await chainCard.locator('[data-decision="deny"]').click();
  assert.equal(decisionOf(await chain.done), 'deny');
  lap('a chain with an uncovered part still asks');

  // Revoke: the list empties and the similar action asks again.
  await panel.locator('li.rule [data-action="revoke"]').first().click();
  await panel.locator('li.rule').waitFor({ state: 'detached' });
  const again = hook(SIMILAR, 'Look up node once more');
  const againCard = cardWith(panel, 'nodejs/node');
  await againCard.waitFor({ timeout: 20_000 });
  await shot('52-after-revoke-card-again');
  await againCard.locator('[data-decision="deny"]').click();
  assert.equal(decisionOf(await again.done), 'deny');
  lap('revoked: the similar action gets a card again');
}
