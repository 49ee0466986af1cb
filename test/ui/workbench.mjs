// Person-level helpers for driving the VS Code workbench in chromium.
export async function openCountersign(page) {
  const item = page.locator('.activitybar [aria-label^="Countersign"]').first();
  await item.waitFor({ timeout: 60_000 });
  await item.click();
  // The view is a webview: an outer iframe from the workbench, the panel document in #active-frame inside it.
  await page.locator('iframe.webview.ready').first().waitFor({ timeout: 30_000 });
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

export async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
}
