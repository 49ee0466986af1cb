// The gate's policy loads tree-sitter-powershell only when a PowerShell or cmd command first needs it (memory of a
// long-lived gate), and then judges exactly as an eagerly loaded policy. Structure only: no memory figures here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPolicy, type PolicyConfig } from '../../../src/policy';
import { loadedGrammars } from '../../../src/policy/shell/wasm';
import { policyForHomes } from '../../../src/gate/policyForHomes';

const WIN_CWD = 'C:\\Users\\dev\\proj';
const CONFIG: PolicyConfig = { sensitivePaths: [], allowedPaths: [], workspaceFolders: [WIN_CWD], home: 'C:\\Users\\dev', platform: 'win32' };
const PS = 'tree-sitter-powershell.wasm';

const claudeBash = (command: string) => ({ session_id: 's', cwd: WIN_CWD, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });
const claudePs = (command: string) => ({ session_id: 's', cwd: WIN_CWD, hook_event_name: 'PreToolUse', tool_name: 'PowerShell', tool_input: { command } });
const cursorShell = (command: string) => ({ conversation_id: 'k', generation_id: 'g', hook_event_name: 'beforeShellExecution', workspace_roots: [WIN_CWD], command, cwd: WIN_CWD });

// Runs first and alone in this process: nothing else may have loaded the grammar yet.
test('bash commands, file reads and writes never load the PowerShell grammar; the first PowerShell command does', async () => {
  const policy = await policyForHomes((c) => createPolicy(c, { lazyPowerShell: true }), CONFIG, [CONFIG.home, 'C:\\Users\\other']);
  assert.ok(loadedGrammars().includes('tree-sitter-bash.wasm'), 'the bash grammar loads up front');
  const bashOnly = [
    claudeBash('git status && cat .env'),
    claudeBash('pwsh -c "Get-Content $env:USERPROFILE\\.ssh\\id_rsa"'),
    { session_id: 's', cwd: WIN_CWD, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: `${WIN_CWD}\\.env` } },
    { session_id: 's', cwd: WIN_CWD, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: `${WIN_CWD}\\run.ps1`, content: 'Remove-Item -Recurse C:\\' } },
  ];
  for (const payload of bashOnly) {
    assert.equal(policy.prepare?.(payload, 'claude'), undefined, `nothing to load for ${JSON.stringify(payload).slice(0, 80)}`);
    policy.evaluate(payload, 'claude');
  }
  assert.ok(!loadedGrammars().includes(PS), 'no PowerShell grammar after bash-only requests');

  // Cursor's shell on Windows is PowerShell by the platform: it needs the grammar too.
  const first = policy.prepare?.(cursorShell('Get-Content .env'), 'cursor');
  assert.ok(first instanceof Promise, 'a PowerShell command waits for its grammar');
  assert.ok(loadedGrammars().includes(PS));
  await first;
  assert.equal(policy.prepare?.(claudePs('Get-ChildItem'), 'claude'), undefined, 'loaded once, then nothing to wait for');
});

test('a lazily loaded policy judges PowerShell exactly as an eager one', async () => {
  const lazy = await createPolicy(CONFIG, { lazyPowerShell: true });
  const eager = await createPolicy(CONFIG);
  const commands = ['Get-Content $env:USERPROFILE\\.aws\\credentials', 'Remove-Item -Recurse -Force C:\\Users\\dev', 'Get-ChildItem src | Select-String TODO', 'cmd /c "type .env"'];
  for (const command of commands) {
    await lazy.prepare?.(claudePs(command), 'claude');
    const a = lazy.evaluate(claudePs(command), 'claude');
    const b = eager.evaluate(claudePs(command), 'claude');
    assert.deepEqual(a.reasons, b.reasons, command);
    assert.equal(a.risk, b.risk, command);
    assert.ok(!a.reasons.some((r) => r.rule === 'shell.parser-unavailable'), command);
  }
});
