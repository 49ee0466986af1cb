// PowerShell's file writes in the exact preview (verdict `changes`), like the POSIX redirects: Set-Content and
// Add-Content with values written in the command are exact (one line per value, the platform's newline, none with
// -NoNewline); output piped in, Out-File and `>`/`>>` (PowerShell formats objects, and its encoding differs between
// 5.1 and 7) are exact:false and a review. Real files in a temporary folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPolicy, type Policy, type Verdict } from '../../../src/policy';

const proj = mkdtempSync(join(tmpdir(), 'cs-ps-changes-'));
writeFileSync(join(proj, 'notes.txt'), 'alpha\nbeta\n');
let shared: Promise<Policy> | undefined;
const policy = (): Promise<Policy> => (shared ??= createPolicy({ sensitivePaths: [], allowedPaths: [], workspaceFolders: [proj], home: tmpdir() }));

async function run(command: string): Promise<Verdict> {
  return (await policy()).evaluate({ session_id: 's', cwd: proj, hook_event_name: 'PreToolUse', tool_name: 'PowerShell', tool_input: { command } }, 'claude');
}

const file = join(proj, 'notes.txt');

test('Set-Content -Value and Add-Content with literal values: exact', async () => {
  const set = await run("Set-Content -Path notes.txt -Value 'hello'");
  assert.deepEqual(set.changes?.map((c) => ({ path: c.path, before: c.before, after: c.after, exact: c.exact })), [{ path: file, before: 'alpha\nbeta\n', after: 'hello\n', exact: true }]);
  const add = await run("Add-Content notes.txt 'gamma'");
  assert.deepEqual(add.changes?.map((c) => [c.after, c.exact]), [['alpha\nbeta\ngamma\n', true]]);
  const two = await run("Set-Content notes.txt -Value 'one','two'");
  assert.deepEqual(two.changes?.map((c) => [c.after, c.exact]), [['one\ntwo\n', true]]);
  const spaced = await run('Set-Content notes.txt -Value one, two');
  assert.deepEqual(spaced.changes?.map((c) => c.exact), [false], 'an array written with spaces is not guessed at');
  const none = await run("Set-Content notes.txt -Value 'x' -NoNewline");
  assert.deepEqual(none.changes?.map((c) => [c.after, c.exact]), [['x', true]]);
  const fresh = await run("Set-Content -Path new.txt -Value 'made'");
  assert.deepEqual(fresh.changes?.map((c) => [c.op, c.after, c.exact]), [['add', 'made\n', true]]);
});

test('output piped in, Out-File and redirects: not exact, and a review', async () => {
  for (const command of ["(Get-Content notes.txt) -replace 'alpha','omega' | Set-Content notes.txt", 'Get-Process | Out-File notes.txt', 'dotnet --info > notes.txt', 'git log >> notes.txt']) {
    const v = await run(command);
    assert.equal(v.changes?.length, 1, command);
    assert.equal(v.changes?.[0]?.exact, false, command);
    assert.equal(v.changes?.[0]?.path, file, command);
    assert.ok(v.risk === 'review' || v.risk === 'sensitive', `${command}: ${v.risk}`);
  }
});

test('the newline is CRLF for a Windows folder', async () => {
  const p = await createPolicy({ sensitivePaths: [], allowedPaths: [], workspaceFolders: ['C:\\Users\\dev\\proj'], home: 'C:\\Users\\dev', platform: 'win32' });
  const v = p.evaluate({ session_id: 's', cwd: 'C:\\Users\\dev\\proj', hook_event_name: 'PreToolUse', tool_name: 'PowerShell', tool_input: { command: "Set-Content a.txt 'x','y'" } }, 'claude');
  const c = v.changes?.[0];
  assert.equal(c?.path, 'C:/Users/dev/proj/a.txt');
  // The file cannot be read here (no such drive), so the preview says so; what would be written is CRLF lines.
  assert.ok(c?.after === 'x\r\ny\r\n' || c?.after === null, JSON.stringify(c));
});
