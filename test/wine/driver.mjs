// Runs INSIDE Windows Node (node.exe under Wine; test/wine/run.mjs starts it with its output in files, since Wine
// cannot hand Unix pipes to a Windows program as stdio). Between Windows processes pipes work, so from here on
// everything is Windows: `countersign connect` writes the real .cmd shim and the Claude Code hook entry, the
// headless gate listens on a named pipe, and each hook runs the way an agent runs it: cmd.exe /d /s /c "<hook
// command>", the payload on stdin. Prints one line per check and a closing "N passed, N failed, N skipped".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { CRASHES, GATE_CASES, OFFLINE_CASES } from './cases.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const cli = join(root, 'dist', 'cli.js');
const node = process.execPath;

const counts = { passed: 0, failed: 0, skipped: 0 };
let n = 0;
function check(name, ok, detail = '') {
  n += 1;
  if (ok) counts.passed += 1;
  else counts.failed += 1;
  console.log(`${ok ? 'ok' : 'not ok'} ${n} - ${name}${!ok && detail ? `\n  # ${String(detail).replace(/\n/g, '\n  # ').slice(0, 1500)}` : ''}`);
  return ok;
}
function skip(name, why) {
  n += 1;
  counts.skipped += 1;
  console.log(`ok ${n} - ${name} # SKIP ${why}`);
}

function runCli(args, input, cwd) {
  return spawnSync(node, [cli, ...args], { input, cwd, encoding: 'utf8', windowsHide: true, timeout: 120_000 });
}

/** As an agent runs a hook on Windows: cmd.exe /d /s /c "<command line>", the payload on stdin. */
function runHook(commandLine, payload, cwd) {
  return new Promise((done) => {
    const child = spawn('cmd.exe', ['/d', '/s', '/c', `"${commandLine}"`], { cwd, windowsVerbatimArguments: true, windowsHide: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
  });
}

function parse(stdout) {
  try {
    return JSON.parse(stdout.trim());
  } catch {
    return undefined;
  }
}

/** Claude Code's reading of a hook answer: exit 2 blocks; else hookSpecificOutput.permissionDecision. */
function claudeReads(r) {
  if (r.code === 2) return 'deny';
  if (r.code !== 0) return `non-blocking error (exit ${r.code})`;
  return parse(r.stdout)?.hookSpecificOutput?.permissionDecision ?? 'no decision';
}

/** The shim's own deny: exit 2 and one JSON answer every agent reads as a deny, nothing else on stdout. */
function isShimDeny(r) {
  const a = parse(r.stdout);
  return r.code === 2 && a?.decision === 'block' && a.permission === 'deny' && a.cancel === true && a.hookSpecificOutput?.permissionDecision === 'deny';
}

const show = (r) => `exit ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`;

function withPayloadCwd(c, cwd) {
  return { ...c.payload, cwd };
}

async function main() {
  const base = mkdtempSync(join(tmpdir(), 'cs-wine-'));
  const ws = join(base, 'proj');
  mkdirSync(join(ws, 'src'), { recursive: true });
  writeFileSync(join(ws, '.env'), 'API_TOKEN=not-a-real-secret\n');
  writeFileSync(join(ws, 'src', 'main.txt'), 'hello\n');
  const auditFile = join(base, 'audit', 'audit.jsonl');
  const runDir = join(homedir(), 'AppData', 'Local', 'Countersign', 'run');
  console.log(`# Windows Node ${process.version} on ${process.platform}; workspace ${ws}`);

  // The real shim and the hook entry, written by the CLI's own connect.
  const connected = runCli(['connect', '--agent', 'claude', '--workspace', ws], '', ws);
  const shim = join(homedir(), '.local', 'share', 'countersign', 'bin', 'countersign.cmd');
  if (!check('countersign connect writes the .cmd shim', connected.status === 0 && existsSync(shim), show({ code: connected.status, stdout: connected.stdout, stderr: connected.stderr }))) return;
  const shimText = readFileSync(shim, 'utf8');
  rmSync(join(dirname(shim), 'pending'), { recursive: true, force: true }); // the prefix is kept between runs
  let hookCommand = `"${shim}" hook --agent claude`;
  try {
    const settings = JSON.parse(readFileSync(join(homedir(), '.claude', 'settings.json'), 'utf8'));
    const found = JSON.stringify(settings).match(/"command":"((?:[^"\\]|\\.)*countersign\.cmd(?:[^"\\]|\\.)*)"/);
    if (found) hookCommand = JSON.parse(`"${found[1]}"`);
  } catch {
    // the shim path above is what connect writes
  }
  check('the Claude Code hook entry runs the .cmd shim', /countersign\.cmd/.test(hookCommand), hookCommand);
  // The entry is quoted for POSIX shells (Claude Code runs hooks with Git Bash on Windows; Wine has no bash):
  // cmd.exe takes the same path in double quotes.
  hookCommand = hookCommand.replace(/^'([^']*)'/, '"$1"');
  console.log(`# hook command run with cmd.exe: ${hookCommand}`);

  const ps = runCli(['evaluate', '--agent', 'claude'], JSON.stringify(withPayloadCwd(GATE_CASES.find((c) => c.needs === 'powershell' && c.expect === 'allow') ?? GATE_CASES[0], ws)), ws);
  const powershell = parse(ps.stdout)?.risk === 'safe';
  console.log(`# PowerShell judged by this build: ${powershell ? 'yes' : 'no (PowerShell cases skipped)'}`);

  // 1. No gate at all: the CLI decides with the policy itself, and still denies the secret.
  const offline = await Promise.all(OFFLINE_CASES.map((c) => runHook(hookCommand, withPayloadCwd(c, ws), ws)));
  OFFLINE_CASES.forEach((c, i) => check(`gate absent: ${c.name} -> ${c.expect}`, claudeReads(offline[i]) === c.expect, show(offline[i])));

  // 2. The headless gate on a named pipe.
  const gate = spawn(node, [cli, 'gate', '--headless', '--audit', auditFile, '--folder', ws], { cwd: ws, windowsHide: true });
  let gateErr = '';
  gate.stderr.on('data', (d) => (gateErr += d));
  const started = await new Promise((done) => {
    let out = '';
    gate.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) done(parse(out.split('\n')[0]));
    });
    gate.on('exit', () => done(undefined));
  });
  if (!check('the headless gate starts', started?.socket !== undefined, gateErr)) return;
  const pipe = started.socket;
  check('it listens on a per-user named pipe \\\\.\\pipe\\countersign-<account>-<id>', /^\\\\\.\\pipe\\countersign-[0-9a-f]{16}-[0-9a-f-]{36}$/.test(pipe), pipe);
  const records = existsSync(runDir) ? readdirSync(runDir).filter((f) => f.endsWith('.gate.json')) : [];
  check('its record is in %LOCALAPPDATA%\\Countersign\\run', records.some((f) => readFileSync(join(runDir, f), 'utf8').includes(JSON.stringify(pipe).slice(1, -1))), `${runDir}: ${records.join(', ')}`);
  const aclLine = gateErr.split('\n').find((l) => /icacls|ACL/.test(l));
  console.log(`# gate on the registry folder: ${aclLine?.trim() ?? '(no ACL line logged)'}`);

  const runnable = GATE_CASES.filter((c) => c.needs !== 'powershell' || powershell);
  const answers = await Promise.all(runnable.map((c) => runHook(hookCommand, withPayloadCwd(c, ws), ws)));
  for (const c of GATE_CASES) {
    const i = runnable.indexOf(c);
    if (i === -1) skip(`gate: ${c.name}`, 'PowerShell is not judged by this build yet');
    else check(`gate: ${c.name}`, claudeReads(answers[i]) === c.expect, show(answers[i]));
  }

  // Parallel hooks: each shim needs its own answer file.
  const batch = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => runHook(hookCommand, withPayloadCwd(OFFLINE_CASES[i % 2], ws), ws)));
  check('six hooks at once each get their own answer', batch.every((r, i) => claudeReads(r) === OFFLINE_CASES[i % 2].expect), batch.map(show).join('\n'));

  // The pipe itself: a request without the token is refused, and the gate closes the connection after one answer.
  const refused = await new Promise((done) => {
    const s = connect({ path: pipe });
    let got = '';
    s.on('data', (d) => (got += d));
    s.on('error', (e) => done(`error ${e.message}`));
    s.on('close', () => done(got));
    s.write(`${JSON.stringify({ v: 1, type: 'hook', nonce: 'n', agent: 'claude', deadline: Date.now() + 60_000, payload: '{}', mac: 'forged' })}\n`);
  });
  check('a request with a forged MAC is refused, and the pipe closed after one reply', /unauthorized/.test(refused) && !/"decision"/.test(refused), refused);

  // 3. The gate killed: its record is stale (dead pid) and the hook judges without it.
  gate.kill();
  await new Promise((done) => (gate.exitCode !== null ? done() : gate.once('exit', done)));
  const verify = runCli(['audit', 'verify', auditFile], '', ws);
  check('audit verify: the gate\'s audit file is intact', verify.status === 0, `${verify.stdout}${verify.stderr}`);
  const exported = runCli(['audit', 'export', '--format', 'jsonl', auditFile], '', ws);
  const entries = exported.stdout.split('\n').filter(Boolean).map(parse).filter(Boolean);
  for (const c of GATE_CASES) {
    if (c.needs === 'powershell' && !powershell) continue;
    const hit = entries.find((e) => JSON.stringify(e.request ?? e).includes(c.payload.tool_input.command) && (e.decision?.decision ?? e.decision) === c.expect);
    check(`audit file holds: ${c.payload.tool_input.command} -> ${c.expect}`, hit !== undefined, exported.stdout.slice(0, 1500));
  }
  const stale = await runHook(hookCommand, withPayloadCwd(OFFLINE_CASES[0], ws), ws);
  check('gate killed (stale record): cat .env -> deny', claudeReads(stale) === 'deny', show(stale));

  // 4. A gate killed mid-request: a stand-in registered like a gate reads the request and is killed before it answers.
  const standInPipe = pipe.replace(/-[0-9a-f-]{36}$/, `-${randomUUID()}`);
  const standIn = spawn(node, [join(here, 'standInGate.mjs'), standInPipe], { windowsHide: true });
  await new Promise((done) => standIn.stdout.once('data', done));
  const id = randomUUID();
  writeFileSync(join(runDir, `${id}.gate.json`), JSON.stringify({ id, pid: standIn.pid, socket: standInPipe, token: 'x'.repeat(43), folders: [ws], headless: true, startedAt: Date.now() + 1e9 }));
  let killedAt = 0;
  standIn.stdout.on('data', (d) => {
    if (String(d).includes('request')) {
      killedAt = Date.now();
      standIn.kill();
    }
  });
  const mid = await runHook(hookCommand, withPayloadCwd(OFFLINE_CASES[0], ws), ws);
  rmSync(join(runDir, `${id}.gate.json`), { force: true });
  check('gate killed mid-request: cat .env -> deny', killedAt > 0 && claudeReads(mid) === 'deny', `stand-in killed: ${killedAt > 0}\n${show(mid)}`);

  // 5. The real shim text with its CLI gone, crashing, or its runtime gone.
  const shimDir = dirname(shim);
  const variant = (name, cliPath, runtime) => {
    let text = shimText.replace(/^set "CS_CLI=.*$/m, `set "CS_CLI=${cliPath}"`);
    if (runtime) text = text.replace(/^set "CS_RUNTIME=.*$/m, `set "CS_RUNTIME=${runtime}"`);
    const path = join(shimDir, `wine-${name}.cmd`);
    writeFileSync(path, text);
    return `"${path}" hook --agent claude`;
  };
  const payload = withPayloadCwd(OFFLINE_CASES[1], ws); // an allowed command: only the shim can turn it into a deny
  // Independent of each other: run at once (each node.exe start costs seconds under Wine).
  const crashFiles = CRASHES.map((crash, i) => {
    const file = join(base, `crash-${i}.cjs`);
    writeFileSync(file, `process.stdin.resume();process.stdin.on('end',()=>{${crash.script}});\n`);
    return file;
  });
  const [missing, noRuntime, ...crashed] = await Promise.all([
    runHook(variant('missing', join(base, 'gone', 'cli.js')), payload, ws),
    runHook(variant('noruntime', cli, join(base, 'gone', 'node.exe')), payload, ws),
    ...crashFiles.map((file, i) => runHook(variant(`crash-${i}`, file), payload, ws)),
  ]);
  check('shim: CLI missing -> deny, exit 2', isShimDeny(missing) && /not installed/.test(missing.stderr), show(missing));
  check('shim: runtime missing -> deny, exit 2', isShimDeny(noRuntime) && /failed to run \(exit code 9009\)/.test(noRuntime.stderr), show(noRuntime));
  for (const [i, crash] of CRASHES.entries()) {
    const r = crashed[i];
    const seen = /failed to run \(exit code (-?\d+)\)/.exec(r.stderr)?.[1];
    check(`shim: CLI ${crash.name} (cmd saw exit ${seen ?? '?'}) -> deny, exit 2, nothing of its output`, isShimDeny(r) && !/allow/.test(r.stdout) && seen !== undefined && seen !== '0' && seen !== '2', show(r));
  }
  const pending = join(shimDir, 'pending');
  const left = existsSync(pending) ? readdirSync(pending) : [];
  check('shim: no answer file left behind', left.length === 0, left.join(', '));

  await hookLinesUnderAWkwardHome(base, ws);
}

/**
 * 6. The hook lines `countersign connect` writes on Windows, for a home folder whose path holds a space, `&`,
 * parentheses, `'`, `%`, `^` and non-ASCII letters. VS Code's `command` runs exactly as Node's `shell: true` runs it
 * (cmd /d /s /c "<line>"). The PowerShell lines (Gemini's; Wine's powershell.exe is a stub, so PowerShell itself
 * is proven by the unit tests with the PowerShell grammar) call the shim, which Windows starts as cmd /c with the
 * path in double quotes: that second step runs here. Each must hand the payload to the shim and deny `.env`.
 */
async function hookLinesUnderAWkwardHome(base, ws) {
  const home = join(base, "R&D (Zoë's) 50% ^ü");
  mkdirSync(home, { recursive: true });
  const env = { ...process.env, USERPROFILE: home, HOME: home };
  const r = spawnSync(node, [cli, 'connect', '--agent', 'vscode', '--agent', 'gemini', '--agent', 'cline', '--scope', 'user', '--workspace', ws], { cwd: ws, env, encoding: 'utf8', windowsHide: true, timeout: 120_000 });
  if (!check('connect under an awkward home writes the hooks', r.status === 0, show({ code: r.status, stdout: r.stdout, stderr: r.stderr }))) return;
  const shim = join(home, '.local', 'share', 'countersign', 'bin', 'countersign.cmd');
  const vscode = JSON.parse(readFileSync(join(home, '.copilot', 'hooks', 'countersign.json'), 'utf8')).hooks.PreToolUse[0];
  const gemini = JSON.parse(readFileSync(join(home, '.gemini', 'settings.json'), 'utf8')).hooks.BeforeTool[0].hooks[0].command;
  const cline = readFileSync(join(home, '.cline', 'hooks', 'PreToolUse.ps1'), 'utf8');
  console.log(`# VS Code command (cmd.exe): ${vscode.command}\n# Gemini (PowerShell): ${gemini}`);
  // PowerShell's reading of `& '<path>' <args>; exit $LASTEXITCODE`: the literal's value, its doubled quotes undone.
  const psCall = (line) => {
    const m = /^& '((?:[^']|'')*)' ([A-Za-z0-9 ._-]+); exit \$LASTEXITCODE$/.exec(line);
    return m ? { path: m[1].replace(/''/g, "'"), args: m[2] } : undefined;
  };
  const g = psCall(gemini);
  const v = psCall(vscode.powershell);
  const c = psCall(/^ {2}\$input \| (.*)$/m.exec(cline)?.[1] ?? '');
  check('the PowerShell lines call the shim itself', g?.path === shim && v?.path === shim && c?.path === shim, JSON.stringify({ shim, g, v, c }));
  const vscodeRead = { timestamp: '2026-01-01T00:00:00Z', cwd: ws, sessionId: 'wine-v', hookEventName: 'PreToolUse', tool_name: 'read_file', tool_input: { filePath: join(ws, '.env') }, tool_use_id: 'u1' };
  const geminiRead = { session_id: 'wine-g', cwd: ws, hook_event_name: 'BeforeTool', tool_name: 'read_file', tool_input: { file_path: join(ws, '.env') } };
  const clineRead = { taskId: 'wine-c', workspaceRoots: [ws], hookName: 'PreToolUse', tool_call: { id: 'c1', name: 'read_file', input: { path: join(ws, '.env') } }, preToolUse: { toolName: 'read_file', parameters: { path: join(ws, '.env') } } };
  // One after another: run at once under this home, one shim of four has ended in its own "could not create its
  // answer folder" deny (fail-closed, but the payload never reached the CLI) — an open finding, see the README.
  const none = { code: -1, stdout: '', stderr: 'no line' };
  const viaCmd = await runHook(vscode.command, vscodeRead, ws);
  const viaPsVscode = v ? await runHook(`"${v.path}" ${v.args}`, vscodeRead, ws) : none;
  const viaPsGemini = g ? await runHook(`"${g.path}" ${g.args}`, geminiRead, ws) : none;
  const viaPsCline = c ? await runHook(`"${c.path}" ${c.args}`, clineRead, ws) : none;
  // VS Code: exit 2 blocks; Gemini: {"decision":"deny"}; Cline: {"cancel":true}.
  check('VS Code command line through cmd.exe: the shim gets the payload and denies reading .env', viaCmd.code === 2 && parse(viaCmd.stdout)?.hookSpecificOutput?.permissionDecision === 'deny', show(viaCmd));
  check("VS Code's PowerShell line, its .cmd started by Windows: denies .env", viaPsVscode.code === 2 && parse(viaPsVscode.stdout)?.hookSpecificOutput?.permissionDecision === 'deny', show(viaPsVscode));
  check("Gemini's PowerShell line, its .cmd started by Windows: denies .env", parse(viaPsGemini.stdout)?.decision === 'deny', show(viaPsGemini));
  check("Cline's PreToolUse.ps1 line, its .cmd started by Windows: denies .env", parse(viaPsCline.stdout)?.cancel === true, show(viaPsCline));
}

try {
  await main();
} catch (err) {
  check('driver', false, err.stack);
}
console.log(`# wine: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exitCode = counts.failed > 0 || counts.passed === 0 ? 1 : 0;
