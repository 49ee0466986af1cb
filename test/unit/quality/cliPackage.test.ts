// The CLI is publishable on its own: packages/cli/package.json + the bundles, packed by npm, installed offline into
// an empty project, and `npx countersign gate --headless` runs from it and answers a hook (the README's CI gate).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO = join(__dirname, '../../../..');

/** npm as a user runs it: none of an outer `npm test`'s npm_config_* settings. */
function npmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, ...extra };
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = npmEnv(), input?: string): string {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', input });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

test('npm pack of the CLI package installs offline, and npx countersign gate --headless answers a hook from it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-clipkg-'));
  try {
    const pkg = join(dir, 'pkg');
    run(process.execPath, [join(REPO, 'scripts', 'cli-package.mjs'), pkg], REPO);
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { name: string; version: string; bin: Record<string, string>; private?: boolean };
    const root = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(manifest.bin, { countersign: 'cli.js' });
    assert.equal(manifest.version, root.version);
    assert.equal(manifest.private, undefined, 'publishable');

    run('npm', ['pack', pkg, '--pack-destination', dir, '--loglevel=error'], dir);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack wrote a tarball');
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "ci-job", "private": true }\n');
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(dir, tarball)], app);

    const rt = join(dir, 'rt');
    mkdirSync(rt, { mode: 0o700 });
    const env = npmEnv({ HOME: dir, COUNTERSIGN_RUNTIME_DIR: rt });
    const socket = join(rt, 'ci.sock');
    const gate = spawn('npx', ['--offline', 'countersign', 'gate', '--headless', '--audit', join(dir, 'audit', 'audit.jsonl'), '--socket', socket, '--folder', app], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise<void>((done) => gate.on('close', () => done()));
    try {
      // The gate says where it listens once it does (one JSON line on stdout).
      const ready = await new Promise<{ socket: string; pid: number }>((resolve, reject) => {
        let out = '';
        gate.stdout.on('data', (d: Buffer) => {
          out += String(d);
          if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))) as { socket: string; pid: number });
        });
        gate.on('close', (code) => reject(new Error(`the gate exited (${code}) before it listened`)));
      });
      assert.equal(ready.socket, socket);
      const payload = JSON.stringify({ session_id: 's', cwd: app, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'cat .env' } });
      const answer = JSON.parse(run('npx', ['--offline', 'countersign', 'hook', '--agent', 'claude'], app, { ...env, COUNTERSIGN_SOCKET: socket }, payload)) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } };
      assert.equal(answer.hookSpecificOutput.permissionDecision, 'deny');
      assert.match(answer.hookSpecificOutput.permissionDecisionReason, /headless/);
      process.kill(ready.pid, 'SIGTERM');
    } finally {
      gate.kill('SIGTERM');
      await closed;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
