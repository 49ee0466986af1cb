// Normalizers: every real payload the agents sent becomes the action the agent meant, in every format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { detectAgent, type Action } from '../../../src/policy';
import { evaluate } from './policyHarness';

function repoFile(...parts: string[]): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const p = join(dir, ...parts);
    try {
      readdirSync(p);
      return p;
    } catch {
      // keep climbing
    }
  }
  return join(process.cwd(), ...parts);
}

const SAMPLES = repoFile('test', 'corpus', 'samples');
const sample = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(SAMPLES, name), 'utf8')) as Record<string, unknown>;

async function actionOf(payload: unknown, agent?: Parameters<typeof evaluate>[1]): Promise<Action> {
  return (await evaluate(payload, agent)).action;
}

const EXPECTED: Record<string, { agent: string; kind: Action['kind']; command?: string; path?: string }> = {
  'claude-PreToolUse-Bash.json': { agent: 'claude', kind: 'shell', command: 'cat .env' },
  'claude-PreToolUse-Bash-denied.json': { agent: 'claude', kind: 'shell', command: 'cat .env' },
  'claude-PreToolUse-Edit.json': { agent: 'claude', kind: 'edit', path: '/home/dev/proj/hello.txt' },
  'claude-PreToolUse-Read-denied.json': { agent: 'claude', kind: 'read', path: '/home/dev/proj/.env' },
  'claude-PreToolUse-Write.json': { agent: 'claude', kind: 'write', path: '/home/dev/proj/new.txt' },
  'claude-PreToolUse-Write-denied.json': { agent: 'claude', kind: 'write', path: '/home/dev/proj/.env' },
  'cline-PreToolUse-run_commands-allow.json': { agent: 'cline', kind: 'shell', command: 'ls' },
  'cline-PreToolUse-run_commands-deny.json': { agent: 'cline', kind: 'shell', command: 'cat .env | tee leak.txt' },
  'cline-tool_call-read_files.json': { agent: 'cline', kind: 'tool' },
  'cline-tool_call-run_commands.json': { agent: 'cline', kind: 'shell', command: 'ls' },
  'cline-tool_call-run_commands-denied.json': { agent: 'cline', kind: 'shell', command: 'cat .env | tee leak.txt' },
  'codex-PreToolUse-Bash.json': { agent: 'codex', kind: 'shell', command: 'cat .env' },
  'codex-PreToolUse-Bash-denied.json': { agent: 'codex', kind: 'shell', command: 'cat .env' },
  'codex-PreToolUse-apply_patch.json': { agent: 'codex', kind: 'patch' },
  'codex-PreToolUse-apply_patch-denied.json': { agent: 'codex', kind: 'patch' },
  // Copilot CLI loading Claude-format hook files sends Claude's payload shape.
  'copilot-claudecfg-PreToolUse-Bash-denied.json': { agent: 'claude', kind: 'shell', command: 'cat .env' },
  'copilot-claudeformat-PreToolUse-Bash-deny.json': { agent: 'claude', kind: 'shell', command: 'cat .env' },
  'copilot-event-bash.json': { agent: 'copilot-cli', kind: 'shell', command: 'ls' },
  'copilot-event-bash-denied.json': { agent: 'copilot-cli', kind: 'shell', command: 'cat .env | tee leak.txt' },
  'copilot-native-preToolUse-bash-allow.json': { agent: 'copilot-cli', kind: 'shell', command: 'ls' },
  'copilot-native-preToolUse-bash-deny.json': { agent: 'copilot-cli', kind: 'shell', command: 'cat .env | tee leak.txt' },
  'gemini-BeforeTool-read_file.json': { agent: 'gemini', kind: 'read', path: '/home/dev/proj/hello.txt' },
  'gemini-BeforeTool-replace.json': { agent: 'gemini', kind: 'edit', path: '/home/dev/proj/hello.txt' },
  'gemini-BeforeTool-run_shell_command.json': { agent: 'gemini', kind: 'shell', command: 'cat .env' },
  'gemini-BeforeTool-run_shell_command-denied.json': { agent: 'gemini', kind: 'shell', command: 'cat .env' },
  'gemini-BeforeTool-write_file.json': { agent: 'gemini', kind: 'write', path: '/home/dev/proj/new.txt' },
  'gemini-BeforeTool-write_file-denied.json': { agent: 'gemini', kind: 'write', path: '/home/dev/proj/.env.txt' },
};

test('every real sample has an expectation', () => {
  assert.deepEqual(readdirSync(SAMPLES).filter((f) => f.endsWith('.json')).sort(), Object.keys(EXPECTED).sort());
});

for (const [file, want] of Object.entries(EXPECTED)) {
  test(`real sample ${file} normalizes as the agent meant`, async () => {
    const payload = sample(file);
    assert.equal(detectAgent(payload), want.agent);
    const a = await actionOf(payload);
    assert.equal(a.kind, want.kind);
    assert.equal(a.agent, want.agent);
    assert.equal(a.cwd, '/home/dev/proj');
    if (want.command !== undefined) assert.equal(a.kind === 'shell' && a.command, want.command);
    if (want.path !== undefined) assert.equal('path' in a && a.path, want.path);
  });
}

test('edits carry the fragments; Codex apply_patch carries files with before/after', async () => {
  const e = await actionOf(sample('claude-PreToolUse-Edit.json'));
  assert.ok(e.kind === 'edit');
  assert.deepEqual(e.edits, [{ oldText: 'world', newText: 'countersign' }]);
  const p = await actionOf(sample('codex-PreToolUse-apply_patch.json'));
  assert.ok(p.kind === 'patch');
  assert.deepEqual(p.files, [{ path: '/home/dev/proj/hello.txt', op: 'update', before: 'hello world', after: 'hello countersign' }]);
  const add = await actionOf(sample('codex-PreToolUse-apply_patch-denied.json'));
  assert.ok(add.kind === 'patch');
  assert.deepEqual(add.files, [{ path: '/home/dev/proj/.env.local', op: 'add', after: 'hello from fake model' }]);
});

test('a forced agent names the action but the shape still decides how it is read', async () => {
  const a = await actionOf(sample('claude-PreToolUse-Bash.json'), 'copilot-cli');
  assert.equal(a.agent, 'copilot-cli');
  assert.equal(a.kind === 'shell' && a.command, 'cat .env');
});

test('Copilot CLI toolArgs as JSON text, and its create/edit/view tools', async () => {
  const base = { sessionId: 's', timestamp: 1, cwd: '/home/dev/proj' };
  const text = await actionOf({ ...base, toolName: 'bash', toolArgs: '{"command":"git status","description":"x"}' });
  assert.equal(text.kind === 'shell' && text.command, 'git status');
  const create = await actionOf({ ...base, toolName: 'create', toolArgs: { path: 'src/a.ts', file_text: 'x' } });
  assert.deepEqual([create.kind, 'path' in create && create.path], ['write', '/home/dev/proj/src/a.ts']);
  const edit = await actionOf({ ...base, toolName: 'edit', toolArgs: { path: '/home/dev/proj/a.ts', old_str: 'a', new_str: 'b' } });
  assert.ok(edit.kind === 'edit');
  assert.deepEqual(edit.edits, [{ oldText: 'a', newText: 'b' }]);
  const view = await actionOf({ ...base, toolName: 'view', toolArgs: { path: '/home/dev/proj/.env' } });
  assert.equal(view.kind, 'read');
});

test('Cline: the VS Code extension sends only preToolUse with JSON-text parameters; file content stays text', async () => {
  const base = { clineVersion: '3.0', hookName: 'PreToolUse', taskId: 't', workspaceRoots: ['/home/dev/proj'] };
  const run = await actionOf({ ...base, preToolUse: { toolName: 'run_commands', parameters: { commands: '["npm test","git status"]' } } });
  assert.equal(run.kind === 'shell' && run.command, 'npm test\ngit status');
  const exec = await actionOf({ ...base, preToolUse: { toolName: 'execute_command', parameters: { command: 'ls -la', requires_approval: 'false' } } });
  assert.equal(exec.kind === 'shell' && exec.command, 'ls -la');
  const write = await actionOf({ ...base, preToolUse: { toolName: 'write_to_file', parameters: { path: 'package.json', content: '{"name":"x"}' } } });
  assert.ok(write.kind === 'write');
  assert.equal(write.content, '{"name":"x"}');
  const diff = '------- SEARCH\nold line\n=======\nnew line\n+++++++ REPLACE';
  const replace = await actionOf({ ...base, preToolUse: { toolName: 'replace_in_file', parameters: { path: 'src/a.ts', diff } } });
  assert.ok(replace.kind === 'edit');
  assert.deepEqual(replace.edits, [{ oldText: 'old line', newText: 'new line' }]);
  const readFiles = await actionOf({ ...base, hookName: 'tool_call', tool_call: { name: 'read_files', input: { files: [{ path: '/home/dev/proj/.env' }] } } });
  assert.deepEqual([readFiles.kind, 'path' in readFiles && readFiles.path], ['read', '/home/dev/proj/.env']);
});

test('VS Code agent tools: run_in_terminal, replace_string_in_file, multi_replace, create_file, read_file, apply_patch', async () => {
  const base = { timestamp: '2026-01-01T00:00:00Z', cwd: '/home/dev/proj', sessionId: 's', hookEventName: 'PreToolUse' };
  const vs = (tool_name: string, tool_input: unknown) => actionOf({ ...base, tool_name, tool_input });
  const run = await vs('run_in_terminal', { command: 'npm test', explanation: 'Run tests', isBackground: false });
  assert.deepEqual([run.kind, run.agent, run.explanation], ['shell', 'vscode', 'Run tests']);
  const rep = await vs('replace_string_in_file', { filePath: '/home/dev/proj/a.ts', oldString: 'x', newString: 'y' });
  assert.ok(rep.kind === 'edit');
  assert.deepEqual(rep.edits, [{ oldText: 'x', newText: 'y' }]);
  const multi = await vs('multi_replace_string_in_file', {
    explanation: 'two files',
    replacements: [
      { filePath: '/home/dev/proj/a.ts', oldString: 'a', newString: 'b' },
      { filePath: '/home/dev/proj/b.ts', oldString: 'c', newString: 'd' },
    ],
  });
  assert.ok(multi.kind === 'patch');
  assert.deepEqual(multi.files.map((f) => f.path), ['/home/dev/proj/a.ts', '/home/dev/proj/b.ts']);
  const create = await vs('create_file', { filePath: '/home/dev/proj/n.ts', content: 'export {}' });
  assert.equal(create.kind, 'write');
  const read = await vs('read_file', { filePath: '/home/dev/proj/n.ts', startLine: 1, endLine: 20 });
  assert.equal(read.kind, 'read');
  const patch = await vs('apply_patch', { input: '*** Begin Patch\n*** Add File: /home/dev/proj/x.ts\n+x\n*** End Patch', explanation: 'add' });
  assert.ok(patch.kind === 'patch');
  assert.deepEqual(patch.files.map((f) => [f.op, f.path]), [['add', '/home/dev/proj/x.ts']]);
  const prefixed = await vs('copilot_runInTerminal', { command: 'ls' });
  assert.equal(prefixed.kind, 'shell');
});

test('Gemini: file_path and the older absolute_path, dir_path for shell commands', async () => {
  const base = { session_id: 's', cwd: '/home/dev/proj', hook_event_name: 'BeforeTool' };
  const old = await actionOf({ ...base, tool_name: 'read_file', tool_input: { absolute_path: '/home/dev/proj/a.md' } });
  assert.deepEqual([old.kind, 'path' in old && old.path], ['read', '/home/dev/proj/a.md']);
  const sh = await actionOf({ ...base, tool_name: 'run_shell_command', tool_input: { command: 'ls', dir_path: 'src' } });
  assert.deepEqual([sh.kind, sh.cwd], ['shell', '/home/dev/proj/src']);
});

test('Cursor events: shell with its own cwd, file reads without their content, MCP calls, after-the-fact edits', async () => {
  const base = { conversation_id: 'c', generation_id: 'g', workspace_roots: ['/home/dev/proj'] };
  const sh = await actionOf({ ...base, hook_event_name: 'beforeShellExecution', command: 'npm test', cwd: '/home/dev/proj/app' });
  assert.deepEqual([sh.kind, sh.cwd, sh.agent], ['shell', '/home/dev/proj/app', 'cursor']);
  const read = await actionOf({ ...base, hook_event_name: 'beforeReadFile', file_path: '/home/dev/proj/.env', content: 'SECRET=1' });
  assert.ok(read.kind === 'read');
  assert.ok(!JSON.stringify(read).includes('SECRET=1'), 'the file content must not travel with the action');
  const mcp = await actionOf({ ...base, hook_event_name: 'beforeMCPExecution', tool_name: 'create_issue', tool_input: '{"title":"x"}' });
  assert.deepEqual([mcp.kind, mcp.tool], ['tool', 'create_issue']);
  assert.ok(mcp.kind === 'tool');
  assert.deepEqual(mcp.input, { title: 'x' });
  const edit = await actionOf({ ...base, hook_event_name: 'afterFileEdit', file_path: '/home/dev/proj/a.ts', edits: [{ old_string: 'a', new_string: 'b' }] });
  assert.equal(edit.kind, 'edit');
});

test('Codex: the older shell tool with an argv array; bash -lc SCRIPT is unwrapped', async () => {
  const base = { session_id: 's', turn_id: 't', model: 'gpt-5.5', cwd: '/home/dev/proj', hook_event_name: 'PreToolUse' };
  const a = await actionOf({ ...base, tool_name: 'shell', tool_input: { command: ['bash', '-lc', 'cat .env'], workdir: '/home/dev/proj' } });
  assert.equal(a.kind === 'shell' && a.command, 'cat .env');
  const b = await actionOf({ ...base, tool_name: 'shell', tool_input: { command: ['ls', '-la', 'my dir'] } });
  assert.equal(b.kind === 'shell' && b.command, "ls -la 'my dir'");
});

test('unknown tools stay tool actions; Claude MultiEdit and NotebookEdit are edits', async () => {
  const mcp = await actionOf({ session_id: 's', cwd: '/p/q', tool_name: 'mcp__github__create_issue', tool_input: { title: 'x' } });
  assert.equal(mcp.kind, 'tool');
  const multi = await actionOf({ session_id: 's', cwd: '/p/q', tool_name: 'MultiEdit', tool_input: { file_path: '/p/q/a.ts', edits: [{ old_string: 'a', new_string: 'b' }, { old_string: 'c', new_string: 'd', replace_all: true }] } });
  assert.ok(multi.kind === 'edit');
  assert.equal(multi.edits.length, 2);
});

test('malformed payloads never throw and are never safe', async () => {
  for (const bad of [null, 42, 'cat .env', [], {}, { tool_name: 'Bash' }, { hookName: 'tool_call' }, { toolName: 'bash', toolArgs: 'not json' }]) {
    const v = await evaluate(bad);
    assert.notEqual(v.risk, 'safe', JSON.stringify(bad));
    assert.ok(v.reasons.length > 0);
  }
});

test('an edit of an existing file gets before/after; a secret file is never read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-policy-'));
  writeFileSync(join(dir, 'a.ts'), 'const a = 1;\nconst b = 2;\n');
  writeFileSync(join(dir, '.env'), 'TOKEN=abc\n');
  const e = await actionOf({ session_id: 's', cwd: dir, tool_name: 'Edit', tool_input: { file_path: join(dir, 'a.ts'), old_string: 'const b = 2;', new_string: 'const b = 3;' } });
  assert.ok(e.kind === 'edit');
  assert.equal(e.before, 'const a = 1;\nconst b = 2;\n');
  assert.equal(e.after, 'const a = 1;\nconst b = 3;\n');
  const s = await actionOf({ session_id: 's', cwd: dir, tool_name: 'Edit', tool_input: { file_path: join(dir, '.env'), old_string: 'abc', new_string: 'def' } });
  assert.ok(s.kind === 'edit');
  assert.equal(s.before, undefined);
});

test('Codex running apply_patch through the shell (heredoc or argv) is a patch, not an unknown command', async () => {
  const base = { session_id: 's', turn_id: 't', model: 'gpt-5.5', cwd: '/home/dev/proj', hook_event_name: 'PreToolUse' };
  const heredoc = await actionOf({ ...base, tool_name: 'Bash', tool_input: { command: "apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: .env\n+A=1\n*** End Patch\nEOF" } });
  assert.ok(heredoc.kind === 'patch');
  assert.deepEqual(heredoc.files.map((f) => [f.op, f.path]), [['add', '/home/dev/proj/.env']]);
  const argv = await actionOf({ ...base, tool_name: 'shell', tool_input: { command: ['apply_patch', '*** Begin Patch\n*** Update File: a.ts\n@@\n-a\n+b\n*** End Patch'] } });
  assert.equal(argv.kind, 'patch');
  const more = await actionOf({ ...base, tool_name: 'Bash', tool_input: { command: "apply_patch <<'EOF'\n*** Begin Patch\n*** End Patch\nEOF\ncat .env" } });
  assert.equal(more.kind, 'shell', 'anything after the heredoc keeps it a shell command');
});
