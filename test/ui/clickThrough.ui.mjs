// Browser test: a command too long for the card opens whole in a read-only editor before it can be approved (review
// and sensitive alike), and every human approval reaches the audit log with what the extension saw the reviewer do.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { claudeBashPayload, decisionOf, runHook } from './hookProcess.mjs';
import { cardWith, openCountersign, widenSideBar } from './workbench.mjs';

export const name = 'click-through: long commands open whole in an editor before Approve; the evidence is audited';

const PACKAGES = ['left-pad', 'is-even', 'is-odd', 'lodash', 'chalk', 'commander', 'yargs', 'debug', 'semver', 'uuid', 'dotenv-safe'];
/** Thirteen lines: the card shows the first few; the last line only the editor shows. */
const longCommand = (tail) => `npm install --save-dev \\\n${PACKAGES.map((p) => `  ${p}`).join(' \\\n')} \\\n  && ${tail}`;

/** Every audit log line the gate wrote under the code-server profile, oldest first. */
function auditEntries(root) {
  const files = [];
  const walk = (dir) => {
    for (const n of readdirSync(dir)) {
      const p = join(dir, n);
      const s = statSync(p, { throwIfNoEntry: false });
      if (s?.isDirectory()) walk(p);
      else if (/^audit(\.\d+)?-\d+\.jsonl$/.test(n)) files.push(p);
    }
  };
  walk(root);
  return files.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)));
}

export async function run({ page, repo, workspace, server, hookEnv, shot, lap }) {
  const panel = await openCountersign(page);
  await widenSideBar(page);
  await panel.locator('.empty').waitFor({ timeout: 30_000 });

  // Review: one click normally, but not while most of the command is out of sight.
  const reviewCommand = longCommand('npm run build');
  const review = runHook(repo, hookEnv, 'claude', claudeBashPayload(workspace, reviewCommand, 'Install the dev dependencies'));
  const card = cardWith(panel, 'npm install --save-dev');
  await card.waitFor({ timeout: 20_000 });
  const approve = card.locator('vscode-button[data-decision="allow"]');
  const open = card.locator('vscode-button[data-action="open-details"]');
  await open.waitFor();
  assert.match(await card.locator('.open-whole').innerText(), /This command is too long to show whole here/);
  assert.equal(await approve.getAttribute('disabled'), '', 'Approve is disabled until the editor showed the whole command');
  assert.match(await card.locator('.hint').innerText(), /open the whole command in the editor to enable Approve/);
  // The card's box cuts the command short (its tail, `&& npm run build`, is below the fold).
  assert.ok(await card.locator('.subject.long').evaluate((e) => e.scrollHeight > e.clientHeight + 20), 'the card does not show the whole command');
  await page.mouse.move(900, 600);
  lap('long review command: Approve locked, "Open whole command in editor" offered');
  await shot('40-long-command-card-locked');

  await open.click();
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor({ timeout: 20_000 });
  await page.locator('.tabs-container .tab.active', { hasText: 'command.sh' }).waitFor({ timeout: 10_000 });
  // The editor holds the whole command: its last line, which the card never showed.
  await page.locator('.editor-instance .view-lines', { hasText: '&& npm run build' }).waitFor({ timeout: 10_000 });
  await approve.and(panel.locator(':not([disabled])')).waitFor({ timeout: 10_000 });
  await page.mouse.move(900, 700);
  lap('the whole command is open in a read-only editor; Approve unlocked');
  await shot('41-long-command-editor-open');

  await approve.click();
  assert.equal(decisionOf(await review.done), 'allow');
  await panel.locator('.empty').waitFor({ timeout: 10_000 });
  await page.locator('.tabs-container .tab', { hasText: 'command.sh' }).waitFor({ state: 'detached', timeout: 10_000 });
  lap('approved; the details tab closed with the card');

  // Sensitive and long: the editor, then the confirmation, then Approve.
  const sensitiveCommand = longCommand('chmod 600 deploy.sh');
  const sensitive = runHook(repo, hookEnv, 'claude', claudeBashPayload(workspace, sensitiveCommand, 'Install, then lock down the deploy script'));
  const scard = cardWith(panel, 'npm install --save-dev');
  await scard.waitFor({ timeout: 20_000 });
  assert.match(await scard.locator('.badge').innerText(), /Sensitive/);
  const sapprove = scard.locator('vscode-button[data-decision="allow"]');
  await scard.locator('.toggle').click();
  const confirm = scard.locator('vscode-checkbox.confirm');
  await confirm.waitFor();
  await confirm.click();
  await confirm.and(panel.locator('[checked]')).waitFor({ timeout: 5_000 });
  assert.equal(await sapprove.getAttribute('disabled'), '', 'ticking is not enough while the command is partly hidden');
  assert.match(await scard.locator('.hint').innerText(), /open the whole command in the editor/);
  await page.mouse.move(900, 600);
  await shot('42-long-sensitive-ticked-still-locked');

  await scard.locator('vscode-button[data-action="open-details"]').click();
  await page.locator('.editor-instance .view-lines', { hasText: '&& chmod 600 deploy.sh' }).waitFor({ timeout: 20_000 });
  await sapprove.and(panel.locator(':not([disabled])')).waitFor({ timeout: 10_000 });
  await page.mouse.move(900, 700);
  await shot('43-long-sensitive-editor-open');
  await sapprove.click();
  assert.equal(decisionOf(await sensitive.done), 'allow');
  lap('long sensitive command approved after editor + confirmation');

  // Both approvals are in the audit log with the click-through the extension saw.
  const decisions = auditEntries(join(server.root, 'udd')).filter((e) => e.type === 'decision' && e.decision.decidedBy === 'human');
  const [first, second] = decisions.slice(-2);
  assert.deepEqual([first?.decision.decision, first?.decision.clickThrough?.openedVia, first?.decision.clickThrough?.shownWhole], ['allow', ['editor'], true]);
  assert.equal(first?.decision.clickThrough?.shown?.chars, reviewCommand.length);
  assert.deepEqual(
    [second?.decision.decision, second?.decision.clickThrough?.confirmed, second?.decision.clickThrough?.openedVia, second?.decision.clickThrough?.shownWhole],
    ['allow', true, ['editor'], true],
  );
  assert.match(second?.decision.clickThrough?.confirmation ?? '', /^I approve running “npm install --save-dev/);
  lap('the audit log records both approvals with their click-through');
}
