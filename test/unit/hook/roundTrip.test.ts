// Every agent's payload format through the real CLI and a real (headless) gate, answered in that agent's format.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { listLogFiles, verifyLog } from '../../../src/audit';
import { hook, sample, sandbox, startHeadlessGate, type HeadlessGate, type Sandbox } from './harness';

const CWD = '/home/dev/proj';

/** The same two actions in each agent's own format: a secret read (sensitive) and a listing (safe). */
const PAYLOADS: Record<string, { secret: unknown; safe: unknown }> = {
  claude: { secret: sample('claude-PreToolUse-Bash-denied.json'), safe: { ...sample('claude-PreToolUse-Bash.json'), tool_input: { command: 'ls -la', description: 'List' } } },
  codex: { secret: sample('codex-PreToolUse-Bash-denied.json'), safe: { ...sample('codex-PreToolUse-Bash.json'), tool_input: { command: 'ls -la' } } },
  gemini: {
    secret: sample('gemini-BeforeTool-run_shell_command-denied.json'),
    safe: { ...sample('gemini-BeforeTool-run_shell_command.json'), tool_input: { command: 'ls -la', description: 'List' } },
  },
  'copilot-cli': {
    secret: sample('copilot-native-preToolUse-bash-deny.json'),
    safe: { ...sample('copilot-native-preToolUse-bash-allow.json'), toolArgs: { command: 'ls -la', description: 'List' } },
  },
  vscode: {
    secret: { timestamp: '2026-11-21T05:00:00.000Z', cwd: CWD, sessionId: 's1', hookEventName: 'PreToolUse', transcript_path: '/t.json', tool_name: 'run_in_terminal', tool_input: { command: 'cat .env', explanation: 'Show env', isBackground: false }, tool_use_id: 't1' },
    safe: { timestamp: '2026-11-21T05:00:00.000Z', cwd: CWD, sessionId: 's1', hookEventName: 'PreToolUse', transcript_path: '/t.json', tool_name: 'run_in_terminal', tool_input: { command: 'ls -la', explanation: 'List', isBackground: false }, tool_use_id: 't2' },
  },
  cursor: {
    secret: { conversation_id: 'c1', generation_id: 'g1', hook_event_name: 'beforeShellExecution', workspace_roots: [CWD], command: 'cat .env', cwd: CWD },
    safe: { conversation_id: 'c1', generation_id: 'g2', hook_event_name: 'beforeShellExecution', workspace_roots: [CWD], command: 'ls -la', cwd: CWD },
  },
  cline: {
    secret: sample('cline-PreToolUse-run_commands-deny.json'),
    safe: sample('cline-PreToolUse-run_commands-allow.json'),
  },
};

/** Ids of the deny decisions in the gate's log (every line of every file of its chain). */
async function deniedDecisions(dir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const file of await listLogFiles(dir)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      const entry = JSON.parse(line) as { type?: string; id?: string; decision?: { decision?: string } };
      if (entry.type === 'decision' && entry.decision?.decision === 'deny' && entry.id) ids.push(entry.id);
    }
  }
  return ids;
}

type Answer = Record<string, unknown> & { hookSpecificOutput?: { permissionDecision?: string } };

function verdictOf(agent: string, out: { code: number | null; stdout: string }): 'allow' | 'deny' {
  if (agent === 'codex' && out.stdout === '' && out.code === 0) return 'allow';
  const a = JSON.parse(out.stdout) as Answer;
  switch (agent) {
    case 'gemini':
      return a.decision === 'allow' ? 'allow' : 'deny';
    case 'cursor':
      return a.permission === 'allow' ? 'allow' : 'deny';
    case 'copilot-cli':
      return a.permissionDecision === 'allow' ? 'allow' : 'deny';
    case 'cline':
      // A sandboxed allow carries overrideInput too (the command wrapped in the sandbox); only a deny says why.
      return a.cancel === false && !('errorMessage' in a) ? 'allow' : 'deny';
    default:
      return a.hookSpecificOutput?.permissionDecision === 'allow' && out.code === 0 ? 'allow' : 'deny';
  }
}

describe('hook round trip: real CLI, real headless gate', () => {
  let box: Sandbox;
  let gate: HeadlessGate;
  before(async () => {
    box = sandbox();
    gate = await startHeadlessGate(box, ['--folder', CWD]);
  });
  after(async () => {
    await gate.stop();
    box.cleanup();
  });

  for (const [agent, { secret, safe }] of Object.entries(PAYLOADS)) {
    test(`${agent}: a secret read is denied in ${agent}'s own format; a listing is allowed`, async () => {
      const env = { ...box.env, COUNTERSIGN_SOCKET: gate.socket };
      const denied = await hook(agent, secret, env);
      assert.equal(verdictOf(agent, denied), 'deny', denied.stdout + denied.stderr);
      assert.match(denied.stdout + denied.stderr, /Countersign/);
      const allowed = await hook(agent, safe, env);
      assert.equal(verdictOf(agent, allowed), 'allow', allowed.stdout + allowed.stderr);
    });
  }

  test('routes by cwd when no socket is given (the gate guards the payload folder)', async () => {
    const out = await hook('claude', PAYLOADS.claude!.secret, box.env);
    assert.match(out.stdout, /headless/);
  });

  test('32 concurrent hooks are all answered and all logged', async () => {
    const env = { ...box.env, COUNTERSIGN_SOCKET: gate.socket };
    const before = await deniedDecisions(gate.auditDir);
    const runs = await Promise.all(Array.from({ length: 32 }, (_, i) => hook('claude', { ...(PAYLOADS.claude!.secret as object), tool_use_id: `c${i}` }, env)));
    for (const r of runs) assert.equal(verdictOf('claude', r), 'deny');
    const result = await verifyLog(await listLogFiles(gate.auditDir));
    assert.equal(result.status, 'intact');
    // Each answer was logged before it was sent: 32 more deny decisions, each under its own request id.
    const logged = (await deniedDecisions(gate.auditDir)).filter((id) => !before.includes(id));
    assert.equal(new Set(logged).size, 32);
    assert.equal(logged.length, 32);
  });
});
