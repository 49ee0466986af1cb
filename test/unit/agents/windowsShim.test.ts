// Windows pieces that can be checked without Windows: the .cmd shim's text, Cline's deny command quoted so that
// sh, cmd and PowerShell all just print it, the named-pipe name rules and the icacls plan and read-back.
// The shim's behaviour is run for real under Wine (test/wine/); these pin the text that behaviour depends on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cmdSetValue, windowsShim } from '../../../src/agents/scripts';
import { anyShellQuote, formatAnswer } from '../../../src/agents/answers';
import { isLocalPipe, samePipe } from '../../../src/ipc/windowsPipe';
import { parseWhoamiSid, readBack, userOnlyAclArgs } from '../../../src/ipc/windowsAcl';

const RUNTIME = 'C:\\Program Files\\Microsoft VS Code\\Code.exe';
const CLI = 'C:\\Users\\ann\\.vscode\\extensions\\countersign-1.0.0\\dist\\cli.js';
const DIR = 'C:\\Users\\ann\\AppData\\Roaming\\Code\\User\\globalStorage\\countersign\\bin\\';

const lines = (text: string) => text.split('\r\n');

test('the .cmd shim: CRLF, delayed expansion off, the paths set in quotes, the answer buffered beside the shim', () => {
  const text = windowsShim(RUNTIME, CLI, DIR);
  assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
  const l = lines(text);
  assert.equal(l[0], '@echo off');
  assert.ok(l.includes('setlocal EnableExtensions DisableDelayedExpansion'));
  assert.ok(l.includes(`set "CS_CLI=${CLI}"`));
  assert.ok(l.includes(`set "CS_RUNTIME=${RUNTIME}"`));
  assert.ok(l.includes('set "CS_WORK=C:\\Users\\ann\\AppData\\Roaming\\Code\\User\\globalStorage\\countersign\\bin\\pending"'));
  assert.ok(l.includes('"%CS_RUNTIME%" "%CS_CLI%" %* 1>"%CS_OUT%\\answer"'), 'stdout to a file, not straight to the agent');
  assert.ok(l.indexOf('if not exist "%CS_CLI%" goto cs_missing') < l.findIndex((x) => x.startsWith('"%CS_RUNTIME%"')));
});

test('the .cmd shim passes an answer on only for exit codes exactly 0 or 2, compared as strings', () => {
  const text = windowsShim(RUNTIME, CLI, DIR);
  // `if errorlevel N` is "at least N": a negative NTSTATUS (0xC0000005 = -1073741819) would pass as success.
  // It appears only after mkdir and type, whose failure is 1, each right after `(call )` set it to 0.
  const l = lines(text);
  l.forEach((x, i) => {
    if (/errorlevel/i.test(x) && !x.includes('%ERRORLEVEL%')) {
      assert.equal(x.startsWith('if errorlevel 1 goto cs_'), true, x);
      assert.match(l[i - 1] ?? '', /^(mkdir|type) /, x);
      assert.equal(l[i - 2], '(call )', x);
    }
  });
  assert.ok(l.includes('set "CS_CODE=%ERRORLEVEL%"'));
  assert.equal((l[l.indexOf('set "CS_CODE=%ERRORLEVEL%"') - 1] ?? '').startsWith('"%CS_RUNTIME%"'), true, 'the code is the CLI\'s own');
  assert.doesNotMatch(text, /\|\||&&/, "Wine's cmd runs || after a successful mkdir");
  assert.doesNotMatch(text, /EQU|NEQ|GEQ|LSS/);
  const passes = lines(text).filter((l) => l.includes('goto cs_answer'));
  assert.deepEqual(passes, ['if "%CS_CODE%"=="0" goto cs_answer', 'if "%CS_CODE%"=="2" goto cs_answer']);
  // Only `exit /b 2` or the CLI's own 0/2 ever leave the shim.
  const exits = lines(text).filter((l) => /^exit\b/i.test(l));
  assert.deepEqual([...new Set(exits)].sort(), ['exit /b %CS_CODE%', 'exit /b 2']);
  // Every path to the CLI's code goes through the two string compares.
  const codeExit = lines(text).indexOf('exit /b %CS_CODE%');
  assert.ok(lines(text).slice(0, codeExit).includes(':cs_answer'));
});

test('every deny the .cmd echoes is JSON every agent reads as a deny, and holds no cmd metacharacter', () => {
  const echoes = lines(windowsShim(RUNTIME, CLI, DIR)).filter((l) => l.startsWith('echo {'));
  assert.equal(echoes.length, 4); // failed, lost answer, no room, not installed
  for (const e of echoes) {
    const body = e.slice('echo '.length);
    assert.doesNotMatch(body, /[&|<>^%!()]/, `cmd would interpret: ${body}`);
    const a = JSON.parse(body) as Record<string, unknown>;
    assert.equal(a.decision, 'block');
    assert.equal(a.permission, 'deny');
    assert.equal(a.cancel, true);
    assert.equal(a.permissionDecision, 'deny');
  }
  for (const l of lines(windowsShim(RUNTIME, CLI, DIR)).filter((x) => /^1>&2 echo /.test(x))) {
    assert.doesNotMatch(l.slice('1>&2 echo '.length).replace('%CS_CODE%', ''), /[&|<>^%!"]/, l);
  }
});

test('a path with % is doubled (cmd expands it even in quotes); a quote or a line break is refused', () => {
  assert.equal(cmdSetValue('C:\\100%\\%PATH%\\x'), 'C:\\100%%\\%%PATH%%\\x');
  assert.equal(cmdSetValue('C:\\a&b^c!d\\node.exe'), 'C:\\a&b^c!d\\node.exe', 'safe inside set "…" with delayed expansion off');
  const text = windowsShim('C:\\50%\\node.exe', CLI, DIR);
  assert.ok(lines(text).includes('set "CS_RUNTIME=C:\\50%%\\node.exe"'));
  for (const bad of ['C:\\a"b', 'C:\\a\r\nexit /b 0', 'C:\\a\nb', 'C:\\a\0b']) {
    assert.throws(() => windowsShim(bad, CLI, DIR), /cannot write/);
    assert.throws(() => windowsShim(RUNTIME, bad, DIR), /cannot write/);
    assert.throws(() => windowsShim(RUNTIME, CLI, bad), /cannot write/);
  }
});

test('the connect CLI and the extension write different provenance lines, same logic', () => {
  const a = windowsShim(RUNTIME, CLI, DIR, 'cli');
  const b = windowsShim(RUNTIME, CLI, DIR, 'extension');
  assert.match(a, /countersign connect/);
  assert.match(b, /VS Code extension/);
  const body = (t: string) => lines(t).filter((l) => !l.startsWith('rem '));
  assert.deepEqual(body(a), body(b));
});

const HOSTILE = [
  "it's secret\n$(rm -rf /)",
  'x & calc.exe & echo',
  'x | Remove-Item -Recurse C:\\',
  '%USERPROFILE%\\.npmrc and !PATH!',
  "’; Remove-Item C:\\ -Recurse; ‘",
  '`$(Invoke-Expression calc)` ^& del *',
  '"; del /q *; echo "',
  'a <nul >C:\\Windows\\x',
  'tab\there, bell\u0007, nul\u0000, line\u2028sep',
];

test('Cline on Windows: the deny command is single-quoted text no shell can act on', () => {
  for (const reason of HOSTILE) {
    const q = anyShellQuote(reason);
    assert.match(q, /^'[^']*'$/, q);
    // Inside: printable ASCII with none of sh's, cmd's or PowerShell's active characters in single quotes.
    assert.doesNotMatch(q.slice(1, -1), /[^ -~]|['"%!&|<>^`]/, q);
  }
  assert.equal(anyShellQuote("Reads .env: it's secret (matches **/.env)"), "'Reads .env: it s secret (matches **/.env)'");
  const shell = { hookName: 'tool_call', tool_call: { name: 'run_commands', input: { commands: ['type .env'] } } };
  const onWindows = JSON.parse(formatAnswer('cline', 'deny', 'no & calc', shell, undefined, 'win32').stdout) as { overrideInput: { commands: string[] }; errorMessage: string };
  assert.deepEqual(onWindows.overrideInput.commands, ["echo 'no calc'"]);
  assert.equal(onWindows.errorMessage, 'no & calc', 'the whole reason still reaches Cline');
  const onLinux = JSON.parse(formatAnswer('cline', 'deny', "it's", shell, undefined, 'linux').stdout) as { overrideInput: { commands: string[] } };
  assert.deepEqual(onLinux.overrideInput.commands, [`echo 'it'\\''s'`]);
});

test('Cline on Windows: sh runs the quoted deny as a plain echo (Git Bash)', () => {
  for (const reason of HOSTILE) {
    const r = spawnSync('sh', ['-c', `echo ${anyShellQuote(reason)}`], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.equal(r.stdout, `${anyShellQuote(reason).slice(1, -1)}\n`);
  }
});

test('named pipes: only local ones count, compared without case', () => {
  for (const ok of ['\\\\.\\pipe\\countersign-0123456789abcdef-x', '\\\\?\\pipe\\countersign-x']) assert.ok(isLocalPipe(ok), ok);
  for (const bad of ['\\\\evil.example\\pipe\\countersign-x', '\\\\.\\pipe\\', '\\\\.\\pipe\\a\\..\\..\\C$', 'C:\\tmp\\gate.sock', '/tmp/x.sock', '\\\\.\\pipe\\a/b', '\\\\.\\PIPE']) {
    assert.ok(!isLocalPipe(bad), bad);
  }
  assert.ok(samePipe('\\\\.\\pipe\\Countersign-A', '\\\\?\\PIPE\\countersign-a'));
  assert.ok(!samePipe('\\\\.\\pipe\\countersign-a', '\\\\.\\pipe\\countersign-b'));
});

test('icacls: inheritance cut, this account and SYSTEM by SID, broad groups removed; the read-back counts ACEs', () => {
  const sid = parseWhoamiSid('"desktop-1\\ann","S-1-5-21-1004336348-1177238915-682003330-1001"\r\n');
  assert.equal(sid, 'S-1-5-21-1004336348-1177238915-682003330-1001');
  assert.equal(parseWhoamiSid('VM\\root\r\n'), undefined, "Wine's whoami prints no SID");
  assert.deepEqual(userOnlyAclArgs('C:\\d', `*${sid}`), [
    ['C:\\d', '/inheritance:r', '/grant:r', `*${sid}:(OI)(CI)F`, '*S-1-5-18:(OI)(CI)F'],
    ['C:\\d', '/remove:g', '*S-1-1-0', '*S-1-5-11', '*S-1-5-32-545'],
  ]);
  const good = 'C:\\d NT AUTHORITY\\SYSTEM:(OI)(CI)(F)\r\n    DESKTOP-1\\ann:(OI)(CI)(F)\r\n\r\nSuccessfully processed 1 files; Failed processing 0 files\r\n';
  assert.equal(readBack('C:\\d', 'ann', good).applied, true);
  const broad = good.replace('\r\n\r\n', '\r\n    BUILTIN\\Users:(OI)(CI)(RX)\r\n\r\n');
  assert.deepEqual([readBack('C:\\d', 'ann', broad).applied, readBack('C:\\d', 'ann', broad).noTool], [false, undefined]);
  assert.deepEqual([readBack('C:\\d', 'ann', '').applied, readBack('C:\\d', 'ann', '').noTool], [false, true]);
});
