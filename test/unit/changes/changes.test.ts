// The verdict's `changes`: the exact proposed change of edits, writes, multi-edits, patches, redirects, tee and
// sed -i, with real payloads in each agent's format, files on a scratch disk read through the policy's World.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createPolicy, type AgentName, type FileChange, type Policy } from '../../../src/policy';
import { SHELL_FORMATS } from '../adversarial/agentFormats';

let home = '';
let proj = '';
let policy: Policy;
let n = 0;
const id = () => `chg-${++n}`;

const THREE = 'const a = foo();\nconst b = foo();\nconst c = foo();\n';

before(async () => {
  home = mkdtempSync(join(tmpdir(), 'cs-changes-'));
  proj = join(home, 'proj');
  mkdirSync(join(proj, 'src'), { recursive: true });
  policy = await createPolicy({ sensitivePaths: [], allowedPaths: [], workspaceFolders: [proj], home });
});
after(() => rmSync(home, { recursive: true, force: true }));

function file(rel: string, text: string): string {
  const p = join(proj, rel);
  writeFileSync(p, text);
  return p;
}

function changes(payload: Record<string, unknown>, agent?: AgentName): FileChange[] {
  const v = policy.evaluate(payload, agent);
  assert.ok(v.changes, 'the verdict carries changes');
  return v.changes;
}

const claude = (tool: string, input: Record<string, unknown>) => ({ session_id: id(), cwd: proj, hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input });
const vscode = (tool: string, input: Record<string, unknown>) => ({ timestamp: '2026-01-01T00:00:00Z', cwd: proj, sessionId: id(), hookEventName: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: id() });
const gemini = (tool: string, input: Record<string, unknown>) => ({ session_id: id(), cwd: proj, hook_event_name: 'BeforeTool', tool_name: tool, tool_input: input });
const cline = (tool: string, parameters: Record<string, unknown>) => ({ clineVersion: '3.0', hookName: 'PreToolUse', taskId: id(), workspaceRoots: [proj], preToolUse: { toolName: tool, parameters } });
const codex = (patch: string) => ({ session_id: id(), turn_id: id(), cwd: proj, hook_event_name: 'PreToolUse', model: 'gpt-5.5', tool_name: 'apply_patch', tool_input: { command: patch } });
const copilotCli = (tool: string, toolArgs: Record<string, unknown>) => ({ sessionId: id(), timestamp: 1795240490528, cwd: proj, toolName: tool, toolArgs });
const shell = (agent: AgentName, command: string) => JSON.parse(JSON.stringify(SHELL_FORMATS[agent](command)).replaceAll('/home/dev/proj', proj)) as Record<string, unknown>;

test('Claude Edit with replace_all previews every one of three replacements', () => {
  const p = file('src/three.ts', THREE);
  const [c] = changes(claude('Edit', { file_path: p, old_string: 'foo()', new_string: 'bar()', replace_all: true }));
  assert.deepEqual(c, { path: p, op: 'update', before: THREE, after: 'const a = bar();\nconst b = bar();\nconst c = bar();\n', exact: true });
});

test('Claude Edit without replace_all on a repeated text: the tool refuses, the preview says so and changes nothing', () => {
  const p = file('src/three.ts', THREE);
  const [c] = changes(claude('Edit', { file_path: p, old_string: 'foo()', new_string: 'bar()' }));
  assert.equal(c!.exact, false);
  assert.equal(c!.after, THREE);
  assert.match(c!.note ?? '', /occurs 3 times and replace_all is not set/);
});

test('Claude MultiEdit applies in order, each on the result of the last, replace_all honoured', () => {
  const p = file('src/multi.ts', THREE);
  const [c] = changes(
    claude('MultiEdit', {
      file_path: p,
      edits: [
        { old_string: 'foo()', new_string: 'baz()', replace_all: true },
        { old_string: 'const b = baz();', new_string: 'let b = qux();' },
      ],
    }),
  );
  assert.equal(c!.after, 'const a = baz();\nlet b = qux();\nconst c = baz();\n');
  assert.equal(c!.exact, true);
  const [failing] = changes(claude('MultiEdit', { file_path: p, edits: [{ old_string: 'foo()', new_string: 'x', replace_all: true }, { old_string: 'nowhere', new_string: 'y' }] }));
  assert.equal(failing!.exact, false);
  assert.match(failing!.note ?? '', /Edit 2 of 2/);
});

test('VS Code replace_string_in_file and multi_replace_string_in_file across two files', () => {
  const a = file('src/a.ts', 'export const name = "old";\n');
  const b = file('src/b.ts', 'import { name } from "./a";\nconsole.log(name);\n');
  const [one] = changes(vscode('replace_string_in_file', { filePath: a, oldString: '"old"', newString: '"new"' }));
  assert.equal(one!.after, 'export const name = "new";\n');
  const multi = changes(
    vscode('multi_replace_string_in_file', {
      explanation: 'rename',
      replacements: [
        { filePath: a, oldString: 'name', newString: 'title' },
        { filePath: b, oldString: '{ name }', newString: '{ title }' },
        { filePath: b, oldString: 'log(name)', newString: 'log(title)' },
      ],
    }),
  );
  assert.deepEqual(
    multi.map((c) => [c.path, c.after, c.exact]),
    [
      [a, 'export const title = "old";\n', true],
      [b, 'import { title } from "./a";\nconsole.log(title);\n', true],
    ],
  );
});

test('Gemini replace: expected_replacements must match the count, and then all are replaced', () => {
  const p = file('src/g.ts', THREE);
  const [wrong] = changes(gemini('replace', { file_path: p, old_string: 'foo', new_string: 'bar', expected_replacements: 2, instruction: 'x' }));
  assert.equal(wrong!.exact, false);
  assert.match(wrong!.note ?? '', /occurs 3 times, not the 2/);
  const [right] = changes(gemini('replace', { file_path: p, old_string: 'foo', new_string: 'bar', expected_replacements: 3, instruction: 'x' }));
  assert.equal(right!.after, THREE.replaceAll('foo', 'bar'));
  assert.equal(right!.exact, true);
});

test('Cline SEARCH/REPLACE blocks apply in file order, first occurrence after the previous block', () => {
  const p = file('src/cline.ts', THREE);
  const diff = '------- SEARCH\nconst b = foo();\n=======\nconst b = one();\n+++++++ REPLACE\n------- SEARCH\nfoo()\n=======\ntwo()\n+++++++ REPLACE';
  const [c] = changes(cline('replace_in_file', { path: p, diff }));
  assert.equal(c!.after, 'const a = foo();\nconst b = one();\nconst c = two();\n');
  assert.equal(c!.exact, true);
});

test('Copilot CLI edit and Claude Write: whole texts', () => {
  const p = file('src/cli.ts', 'a\n');
  assert.equal(changes(copilotCli('edit', { path: p, old_str: 'a', new_str: 'b' }))[0]!.after, 'b\n');
  const [w] = changes(claude('Write', { file_path: join(proj, 'src/new.ts'), content: 'new\n' }));
  assert.deepEqual(w, { path: join(proj, 'src/new.ts'), op: 'add', before: '', after: 'new\n', exact: true });
});

test('Codex apply_patch: update with an anchor, add, delete and move, as one list of files', () => {
  const app = file('src/app.ts', '// head\nfunction main() {\n  return 1;\n}\nfunction other() {\n  return 1;\n}\n');
  const old = file('old.txt', 'gone\n');
  const mv = file('mv.txt', 'x\ny\n');
  const patch = `*** Begin Patch\n*** Update File: src/app.ts\n@@ function other() {\n-  return 1;\n+  return 2;\n*** Add File: src/added.ts\n+export const x = 1;\n*** Delete File: old.txt\n*** Update File: mv.txt\n*** Move to: moved.txt\n@@\n x\n-y\n+z\n*** End Patch\n`;
  const cs = changes(codex(patch));
  assert.deepEqual(
    cs.map((c) => [c.path, c.op, c.after, c.exact]),
    [
      [app, 'update', '// head\nfunction main() {\n  return 1;\n}\nfunction other() {\n  return 2;\n}\n', true],
      [join(proj, 'src/added.ts'), 'add', 'export const x = 1;\n', true],
      [old, 'delete', '', true],
      [mv, 'delete', '', true],
      [join(proj, 'moved.txt'), 'add', 'x\nz\n', true],
    ],
  );
  const [bad] = changes(codex('*** Begin Patch\n*** Update File: src/app.ts\n@@\n-not there\n+x\n*** End Patch\n'));
  assert.equal(bad!.exact, false);
  assert.match(bad!.note ?? '', /does not match/);
});

test('a unified diff applies hunk by hunk, with the line offset the file has now', () => {
  const p = file('u.txt', 'new first line\none\ntwo\nthree\n');
  const [c] = changes(vscode('apply_patch', { input: '--- a/u.txt\n+++ b/u.txt\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n', explanation: 'x' }));
  assert.equal(c!.path, p);
  assert.equal(c!.after, 'new first line\none\nTWO\nthree\n');
  assert.equal(c!.exact, true);
});

test('sed -i, redirects and tee in every agent\'s shell format: in order, each step on the last one\'s text', () => {
  for (const agent of Object.keys(SHELL_FORMATS) as AgentName[]) {
    const conf = file('conf.txt', 'debug=false\nport=80\n');
    const cs = changes(shell(agent, "sed -i 's/debug=false/debug=true/' conf.txt && echo 'extra=1' >> conf.txt; printf 'x\\n' | tee out.txt"));
    assert.deepEqual(
      cs.map((c) => [c.path, c.before, c.after, c.exact]),
      [
        [conf, 'debug=false\nport=80\n', 'debug=true\nport=80\nextra=1\n', true],
        [join(proj, 'out.txt'), '', 'x\n', true],
      ],
      agent,
    );
  }
});

test('sed -E alternation: GNU gives X, JavaScript would give Xb: not shown as exact, and at least review', () => {
  file('ab.txt', 'ab\n');
  const v = policy.evaluate(shell('claude', "sed -i -E 's/a|ab/X/' ab.txt"));
  assert.equal(v.changes![0]!.exact, false);
  assert.equal(v.changes![0]!.after, null);
  assert.match(v.changes![0]!.note ?? '', /cannot be shown exactly/);
  assert.ok(v.risk === 'review' || v.risk === 'sensitive', v.risk);
  assert.ok(v.reasons.some((r) => r.rule === 'fs.edit-inexact'));
  // The plain substitution is exact and stays safe.
  const plain = policy.evaluate(shell('claude', "sed -i 's/a/X/' ab.txt"));
  assert.equal(plain.changes![0]!.after, 'Xb\n');
  assert.equal(plain.risk, 'safe');
});

test('a secret file\'s text never reaches the verdict', () => {
  file('.env', 'API_KEY=sk-live-abcdefghijklmnop\n');
  const v = policy.evaluate(shell('claude', "sed -i 's/API_KEY=.*/API_KEY=x/' .env"));
  assert.equal(v.changes![0]!.before, null);
  assert.ok(!JSON.stringify(v).includes('abcdefghijklmnop'));
});

test('output nobody can know is said plainly', () => {
  const [c] = changes(shell('claude', 'npm test > log.txt'));
  assert.equal(c!.after, null);
  assert.equal(c!.exact, false);
  assert.match(c!.note ?? '', /output of npm/);
});
