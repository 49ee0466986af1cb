// Runs the integration suites inside code-server's real (Node) extension host.
// The workbench (in chromium) reports the suites' result through codeAutomationExit; that is our exit code.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser, REPO, sampleWorkspace, startCodeServer, workbenchUrl } from './codeServer.mjs';

const TIMEOUT_MS = Number(process.env.TEST_TIMEOUT_MS || 300_000);
const NOISE = /^\[(AgentHost|AccountPolicyGate|ChatModelSelection|Service Worker)|Creating a socket|connection token|grace-time|builtin extensions cache|ENOTFOUND|ERR_NAME_NOT_RESOLVED|authentication provider/;
const t0 = Date.now();
const lap = (m) => console.log(`[integration ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const scratch = mkdtempSync(join(tmpdir(), 'cs-ws-'));
const workspace = sampleWorkspace(scratch);
let server;
let browser;
let exitCode;
try {
  server = await startCodeServer({ workspace, log: lap });
  browser = await launchBrowser();
  const { page } = browser;
  const result = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(args || []));
      if (process.env.VERBOSE || !NOISE.test(line)) console.log(type === 'error' ? `[error] ${line}` : line);
    });
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  page.on('pageerror', (e) => console.log('[pageerror]', String(e).slice(0, 300)));
  await page.goto(workbenchUrl(server, workspace, { extensionDevelopmentPath: REPO, extensionTestsPath: join(REPO, 'out/test/integration/index.js') }));
  lap('workbench loaded; suites run in the extension host');
  exitCode = await Promise.race([result, new Promise((_, rej) => setTimeout(() => rej(new Error(`no result after ${TIMEOUT_MS} ms`)), TIMEOUT_MS))]);
} catch (err) {
  console.error(`integration runner: ${err.message}\n--- code-server output ---\n${server?.output() ?? ''}`);
  exitCode = 2;
} finally {
  await browser?.close();
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
lap(`extension host exit code ${exitCode}: ${exitCode === 0 ? 'PASS' : 'FAIL'}`);
process.exit(exitCode);
