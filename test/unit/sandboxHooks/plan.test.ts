// Which allowed actions run sandboxed, the approved paths of a sensitive one, the signed plan on the wire and the
// audit entry that records it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createPolicy } from '../../../src/policy';
import type { AgentName } from '../../../src/policy/types';
import { sandboxPlan, sha256Hex, type SandboxContext } from '../../../src/gate/sandboxPlan';
import { replyProof, verifyReply } from '../../../src/ipc/auth';
import { entryProblem } from '../../../src/audit/schema';
import type { HookReply, SandboxPlan } from '../../../src/protocol/hookWire';
import { CWD, HOME, READ_FORMATS, SHELL_FORMATS } from '../adversarial/agentFormats';

const CTX: SandboxContext = { setting: 'auto', available: true, folders: [CWD], homes: [HOME, '/root'] };

async function planFor(agent: AgentName, payload: Record<string, unknown>, ctx: SandboxContext = CTX): Promise<{ plan: SandboxPlan; risk: string }> {
  const policy = await createPolicy({ sensitivePaths: [], allowedPaths: [], workspaceFolders: [CWD], home: HOME });
  const verdict = policy.evaluate(payload, agent);
  return { plan: sandboxPlan(verdict, agent, payload, ctx), risk: verdict.risk };
}

describe('sandbox plan', () => {
  test('a safe command runs sandboxed with the workspace writable', async () => {
    const { plan, risk } = await planFor('claude', SHELL_FORMATS.claude('ls -la'));
    assert.equal(risk, 'safe');
    assert.deepEqual(plan, { run: true, workspaces: [CWD], allowPaths: [], commandSha256: sha256Hex('ls -la') });
  });

  test('the cwd outside every workspace folder is writable too', async () => {
    const payload = { ...SHELL_FORMATS.claude('ls'), cwd: '/srv/other' };
    const { plan } = await planFor('claude', payload);
    assert.ok(plan.run && plan.workspaces.includes('/srv/other') && plan.workspaces.includes(CWD));
  });

  test('setting off, no sandbox, file tools, Cursor: not sandboxed, and why', async () => {
    assert.deepEqual((await planFor('claude', SHELL_FORMATS.claude('ls'), { ...CTX, setting: 'off' })).plan, { run: false, why: 'off' });
    assert.deepEqual((await planFor('claude', SHELL_FORMATS.claude('ls'), { ...CTX, available: false })).plan, { run: false, why: 'unavailable' });
    assert.deepEqual((await planFor('claude', READ_FORMATS.claude(`${CWD}/README.md`))).plan, { run: false, why: 'not-shell' });
    assert.deepEqual((await planFor('cursor', SHELL_FORMATS.cursor('ls'))).plan, { run: false, why: 'agent' });
    // Codex runs the rewrite inside its own sandbox, where bubblewrap cannot start (conformance).
    assert.deepEqual((await planFor('codex', SHELL_FORMATS.codex('ls'))).plan, { run: false, why: 'agent' });
  });

  test('every agent that can rewrite gets a plan for its own shell format', async () => {
    for (const agent of ['claude', 'vscode', 'copilot-cli', 'gemini', 'cline'] as const) {
      const { plan } = await planFor(agent, SHELL_FORMATS[agent]('git status'));
      assert.equal(plan.run, true, `${agent}: ${JSON.stringify(plan)}`);
    }
  });

  test('an approved sensitive read shows exactly the paths its review named', async () => {
    const { plan, risk } = await planFor('claude', SHELL_FORMATS.claude('cat ~/.aws/credentials .env'));
    assert.equal(risk, 'sensitive');
    assert.ok(plan.run);
    assert.deepEqual([...plan.allowPaths].sort(), ['/home/dev/.aws/credentials', '/home/dev/proj/.env', '/root/.aws/credentials']);
  });

  test('a sensitive action the sandbox cannot express runs unsandboxed, and says so', async () => {
    // A secret variable (the sandbox removes it), a path computed at run time.
    for (const command of ['echo $AWS_SECRET_ACCESS_KEY', 'cat $(echo ~/.ssh/id_rsa)']) {
      const { plan, risk } = await planFor('claude', SHELL_FORMATS.claude(command));
      assert.equal(risk, 'sensitive', command);
      assert.deepEqual(plan, { run: false, why: 'unexpressible' }, command);
    }
  });

  test('a NUL in the command: not rewritten', async () => {
    const { plan } = await planFor('claude', SHELL_FORMATS.claude('echo a\u0000b'));
    assert.deepEqual(plan, { run: false, why: 'unexpressible' });
  });
});

describe('the reply proof covers the sandbox plan', () => {
  const token = 'test-token-0123456789';
  const nonce = 'nonce-1';
  const base = { v: 1 as const, id: 'i', decision: 'allow' as const, decidedBy: 'policy' as const, risk: 'safe' as const, reason: 'ok' };
  const run: SandboxPlan = { run: true, workspaces: ['/w'], allowPaths: [], commandSha256: sha256Hex('ls') };
  const signed = (r: Omit<HookReply, 'proof'>): HookReply => ({ ...r, proof: replyProof(token, nonce, r) });

  test('a signed plan verifies', () => {
    assert.ok(verifyReply(token, nonce, signed({ ...base, sandbox: run })));
    assert.ok(verifyReply(token, nonce, signed(base)));
  });

  test('dropping, weakening or changing the plan breaks the proof', () => {
    const good = signed({ ...base, sandbox: run });
    const tampered: HookReply[] = [
      { ...good, sandbox: undefined },
      { ...good, sandbox: { run: false, why: 'off' } },
      { ...good, sandbox: { ...run, workspaces: ['/'] } },
      { ...good, sandbox: { ...run, allowPaths: ['/root/.ssh'] } },
      { ...good, sandbox: { ...run, commandSha256: sha256Hex('cat .env') } },
      // Moving a path between the lists.
      { ...good, sandbox: { ...run, workspaces: [], allowPaths: ['/w'] } },
    ];
    for (const t of tampered) assert.equal(verifyReply(token, nonce, t), false, JSON.stringify(t.sandbox));
  });
});

describe('audit entries with the sandbox', () => {
  const entry = (decision: Record<string, unknown>) => ({ v: 1, seq: 1, ts: '2026-01-01T00:00:00.000Z', prev: '0'.repeat(64), type: 'decision', id: 'x', decision: { decision: 'allow', decidedBy: 'policy', reason: 'ok', ...decision }, hash: 'a'.repeat(64) });

  test('sandboxed, not sandboxed with why, and old entries without either are well formed', () => {
    assert.equal(entryProblem(entry({ sandboxed: true })), undefined);
    assert.equal(entryProblem(entry({ sandboxed: true, sandboxPaths: ['/home/dev/.aws/credentials'] })), undefined);
    assert.equal(entryProblem(entry({ sandboxed: false, sandbox: 'unavailable' })), undefined);
    assert.equal(entryProblem(entry({ sandboxed: false, sandbox: 'off' })), undefined);
    assert.equal(entryProblem(entry({})), undefined);
  });

  test('malformed sandbox fields are not', () => {
    assert.notEqual(entryProblem(entry({ sandboxed: 'yes' })), undefined);
    assert.notEqual(entryProblem(entry({ sandboxed: false, sandbox: 'because' })), undefined);
    assert.notEqual(entryProblem(entry({ sandboxed: true, sandboxPaths: [1] })), undefined);
  });
});
