// PowerShell on Windows, through every agent's own payload format and through `countersign evaluate --platform
// win32`: every sensitive class flagged, ordinary Windows development quiet. Prints recall and false alarms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createPolicy, type Policy } from '../../../src/policy';
import { WINDOWS_AGENTS as AGENTS, WINDOWS_CONFIG as CONFIG, WIN_CWD, flagged, policy, windowsPayload } from './windowsHarness';
import { ORDINARY, SENSITIVE } from './powershellCorpus';


for (const [cls, commands] of Object.entries(SENSITIVE)) {
  test(`PowerShell on Windows, ${cls}: flagged in every agent's format`, async () => {
    const p = await policy();
    const missed: string[] = [];
    for (const command of commands) {
      for (const agent of AGENTS) {
        const v = p.evaluate(windowsPayload(agent, command), agent);
        if (!flagged(v)) missed.push(`${agent}: ${command} → ${v.risk} (${v.reasons.map((r) => r.rule).join(', ')})`);
      }
    }
    assert.deepEqual(missed, []);
  });
}

test('PowerShell on Windows: ordinary development stays safe or one review, in every agent format', async () => {
  const p = await policy();
  const alarms: string[] = [];
  for (const command of ORDINARY) {
    for (const agent of AGENTS) {
      const v = p.evaluate(windowsPayload(agent, command), agent);
      if (flagged(v)) alarms.push(`${agent}: ${command} → ${v.risk} (${v.reasons.map((r) => `${r.rule}: ${r.message}`).join('; ')})`);
    }
  }
  assert.deepEqual(alarms, []);
});

test('PowerShell on Windows: recall and false alarms (Claude Code PowerShell tool)', async () => {
  const p = await policy();
  const sensitive = Object.values(SENSITIVE).flat();
  const caught = sensitive.filter((c) => flagged(p.evaluate(windowsPayload('claude', c), 'claude'))).length;
  const quiet = ORDINARY.filter((c) => !flagged(p.evaluate(windowsPayload('claude', c), 'claude')));
  const safe = ORDINARY.filter((c) => p.evaluate(windowsPayload('claude', c), 'claude').risk === 'safe').length;
  process.stdout.write(`# powershell corpus: recall ${caught}/${sensitive.length}, false alarms ${ORDINARY.length - quiet.length}/${ORDINARY.length}, ordinary safe ${safe}/${ORDINARY.length}\n`);
  assert.equal(caught, sensitive.length);
  assert.equal(quiet.length, ORDINARY.length);
});

test('the shell comes from the tool, then the platform', async () => {
  const p = await policy();
  const linux = await createPolicy({ ...CONFIG, platform: 'linux' });
  // Claude Code's Bash tool is Git Bash, even on Windows: `Get-ChildItem` is an unknown command there.
  const bashOnWindows = p.evaluate({ session_id: 's', cwd: WIN_CWD, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'Get-ChildItem src' } }, 'claude');
  assert.equal(bashOnWindows.action.kind === 'shell' && bashOnWindows.action.shell, undefined);
  assert.equal(bashOnWindows.risk, 'review');
  // The PowerShell tool is PowerShell on any platform.
  const ps = linux.evaluate({ session_id: 's', cwd: WIN_CWD, hook_event_name: 'PreToolUse', tool_name: 'PowerShell', tool_input: { command: 'Get-ChildItem src' } }, 'claude');
  assert.equal(ps.action.kind === 'shell' && ps.action.shell, 'powershell');
  assert.equal(ps.risk, 'safe');
  // VS Code's terminal: PowerShell on Windows, bash elsewhere.
  const vs = (pol: Policy) => pol.evaluate(windowsPayload('vscode', 'Get-ChildItem src'), 'vscode');
  assert.equal(vs(p).risk, 'safe');
  assert.equal(vs(linux).risk, 'review');
  // A guessed shell never hides what bash would make of the same text.
  const guessed = vs(p).action;
  assert.equal(guessed.kind === 'shell' && guessed.shell, 'powershell');
  assert.ok(flagged(p.evaluate(windowsPayload('vscode', 'cat ~/.ssh/id_rsa'), 'vscode')));
  // Codex's argv that names its shell.
  const codex = p.evaluate({ session_id: 's', cwd: WIN_CWD, hook_event_name: 'PreToolUse', tool_name: 'shell', tool_input: { command: ['pwsh.exe', '-NoProfile', '-Command', 'Get-Content .env'] } }, 'codex');
  assert.equal(codex.action.kind === 'shell' && codex.action.command, 'Get-Content .env');
  assert.equal(codex.risk, 'sensitive');
});

test('findings point at the PowerShell text, programs are the cmdlets and natives run', async () => {
  const p = await policy();
  const v = p.evaluate(windowsPayload('claude', 'git status; Get-Content .env'), 'claude');
  const r = v.reasons.find((x) => x.rule === 'path.secret');
  assert.equal(r?.span?.text, 'Get-Content .env');
  const programs = v.effects.filter((e) => e.kind === 'program.run').map((e) => e.run?.program);
  assert.ok(programs.includes('git'));
  const enc = p.evaluate(windowsPayload('claude', 'powershell -enc RwBlAHQALQBDAG8AbgB0AGUAbgB0ACAALgBlAG4AdgA='), 'claude');
  assert.ok(enc.reasons.some((x) => x.message.includes('Get-Content .env')));
});

test('countersign evaluate --platform win32 judges PowerShell as on Windows; a wrong platform is an error', () => {
  const cli = resolve('dist', 'cli.js');
  const lines = ['Get-Content .env', 'Get-ChildItem src', 'Set-ExecutionPolicy Bypass', 'cmd /c "type %USERPROFILE%\\.npmrc"']
    .map((c) => JSON.stringify(windowsPayload('vscode', c)))
    .join('\n');
  const r = spawnSync(process.execPath, [cli, 'evaluate', '--jsonl', '--platform', 'win32', '--workspace', WIN_CWD], { input: lines, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const risks = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { risk: string }).risk);
  assert.deepEqual(risks, ['sensitive', 'safe', 'sensitive', 'sensitive']);
  const linux = spawnSync(process.execPath, [cli, 'evaluate', '--platform', 'linux'], { input: JSON.stringify(windowsPayload('vscode', 'Get-ChildItem src')), encoding: 'utf8' });
  assert.equal((JSON.parse(linux.stdout) as { risk: string }).risk, 'review');
  const bad = spawnSync(process.execPath, [cli, 'evaluate', '--platform', 'beos'], { input: '{}', encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--platform must be one of win32, linux, darwin/);
});
