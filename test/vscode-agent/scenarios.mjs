// What the real VS Code agent must show with Countersign installed: each scenario scripts one agent turn, watches the
// Reviews panel and, where a person would, clicks it. `prompts` counts the cards a scenario saw for one action.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardWith } from '../ui/workbench.mjs';

/** User settings for these runs: AI features on (the agent is the subject), nothing else in the way. */
export const AGENT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': false,
  // The agent's edits land in the editor; saving them at once puts on disk exactly what was approved.
  'files.autoSave': 'afterDelay',
  'files.autoSaveDelay': 100,
};

/** The file's text once it equals `expected` (the editor saves the agent's edit shortly after the turn), else the last text seen. */
async function settledText(file, expected, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  let text;
  for (;;) {
    text = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (text === expected || Date.now() > until) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const CANARY = 'CANARY_7f3e9b2a_never_reaches_the_model';
const terminal = (command, explanation) => ({ name: 'run_in_terminal', input: { command, explanation, goal: explanation, mode: 'sync' } });

/**
 * Counts the distinct cards shown while `until` is pending. Resolves with that number; `untilSecondCard(p)` rejects
 * as soon as a second card appears for the one action (VS Code would otherwise wait for it until its deadline).
 */
function countCards(panel, until) {
  const seen = new Set();
  let done = false;
  let second;
  const secondCard = new Promise((_, reject) => (second = reject));
  secondCard.catch(() => undefined);
  void until.finally(() => (done = true)).catch(() => undefined);
  const count = (async () => {
    while (!done) {
      for (const id of await panel.locator('article.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-id') ?? '?')).catch(() => [])) seen.add(id);
      if (seen.size > 1) second(new Error(`${seen.size} cards for one action: the human was asked again`));
      await new Promise((r) => setTimeout(r, 150));
    }
    return seen.size;
  })();
  count.untilSecondCard = (p) => Promise.race([p, secondCard]);
  return count;
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
    async run({ page, panel, workspace, turn, lap, shot, measure }) {
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
      const r = await cards.untilSecondCard(pending);
      // The same window: after the last decision the focus is back in the chat (the secondary side bar), not the panel.
      await page.waitForFunction(() => globalThis.document.activeElement?.closest('.part.auxiliarybar') != null, undefined, { timeout: 10_000 });
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
      await card.locator('vscode-button[data-action="open-diff"]').first().click();
      await page.locator('.monaco-diff-editor .view-line', { hasText: 'npm test' }).first().waitFor({ timeout: 20_000 });
      await shot('vscode-agent-05-workflow-native-diff');
      await approveWithClickThrough(panel, card);
      const r = await cards.untilSecondCard(pending);
      await shot('vscode-agent-06-workflow-approved');
      assert.ok(!/denied/i.test(toolResult(r)), toolResult(r));
      assert.equal(r.result?.type, undefined, `VS Code asked for its own confirmation after Countersign's approval: ${JSON.stringify(r.result).slice(0, 300)}`);
      assert.equal(await settledText(file, content), content, 'the file holds exactly what the card showed');
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
      await card.locator('vscode-button[data-action="open-diff"]').first().click();
      await page.locator('.monaco-diff-editor .view-line', { hasText: 'pull_request' }).first().waitFor({ timeout: 20_000 });
      await shot('vscode-agent-07-workflow-edit-diff');
      await approveWithClickThrough(panel, card);
      const r = await cards.untilSecondCard(pending);
      assert.ok(!/denied/i.test(toolResult(r)), toolResult(r));
      assert.equal(r.result?.type, undefined, `VS Code asked for its own confirmation after Countersign's approval: ${JSON.stringify(r.result).slice(0, 300)}`);
      const expected = before.replace('on: [push]', 'on: [push, pull_request]');
      assert.equal(await settledText(file, expected), expected, 'the file holds exactly the replacement the card showed');
      const n = await cards;
      assert.equal(n, 1, `one card for one action (saw ${n})`);
      measure('edit .github/workflows/ci.yml (approved)', r.ms, n);
      lap(`workflow replace_string_in_file: ${r.ms} ms, ${n} card, written exactly`);
    },
  },
  {
    name: 'nobody decides before the deadline: the call is denied, the canary never reaches the model',
    async run({ panel, server, workspace, turn, lap, shot, measure }) {
      writeFileSync(join(workspace, '.env'), `API_KEY=${CANARY}\n`);
      // A short hook timeout (as a user could set it) so the deadline comes within the test: Countersign answers
      // shortly before VS Code would give up on the hook.
      const dir = join(server.root, '.copilot/hooks');
      const saved = new Map();
      for (const f of readdirSync(dir).filter((n) => n.startsWith('countersign'))) {
        const text = readFileSync(join(dir, f), 'utf8');
        saved.set(f, text);
        writeFileSync(join(dir, f), text.replace(/--timeout 600/g, '--timeout 20').replace(/("timeout(?:Sec)?":\s*)600/g, '$120'));
      }
      try {
        const started = Date.now();
        const pending = turn('Print the environment file.', [terminal('cat .env', 'Print the environment file.')]);
        const cards = countCards(panel, pending);
        const card = cardWith(panel, 'cat .env');
        await card.waitFor({ timeout: 60_000 });
        assert.match(await card.locator('.countdown').innerText(), /auto-deny in 0:[01]\d/, 'the card counts down to the short deadline');
        await shot('vscode-agent-08-deadline-card');
        const r = await Promise.race([pending, new Promise((_, rej) => setTimeout(() => rej(new Error('no answer 90 s after the turn started: VS Code did not pick up the shorter hook timeout')), 90_000))]);
        await shot('vscode-agent-09-deadline-denied');
        const result = toolResult(r);
        assert.match(result, /Tool execution denied/);
        assert.match(result, /nobody decided before the hook timeout/);
        assert.ok(!JSON.stringify(r).includes(CANARY), 'the canary never reaches the model');
        const n = await cards;
        assert.equal(n, 1, `one card for one action (saw ${n})`);
        measure('cat .env (nobody decided: deadline deny)', r.ms, n);
        lap(`deadline: denied ${((Date.now() - started) / 1000).toFixed(1)} s after the turn started; model got: ${result.slice(0, 140)}`);
      } finally {
        for (const [f, text] of saved) writeFileSync(join(dir, f), text);
      }
    },
  },
];

/** VS_AGENT_CAPTURE: every other file tool the agent has, once, so their real payloads are recorded. */
const CAPTURE_ONLY = {
  name: 'capture: the other file tools',
  async run({ panel, workspace, turn, lap }) {
    const ws = (p) => join(workspace, p);
    writeFileSync(ws('notes.txt'), 'alpha\nbeta\n');
    writeFileSync(ws('app.js'), 'function main() {\n  return 1;\n}\n');
    const calls = [
      { name: 'multi_replace_string_in_file', input: { explanation: 'Rename in two files.', replacements: [{ filePath: ws('notes.txt'), oldString: 'alpha', newString: 'gamma' }, { filePath: ws('app.js'), oldString: 'return 1;', newString: 'return 2;' }] } },
      { name: 'insert_edit_into_file', input: { explanation: 'Add a helper.', filePath: ws('app.js'), code: 'function main() {\n  // ...existing code...\n}\n\nfunction helper() {\n  return 3;\n}\n' } },
      { name: 'apply_patch', input: { explanation: 'Patch the notes.', input: `*** Begin Patch\n*** Update File: ${ws('notes.txt')}\n@@\n-beta\n+delta\n*** End Patch` } },
      { name: 'edit_notebook_file', input: { filePath: ws('analysis.ipynb'), explanation: 'Add a cell.', cellId: 'TOP', editType: 'insert', language: 'python', newCode: ['import os', 'print(os.getcwd())'] } },
      { name: 'create_directory', input: { dirPath: ws('build/out') } },
    ];
    writeFileSync(ws('analysis.ipynb'), JSON.stringify({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 }));
    for (const c of calls) {
      const pending = turn(`Use ${c.name}.`, [c]);
      let over = false;
      const denier = (async () => {
        while (!over) {
          const card = panel.locator('article.card').first();
          if (await card.count()) await card.locator('vscode-button[data-decision="deny"]').click().catch(() => undefined);
          await new Promise((r) => setTimeout(r, 200));
        }
      })();
      const r = await pending.finally(() => (over = true));
      await denier;
      lap(`${c.name}: ${r.ms} ms → ${String(r.calls[0]?.result).slice(0, 120)}`);
    }
  },
};

/** Unblocks a failed scenario's turn: denies whatever is still pending. */
export async function denyEverything(panel) {
  for (const b of await panel.locator('vscode-button[data-decision="deny"]').all()) await b.click().catch(() => undefined);
}

if (process.env.VS_AGENT_CAPTURE) scenarios.unshift(CAPTURE_ONLY);

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
