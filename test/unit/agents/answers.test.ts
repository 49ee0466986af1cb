import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAnswer, formatMalformed } from '../../../src/agents/answers';

const parse = (s: string) => JSON.parse(s) as Record<string, unknown>;

test('Claude Code: explicit allow, and a deny every Claude-style agent blocks on', () => {
  assert.deepEqual(parse(formatAnswer('claude', 'allow', 'ok').stdout), {
    hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'allow', permissionDecisionReason: 'ok' },
  });
  const deny = formatAnswer('claude', 'deny', 'no');
  assert.equal(deny.exitCode, 0);
  assert.equal(parse(deny.stdout).decision, 'block');
  assert.equal((parse(deny.stdout).hookSpecificOutput as Record<string, unknown>).permissionDecision, 'deny');
});

test('Codex: deny blocks with decision:block; allow is an empty success (Codex rejects an explicit allow)', () => {
  const deny = formatAnswer('codex', 'deny', 'no');
  assert.equal(parse(deny.stdout).decision, 'block');
  const allow = formatAnswer('codex', 'allow', 'ok');
  assert.deepEqual(allow, { stdout: '', stderr: '', exitCode: 0 });
});

test('Gemini CLI: top-level decision allow/deny with reason', () => {
  assert.deepEqual(parse(formatAnswer('gemini', 'deny', 'no').stdout), { decision: 'deny', reason: 'no' });
  assert.deepEqual(parse(formatAnswer('gemini', 'allow', 'ok').stdout), { decision: 'allow', reason: 'ok' });
});

test('Cursor: permission with user and agent messages', () => {
  assert.deepEqual(parse(formatAnswer('cursor', 'deny', 'no').stdout), { permission: 'deny', user_message: 'no', agent_message: 'no' });
  assert.deepEqual(parse(formatAnswer('cursor', 'allow', 'ok').stdout), { permission: 'allow' });
});

test('Copilot CLI payloads get top-level permissionDecision; Claude-style payloads in the same folder get hookSpecificOutput', () => {
  const native = { sessionId: 's', timestamp: 1, cwd: '/p', toolName: 'bash', toolArgs: { command: 'ls' } };
  assert.deepEqual(parse(formatAnswer('copilot-cli', 'deny', 'no', native).stdout), { permissionDecision: 'deny', permissionDecisionReason: 'no' });
  const claudeStyle = { hook_event_name: 'PreToolUse', cwd: '/p', tool_name: 'Bash', tool_input: { command: 'ls' } };
  const vs = formatAnswer('copilot-cli', 'deny', 'no', claudeStyle);
  assert.equal(vs.exitCode, 2);
  assert.equal(vs.stderr, 'no\n');
});

test('VS Code agent: deny is exit 2 with the reason on stderr plus the JSON deny; allow is JSON', () => {
  const deny = formatAnswer('vscode', 'deny', 'no', { tool_name: 'run_in_terminal' });
  assert.equal(deny.exitCode, 2);
  assert.equal((parse(deny.stdout).hookSpecificOutput as Record<string, unknown>).permissionDecision, 'deny');
  assert.equal(formatAnswer('vscode', 'allow', 'ok', { tool_name: 'run_in_terminal' }).exitCode, 0);
});

test('Cline: a denied command becomes a harmless echo of the reason; other tools cancel; allow is explicit', () => {
  const shell = { hookName: 'tool_call', tool_call: { name: 'run_commands', input: { commands: ['cat .env'] } } };
  const deny = parse(formatAnswer('cline', 'deny', "it's secret\n$(rm -rf /)", shell).stdout) as { overrideInput: { commands: string[] } };
  assert.deepEqual(deny.overrideInput.commands, [`echo 'it'\\''s secret $(rm -rf /)'`]);
  const write = { hookName: 'tool_call', tool_call: { name: 'write_to_file', input: { path: '.env' } } };
  assert.equal(parse(formatAnswer('cline', 'deny', 'no', write).stdout).cancel, true);
  assert.deepEqual(parse(formatAnswer('cline', 'allow', 'ok', shell).stdout), { cancel: false });
});

test('malformed input: deny, message on stderr, exit 2 where the agent blocks on it', () => {
  for (const agent of ['claude', 'vscode', 'copilot-cli', 'gemini', 'codex'] as const) {
    const a = formatMalformed(agent, 'bad');
    assert.equal(a.exitCode, 2, agent);
    assert.match(a.stderr, /bad/);
  }
  assert.equal(formatMalformed('cline', 'bad').exitCode, 0);
  assert.equal(parse(formatMalformed('cline', 'bad').stdout).cancel, true);
  assert.equal(parse(formatMalformed('cursor', 'bad').stdout).permission, 'deny');
});

test('Cline: a denied read_files or apply_patch is replaced by a no-op, so only that tool is blocked (cancel would end the task)', () => {
  const read = { hookName: 'tool_call', tool_call: { name: 'read_files', input: { files: [{ path: '/p/.env' }] } } };
  assert.deepEqual(parse(formatAnswer('cline', 'deny', 'secret', read).stdout), { overrideInput: { files: [] }, errorMessage: 'secret' });
  const patch = { hookName: 'tool_call', tool_call: { name: 'apply_patch', input: { input: '*** Begin Patch\n*** Add File: .env\n+x\n*** End Patch\n' } } };
  // An empty patch would report "Successfully applied"; a one-line non-patch fails and quotes the reason.
  assert.deepEqual(parse(formatAnswer('cline', 'deny', 'secret\nfile', patch).stdout), { overrideInput: { input: 'Countersign denied this change: secret file' }, errorMessage: 'secret\nfile' });
  // Unknown tools: an empty input might mean "the default action", so those still cancel.
  const mcp = { hookName: 'tool_call', tool_call: { name: 'mcp__db__drop', input: {} } };
  assert.equal(parse(formatAnswer('cline', 'deny', 'no', mcp).stdout).cancel, true);
});
