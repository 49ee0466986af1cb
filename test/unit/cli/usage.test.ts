// `countersign CMD --help` prints that command's usage and exits 0; every flag a command's parser accepts is named
// in its usage, in the top-level usage and in the README's CLI block; and the README's CLI lines, filled in, run as
// written in a scratch HOME (the built dist/cli.js as `countersign`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { COMMAND_USAGE, wantsHelp } from '../../../src/cli/usage';

const REPO = resolve(__dirname, '../../../..');
const CLI = join(REPO, 'dist', 'cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'cs-usage-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
const HOME = join(scratch, 'home');
const WORK = join(scratch, 'proj');
mkdirSync(HOME);
mkdirSync(WORK);

function cli(args: string[], input = '') {
  assert.ok(existsSync(CLI), `${CLI} is missing: run node scripts/build.mjs first`);
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME, XDG_RUNTIME_DIR: join(scratch, 'run'), XDG_STATE_HOME: join(HOME, '.local/state') };
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env, cwd: WORK, timeout: 120_000 });
}

/** The source file whose parser reads each command's flags. */
const PARSERS: Record<string, string> = {
  hook: 'src/cli/hookCommand.ts',
  evaluate: 'src/cli/evaluateCommand.ts',
  gate: 'src/gate/headlessMain.ts',
  status: 'src/cli/statusCommand.ts',
  connect: 'src/cli/connectCommand.ts',
  disconnect: 'src/cli/connectCommand.ts',
  doctor: 'src/cli/doctorCommand.ts',
  sandbox: 'src/cli/sandboxCommand.ts',
  audit: 'src/cli/auditCommand.ts',
};

/** Option names declared to node:util parseArgs in a file (`name: { type: 'string' … }`). */
function flagsOf(file: string): string[] {
  const src = readFileSync(join(REPO, file), 'utf8');
  return [...new Set([...src.matchAll(/['"]?([a-z][a-z-]*)['"]?:\s*\{\s*type:\s*'(?:string|boolean)'/g)].map((m) => `--${m[1]}`))];
}

/** The top-level usage's lines for one command (each line naming it and the indented ones under it). */
function topLevelOf(usage: string, cmd: string): string {
  const out: string[] = [];
  let inside = false;
  for (const l of usage.split('\n')) {
    if (/^ {2}[a-z]/.test(l) || l === '') inside = l.startsWith(`  ${cmd} `);
    if (inside) out.push(l);
  }
  assert.ok(out.length > 0, `top-level usage has no line for ${cmd}`);
  return out.join('\n');
}

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const readmeCli = /### CLI\n\n```\n([\s\S]*?)```/.exec(README)?.[1] ?? '';

test('every command: --help prints its usage on stdout and exits 0 (not "Unknown option")', () => {
  for (const cmd of Object.keys(PARSERS)) {
    if (cmd === 'hook') continue;
    const r = cli([cmd, '--help']);
    assert.equal(r.status, 0, `${cmd}: ${r.stderr}`);
    assert.equal(r.stdout, COMMAND_USAGE[cmd], cmd);
    assert.doesNotMatch(r.stderr, /Unknown option/);
    assert.equal(cli([cmd, '-h']).stdout, COMMAND_USAGE[cmd]);
  }
  const gate = cli(['gate', '--headless', '--help']);
  assert.equal(gate.status, 0);
  assert.match(gate.stdout, /--folder DIR/);
});

test('hook --help from an agent (stdin a pipe) still answers as a hook: a deny, never exit 0 with text', () => {
  const r = cli(['hook', '--agent', 'claude', '--help'], '{}');
  const answer = JSON.parse(r.stdout) as { hookSpecificOutput?: { permissionDecision?: string } };
  assert.equal(answer.hookSpecificOutput?.permissionDecision, 'deny');
});

test('after -- the words are the sandboxed command\'s, not a request for help', () => {
  assert.equal(wantsHelp(['--workspace', '/w', '--', 'ls', '--help']), false);
  assert.equal(wantsHelp(['--help', '--', 'ls']), true);
  assert.equal(wantsHelp(['-h']), true);
});

test('every flag a command accepts is in its usage, the top-level usage and the README', () => {
  const top = cli(['--help']).stdout;
  assert.match(top, /^ {2}gate --headless --audit FILE .*--folder DIR/m);
  for (const [cmd, file] of Object.entries(PARSERS)) {
    const flags = flagsOf(file);
    assert.ok(flags.length > 0, `${cmd}: no flags found in ${file}`);
    const topLines = topLevelOf(top, cmd);
    const readmeLines = readmeCli.split('\n').filter((l) => l.startsWith(`countersign ${cmd} `)).join('\n');
    assert.ok(readmeLines, `README has no line for ${cmd}`);
    for (const flag of flags) {
      assert.ok(COMMAND_USAGE[cmd]?.includes(flag), `${cmd} usage lacks ${flag}`);
      assert.ok(topLines.includes(flag), `top-level usage for ${cmd} lacks ${flag}`);
      assert.ok(readmeLines.includes(flag), `README's ${cmd} line lacks ${flag}`);
    }
  }
});

test("the README's CLI lines, filled in, run as written in a scratch HOME", () => {
  const payload = JSON.stringify({ session_id: 's', cwd: WORK, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } });
  const fixture = join(REPO, 'test/fixtures/audit-v1');
  const runs: [string[], number[], string?][] = [
    [['evaluate', '--agent', 'claude', '--jsonl', '--platform', 'linux', '--workspace', WORK, '--sensitive-path', '**/*.pem', '--allowed-path', '/opt/x/**'], [0], payload],
    [['hook', '--agent', 'claude', '--timeout', '30'], [0, 2], payload],
    [['audit', 'verify', '--anchor', '4f0330c0', '--json', fixture], [0]],
    [['audit', 'export', '--format', 'csv', '--agent', 'claude', '--risk', 'safe', '--decision', 'allow', fixture], [0]],
    [['status', '--json'], [0]],
    [['connect', '--agent', 'all', '--scope', 'user', '--workspace', WORK], [0]],
    [['doctor', '--json', '--workspace', WORK], [0, 1]],
    [['disconnect', '--agent', 'all', '--scope', 'user', '--workspace', WORK], [0]],
    // 126: no sandbox on this machine; the command did not run, and Countersign said why.
    [['sandbox', '--workspace', WORK, '--allow-path', join(WORK, 'x'), '--', 'true'], [0, 126]],
  ];
  for (const [args, codes, input] of runs) {
    const r = cli(args, input);
    assert.ok(codes.includes(r.status ?? -1), `countersign ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    assert.doesNotMatch(r.stderr, /Unknown option|unknown command/, args.join(' '));
  }
});
