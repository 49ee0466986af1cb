// Browser test: a queue of mixed actions from several agents, newest first; command details; keyboard navigation
// whose `a` never approves a sensitive card; "Allow similar" creating a visible, revocable rule that answers the
// next similar action without a card; the history; light, dark and high-contrast themes; Deny all.
import assert from 'node:assert/strict';
import { claudeBashPayload, decisionOf, geminiShellPayload, runHook } from './hookProcess.mjs';
import { cardWith, colorTheme, openCountersign, widenSideBar } from './workbench.mjs';

export const name = 'review panel: mixed queue, details, keyboard, allow similar, history, themes, deny all';

export async function run({ page, repo, workspace, hookEnv, shot, lap }) {
  const panel = await openCountersign(page);
  await widenSideBar(page);
  await panel.locator('.empty').waitFor({ timeout: 30_000 });

  // Four agent actions, one after the other so "newest first" is well defined.
  const actions = [
    ['claude', claudeBashPayload(workspace, 'npm install left-pad', 'Add the left-pad dependency'), 'npm install left-pad'],
    ['gemini', geminiShellPayload(workspace, 'cat .env', 'show file'), 'cat .env'],
    ['claude', claudeBashPayload(workspace, 'curl -o page.html https://example.com/', 'Download the page to compare'), 'curl -o page.html'],
    ['claude', claudeBashPayload(workspace, 'sudo systemctl restart nginx', 'Restart nginx to pick up the config'), 'sudo systemctl restart nginx'],
  ];
  const hooks = {};
  for (const [agent, payload, subject] of actions) {
    hooks[subject] = runHook(repo, hookEnv, agent, payload);
    await cardWith(panel, subject).waitFor({ timeout: 20_000 });
  }
  const subjects = await panel.locator('article.card .subject').allInnerTexts();
  assert.deepEqual(subjects, ['sudo systemctl restart nginx', 'curl -o page.html https://example.com/', 'cat .env', 'npm install left-pad'], 'newest first');
  assert.equal(await panel.locator('.panel-head .count').innerText(), '4');
  assert.match(await cardWith(panel, 'cat .env').locator('.who').innerText(), /Gemini CLI · run_shell_command/);
  lap('four cards, newest first');
  await shot('10-queue-mixed');

  // Command details of a review card: working directory, the agent's explanation, the "Allow similar" scope.
  const npm = cardWith(panel, 'npm install left-pad');
  await npm.locator('.toggle').click();
  await npm.locator('.similar').waitFor();
  assert.match(await npm.locator('.similar-sentence').innerText(), /^Allow npm install with other plain arguments in .+ for this Claude Code session\.$/);
  await npm.scrollIntoViewIfNeeded();
  await shot('11-command-detail');

  // Keyboard: move to the sensitive sudo card; `a` refuses; `d` denies.
  const sudo = cardWith(panel, 'sudo systemctl restart nginx');
  await sudo.locator('.card-head').click();
  await page.keyboard.press('a');
  await sudo.locator('.refusal').waitFor();
  assert.match(await sudo.locator('.refusal').innerText(), /never approve a sensitive action/);
  await shot('12-keyboard-refusal');
  await page.keyboard.press('j');
  const focusedSubject = await panel.locator('article.card:focus .subject').innerText();
  assert.equal(focusedSubject, 'curl -o page.html https://example.com/', 'j moves to the next card');
  await page.keyboard.press('k');
  await page.keyboard.press('d');
  assert.equal(decisionOf(await hooks['sudo systemctl restart nginx'].done), 'deny');
  await sudo.waitFor({ state: 'detached' });
  lap('keyboard: a refused on a sensitive card, j/k moved, d denied');

  // Allow similar: a visible rule; the next `npm install …` is answered without a card.
  await npm.locator('[data-action="allow-similar"]').click();
  assert.equal(decisionOf(await hooks['npm install left-pad'].done), 'allow');
  const rule = panel.locator('.rule').first();
  await rule.waitFor();
  const next = runHook(repo, hookEnv, 'claude', claudeBashPayload(workspace, 'npm install is-even', 'Add is-even'));
  assert.equal(decisionOf(await next.done), 'allow');
  await panel.locator('.rule-count', { hasText: 'Used 1 time.' }).waitFor();
  assert.equal(await panel.locator('article.card .subject', { hasText: 'is-even' }).count(), 0, 'no card for the similar action');
  await panel.locator('vscode-collapsible.history').click();
  await panel.locator('.history-item', { hasText: 'npm install is-even' }).waitFor();
  assert.match(await panel.locator('.history-item').first().innerText(), /Allowed by a rule you made/);
  await rule.scrollIntoViewIfNeeded();
  await shot('13-session-rule-and-history');
  lap('allow similar: rule listed, next similar action allowed by rule without a card');

  // Themes: the same queue in dark, high-contrast dark and high-contrast light.
  const themes = [
    ['Dark Modern', 'vs-dark', '14-queue-dark'],
    ['Dark High Contrast', 'hc-black', '15-queue-high-contrast'],
    ['Light High Contrast', 'hc-light', '16-queue-high-contrast-light'],
    ['Light Modern', 'vs', ''],
  ];
  for (const [theme, cls, file] of themes) {
    await colorTheme(page, theme);
    await page.locator(`.monaco-workbench.${cls}`).waitFor({ timeout: 15_000 });
    // The webview body carries the theme kind too: wait until it restyled.
    await panel.locator(`body.vscode-${cls === 'vs' ? 'light' : cls === 'vs-dark' ? 'dark' : cls === 'hc-black' ? 'high-contrast' : 'high-contrast-light'}`).waitFor({ timeout: 15_000 });
    await panel.locator('article.card').first().scrollIntoViewIfNeeded();
    if (file) await shot(file);
  }

  // Revoke: the rule disappears.
  await rule.locator('[data-action="revoke"]').click();
  await panel.locator('.rule').waitFor({ state: 'detached' });

  // Deny all: both remaining cards are denied at once.
  await panel.locator('[data-action="deny-all"]').click();
  assert.equal(decisionOf(await hooks['cat .env'].done), 'deny');
  assert.equal(decisionOf(await hooks['curl -o page.html'].done), 'deny');
  await panel.locator('.empty').waitFor();
  await shot('17-after-deny-all');
  lap('revoked the rule; Deny all denied the rest');

  // The Agents section: how each agent is wired (sent by Connect Agents).
  const agents = panel.locator('vscode-collapsible.agents');
  await agents.waitFor({ timeout: 10_000 });
  await agents.click();
  await panel.locator('.agent').first().waitFor();
  assert.ok((await panel.locator('.agent-name').allInnerTexts()).some((t) => t.startsWith('Claude Code')));
  await panel.locator('[data-action="connect-agents"]').waitFor();
  await agents.scrollIntoViewIfNeeded();
  await shot('18-agents');
}
