// The test's side of the scripted model extension (scripted-model/): packages it once, and talks to it over the
// Unix socket it opens in the extension host's HOME.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = join(HERE, '../..');

/** Packages scripted-model/ as a .vsix (vsce, offline) and returns its path. */
export function packageScriptedModel(outDir) {
  const work = mkdtempSync(join(tmpdir(), 'scripted-model-'));
  try {
    cpSync(join(HERE, 'scripted-model'), work, { recursive: true });
    writeFileSync(join(work, 'README.md'), '# Scripted model\n\nTest-only language model for Countersign tests.\n');
    copyFileSync(join(REPO, 'LICENSE'), join(work, 'LICENSE'));
    const out = join(outDir, 'scripted-model.vsix');
    const r = spawnSync(join(REPO, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--out', out], { cwd: work, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`packaging the scripted model failed:\n${r.stdout}${r.stderr}`);
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One request to the scripted model extension; resolves with its reply (rejects on an error reply). */
export function scriptedRequest(socketPath, request) {
  return new Promise((resolve, reject) => {
    const s = createConnection(socketPath);
    let buf = '';
    s.on('data', (d) => (buf += d));
    s.on('error', reject);
    s.on('close', () => {
      try {
        const reply = JSON.parse(buf);
        if (reply.error) reject(new Error(`scripted model: ${reply.error}`));
        else resolve(reply);
      } catch {
        reject(new Error(`scripted model: no reply (${buf.slice(0, 200)})`));
      }
    });
    s.write(JSON.stringify(request) + '\n');
  });
}

/** Waits until the extension host has started the scripted model (its socket exists). */
export async function waitForSocket(socketPath, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (!existsSync(socketPath)) {
    if (Date.now() > until) throw new Error(`the scripted model did not start (${socketPath})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
