// What the real VS Code agent must show with Countersign installed: each scenario scripts one agent turn, watches the
// Reviews panel and, where a person would, clicks it. `prompts` counts the cards a scenario saw for one action.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardWith } from '../ui/workbench.mjs';

/** User settings for these runs: AI features on (the agent is the subject), nothing else in the way. */
export const AGENT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': false,
};

const CANARY = 'CANARY_7f3e9b2a_never_reaches_the_model';
const terminal = (command, explanation) => ({ name: 'run_in_terminal', input: { command, explanation, goal: explanation, mode: 'sync' } });

/** Resolves with the number of distinct cards seen until `until` settles (a second card for one action is a bug). */
function countCards(panel, until) {
  const seen = new Set();
  let done = false;
  void until.finally(() => (done = true)).catch(() => undefined);
  return (async () => {
    while (!done) {
      for (const id of await panel.locator('article.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id') ?? c.querySelector('.subject')?.textContent ?? '?')).catch(() => [])) seen.add(id);
      await new Promise((r) => setTimeout(r, 150));
    }
    return seen.size;
  })();
}

/** The text the model got back for the turn's only tool call. */
function toolResult(r) {
  assert.equal(r.calls.length, 1, JSON.stringify(r.calls));
  return r.calls[0].result ?? '';
}

export const scenarios = [
  {
    name: 'ls runs with no prompt from either side',
    async run({ panel, turn, lap, shot, measure }) {
      const pending = turn('List the project files.', [terminal('ls', 'List the files.')]);
      const cards = countCards(panel, pending);
      const r = await pending;
      await shot('vscode-agent-01-ls-no-prompt');
      assert.match(toolResult(r), /README\.md/, 'ls ran and the model saw its output');
      assert.equal(await cards, 0, 'no Countersign card for ls');
      assert.equal(r.result?.type, undefined, `VS Code asked for confirmation itself: ${JSON.stringify(r.result).slice(0, 300)}`);
      measure('ls (safe)', r.ms, 0);
      lap(`ls: ${r.ms} ms, no card, no VS Code prompt`);
    },
  },
  {
    name: 'cat .env: one card, a click on Deny reaches the model with the reason, the canary never does',
    async run({ panel, workspace, turn, lap, shot, measure }) {
      writeFileSync(join(workspace, '.env'), `API_KEY=${CANARY}\n`);
      const pending = turn('Show me the environment file.', [terminal('cat .env', 'Read the environment file.')]);
      const cards = countCards(panel, pending);
      const card = cardWith(panel, 'cat .env');
      await card.waitFor({ timeout: 60_000 });
      assert.match(await card.innerText(), /chat session/i, 'the card names the chat session that asked');
      await shot('vscode-agent-02-cat-env-card');
      await card.locator('.toggle').click();
      await card.locator('vscode-textfield.deny-reason').locator('input').fill('Secrets stay out of the chat.');
      await card.locator('vscode-button[data-decision="deny"]').click();
      const r = await pending;
      await shot('vscode-agent-03-cat-env-denied');
      const result = toolResult(r);
      assert.match(result, /Tool execution denied/);
      assert.match(result, /Secrets stay out of the chat\./, 'the model gets the reviewer\'s reason');
      assert.ok(!JSON.stringify(r).includes(CANARY), 'the canary never reaches the model');
      const n = await cards;
      assert.equal(n, 1, `one card for one action (saw ${n})`);
      measure('cat .env (denied by a click)', r.ms, n);
      lap(`cat .env: ${r.ms} ms, ${n} card, model got: ${result.slice(0, 160)}`);
    },
  },
  {
    name: 'a workflow file created by the agent: a card with the native diff, Approve writes exactly that',
    async run({ page, panel, workspace, turn, lap, shot, measure }) {
      const file = join(workspace, '.github/workflows/ci.yml');
      const content = 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n';
      const pending = turn('Add a CI workflow.', [{ name: 'create_file', input: { filePath: file, content } }]);
      const cards = countCards(panel, pending);
      const card = cardWith(panel, 'ci.yml');
      await card.waitFor({ timeout: 60_000 });
      await shot('vscode-agent-04-workflow-card');
      await card.locator('[data-action="diff"], .open-diff, vscode-button:has-text("diff")').first().click();
      await page.locator('.editor-instance .monaco-diff-editor').first().waitFor({ timeout: 20_000 });
      await shot('vscode-agent-05-workflow-native-diff');
      await approveWithClickThrough(panel, card);
      const r = await pending;
      await shot('vscode-agent-06-workflow-approved');
      assert.ok(!/denied/i.test(toolResult(r)), toolResult(r));
      assert.equal(readFileSync(file, 'utf8'), content, 'the file holds exactly what the card showed');
      const n = await cards;
      assert.equal(n, 1, `one card for one action (saw ${n})`);
      measure('create .github/workflows/ci.yml (approved)', r.ms, n);
      lap(`workflow create_file: ${r.ms} ms, ${n} card, written exactly`);
    },
  },
  {
    name: 'a workflow file edited with replace_string_in_file: the diff, Approve writes exactly that',
    async run({ page, panel, workspace, turn, lap, shot, measure }) {
      const file = join(workspace, '.github/workflows/ci.yml');
      mkdirSync(join(workspace, '.github/workflows'), { recursive: true });
      if (!existsSync(file)) writeFileSync(file, 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n');
      const before = readFileSync(file, 'utf8');
      const pending = turn('Run the tests on pull requests too.', [{ name: 'replace_string_in_file', input: { filePath: file, oldString: 'on: [push]', newString: 'on: [push, pull_request]' } }]);
      const cards = countCards(panel, pending);
      const card = cardWith(panel, 'ci.yml');
      await card.waitFor({ timeout: 60_000 });
      await card.locator('[data-action="diff"], .open-diff, vscode-button:has-text("diff")').first().click();
      await page.locator('.editor-instance .monaco-diff-editor').first().waitFor({ timeout: 20_000 });
      await shot('vscode-agent-07-workflow-edit-diff');
      await approveWithClickThrough(panel, card);
      const r = await pending;
      assert.ok(!/denied/i.test(toolResult(r)), toolResult(r));
      assert.equal(readFileSync(file, 'utf8'), before.replace('on: [push]', 'on: [push, pull_request]'));
      const n = await cards;
      assert.equal(n, 1, `one card for one action (saw ${n})`);
      measure('edit .github/workflows/ci.yml (approved)', r.ms, n);
      lap(`workflow replace_string_in_file: ${r.ms} ms, ${n} card, written exactly`);
    },
  },
];

/** Approve as a person: open the details when the card asks for it, tick the confirmation if there is one. */
async function approveWithClickThrough(panel, card) {
  const approve = card.locator('vscode-button[data-decision="allow"]');
  if ((await approve.getAttribute('disabled')) !== null) {
    const toggle = card.locator('.toggle');
    if (await toggle.count()) await toggle.click();
    const confirm = card.locator('vscode-checkbox.confirm');
    if (await confirm.count()) {
      await confirm.click();
      await confirm.and(panel.locator('[checked]')).waitFor({ timeout: 5_000 });
    }
    await approve.and(panel.locator(':not([disabled])')).waitFor({ timeout: 10_000 });
  }
  await approve.click();
}
