// Person-level helpers for driving the VS Code workbench in chromium.

/** Workbench settings for every browser run: no chat side bar or welcome page in the way of the panel. */
export const UI_SETTINGS = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
};

export async function openCountersign(page) {
  const item = page.locator('.activitybar [aria-label^="Countersign"]').first();
  await item.waitFor({ timeout: 60_000 });
  await item.click();
  // The activity bar tooltip would cover the panel in screenshots.
  await page.mouse.move(900, 600);
  // The view is a webview: an outer iframe from the workbench, the panel document in #active-frame inside it.
  await page.locator('iframe.webview.ready').first().waitFor({ timeout: 30_000 });
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

/** The panel document as a playwright Frame, to evaluate script inside the webview (e.g. read window flags). */
export function panelFrame(page) {
  const frame = page.frames().find((f) => f.url().includes('/webview/browser/pre/fake.html') || (f.parentFrame()?.url().includes('purpose=webviewView') ?? false));
  if (!frame) throw new Error('the review panel frame is not loaded');
  return frame;
}

/** Makes the side bar wide enough to read a card comfortably (a person would drag the sash too). */
export async function widenSideBar(page, width = 460) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const edge = box.x + box.width;
  // The sash between the side bar and the editor: the vertical one nearest the side bar's right edge.
  let best;
  for (const sash of await page.locator('.monaco-sash.vertical').all()) {
    const b = await sash.boundingBox();
    if (b && b.height > box.height / 2 && (!best || Math.abs(b.x + b.width / 2 - edge) < Math.abs(best.x + best.width / 2 - edge))) best = b;
  }
  if (!best) return;
  const x = best.x + best.width / 2;
  const y = best.y + best.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + (width - box.width) / 2, y, { steps: 4 });
  await page.mouse.move(x + (width - box.width), y, { steps: 4 });
  await page.mouse.up();
  await page.mouse.move(900, 600);
}

export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}

/** The card whose subject (command or path) contains `text`. */
export function cardWith(panel, text) {
  return panel.locator('article.card', { has: panel.locator('.subject', { hasText: text }) }).first();
}

/** Picks a color theme the way a person does: Ctrl+K Ctrl+T, type its name, Enter. */
export async function colorTheme(page, theme) {
  await page.mouse.click(900, 600); // focus the workbench, not the webview
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+t');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(theme);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: theme }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}
