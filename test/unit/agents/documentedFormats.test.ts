// Cursor and the VS Code agent cannot run offline here (the conformance suite drives the other five real
// binaries), so their conformance is checked against their documented formats: the file Connect Agents writes,
// the payloads they document, and the answer the built hook CLI prints for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyChanges, planConnection } from '../../../src/agents/connect';

const REPO = resolve(__dirname, '../../../..');
const CLI = join(REPO, 'dist', 'cli.js');
const SHIM = '/g/bin/countersign';

function connected(agent: 'cursor' | 'vscode', scope: 'user' | 'workspace'): { file: string; json: unknown } {
  const home = mkdtempSync(join(tmpdir(), 'cs-doc-'));
  try {
    const [applied] = applyChanges(planConnection([agent], scope, { home, workspace: join(home, 'repo') }, SHIM));
    const file = applied!.plan.target.file;
    return { file: file.slice(home.length), json: JSON.parse(readFileSync(file, 'utf8')) };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** The built CLI with no gate anywhere: it decides offline, failing closed for anything sensitive. */
function hook(agent: string, payload: unknown): { code: number | null; stdout: string; stderr: string } {
  const home = mkdtempSync(join(tmpdir(), 'cs-doc-'));
  try {
    const r = spawnSync(process.execPath, [CLI, 'hook', '--agent', agent], {
      input: JSON.stringify(payload),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: home, COUNTERSIGN_HOME: join(home, 'storage'), COUNTERSIGN_RUNTIME_DIR: join(home, 'rt') },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

function evaluate(agent: string, payload: unknown): Record<string, unknown> {
  const r = spawnSync(process.execPath, [CLI, 'evaluate', '--agent', agent], { input: JSON.stringify(payload), encoding: 'utf8' });
  return (JSON.parse(r.stdout) as { action: Record<string, unknown> }).action;
}

test('Cursor: ~/.cursor/hooks.json, version 1, the three blocking events, fail-closed, the shim', () => {
  const hookEntry = { command: `'${SHIM}' hook --agent cursor --timeout 600`, timeout: 600, failClosed: true };
  assert.deepEqual(connected('cursor', 'user'), {
    file: '/.cursor/hooks.json',
    json: { version: 1, hooks: { beforeShellExecution: [hookEntry], beforeReadFile: [hookEntry], beforeMCPExecution: [hookEntry] } },
  });
  // Shared with the team: no machine path, `countersign` from PATH.
  const shared = connected('cursor', 'workspace') as { file: string; json: { hooks: { beforeShellExecution: { command: string }[] } } };
  assert.equal(shared.file, '/repo/.cursor/hooks.json');
  assert.equal(shared.json.hooks.beforeShellExecution[0]!.command, 'countersign hook --agent cursor --timeout 600');
});

const cursorBase = { conversation_id: 'c1', generation_id: 'g1', workspace_roots: ['/home/dev/proj'] };

test('Cursor: documented payloads parse (shell, file read, MCP) and a denial is {permission:"deny"} with both messages', () => {
  const shell = { ...cursorBase, hook_event_name: 'beforeShellExecution', command: 'cat .env', cwd: '/home/dev/proj' };
  assert.deepEqual(pick(evaluate('cursor', shell), 'kind', 'command'), { kind: 'shell', command: 'cat .env' });
  const read = { ...cursorBase, hook_event_name: 'beforeReadFile', file_path: '/home/dev/proj/.env', content: 'API_KEY=x' };
  assert.deepEqual(pick(evaluate('cursor', read), 'kind', 'path'), { kind: 'read', path: '/home/dev/proj/.env' });
  const mcp = { ...cursorBase, hook_event_name: 'beforeMCPExecution', tool_name: 'query', tool_input: { sql: 'select 1' } };
  assert.equal(evaluate('cursor', mcp).kind, 'tool');

  const denied = hook('cursor', shell);
  assert.equal(denied.code, 0);
  const answer = JSON.parse(denied.stdout) as Record<string, unknown>;
  assert.equal(answer.permission, 'deny');
  assert.match(String(answer.user_message), /Countersign/);
  assert.equal(answer.agent_message, answer.user_message);
});

test('VS Code agent: ~/.copilot/hooks/countersign.json with a PreToolUse command (timeout in s); .github/hooks for a repository', () => {
  assert.deepEqual(connected('vscode', 'user'), {
    file: '/.copilot/hooks/countersign.json',
    json: { hooks: { PreToolUse: [{ type: 'command', command: `'${SHIM}' hook --agent vscode --timeout 600`, timeout: 600 }] } },
  });
  const shared = connected('vscode', 'workspace') as { file: string; json: { hooks: { PreToolUse: { command: string }[] } } };
  assert.equal(shared.file, '/repo/.github/hooks/countersign.json');
  assert.equal(shared.json.hooks.PreToolUse[0]!.command, 'countersign hook --agent vscode --timeout 600');
});

const vscodeBase = { timestamp: '2026-11-21T05:00:00.000Z', cwd: '/home/dev/proj', sessionId: 's1', hookEventName: 'PreToolUse', transcript_path: '/t.json', tool_use_id: 'u1' };

test('VS Code agent: documented tool payloads parse into the right actions', () => {
  const call = (tool_name: string, tool_input: unknown) => evaluate('vscode', { ...vscodeBase, tool_name, tool_input });
  assert.deepEqual(pick(call('run_in_terminal', { command: 'cat .env', explanation: 'show', isBackground: false }), 'kind', 'command'), { kind: 'shell', command: 'cat .env' });
  assert.deepEqual(pick(call('read_file', { filePath: '/home/dev/proj/.env', startLine: 1, endLine: 5 }), 'kind', 'path'), { kind: 'read', path: '/home/dev/proj/.env' });
  assert.deepEqual(pick(call('create_file', { filePath: '/home/dev/proj/a.txt', content: 'x' }), 'kind', 'path'), { kind: 'write', path: '/home/dev/proj/a.txt' });
  const edit = call('replace_string_in_file', { filePath: '/home/dev/proj/hello.txt', oldString: 'world', newString: 'countersign' });
  assert.deepEqual(pick(edit, 'kind', 'path', 'edits'), { kind: 'edit', path: '/home/dev/proj/hello.txt', edits: [{ oldText: 'world', newText: 'countersign' }] });
  const patch = call('apply_patch', { input: '*** Begin Patch\n*** Update File: /home/dev/proj/hello.txt\n@@\n-hello world\n+hello countersign\n*** End Patch\n' });
  assert.equal(patch.kind, 'patch');
  assert.deepEqual(
    (patch.files as { path: string; op: string }[]).map((f) => [f.op, f.path]),
    [['update', '/home/dev/proj/hello.txt']],
  );
});

test('VS Code agent: a denial is exit 2 with the reason on stderr and the hookSpecificOutput deny', () => {
  const denied = hook('vscode', { ...vscodeBase, tool_name: 'run_in_terminal', tool_input: { command: 'cat .env' } });
  assert.equal(denied.code, 2);
  assert.match(denied.stderr, /Countersign/);
  const out = JSON.parse(denied.stdout) as { hookSpecificOutput: Record<string, unknown> };
  assert.equal(out.hookSpecificOutput.permissionDecision, 'deny');
  assert.equal(out.hookSpecificOutput.hookEventName, 'PreToolUse');
});

function pick(o: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k]]));
}
