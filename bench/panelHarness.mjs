// Browser side of the panel benchmark (spawned by panel.bench.ts): real code-server, real panel in chromium.
// Talks JSON lines: "@@{...}" on stdout to the bench, one JSON object per line on stdin from it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { launchBrowser, REPO, sampleWorkspace, startCodeServer, workbenchUrl } from '../test/harness/codeServer.mjs';
import { claudeBashPayload, runHook } from '../test/ui/hookProcess.mjs';
import { openCountersign, UI_SETTINGS, widenSideBar } from '../test/ui/workbench.mjs';

const CALLS = Number(process.env.BENCH_CALLS || 30);
const WARMUP = 3;
const FLOOD = Number(process.env.BENCH_FLOOD || 500);

const send = (o) => process.stdout.write(`@@${JSON.stringify(o)}\n`);
const log = (m) => process.stderr.write(`[panel bench] ${m}\n`);
const inbox = [];
let wake;
const stdin = createInterface({ input: process.stdin });
stdin.on('line', (l) => {
  inbox.push(JSON.parse(l));
  wake?.();
});
async function receive() {
  while (inbox.length === 0) await new Promise((r) => (wake = r));
  return inbox.shift();
}

const scratch = mkdtempSync(join(tmpdir(), 'cs-bench-'));
const workspace = sampleWorkspace(scratch);
let server;
let browser;
try {
  server = await startCodeServer({ workspace });
  mkdirSync(join(server.root, 'udd/User'), { recursive: true });
  writeFileSync(join(server.root, 'udd/User/settings.json'), JSON.stringify(UI_SETTINGS));
  browser = await launchBrowser();
  const { page } = browser;
  await page.goto(workbenchUrl(server, workspace, { extensionDevelopmentPath: REPO }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const panel = await openCountersign(page);
  await widenSideBar(page);
  await panel.locator('.empty').waitFor({ timeout: 30_000 });
  const hookEnv = { ...process.env, COUNTERSIGN_RUNTIME_DIR: server.runtimeDir };
  delete hookEnv.COUNTERSIGN_SOCKET;
  const count = panel.locator('.panel-head .count');
  const countIs = (n) => panel.locator('.panel-head .count', { hasText: new RegExp(`^${n}$`) }).waitFor({ timeout: 120_000 });

  // 1. Hook call → card visible, one at a time (the real CLI, spawned as an agent would).
  const latency = [];
  for (let i = 0; i < CALLS + WARMUP; i++) {
    const command = `chmod 777 bench-${i}.sh`;
    const t0 = performance.now();
    const hook = runHook(REPO, hookEnv, 'claude', claudeBashPayload(workspace, command));
    await panel.locator('article.card .subject', { hasText: command }).waitFor({ timeout: 30_000 });
    if (i >= WARMUP) latency.push(performance.now() - t0);
    await panel.locator('article.card [data-decision="deny"]').first().click();
    await hook.done;
    await panel.locator('.empty').waitFor();
  }
  log(`${CALLS} hook calls measured`);

  // 2. A flood: the bench opens FLOOD requests at once on the gate's socket.
  send({ want: 'flood', n: FLOOD, runtimeDir: server.runtimeDir, workspace });
  const tf = performance.now();
  await receive(); // the bench has sent every request
  await panel.locator('article.card').first().waitFor({ timeout: 60_000 });
  const firstCard = performance.now() - tf;
  await countIs(FLOOD);
  const allCounted = performance.now() - tf;
  const rendered = await panel.locator('article.card').count();

  // 3. Responsiveness with FLOOD pending: deny the top card, open a card's details, show the next page.
  const clicks = [];
  for (let k = 0; k < 10; k++) {
    const t = performance.now();
    await panel.locator('article.card [data-decision="deny"]').first().click();
    await countIs(FLOOD - k - 1);
    clicks.push(performance.now() - t);
  }
  const details = [];
  for (let k = 0; k < 5; k++) {
    const card = panel.locator('article.card').nth(k);
    const t = performance.now();
    await card.locator('.toggle').click();
    await card.locator('.details:not([hidden])').waitFor();
    details.push(performance.now() - t);
  }
  const tm = performance.now();
  await panel.locator('[data-action="show-more"]').click();
  await panel.locator('article.card').nth(rendered + 50).waitFor();
  const showMore = performance.now() - tm;
  const td = performance.now();
  await panel.locator('[data-action="deny-all"]').click();
  await panel.locator('.empty').waitFor({ timeout: 120_000 });
  const denyAll = performance.now() - td;
  send({ done: { latency, firstCard, allCounted, rendered, clicks, details, showMore, denyAll, remaining: await count.innerText() } });
} catch (err) {
  send({ error: String(err?.stack ?? err) });
} finally {
  await browser?.close();
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
  stdin.close(); // nothing more to read: let the process end
}
