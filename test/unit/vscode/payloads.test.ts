// Every payload shape VS Code's built-in agent sends, from real captures (test/fixtures/vscode-agent/live-*.json:
// VS Code 1.139.1 / Copilot Chat 0.67.0 driven by a scripted model in code-server, paths rewritten to /home/dev/proj),
// normalized to the right action, judged, and previewed exactly where the payload allows it. The workspace is a real
// scratch folder so previews read real files. Tools the scripted model was not offered (multi_replace_string_in_file,
// apply_patch: VS Code offers them to other model families) use the tools' published input schemas.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createPolicy, detectAgent, type Policy, type Verdict } from '../../../src/policy';
import type { AgentName } from '../../../src/policy/types';

const FIXTURES = join(__dirname, '../../../../test/fixtures/vscode-agent');
const ws = mkdtempSync(join(tmpdir(), 'cs-vscode-payloads-'));
after(() => rmSync(ws, { recursive: true, force: true }));
mkdirSync(join(ws, '.github/workflows'), { recursive: true });
writeFileSync(join(ws, '.github/workflows/ci.yml'), 'name: ci\non: [push]\njobs: {}\n');
writeFileSync(join(ws, 'app.js'), 'function main() {\n  return 1;\n}\n');
writeFileSync(join(ws, 'notes.txt'), 'alpha\nbeta\n');

let shared: Promise<Policy> | undefined;
function policy(): Promise<Policy> {
  shared ??= createPolicy({ sensitivePaths: [], allowedPaths: [], workspaceFolders: [ws], home: '/home/dev', protectedPaths: [] });
  return shared;
}

/** A captured payload, its /home/dev/proj paths moved into the scratch workspace. */
function live(name: string): Record<string, unknown> {
  const text = readFileSync(join(FIXTURES, `live-${name}.json`), 'utf8');
  return JSON.parse(text.replaceAll('/home/dev/proj', ws)) as Record<string, unknown>;
}

/** The same envelope for a tool the capture did not cover. */
function envelope(tool: string, input: unknown): Record<string, unknown> {
  return { ...live('create_directory'), tool_name: tool, tool_input: input, tool_use_id: 'call_cs_9__vscode-1796308288290' };
}

async function judge(payload: unknown, agent: AgentName = 'vscode'): Promise<Verdict> {
  return (await policy()).evaluate(payload, agent);
}

test('every capture is recognised as the VS Code agent, from its shape alone and from any of the hook files that run it', async () => {
  const files = readdirSync(FIXTURES).filter((f) => f.startsWith('live-'));
  assert.ok(files.length >= 7, files.join());
  for (const f of files) {
    const p = live(f.slice(5, -5));
    assert.equal(detectAgent(p), 'vscode', f);
    // VS Code runs Countersign's Copilot CLI file (and a Claude-format file) with the same payload.
    for (const forced of ['vscode', 'copilot-cli', 'claude'] as const) assert.equal((await judge(p, forced)).action.agent, 'vscode', `${f} via ${forced}`);
    assert.equal((await judge(p)).action.sessionId, p.session_id, f);
  }
});

test('the 1.109-1.111 camelCase envelope (hookEventName, sessionId; as the docs still show) reads the same, whatever the tool fields', async () => {
  const { hook_event_name, session_id, tool_name, tool_input, tool_use_id, ...rest } = live('run_in_terminal-cat-env');
  const documented = { ...rest, hookEventName: hook_event_name, sessionId: session_id, tool_name, tool_input, tool_use_id };
  const allCamel = { ...rest, hookEventName: hook_event_name, sessionId: session_id, toolName: tool_name, toolInput: tool_input, toolUseId: tool_use_id };
  for (const p of [documented, allCamel]) {
    assert.equal(detectAgent(p), 'vscode');
    const v = await judge(p);
    assert.equal(v.action.kind === 'shell' && v.action.command, 'cat .env');
    assert.equal(v.action.sessionId, session_id);
    assert.equal(v.risk, 'sensitive');
  }
});

test('run_in_terminal {command, explanation, goal, mode}: the command is judged, the explanation shown', async () => {
  const cat = await judge(live('run_in_terminal-cat-env'));
  assert.equal(cat.action.kind === 'shell' && cat.action.command, 'cat .env');
  assert.equal(cat.action.explanation, 'Read the environment file.');
  assert.equal(cat.risk, 'sensitive');
  const ls = await judge(live('run_in_terminal-ls'));
  assert.equal(ls.risk, 'safe');
});

test('create_file of a workflow: review, previewed exactly as the content the agent sent', async () => {
  const p = live('create_file');
  const v = await judge(p);
  const input = p.tool_input as { filePath: string; content: string };
  assert.equal(v.risk, 'review');
  assert.equal(v.action.kind, 'write');
  assert.deepEqual(v.changes?.map((c) => [c.path, c.after, c.exact]), [[input.filePath, input.content, true]]);
});

test('replace_string_in_file on a workflow: the preview is the file with exactly that replacement', async () => {
  const v = await judge(live('replace_string_in_file'));
  assert.equal(v.risk, 'review');
  assert.deepEqual(v.changes?.map((c) => [c.before, c.after, c.exact]), [['name: ci\non: [push]\njobs: {}\n', 'name: ci\non: [push, pull_request]\njobs: {}\n', true]]);
});

test('multi_replace_string_in_file {explanation, replacements[]}: each file previewed exactly', async () => {
  const v = await judge(
    envelope('multi_replace_string_in_file', {
      explanation: 'Rename in two files.',
      replacements: [
        { filePath: join(ws, 'notes.txt'), oldString: 'alpha', newString: 'gamma' },
        { filePath: join(ws, 'app.js'), oldString: 'return 1;', newString: 'return 2;' },
      ],
    }),
  );
  assert.equal(v.action.kind, 'patch');
  assert.deepEqual(v.changes?.map((c) => [c.path, c.after, c.exact]), [
    [join(ws, 'notes.txt'), 'gamma\nbeta\n', true],
    [join(ws, 'app.js'), 'function main() {\n  return 2;\n}\n', true],
  ]);
});

test('apply_patch {input, explanation}: previewed exactly', async () => {
  const v = await judge(envelope('apply_patch', { explanation: 'Patch the notes.', input: `*** Begin Patch\n*** Update File: ${join(ws, 'notes.txt')}\n@@\n-beta\n+delta\n*** End Patch` }));
  assert.equal(v.action.kind, 'patch');
  assert.deepEqual(v.changes?.map((c) => [c.after, c.exact]), [['alpha\ndelta\n', true]]);
});

test('insert_edit_into_file {explanation, filePath, code}: a sketch merged by a model is never shown as an exact preview', async () => {
  const v = await judge(live('insert_edit_into_file'));
  assert.equal(v.action.kind, 'edit');
  assert.equal(v.changes?.[0]?.exact, false);
  assert.match(v.changes?.[0]?.note ?? '', /sketch/);
});

test('edit_notebook_file {filePath, cellId, editType, language, newCode[]}: the cell code is kept, the preview says it is not exact', async () => {
  const v = await judge(live('edit_notebook_file'));
  assert.equal(v.action.kind, 'edit');
  assert.equal(v.action.kind === 'edit' && v.action.edits[0]?.newText, 'import os\nprint(os.getcwd())');
  assert.equal(v.changes?.[0]?.exact, false);
});

test('create_directory {dirPath}: judged as the mkdir it is', async () => {
  const inside = await judge(live('create_directory'));
  assert.equal(inside.action.kind, 'shell');
  assert.equal(inside.risk, 'safe');
  const ssh = await judge(envelope('create_directory', { dirPath: '/home/dev/.ssh/keys' }));
  assert.equal(ssh.risk, 'sensitive');
  const quote = await judge(envelope('create_directory', { dirPath: `${ws}/it's'; rm -rf ~; '` }));
  assert.equal(quote.action.kind === 'shell' && quote.action.command, `mkdir -p -- '${ws}/it'\\''s'\\''; rm -rf ~; '\\'''`);
  assert.equal(quote.risk, 'safe', 'a hostile directory name stays one quoted argument');
});

test('an MCP tool in the VS Code envelope (mcp_<server>_<tool>) is an MCP call that needs a decision', async () => {
  const p = envelope('mcp_github_create_issue', { owner: 'o', repo: 'r', title: 'hello' });
  assert.equal(detectAgent(p), 'vscode');
  const v = await judge(p);
  assert.equal(v.action.kind, 'tool');
  assert.equal(v.risk, 'review');
  assert.match(v.reasons.map((r) => r.message).join(' '), /MCP tool/);
});
