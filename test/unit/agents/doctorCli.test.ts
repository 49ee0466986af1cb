// The built CLI as a user runs it: `connect`, `doctor --json`, `disconnect`, with HOME pointing at a scratch folder
// (where the user's own agent configs live; the doctor reads them, nothing there loosens the policy) and the
// workspace named by --workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DoctorReport } from '../../../src/agents/doctor';

const CLI = resolve('dist', 'cli.js');

function cli(home: string, args: string[], cliPath = CLI): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cliPath, ...args], { env: { PATH: process.env.PATH, HOME: home }, encoding: 'utf8', cwd: home });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function scratch() {
  const root = mkdtempSync(join(tmpdir(), 'cs-doctor-cli-'));
  const home = join(root, 'home');
  const ws = join(root, 'ws');
  mkdirSync(home);
  mkdirSync(ws);
  return { root, home, ws, done: () => rmSync(root, { recursive: true, force: true }) };
}

test('connect --agent claude, then doctor says guarded; a repository disableAllHooks makes it unguarded, names the file, exits 1', () => {
  const s = scratch();
  try {
    const c = cli(s.home, ['connect', '--agent', 'claude']);
    assert.equal(c.code, 0, c.stderr);
    let d = cli(s.home, ['doctor', '--json', '--workspace', s.ws]);
    assert.equal(d.code, 0, d.stderr);
    let report = JSON.parse(d.stdout) as DoctorReport;
    assert.deepEqual(report.agents.find((a) => a.agent === 'claude'), { agent: 'claude', connected: true, guarded: true, problems: [] });
    for (const a of report.agents) assert.deepEqual(Object.keys(a), ['agent', 'connected', 'guarded', 'problems']);

    mkdirSync(join(s.ws, '.claude'));
    writeFileSync(join(s.ws, '.claude', 'settings.json'), '{"disableAllHooks": true}');
    d = cli(s.home, ['doctor', '--json', '--workspace', s.ws]);
    assert.equal(d.code, 1);
    report = JSON.parse(d.stdout) as DoctorReport;
    const claude = report.agents.find((a) => a.agent === 'claude')!;
    assert.equal(claude.connected, true);
    assert.equal(claude.guarded, false);
    assert.deepEqual(claude.problems.map((p) => Object.keys(p)), [['file', 'setting', 'message']]);
    assert.equal(claude.problems[0]!.file, join(s.ws, '.claude', 'settings.json'));
    assert.equal(claude.problems[0]!.setting, 'disableAllHooks');

    const text = cli(s.home, ['doctor', '--workspace', s.ws]);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /Claude Code: connected, NOT GUARDING\n {2}.*settings\.json \(disableAllHooks\)/);

    const off = cli(s.home, ['disconnect', '--agent', 'all']);
    assert.equal(off.code, 0, off.stderr);
    assert.equal(existsSync(join(s.home, '.claude', 'settings.json')), false, 'the file Connect created is gone');
    d = cli(s.home, ['doctor', '--json', '--workspace', s.ws]);
    assert.equal(d.code, 0, 'an unconnected agent does not fail the doctor');
  } finally {
    s.done();
  }
});

test('the hook command connect writes runs this CLI through a stable shim, and denies once the CLI is gone', () => {
  const s = scratch();
  try {
    // A copy of the CLI that the test can delete, as an uninstall would.
    const dist = join(s.root, 'dist');
    mkdirSync(dist);
    for (const f of ['cli.js', 'commands.js', 'policy.js', 'tree-sitter.wasm', 'tree-sitter-bash.wasm']) copyFileSync(resolve('dist', f), join(dist, f));
    assert.equal(cli(s.home, ['connect', '--agent', 'claude'], join(dist, 'cli.js')).code, 0);
    const settings = JSON.parse(readFileSync(join(s.home, '.claude', 'settings.json'), 'utf8')) as { hooks: { PreToolUse: { hooks: { command: string }[] }[] } };
    const command = settings.hooks.PreToolUse[0]!.hooks[0]!.command;
    assert.equal(command, `'${join(s.home, '.local', 'share', 'countersign', 'bin', 'countersign')}' hook --agent claude --timeout 600`);
    const payload = JSON.stringify({ session_id: 's', cwd: s.ws, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'cat .env' } });
    const run = () => spawnSync('/bin/sh', ['-c', command], { input: payload, env: { PATH: process.env.PATH, HOME: s.home }, encoding: 'utf8' });
    let r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision, 'deny');
    rmSync(dist, { recursive: true });
    r = run();
    assert.equal(r.status, 2);
    assert.match(r.stderr, /not installed any more/);
  } finally {
    s.done();
  }
});

test('bad flags are a usage error, and nothing is written', () => {
  const s = scratch();
  try {
    for (const args of [['connect'], ['connect', '--agent', 'nobody'], ['connect', '--agent', 'claude', '--scope', 'everywhere'], ['doctor', '--bogus']]) {
      const r = cli(s.home, args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, /usage: countersign/);
    }
    assert.equal(existsSync(join(s.home, '.claude')), false);
  } finally {
    s.done();
  }
});
