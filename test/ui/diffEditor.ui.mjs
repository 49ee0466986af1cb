// Browser test: an agent's edit shows as a compact inline diff in the card, and "Open diff" opens VS Code's own
// diff editor on two virtual documents (current file vs proposed). The real file is never touched. A new file
// diffs against empty; a Codex apply_patch shows each file it changes, several files in the multi-file diff editor
// with the risky span (a live key) highlighted.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { claudeEditPayload, claudeWritePayload, codexPatchPayload, decisionOf, runHook } from './hookProcess.mjs';
import { cardWith, openCountersign, widenSideBar } from './workbench.mjs';

export const name = 'diffs: inline diff in the card, native diff editor on virtual documents, new files, Codex patches';

export async function run({ page, repo, workspace, hookEnv, shot, lap }) {
  const panel = await openCountersign(page);
  await widenSideBar(page, 520);
  await panel.locator('.empty').waitFor({ timeout: 30_000 });
  const file = join(workspace, 'deploy.sh');
  const original = readFileSync(file, 'utf8');
  const mtime = statSync(file).mtimeMs;

  // Claude Code edits deploy.sh to run under sudo: sensitive, with a diff.
  const edit = runHook(repo, hookEnv, 'claude', claudeEditPayload(workspace, file, 'echo "deploying…"', 'sudo echo "deploying…"'));
  const card = cardWith(panel, 'deploy.sh');
  await card.waitFor({ timeout: 20_000 });
  const line = card.locator('.file-line');
  await line.waitFor({ timeout: 10_000 });
  assert.match(await line.innerText(), /deploy\.sh\s+changed\s+\+1\s+−1/);
  await card.locator('.toggle').click();
  const diff = card.locator('.inline-diff');
  await diff.waitFor();
  assert.equal(await diff.locator('.dl-del').innerText(), '   3-echo "deploying…"');
  assert.equal(await diff.locator('.dl-add').innerText(), '   3+sudo echo "deploying…"');
  lap('inline diff in the card');
  await shot('20-edit-card-inline-diff');

  await line.locator('[data-action="open-diff"]').click();
  const editor = page.locator('.monaco-diff-editor');
  await editor.waitFor({ timeout: 20_000 });
  const tab = page.locator('.tabs-container .tab.active');
  assert.match(await tab.innerText(), /deploy\.sh \(current ↔ proposed by Claude Code\)/);
  await page.locator('.monaco-diff-editor .editor.modified .view-lines', { hasText: 'sudo echo' }).waitFor({ timeout: 10_000 });
  await page.locator('.monaco-diff-editor .editor.original .view-lines', { hasText: 'echo "deploying' }).waitFor();
  assert.equal(readFileSync(file, 'utf8'), original, 'the real file is unchanged');
  assert.equal(statSync(file).mtimeMs, mtime);
  lap('native diff editor open on the virtual documents');
  await page.mouse.move(900, 700);
  await shot('21-diff-editor-open');

  // Opening the diff counts as opening the details; the tick still unlocks Approve.
  assert.match(await card.locator('.hint').innerText(), /tick the confirmation/);
  await card.locator('vscode-checkbox.confirm').click();
  await card.locator('vscode-button[data-decision="allow"]:not([disabled])').click();
  assert.equal(decisionOf(await edit.done), 'allow');
  await editor.waitFor({ state: 'detached', timeout: 10_000 });
  assert.equal(readFileSync(file, 'utf8'), original, 'Countersign never writes the file; the agent would');
  lap('approved; the stale diff tab closed');

  // A new workflow file granting write-all: sensitive, diffed against empty.
  const workflow = join(workspace, '.github/workflows/release.yml');
  const write = runHook(repo, hookEnv, 'claude', claudeWritePayload(workspace, workflow, 'on: push\npermissions: write-all\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n'));
  const wcard = cardWith(panel, 'release.yml');
  await wcard.waitFor({ timeout: 20_000 });
  await wcard.locator('.file-line').waitFor();
  assert.match(await wcard.locator('.file-line').innerText(), /new file\s+\+7\s+−0/);
  await wcard.locator('.toggle').click();
  await wcard.locator('.inline-diff .dl-add').first().waitFor();
  await shot('22-write-new-file');
  await wcard.locator('vscode-button[data-decision="deny"]').click();
  assert.equal(decisionOf(await write.done), 'deny');

  // An edit whose old text is not in the file: said plainly, and the agent's own fragments are shown instead.
  const stale = runHook(repo, hookEnv, 'claude', claudeEditPayload(workspace, file, 'echo "deploying v1…"', 'sudo echo "deploying v2…"'));
  const scard = cardWith(panel, 'deploy.sh');
  await scard.waitFor({ timeout: 20_000 });
  await scard.locator('.toggle').click();
  await scard.locator('.diff-note').first().waitFor({ timeout: 10_000 });
  assert.match(await scard.locator('.details').innerText(), /the text to replace is not in the current file/);
  assert.match(await scard.locator('.fragments').innerText(), /-echo "deploying v1…"\s+\+sudo echo "deploying v2…"/);
  assert.equal(await scard.locator('[data-action="open-diff"]').count(), 0, 'no diff to open when the proposal cannot be computed');
  await shot('24-edit-text-not-found');
  await scard.locator('vscode-button[data-decision="deny"]').click();
  assert.equal(decisionOf(await stale.done), 'deny');

  // A Codex patch over two files that writes a live key into one: both files in VS Code's multi-file diff editor,
  // the key highlighted on the proposed side. Neither real file is touched.
  const readme = join(workspace, 'README.md');
  const readmeBefore = readFileSync(readme, 'utf8');
  const key = 'sk_live_51HqLyjWDarjtT1zdp7dcXgqTkWHYrx3Bx9Jk2LmNpQ';
  const two = `*** Begin Patch\n*** Update File: deploy.sh\n@@\n-echo "deploying…"\n+echo "deploying to prod…"\n+export STRIPE_KEY=${key}\n*** Update File: README.md\n@@\n+\n+Deploys read the Stripe key from deploy.sh.\n*** End Patch\n`;
  const multi = runHook(repo, hookEnv, 'codex', codexPatchPayload(workspace, two));
  const mcard = panel.locator('article.card', { has: panel.locator('.who', { hasText: 'Codex CLI' }) }).first();
  await mcard.waitFor({ timeout: 20_000 });
  await mcard.locator('.file-line').nth(1).waitFor({ timeout: 10_000 });
  assert.equal(await mcard.locator('.file-line').count(), 2, 'one line per file of the patch');
  await mcard.locator('.file-line').first().locator('[data-action="open-diff"]').click();
  const multiEditor = page.locator('.multiDiffEditor');
  await multiEditor.waitFor({ timeout: 20_000 });
  assert.match(await page.locator('.tabs-container .tab.active').innerText(), /Current ↔ proposed by Codex CLI \(2 files\)/);
  await multiEditor.locator('.view-lines', { hasText: 'STRIPE_KEY' }).first().waitFor({ timeout: 10_000 });
  await multiEditor.locator('.view-lines', { hasText: 'Deploys read the Stripe key' }).first().waitFor({ timeout: 10_000 });
  // The decoration VS Code renders for the risky span: a class of the extension's decoration type on the key.
  const risky = page.locator('.multiDiffEditor .editor.modified [class*="ced-"]').first();
  await risky.waitFor({ timeout: 10_000 });
  assert.equal(readFileSync(file, 'utf8'), original, 'deploy.sh is unchanged');
  assert.equal(readFileSync(readme, 'utf8'), readmeBefore, 'README.md is unchanged');
  await page.mouse.move(900, 700);
  lap('multi-file diff editor with the risky line highlighted');
  await shot('25-multi-file-patch-diff');
  await page.locator('.multiDiffEditor .editor.modified .view-lines span', { hasText: 'sk_live' }).first().hover();
  await page.locator('.monaco-hover', { hasText: 'Stripe key' }).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await shot('26-risky-line-highlighted');
  await mcard.locator('vscode-button[data-decision="deny"]').click();
  assert.equal(decisionOf(await multi.done), 'deny');
  await multiEditor.waitFor({ state: 'detached', timeout: 10_000 });
  lap('denied; the multi-file diff tab closed');

  // Codex apply_patch touching deploy.sh: each file with its diff (whatever risk the policy gives it).
  const patch = '*** Begin Patch\n*** Update File: deploy.sh\n@@\n-echo "deploying…"\n+sudo chmod 4755 /usr/local/bin/deploy\n*** End Patch\n';
  const codex = runHook(repo, hookEnv, 'codex', codexPatchPayload(workspace, patch));
  const pcard = panel.locator('article.card', { has: panel.locator('.who', { hasText: 'Codex CLI' }) }).first();
  const seen = await Promise.race([pcard.waitFor({ timeout: 20_000 }).then(() => 'card'), codex.done.then(() => 'answered')]);
  if (seen === 'card') {
    await pcard.locator('.file-line').waitFor();
    assert.match(await pcard.locator('.file-line').innerText(), /deploy\.sh\s+changed\s+\+1\s+−1/);
    await pcard.locator('.toggle').click();
    await pcard.locator('.inline-diff').waitFor();
    await shot('23-codex-patch');
    await pcard.locator('vscode-button[data-decision="deny"]').click();
    assert.equal(decisionOf(await codex.done), 'deny');
    lap('Codex patch card with its diff');
  } else lap('the policy allowed the Codex patch without a card (no screenshot)');
}
