// With no trustworthy gate, the CLI decides alone and never fails open: sensitive and blocked denied (saying how
// to approve), review per countersign.whenUnreachable (default deny), safe allowed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeRecord } from '../../../src/ipc/registry';
import { fakeGate, hook, sandbox } from './harness';

const CWD = '/home/dev/proj';
const claude = (command: string) => ({ session_id: 's', cwd: CWD, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, tool_use_id: 'x' });
const decision = (stdout: string) => (JSON.parse(stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } }).hookSpecificOutput;

describe('fail closed without a gate', () => {
  test('no gate: sensitive denied with how to approve; review denied by default; safe allowed', async () => {
    const box = sandbox();
    try {
      const secret = decision((await hook('claude', claude('cat .env'), box.env)).stdout);
      assert.equal(secret.permissionDecision, 'deny');
      assert.match(secret.permissionDecisionReason, /no review gate is running.*open this folder in VS Code/is);
      assert.equal(decision((await hook('claude', claude('npm install left-pad'), box.env)).stdout).permissionDecision, 'deny');
      assert.equal(decision((await hook('claude', claude('ls'), box.env)).stdout).permissionDecision, 'allow');
    } finally {
      box.cleanup();
    }
  });

  test('a settings snapshot in a folder the environment names (COUNTERSIGN_HOME) is not read: review stays denied', async () => {
    // The user's own snapshot lives in the state directory the account decides (settingsSnapshot.test.ts reads it).
    const box = sandbox();
    try {
      const home = join(box.dir, 'storage');
      mkdirSync(home, { mode: 0o700 });
      writeFileSync(join(home, 'settings.json'), JSON.stringify({ sensitivePaths: [], allowedPaths: ['**'], protectedPaths: [], reviewDefault: 'allow' }), { mode: 0o600 });
      const env = { ...box.env, COUNTERSIGN_HOME: home };
      assert.equal(decision((await hook('claude', claude('npm install left-pad'), env)).stdout).permissionDecision, 'deny');
      assert.equal(decision((await hook('claude', claude('cat .env'), env)).stdout).permissionDecision, 'deny');
    } finally {
      box.cleanup();
    }
  });

  test('a stale registry entry (dead pid) and a missing socket count as no gate', async () => {
    const box = sandbox();
    try {
      writeRecord(box.runtimeDir, { id: 'stale', pid: 2 ** 22 + 12345, socket: join(box.runtimeDir, 'stale.sock'), token: 't'.repeat(43), folders: ['/'], headless: false, startedAt: 1 });
      writeRecord(box.runtimeDir, { id: 'nosock', pid: process.pid, socket: join(box.runtimeDir, 'missing.sock'), token: 't'.repeat(43), folders: ['/'], headless: false, startedAt: 2 });
      const out = decision((await hook('claude', claude('chmod 777 deploy.sh'), box.env)).stdout);
      assert.equal(out.permissionDecision, 'deny');
      assert.match(out.permissionDecisionReason, /could not be reached|no review gate/);
    } finally {
      box.cleanup();
    }
  });

  const faults: [string, (s: import('node:net').Socket) => void][] = [
    ['garbage', (s) => s.end('this is not json\n')],
    ['truncated', (s) => s.end('{"v":1,"id":"x","decision":"al')],
    ['oversized', (s) => s.end(`${'{"pad":"' + 'x'.repeat(200_000)}"}\n`)],
    ['an allow without the token proof', (s) => s.end('{"v":1,"id":"x","decision":"allow","decidedBy":"human","risk":"sensitive","reason":"ok","proof":"forged"}\n')],
    ['a crash mid-request', (s) => s.destroy()],
  ];
  for (const [name, behave] of faults) {
    test(`a gate that answers with ${name} is no gate: sensitive denied, safe still allowed`, async () => {
      const box = sandbox();
      const fake = await fakeGate(box, behave);
      try {
        const env = { ...box.env, COUNTERSIGN_SOCKET: fake.socket };
        const out = decision((await hook('claude', claude('sudo cat /etc/shadow'), env)).stdout);
        assert.equal(out.permissionDecision, 'deny');
        assert.match(out.permissionDecisionReason, /could not be reached/);
        assert.equal(decision((await hook('claude', claude('ls'), env)).stdout).permissionDecision, 'allow');
      } finally {
        await fake.close();
        box.cleanup();
      }
    });
  }

  test('a gate that never answers: denied before the agent hook timeout', async () => {
    const box = sandbox();
    const fake = await fakeGate(box, () => undefined);
    try {
      const out = await hook('claude', claude('cat .env'), { ...box.env, COUNTERSIGN_SOCKET: fake.socket }, ['--timeout', '2']);
      // Answered by the hook's own stop before the agent's timeout (the reason names it), on a clean exit.
      assert.equal(decision(out.stdout).permissionDecision, 'deny');
      assert.match(decision(out.stdout).permissionDecisionReason, /did not answer before the hook timeout/);
      assert.equal(out.code, 0);
    } finally {
      await fake.close();
      box.cleanup();
    }
  });

  test('a runtime directory other users can enter is refused', async () => {
    const box = sandbox();
    const fake = await fakeGate(box, (s) => s.end('{}\n'));
    try {
      chmodSync(box.runtimeDir, 0o755);
      const out = decision((await hook('claude', claude('cat .env'), { ...box.env, COUNTERSIGN_SOCKET: fake.socket })).stdout);
      assert.equal(out.permissionDecision, 'deny');
    } finally {
      chmodSync(box.runtimeDir, 0o700);
      await fake.close();
      box.cleanup();
    }
  });

  test('malformed stdin and unknown agents are denied with exit 2', async () => {
    const box = sandbox();
    try {
      const bad = await hook('claude', '{"tool_name": ', box.env);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /countersign:/);
      const unknown = await hook('nope', claude('ls'), box.env);
      assert.equal(unknown.code, 2);
      assert.equal(decision(unknown.stdout).permissionDecision, 'deny');
    } finally {
      box.cleanup();
    }
  });
});
