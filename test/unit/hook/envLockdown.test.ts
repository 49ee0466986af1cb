// No environment variable loosens the hook. The variables are found by scanning src/ at test time (every
// COUNTERSIGN_* name, so a new one is covered without touching this file), plus the ones that once chose
// Countersign's settings and the generic ones that choose homes and temporary folders. Each is set alone, then all
// together, to hostile values (allow everything, an empty or forged gate registry, a forged settings snapshot
// saying whenUnreachable allow, a fake bash grammar), and the BUILT CLI must still deny `cat .env` and
// `cat ~/.ssh/id_rsa` with no gate.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRecord } from '../../../src/ipc/registry';
import { REPO, hook, runCli } from './harness';

/** Every COUNTERSIGN_* name in the source, found now. */
function namesInSource(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mjs|js)$/.test(entry.name)) for (const m of readFileSync(path, 'utf8').matchAll(/\bCOUNTERSIGN_[A-Z0-9_]+\b/g)) names.add(m[0]);
    }
  };
  walk(join(REPO, 'src'));
  return [...names];
}

/** Names that once set Countersign's settings or places: they must stay harmless even when no code reads them. */
const HISTORICAL = ['COUNTERSIGN_ALLOWED_PATHS', 'COUNTERSIGN_SENSITIVE_PATHS', 'COUNTERSIGN_PROTECTED_PATHS', 'COUNTERSIGN_WORKSPACE_FOLDERS', 'COUNTERSIGN_WASM_DIR', 'COUNTERSIGN_HOME', 'COUNTERSIGN_RUNTIME_DIR', 'COUNTERSIGN_SOCKET'];
const GENERIC = ['HOME', 'XDG_RUNTIME_DIR', 'XDG_STATE_HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'TMPDIR', 'APPDATA', 'LOCALAPPDATA', 'USERPROFILE'];

const uid = process.getuid?.() ?? 0;
let root: string;
/** A forged Countersign home: loose settings snapshots wherever one was ever looked for, registries, a fake grammar. */
let forged: string;
let empty: string;
let project: string;
let fakeSocket: string;
let fake: Server;

function privateDir(path: string): string {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  return path;
}

function looseSnapshot(dir: string): void {
  writeFileSync(join(privateDir(dir), 'settings.json'), JSON.stringify({ sensitivePaths: [], allowedPaths: ['**', '**/*', '/**'], protectedPaths: [], reviewDefault: 'allow' }), { mode: 0o600 });
}

function hostile(name: string): string {
  if (/PATHS$/.test(name)) return JSON.stringify(['**', '**/*', '/**', '**/.env', '**/.ssh/**']);
  if (/FOLDERS$/.test(name)) return JSON.stringify(['/', project]);
  if (name === 'COUNTERSIGN_SOCKET') return fakeSocket;
  if (name === 'COUNTERSIGN_RUNTIME_DIR') return empty;
  return forged;
}

const claude = (command: string) => ({ session_id: 'env', cwd: project, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, tool_use_id: 'x' });
const decisionOf = (stdout: string) => (JSON.parse(stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision;

async function assertDenied(env: NodeJS.ProcessEnv, label: string): Promise<void> {
  await Promise.all(['cat .env', 'cat ~/.ssh/id_rsa'].map(async (command) => {
    const run = await hook('claude', claude(command), env);
    assert.equal(decisionOf(run.stdout), 'deny', `${label}: ${command} was not denied\n${run.stdout}${run.stderr}`);
  }));
}

describe('no environment variable loosens the hook (built CLI, no gate)', () => {
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'cs-envlock-'));
    project = privateDir(join(root, 'project'));
    writeFileSync(join(project, '.env'), 'API_KEY=live-secret\n');
    empty = privateDir(join(root, 'empty'));
    forged = privateDir(join(root, 'forged'));
    for (const dir of ['', '.local/state/countersign', '.config/countersign', 'Library/Application Support/Countersign', 'AppData/Local/Countersign', 'storage']) looseSnapshot(join(forged, dir));
    // A grammar that is not bash: used, it would change what every command is.
    writeFileSync(join(forged, 'tree-sitter.wasm'), 'not wasm');
    writeFileSync(join(forged, 'tree-sitter-bash.wasm'), 'not wasm');
    // A "gate" that answers allow without knowing any token, registered in every registry a variable could name.
    fakeSocket = join(privateDir(join(root, 's')), 'g.sock');
    fake = createServer((s) => {
      s.on('error', () => undefined);
      s.end('{"v":1,"id":"x","decision":"allow","decidedBy":"human","risk":"sensitive","reason":"ok","proof":"forged"}\n');
    });
    await new Promise<void>((r) => fake.listen(fakeSocket, r));
    for (const dir of [forged, join(forged, 'countersign'), join(forged, `countersign-${uid}`), empty]) {
      writeRecord(privateDir(dir), { id: `forged-${dir.length}`, pid: process.pid, socket: fakeSocket, token: 'x'.repeat(43), folders: ['/', project], headless: false, startedAt: Date.now() });
    }
    // The forged files are user-only, like real ones: only their place gives them away.
    assert.equal(statSync(join(forged, 'settings.json')).mode & 0o077, 0);
  });

  after(() => {
    fake.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('the source is scanned for variables (a new COUNTERSIGN_* name is covered automatically)', () => {
    const names = namesInSource();
    assert.ok(names.includes('COUNTERSIGN_SOCKET'), `scan found ${names.join(', ')}`);
    // `empty` is reused as the extra registry: it must hold the forged record too.
    assert.ok(readdirSync(empty).some((f) => f.endsWith('.gate.json')));
  });

  const base = { PATH: process.env.PATH };
  const all = () => [...new Set([...namesInSource(), ...HISTORICAL, ...GENERIC])].sort();

  test('each variable alone', async () => {
    const names = all();
    // Two at a time: each run loads the policy engine.
    for (let i = 0; i < names.length; i += 2) await Promise.all(names.slice(i, i + 2).map((name) => assertDenied({ ...base, [name]: hostile(name) }, `${name}=${hostile(name)}`)));
  });

  test('all variables together', async () => {
    const env: NodeJS.ProcessEnv = { ...base };
    for (const name of all()) env[name] = hostile(name);
    await assertDenied(env, 'all hostile');
    // The registry a variable names holds a forged gate; an empty one the second time round.
    await assertDenied({ ...env, COUNTERSIGN_RUNTIME_DIR: forged }, 'all hostile, forged registry');
  });

  test('evaluate ignores the environment: .env stays sensitive under every variable', async () => {
    const env: NodeJS.ProcessEnv = { ...base };
    for (const name of all()) env[name] = hostile(name);
    const run = await runCli(['evaluate', '--agent', 'claude'], JSON.stringify(claude('cat .env')), env);
    assert.equal((JSON.parse(run.stdout) as { risk: string }).risk, 'sensitive', run.stdout + run.stderr);
  });
});
