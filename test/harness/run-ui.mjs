// Browser tests: real code-server, real panel, real clicks in Debian chromium. Screenshots go to
// test-results/screenshots/ (git-ignored). Each test module exports { name, run(ctx) }.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, REPO, sampleWorkspace, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { UI_SETTINGS } from '../ui/workbench.mjs';

const SHOTS = process.env.SHOTS || join(REPO, 'test-results/screenshots');
const ALL = ['../ui/reviewPanel.ui.mjs', '../ui/panelQueue.ui.mjs', '../ui/diffEditor.ui.mjs', '../ui/hostilePayload.ui.mjs', '../ui/clickThrough.ui.mjs', '../ui/guard.ui.mjs', '../ui/allowRules.ui.mjs'];
// `node test/harness/run-ui.mjs queue` runs only the modules whose file name contains "queue".
// `--vsix FILE` installs that packaged extension into each fresh code-server instead of loading the sources.
const argv = process.argv.slice(2);
const vsixAt = argv.indexOf('--vsix');
const VSIX = vsixAt >= 0 ? argv.splice(vsixAt, 2)[1] : undefined;
const only = argv[0];
const TESTS = only ? ALL.filter((f) => f.includes(only)) : ALL;
mkdirSync(SHOTS, { recursive: true });
const t0 = Date.now();
const lap = (m) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

let failed = 0;
for (const file of TESTS) {
  const test = await import(file);
  const scratch = mkdtempSync(join(tmpdir(), 'cs-ui-'));
  const workspace = sampleWorkspace(scratch);
  let server;
  let browser;
  try {
    server = await startCodeServer({ workspace, log: lap, ...(VSIX ? { vsix: VSIX, smokeDriver: false } : {}) });
    const settingsFile = join(server.root, 'udd/User/settings.json');
    /** Writes user settings; the running workbench picks them up (e.g. a color theme). */
    const settings = (extra = {}) => {
      mkdirSync(join(server.root, 'udd/User'), { recursive: true });
      writeFileSync(settingsFile, JSON.stringify({ ...UI_SETTINGS, ...extra }, null, 2));
    };
    settings();
    browser = await launchBrowser();
    const { page } = browser;
    page.on('pageerror', (e) => console.log('  [pageerror]', String(e).slice(0, 200)));
    await page.goto(VSIX ? workbenchUrl(server, workspace) : workbenchUrl(server, workspace, { extensionDevelopmentPath: REPO }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const hookEnv = { ...process.env, COUNTERSIGN_RUNTIME_DIR: server.runtimeDir };
    delete hookEnv.COUNTERSIGN_SOCKET;
    const shot = (name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
    await test.run({ page, repo: REPO, workspace, server, hookEnv, shot, lap, settings });
    console.log(`✔ ${test.name}`);
  } catch (err) {
    failed++;
    console.log(`✘ ${test.name}\n  ${err.stack ?? err}`);
    await browser?.page.screenshot({ path: join(SHOTS, `99-failure-${file.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    if (server) console.log(server.output().split('\n').slice(-30).join('\n'));
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}
lap(`${TESTS.length - failed}/${TESTS.length} browser tests passed${VSIX ? ` against the installed ${VSIX}` : ''}; screenshots in ${SHOTS}`);
process.exit(failed ? 1 : 0);
