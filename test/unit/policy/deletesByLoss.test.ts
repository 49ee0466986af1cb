// Deletes and discards judged by what they lose, on a real scratch repository (made with the git binary; the
// policy never runs git): through `countersign evaluate --jsonl --workspace` (sessions as the gate remembers them)
// and in process with the disk changing between steps, as it does under a real agent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createPolicy } from '../../../src/policy';

type Agent = 'claude' | 'gemini' | 'copilot-cli';
const AGENTS: Agent[] = ['claude', 'gemini', 'copilot-cli'];

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.email=t@e', '-c', 'user.name=t', ...args], { cwd, stdio: 'ignore' });
}

function makeRepo(): { root: string; done: () => void } {
  const base = mkdtempSync(join(tmpdir(), 'cs-loss-'));
  const root = join(base, 'proj');
  mkdirSync(join(root, 'src'), { recursive: true });
  git(root, 'init', '-q');
  writeFileSync(join(root, '.gitignore'), 'dist/\n__pycache__/\n*.pyc\n');
  writeFileSync(join(root, 'src/app.py'), 'print(1)\n');
  writeFileSync(join(root, 'src/util.py'), 'x = 1\n');
  writeFileSync(join(root, '.env'), 'TOKEN=abc\n');
  git(root, 'add', '.gitignore', 'src');
  git(root, 'commit', '-qm', 'init');
  git(root, 'update-index', '--index-version', '4');
  appendFileSync(join(root, 'src/util.py'), 'y = 2 # the user is working on this\n');
  writeFileSync(join(root, 'notes.md'), 'my notes\n');
  mkdirSync(join(root, 'dist'));
  writeFileSync(join(root, 'dist/bundle.js'), 'built\n');
  mkdirSync(join(root, 'src/__pycache__'));
  writeFileSync(join(root, 'src/__pycache__/app.cpython-312.pyc'), 'c');
  return { root, done: () => rmSync(base, { recursive: true, force: true }) };
}

function session(agent: Agent, id: string, cwd: string) {
  return {
    shell: (command: string): unknown =>
      agent === 'gemini'
        ? { session_id: id, cwd, hook_event_name: 'BeforeTool', tool_name: 'run_shell_command', tool_input: { command } }
        : agent === 'copilot-cli'
          ? { sessionId: id, timestamp: 1, cwd, toolName: 'bash', toolArgs: { command } }
          : { session_id: id, cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } },
    write: (path: string, content: string): unknown =>
      agent === 'gemini'
        ? { session_id: id, cwd, hook_event_name: 'BeforeTool', tool_name: 'write_file', tool_input: { file_path: path, content } }
        : agent === 'copilot-cli'
          ? { sessionId: id, timestamp: 1, cwd, toolName: 'create', toolArgs: { path, file_text: content } }
          : { session_id: id, cwd, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: path, content } },
    edit: (path: string, old: string, now: string): unknown =>
      agent === 'gemini'
        ? { session_id: id, cwd, hook_event_name: 'BeforeTool', tool_name: 'replace', tool_input: { file_path: path, old_string: old, new_string: now } }
        : agent === 'copilot-cli'
          ? { sessionId: id, timestamp: 1, cwd, toolName: 'edit', toolArgs: { path, old_str: old, new_str: now } }
          : { session_id: id, cwd, hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_input: { file_path: path, old_string: old, new_string: now } },
  };
}

function cliPath(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'dist', 'cli.js'))) return join(dir, 'dist', 'cli.js');
  return join(process.cwd(), 'dist', 'cli.js');
}

interface Result {
  risk: string;
  reasons: { rule: string; message: string }[];
}

function evaluateJsonl(workspace: string, payloads: unknown[]): Result[] {
  const r = spawnSync(process.execPath, [cliPath(), 'evaluate', '--jsonl', '--workspace', workspace], { input: payloads.map((p) => JSON.stringify(p)).join('\n') + '\n', encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Result);
}

const why = (v: Result): string => `${v.risk}: ${v.reasons.map((r) => `${r.rule} ${r.message}`).join(' | ')}`;

test('evaluate --jsonl: write → run → rm costs no click; the user’s notes, changes and history still ask, naming the file', () => {
  const { root, done } = makeRepo();
  try {
    for (const agent of AGENTS) {
      const s = session(agent, `loss-${agent}`, root);
      const steps: [unknown, string, RegExp?][] = [
        [s.write(join(root, 'reproduce_issue.py'), 'print("repro")\n'), 'safe'],
        [s.shell('python3 reproduce_issue.py'), 'safe'],
        [s.shell('rm reproduce_issue.py'), 'safe'],
        [s.shell('rm -rf dist src/__pycache__ && find . -name "*.pyc" -delete'), 'safe'],
        [s.shell('rm src/app.py'), 'safe'], // git has it, unchanged
        [s.shell('rm notes.md'), 'review', /notes\.md is not tracked/],
        [s.shell('rm src/util.py'), 'review', /src\/util\.py has uncommitted changes/],
        [s.shell('rm -rf src'), 'review', /src\/util\.py has uncommitted changes/],
        [s.shell('rm -rf .'), 'review', /\.git is the repository's own history/],
        [s.shell('git checkout -- src/util.py'), 'review', /src\/util\.py has uncommitted changes this session did not make/],
        [s.shell('git checkout -- src/app.py'), 'safe'],
        [s.shell('git restore --staged src/util.py'), 'safe'],
        [s.shell('git reset --hard'), 'review', /src\/util\.py/],
        [s.shell('git clean -fd'), 'review', /(\.env|notes\.md) is not tracked/],
        [s.shell('git clean -fX'), 'safe'],
        [s.shell('git stash drop'), 'safe'], // there is no stash
        [s.shell('mv src/app.py notes.md'), 'review', /notes\.md/],
        [s.shell('rm .env'), 'sensitive'],
        [s.shell('rm -rf ~'), 'blocked'],
        [s.shell('rm -rf /'), 'blocked'],
      ];
      const results = evaluateJsonl(root, steps.map((x) => x[0]));
      steps.forEach(([, risk, reason], i) => {
        const r = results[i]!;
        assert.equal(r.risk, risk, `${agent} step ${i}: ${why(r)}`);
        if (reason) assert.match(r.reasons.map((x) => x.message).join('\n'), reason, `${agent} step ${i}`);
      });
    }
  } finally {
    done();
  }
});

test('discarding changes only this session made is safe; once the user changes the file too, it asks', async () => {
  const { root, done } = makeRepo();
  try {
    const p = await createPolicy({ sensitivePaths: [], allowedPaths: [], workspaceFolders: [root], home: dirname(root) });
    for (const agent of AGENTS) {
      git(root, 'checkout', '--', 'src/app.py');
      const s = session(agent, `discard-${agent}`, root);
      const file = join(root, 'src/app.py');
      // The agent edits a committed, unchanged file; the edit lands on disk (the gate's PreToolUse runs first).
      assert.equal(p.evaluate(s.edit(file, 'print(1)', 'print(2)')).risk, 'safe');
      writeFileSync(file, 'print(2)\n');
      const own = p.evaluate(s.shell('git checkout -- src/app.py'));
      assert.equal(own.risk, 'safe', `${agent} ${why(own)}`);
      assert.match(own.reasons[0]!.message, /only uncommitted changes are the ones this session made/);
      // The user then adds a line of their own: discarding it would lose their work.
      appendFileSync(file, '# mine\n');
      const theirs = p.evaluate(s.shell('git restore src/app.py'));
      assert.equal(theirs.risk, 'review', `${agent} ${why(theirs)}`);
      assert.match(theirs.reasons[0]!.message, /src\/app\.py has uncommitted changes this session did not make/);
      // Another session never saw the file clean: not its changes to throw away.
      assert.equal(p.evaluate(session(agent, `other-${agent}`, root).shell('git checkout -- src/app.py')).risk, 'review');
    }
  } finally {
    done();
  }
});

test('a recursive delete is judged by everything under it, a symlink as itself, and a nested repository as history', async () => {
  const { root, done } = makeRepo();
  try {
    const p = await createPolicy({ sensitivePaths: [], allowedPaths: [], workspaceFolders: [root], home: dirname(root) });
    const s = session('claude', 'walk', root);
    mkdirSync(join(root, 'tmp/deep'), { recursive: true });
    assert.equal(p.evaluate(s.write(join(root, 'tmp/deep/a.txt'), 'a')).risk, 'safe');
    writeFileSync(join(root, 'tmp/deep/a.txt'), 'a');
    assert.equal(p.evaluate(s.shell('rm -rf tmp')).risk, 'safe', 'only files this session created');
    writeFileSync(join(root, 'tmp/deep/b.txt'), 'someone else');
    const v = p.evaluate(s.shell('rm -rf tmp'));
    assert.equal(v.risk, 'review');
    assert.match(v.reasons[0]!.message, /tmp\/deep\/b\.txt is not tracked/);
    // A link to someone's notes: rm deletes the link only, which git does not have either.
    execFileSync('ln', ['-s', 'notes.md', join(root, 'notes-link')]);
    assert.equal(p.evaluate(s.shell('rm notes-link')).risk, 'review');
    mkdirSync(join(root, 'vendor/lib'), { recursive: true });
    git(join(root, 'vendor/lib'), 'init', '-q');
    assert.match(p.evaluate(s.shell('rm -rf vendor')).reasons[0]!.message, /vendor\/lib\/\.git is the repository's own history/);
  } finally {
    done();
  }
});
