// The rewrite into `countersign sandbox`, per agent format, with hostile commands: the command the shell inside the
// sandbox receives is byte-identical to the one the agent sent (and the policy judged); every other field stays.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { formatAnswer } from '../../../src/agents/answers';
import { MAX_SANDBOXED_COMMAND_BYTES, SANDBOX_AGENTS, shellCallOf } from '../../../src/agents/sandboxRewrite';
import { sandboxedInput } from '../../../src/cli/sandboxAnswer';
import { sha256Hex } from '../../../src/gate/sandboxPlan';
import type { AgentName } from '../../../src/policy/types';
import { SHELL_FORMATS } from '../adversarial/agentFormats';

const dir = mkdtempSync(join(tmpdir(), 'cs-rewrite-'));
after(() => rmSync(dir, { recursive: true, force: true }));
// Stands in for the CLI: prints the argv it was given, as JSON (the sandbox's own behaviour is tested elsewhere).
const fakeCli = join(dir, 'fake-cli.js');
writeFileSync(fakeCli, 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
const launch = { launcher: [process.execPath, fakeCli] };

const HOSTILE: [string, string][] = [
  ['plain', 'ls -la'],
  ['single quote', "echo 'it'\\''s' it's"],
  ['only quotes', "''''"],
  ['double quotes and backslashes', 'printf "%s\\n" "a\\\\b" \\"q\\"'],
  ['command substitution', 'echo $(id -u) `whoami` ${HOME} $((1+2))'],
  ['newlines and CR', 'echo one\necho two\r\n  echo three\n'],
  ['heredoc', "cat <<'EOF'\n$NOT_EXPANDED 'x'\nEOF"],
  ['leading dash', '-x --version'],
  ['double dash', '-- echo hi'],
  ['history bang and globs', 'echo !! !$ * ? [a] {a,b} ~'],
  ['unicode and emoji', 'echo "héllo wörld ✓ 🎉 \u202e\u200b"'],
  ['tabs and control chars', 'echo\ta\u0001\u001b[31mred\u007f'],
  ['semicolon injection attempt', "'; rm -rf / #"],
  ['very long', `echo ${'a'.repeat(60_000)} ${"'".repeat(500)}`],
];

const AGENTS = (Object.keys(SANDBOX_AGENTS) as AgentName[]).filter((a) => SANDBOX_AGENTS[a]);

/** The value at `path` in a parsed answer. */
function at(v: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined), v);
}

/** The rewritten command line(s) the agent would run, read out of the answer exactly as that agent reads it. */
function rewrittenCommands(agent: AgentName, stdout: string): string[] {
  const a: unknown = JSON.parse(stdout);
  const where: Partial<Record<AgentName, { allow: [string[], string]; commands: string[] }>> = {
    claude: { allow: [['hookSpecificOutput', 'permissionDecision'], 'allow'], commands: ['hookSpecificOutput', 'updatedInput', 'command'] },
    vscode: { allow: [['hookSpecificOutput', 'permissionDecision'], 'allow'], commands: ['hookSpecificOutput', 'updatedInput', 'command'] },
    codex: { allow: [['hookSpecificOutput', 'permissionDecision'], 'allow'], commands: ['hookSpecificOutput', 'updatedInput', 'command'] },
    gemini: { allow: [['decision'], 'allow'], commands: ['hookSpecificOutput', 'tool_input', 'command'] },
    'copilot-cli': { allow: [['permissionDecision'], 'allow'], commands: ['modifiedArgs', 'command'] },
  };
  if (agent === 'cline') {
    assert.equal(at(a, 'cancel'), false);
    return at(a, 'overrideInput', 'commands') as string[];
  }
  const w = where[agent];
  assert.ok(w, `no rewrite for ${agent}`);
  assert.equal(at(a, ...w.allow[0]), w.allow[1]);
  const command = at(a, ...w.commands);
  assert.equal(typeof command, 'string');
  return [command as string];
}

/** Runs a rewritten line in a POSIX shell, as the agent would, and returns the argv the "CLI" received. */
function argvOf(line: string): string[] {
  const r = spawnSync('/bin/sh', ['-c', line], { encoding: 'utf8', maxBuffer: 1 << 24 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as string[];
}

const plan = (command: string) => ({ run: true as const, workspaces: ['/home/dev/proj', "/tmp/we'ird dir"], allowPaths: [], commandSha256: sha256Hex(command) });

describe('sandbox rewrite: the inner command is byte-identical', () => {
  for (const agent of AGENTS) {
    for (const [name, command] of HOSTILE) {
      test(`${agent}: ${name}`, () => {
        const payload = SHELL_FORMATS[agent](command);
        const input = sandboxedInput(agent, payload, plan(command), launch, '/bin/bash');
        assert.ok(!(input instanceof Error), input instanceof Error ? input.message : '');
        const answer = formatAnswer(agent, 'allow', 'Countersign: safe.', payload, input);
        assert.equal(answer.exitCode, 0);
        const [line, ...more] = rewrittenCommands(agent, answer.stdout);
        assert.equal(more.length, 0);
        const argv = argvOf(line!);
        assert.deepEqual(argv.slice(0, 6), ['sandbox', '--workspace', '/home/dev/proj', '--workspace', "/tmp/we'ird dir", '--']);
        assert.deepEqual(argv.slice(6, 9), ['/bin/bash', '-c', '--']);
        assert.equal(argv.length, 10);
        assert.ok(argv[9] === command, `inner command differs (${argv[9]!.length} vs ${command.length} chars)`);
        // Every other field of the tool input is kept.
        const original = (agent === 'copilot-cli' ? payload.toolArgs : agent === 'cline' ? (payload.tool_call as { input: unknown }).input : payload.tool_input) as Record<string, unknown>;
        const { command: _c, commands: _cs, ...rest } = input as Record<string, unknown>;
        const { command: _o, commands: _os, ...restOriginal } = original;
        assert.deepEqual(rest, restOriginal);
      });
    }
  }

  test('cline: each command of run_commands is wrapped on its own', () => {
    const cmds = ["echo 'a'", 'ls\n-l', 'git status'];
    const payload = { ...SHELL_FORMATS.cline('x'), tool_call: { id: 'c1', name: 'run_commands', input: { commands: cmds, requires_approval: false } } };
    const input = sandboxedInput('cline', payload, plan(cmds.join('\n')), launch, '/bin/bash');
    assert.ok(!(input instanceof Error));
    const lines = rewrittenCommands('cline', formatAnswer('cline', 'allow', 'ok', payload, input).stdout);
    assert.deepEqual(lines.map((l) => argvOf(l).at(-1)), cmds);
    assert.equal((input as { requires_approval: unknown }).requires_approval, false);
  });

  test('the agent runs the real shell: the inner command runs exactly', () => {
    // A launcher that runs what follows `--` (no sandbox): output proves the text reached bash intact.
    const passThrough = join(dir, 'pass.js');
    writeFileSync(passThrough, "const a=process.argv.slice(2);const i=a.indexOf('--');const r=require('child_process').spawnSync(a[i+1],a.slice(i+2),{stdio:'inherit'});process.exit(r.status??1);\n");
    const command = "printf '%s|' \"it's\" 'a\"b' $'tab\\there' \"$(echo sub)\"; echo";
    const payload = SHELL_FORMATS.claude(command);
    const input = sandboxedInput('claude', payload, plan(command), { launcher: [process.execPath, passThrough] }, '/bin/bash') as { command: string };
    const direct = spawnSync('/bin/bash', ['-c', command], { encoding: 'utf8' }).stdout;
    const wrapped = spawnSync('/bin/sh', ['-c', input.command], { encoding: 'utf8' }).stdout;
    assert.equal(wrapped, direct);
    assert.equal(direct, "it's|a\"b|tab\there|sub|\n");
  });
});

describe('sandbox rewrite: refusals', () => {
  test('a NUL byte cannot be passed through: no rewrite', () => {
    const command = 'echo a\u0000b';
    assert.ok(sandboxedInput('claude', SHELL_FORMATS.claude(command), plan(command), launch) instanceof Error);
  });

  test('longer than an argument may be: no rewrite', () => {
    const command = `echo ${'x'.repeat(MAX_SANDBOXED_COMMAND_BYTES)}`;
    assert.ok(sandboxedInput('claude', SHELL_FORMATS.claude(command), plan(command), launch) instanceof Error);
  });

  test('a command other than the judged one: no rewrite', () => {
    const r = sandboxedInput('claude', SHELL_FORMATS.claude('cat ~/.aws/credentials'), plan('ls'), launch);
    assert.ok(r instanceof Error);
    assert.match(r.message, /not the one the policy judged/);
  });

  test('forms the policy reads differently are not rewritten', () => {
    assert.equal(shellCallOf('claude', { tool_input: { command: 'cat', args: ['.env'] } }), undefined);
    assert.equal(shellCallOf('claude', { tool_input: { command: ['ls'] } }), undefined);
    assert.equal(shellCallOf('cline', { tool_call: { name: 'run_commands', input: { commands: ['ls', 3] } } }), undefined);
    // Cline's extension sends only text parameters: not rewritten.
    assert.equal(shellCallOf('cline', { preToolUse: { toolName: 'run_commands', parameters: { commands: '["ls"]' } } }), undefined);
    assert.equal(shellCallOf('cursor', SHELL_FORMATS.cursor('ls')), undefined);
    assert.equal(shellCallOf('claude', null), undefined);
  });

  test('a deny never carries a rewrite', () => {
    for (const agent of AGENTS) {
      const out = formatAnswer(agent, 'deny', 'no', SHELL_FORMATS[agent]('ls'), { command: 'evil' }).stdout;
      assert.ok(!out.includes('evil'), `${agent}: ${out}`);
    }
  });
});
