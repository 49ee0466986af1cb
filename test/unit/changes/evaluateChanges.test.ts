// `countersign evaluate` prints each verdict's `changes` ([{path, before, after, exact}]), on the built CLI, with the
// workspace's files read from disk.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';

function cliPath(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'dist', 'cli.js'))) return join(dir, 'dist', 'cli.js');
  return join(process.cwd(), 'dist', 'cli.js');
}

interface Change {
  path: string;
  before: string | null;
  after: string | null;
  exact: boolean;
}

function evaluate(workspace: string, payload: unknown): { risk: string; changes: Change[] } {
  const r = spawnSync(process.execPath, [cliPath(), 'evaluate', '--workspace', workspace], { input: JSON.stringify(payload), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { risk: string; changes: Change[] };
}

test('evaluate prints changes: replace_all previews all three replacements; sed -i as GNU sed; alternation inexact', () => {
  const ws = mkdtempSync(join(tmpdir(), 'cs-eval-changes-'));
  try {
    const f = join(ws, 'app.js');
    writeFileSync(f, 'foo(1);\nfoo(2);\nfoo(3);\n');
    const edit = evaluate(ws, { session_id: 's', cwd: ws, hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_input: { file_path: f, old_string: 'foo', new_string: 'bar', replace_all: true } });
    assert.deepEqual(
      edit.changes.map((c) => ({ path: c.path, before: c.before, after: c.after, exact: c.exact })),
      [{ path: f, before: 'foo(1);\nfoo(2);\nfoo(3);\n', after: 'bar(1);\nbar(2);\nbar(3);\n', exact: true }],
    );
    const bash = (command: string) => ({ session_id: 's', cwd: ws, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
    const sed = evaluate(ws, bash("sed -i '2s/foo/baz/;$a // end' app.js"));
    assert.deepEqual(sed.changes.map((c) => [c.after, c.exact]), [['foo(1);\nbaz(2);\nfoo(3);\n// end\n', true]]);
    writeFileSync(join(ws, 'ab.txt'), 'ab\n');
    const alt = evaluate(ws, bash("sed -i -E 's/a|ab/X/' ab.txt"));
    assert.deepEqual(alt.changes.map((c) => [c.after, c.exact]), [[null, false]]);
    assert.notEqual(alt.risk, 'safe');
    // Nothing that writes: an empty list, never a missing field.
    assert.deepEqual(evaluate(ws, bash('ls')).changes, []);
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
});
