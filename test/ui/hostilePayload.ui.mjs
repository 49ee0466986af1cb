// Browser test: an agent sends markup, script, event handlers, javascript: URLs, bidi overrides, zero-width
// characters and ANSI escapes. Nothing executes (no flag set, no dialog, no element created from it, no CSP
// violation), the text shows literally, and the hidden characters show as inert markers.
import assert from 'node:assert/strict';
import { claudeBashPayload, claudeReadPayload, decisionOf, runHook } from './hookProcess.mjs';
import { openCountersign, panelFrame, widenSideBar } from './workbench.mjs';

export const name = 'hostile payloads: markup and script stay text, bidi/zero-width/ANSI become visible markers';

const COMMAND =
  'sudo sh -c \'echo "<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>" > index.html\' ' +
  '# open javascript:window.__pwned=3 \u202Etxt.exe\u202C s\u200Budo \x1b[31mred\x1b[0m \u2066x\u2069';
const EXPLANATION = '<b onmouseover="window.__pwned=4">Harmless</b> <a href="javascript:window.__pwned=5">docs</a> \u202Efdp.exe';

export async function run({ page, repo, workspace, hookEnv, shot, lap }) {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const cspViolations = [];
  page.on('console', (m) => /Content Security Policy|Refused to (execute|load|apply)/.test(m.text()) && cspViolations.push(m.text()));

  const panel = await openCountersign(page);
  await widenSideBar(page, 520);
  await panel.locator('.empty').waitFor({ timeout: 30_000 });

  const hook = runHook(repo, hookEnv, 'claude', claudeBashPayload(workspace, COMMAND, EXPLANATION));
  const read = runHook(repo, hookEnv, 'claude', claudeReadPayload(workspace, `${workspace}/notes\u202Etxt.env`));
  const card = panel.locator('article.card', { has: panel.locator('.subject', { hasText: 'onerror' }) }).first();
  await card.waitFor({ timeout: 20_000 });
  await card.locator('.toggle').click();
  await card.locator('vscode-checkbox.confirm').waitFor();

  // Literal text, not markup.
  const subject = await card.locator('.subject').innerText();
  assert.ok(subject.includes('<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>'), subject);
  assert.ok(subject.includes('javascript:window.__pwned=3'));
  assert.ok((await card.locator('.explanation').innerText()).includes('<b onmouseover="window.__pwned=4">Harmless</b> <a href="javascript:window.__pwned=5">docs</a>'));
  // No element was made from the payload anywhere in the panel.
  assert.equal(await panel.locator('main img, main script, main a, main b, main iframe').count(), 0);

  // Hidden characters are visible markers, in the command, the explanation and the confirmation sentence.
  for (const marker of ['⟦U+202E⟧', '⟦U+202C⟧', '⟦U+200B⟧', '⟦ESC[31m⟧', '⟦ESC[0m⟧', '⟦U+2066⟧', '⟦U+2069⟧']) {
    assert.ok(subject.includes(marker), `${marker} in the command`);
  }
  assert.ok((await card.locator('.explanation').innerText()).includes('⟦U+202E⟧fdp.exe'));
  assert.ok((await card.locator('vscode-checkbox.confirm').innerText()).includes('⟦U+202E⟧'), 'the confirmation names the hidden characters too');
  assert.equal(await card.locator('.subject .hidden-char').first().getAttribute('title'), 'RIGHT-TO-LEFT OVERRIDE');
  const raw = await card.locator('.subject').evaluate((e) => e.textContent);
  const rawControls = [...raw].filter((ch) => /[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/u.test(ch) || ch === String.fromCharCode(27));
  assert.deepEqual(rawControls, [], 'no raw control character reaches the page');

  const readCard = panel.locator('article.card', { has: panel.locator('.subject', { hasText: 'notes' }) }).first();
  await readCard.waitFor({ timeout: 20_000 });
  assert.match(await readCard.locator('.subject').innerText(), /notes⟦U\+202E⟧txt\.env/);

  // Try to trigger anything that might have slipped through, then check nothing ran.
  await card.locator('.explanation').hover();
  await card.locator('.subject').click();
  const frame = panelFrame(page);
  assert.equal(await frame.evaluate(() => globalThis.__pwned), undefined, 'no payload ran in the panel');
  assert.equal(await page.evaluate(() => globalThis.__pwned), undefined, 'no payload ran in the workbench');
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.deepEqual(cspViolations, [], 'nothing even tried to run against the CSP');
  lap('payload rendered as inert text with visible markers');
  await card.scrollIntoViewIfNeeded();
  await shot('30-hostile-payload-card');

  await panel.locator('[data-action="deny-all"]').click();
  assert.equal(decisionOf(await hook.done), 'deny');
  assert.equal(decisionOf(await read.done), 'deny');
  await panel.locator('vscode-collapsible.history').click();
  await panel.locator('.history-item').nth(1).waitFor();
  assert.ok((await panel.locator('.history-summary').allInnerTexts()).some((t) => t.includes('⟦U+202E⟧')), 'the history shows markers too');
  await shot('31-hostile-history');
}
