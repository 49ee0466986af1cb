// The `countersign evaluate` contract, on the built CLI: one payload → one {"risk","reasons","effects","action","changes"} object;
// --jsonl → one result per line in order, a bad line → {"error"} and the run goes on; exit 0 unless stdin fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

function cliPath(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'dist', 'cli.js'))) return join(dir, 'dist', 'cli.js');
  return join(process.cwd(), 'dist', 'cli.js');
}

function run(args: string[], input: string) {
  const r = spawnSync(process.execPath, [cliPath(), 'evaluate', ...args], { input, encoding: 'utf8', env: { ...process.env, HOME: '/home/dev' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const claudeBash = (command: string) => JSON.stringify({ session_id: 's', cwd: '/home/dev/proj', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } });

test('one payload prints exactly one JSON object: risk, reasons, effects, action, changes', () => {
  const r = run([], claudeBash('cat .env'));
  assert.equal(r.code, 0);
  const lines = r.out.trim().split('\n');
  assert.equal(lines.length, 1);
  const v = JSON.parse(lines[0]!) as Record<string, unknown>;
  assert.deepEqual(Object.keys(v), ['risk', 'reasons', 'effects', 'action', 'changes']);
  assert.equal(v.risk, 'sensitive');
  const effects = v.effects as { kind: string; target?: string; summary: string; risk: string; rule: string }[];
  assert.deepEqual(Object.keys(effects[0]!), ['kind', 'target', 'summary', 'risk', 'rule']);
  assert.deepEqual(effects.map((e) => [e.kind, e.target, e.risk]), [['file.read', '.env', 'sensitive'], ['program.run', 'cat', 'safe']]);
  assert.equal((v.action as { kind: string; agent: string }).kind, 'shell');
  assert.equal((v.action as { agent: string }).agent, 'claude');
});

test('the agent is detected from the payload; --agent forces it', () => {
  const copilot = JSON.stringify({ sessionId: 's', timestamp: 1, cwd: '/home/dev/proj', toolName: 'bash', toolArgs: { command: 'ls' } });
  assert.equal((JSON.parse(run([], copilot).out) as { action: { agent: string } }).action.agent, 'copilot-cli');
  assert.equal((JSON.parse(run(['--agent', 'vscode'], claudeBash('ls')).out) as { action: { agent: string } }).action.agent, 'vscode');
});

test('--jsonl: one result per line, in order; a bad line yields {"error"} and the run goes on', () => {
  const input = [claudeBash('ls'), '{not json', claudeBash('sudo ls'), '', claudeBash('rm -rf /')].join('\n') + '\n';
  const r = run(['--jsonl'], input);
  assert.equal(r.code, 0);
  const out = r.out.trim().split('\n').map((l) => JSON.parse(l) as { risk?: string; error?: string });
  assert.equal(out.length, 4);
  assert.equal(out[0]!.risk, 'safe');
  assert.equal(typeof out[1]!.error, 'string');
  assert.equal(out[1]!.risk, undefined);
  assert.equal(out[2]!.risk, 'sensitive');
  assert.equal(out[3]!.risk, 'blocked');
});

test('a payload in no known format is a sensitive verdict, not a crash; exit status stays 0', () => {
  const r = run([], '{"hello":"world"}');
  assert.equal(r.code, 0);
  assert.equal((JSON.parse(r.out) as { risk: string }).risk, 'sensitive');
  const bad = run([], 'not json at all');
  assert.equal(bad.code, 0);
  assert.equal(typeof (JSON.parse(bad.out) as { error: string }).error, 'string');
});

test('an unknown --agent name warns and falls back to detection', () => {
  const r = run(['--agent', 'nope'], claudeBash('ls'));
  assert.equal(r.code, 0);
  assert.match(r.err, /unknown agent/);
  assert.equal((JSON.parse(r.out) as { action: { agent: string } }).action.agent, 'claude');
});

test('evaluate --jsonl remembers a session across lines: a script written in one line is judged when run in the next', () => {
  // Not under a temp folder (writes there are always fine) nor the current directory.
  const dir = mkdtempSync(join(homedir(), '.cs-eval-'));
  try {
    const line = (tool: string, input: Record<string, unknown>, session: string) => JSON.stringify({ session_id: session, cwd: dir, hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input });
    const input = [
      line('Write', { file_path: join(dir, 'leak.py'), content: 'import os\nprint(open(os.path.expanduser("~/.ssh/id_rsa")).read())\n' }, 'A'),
      line('Bash', { command: 'python3 leak.py' }, 'A'),
      line('Bash', { command: 'python3 leak.py' }, 'B'),
      line('Write', { file_path: join(dir, 'outside.txt'), content: 'x' }, 'A'),
    ].join('\n');
    const r = run(['--jsonl', '--workspace', dir], input);
    const risks = r.out.trim().split('\n').map((l) => (JSON.parse(l) as { risk: string }).risk);
    // B never wrote leak.py and it is not on disk: an unknown script (review), not A's secret read.
    assert.deepEqual(risks, ['safe', 'sensitive', 'review', 'safe']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
