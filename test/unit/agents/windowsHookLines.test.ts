// Connect on Windows writes each agent's hook line in the shell that agent runs it with there, and the line still
// starts the exact shim when its path holds spaces, `&`, `%`, `'` (and typographic quotes), parentheses, `^` and
// non-ASCII. PowerShell lines are parsed with the real PowerShell grammar (tree-sitter-powershell, the one the
// policy uses); cmd lines with cmd.exe's reading of a `cmd /d /s /c "<line>"` line. test/wine/driver.mjs runs the
// written cmd form through Windows' cmd.exe (Wine's) and checks the shim gets the payload and denies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node as TsNode, Parser } from '@vscode/tree-sitter-wasm';
import { configTarget } from '../../../src/agents/catalog';
import { planConnect } from '../../../src/agents/plan';
import { cmdLine, powershellLine, psQuote, windowsShimPathProblem } from '../../../src/agents/windowsHookLine';
import { loadPowerShellParser } from '../../../src/policy/shell/wasm';
import { HOOK_TIMEOUT_SECONDS } from '../../../src/agents/answers';
import type { AgentName } from '../../../src/policy/types';

const NASTY_HOMES = [
  'C:\\Users\\dev',
  'C:\\Users\\Zoë O\'Brien',
  'C:\\Users\\R&D (build)',
  'C:\\Users\\R&D',
  'C:\\Users\\50% off',
  'C:\\Users\\caret^name',
  'C:\\Users\\it\u2019s ‘quoted’',
  'D:\\Données\\用户 (x86)',
  'C:\\Users\\semi;colon,comma=eq',
];
const shimOf = (home: string): string => `${home}\\AppData\\Roaming\\Code\\User\\globalStorage\\countersign\\bin\\countersign.cmd`;

let parser: Promise<Parser> | undefined;
const ps = (): Promise<Parser> => (parser ??= loadPowerShellParser());

function hasError(n: TsNode): boolean {
  if (n.type === 'ERROR' || n.isMissing) return true;
  return n.children.some((c) => c !== null && hasError(c));
}

/** PowerShell's value of a verbatim ('…') string literal: a doubled quote character stands for one. */
function verbatim(text: string): string {
  assert.ok(/^['\u2018\u2019\u201A\u201B]/.test(text) && /['\u2018\u2019\u201A\u201B]$/.test(text), text);
  return text.slice(1, -1).replace(/(['\u2018\u2019\u201A\u201B])\1/g, '$1');
}

/**
 * What PowerShell runs for `line`: the program a leading `&` calls (its string literal's value), the words after
 * it, and whether the statement after is `exit $LASTEXITCODE`. `pipedInput`: the line sits after `$input |`.
 */
async function readPowerShell(line: string): Promise<{ program: string; args: string[]; exitsWithCode: boolean }> {
  const tree = (await ps()).parse(line)!;
  assert.ok(!hasError(tree.rootNode), `PowerShell cannot parse: ${line}`);
  const list = tree.rootNode.namedChildren[0]!;
  const statements = list.namedChildren.filter((c) => c !== null && c.type !== 'empty_statement');
  const commands = statements[0]!.descendantsOfType('command');
  const command = commands[commands.length - 1]!;
  assert.ok(command.children.some((c) => c?.type === 'command_invokation_operator' && c.text === '&'), `not an & call: ${line}`);
  const name = command.childForFieldName('command_name') ?? command.children.find((c) => c?.type === 'command_name_expr');
  const literal = name!.descendantsOfType('string_literal')[0]!;
  assert.equal(literal.text, name!.text, `the program is one literal: ${name!.text}`);
  const elements = command.children.find((c) => c?.type === 'command_elements');
  const args = (elements?.namedChildren ?? []).filter((c) => c !== null && c.type !== 'command_argument_sep').map((c) => c!.text);
  const exit = statements[1];
  return { program: verbatim(literal.text), args, exitsWithCode: exit?.type === 'flow_control_statement' && /^exit\s+\$LASTEXITCODE$/i.test(exit.text) };
}

/**
 * cmd.exe reading `cmd /d /s /c "<line>"` (what Node's `shell: true` runs on Windows): /s drops the outer quotes;
 * `%NAME%` is expanded anywhere; outside double quotes `^` escapes and `&|<>` end the command. Returns the words,
 * or throws where cmd would run something other than one command.
 */
function readCmd(line: string, env: Record<string, string>): string[] {
  const expanded = line.replace(/%([^%]+)%/g, (m, name: string) => env[name.toUpperCase()] ?? m);
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < expanded.length; i++) {
    const ch = expanded[i]!;
    if (ch === '"') {
      quoted = !quoted;
      inWord = true;
      continue;
    }
    if (!quoted && ch === '^') {
      cur += expanded[++i] ?? '';
      inWord = true;
      continue;
    }
    if (!quoted && /[&|<>]/.test(ch)) throw new Error(`cmd would split the line at ${ch}: ${line}`);
    if (!quoted && /[ \t]/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
      continue;
    }
    cur += ch;
    inWord = true;
  }
  if (quoted) throw new Error(`unbalanced quote: ${line}`);
  if (inWord) words.push(cur);
  return words;
}

const CMD_ENV = { USERPROFILE: 'C:\\Users\\dev', OFF: 'EXPANDED', PATH: 'C:\\Windows' };

/** The field each agent runs on Windows, in the file Connect wrote. */
const RUNS_ON_WINDOWS: Record<Exclude<AgentName, 'claude' | 'cline'>, (config: Record<string, unknown>) => string> = {
  vscode: (c) => (c.hooks as Record<string, { powershell: string }[]>).PreToolUse![0]!.powershell,
  'copilot-cli': (c) => (c.hooks as Record<string, { powershell: string }[]>).preToolUse![0]!.powershell,
  gemini: (c) => (c.hooks as Record<string, { hooks: { command: string }[] }[]>).BeforeTool![0]!.hooks[0]!.command,
  codex: (c) => (c.hooks as Record<string, { hooks: { command: string }[] }[]>).PreToolUse![0]!.hooks[0]!.command,
  cursor: (c) => (c.hooks as Record<string, { command: string }[]>).beforeShellExecution![0]!.command,
};

const argsOf = (agent: AgentName): string[] => ['hook', '--agent', agent, '--timeout', String(HOOK_TIMEOUT_SECONDS[agent])];

for (const home of NASTY_HOMES) {
  const shim = shimOf(home);
  const refused = windowsShimPathProblem(shim);
  test(`Windows hook lines for a shim under ${JSON.stringify(home)}: each agent's shell starts exactly that shim`, async () => {
    for (const agent of Object.keys(RUNS_ON_WINDOWS) as (keyof typeof RUNS_ON_WINDOWS)[]) {
      const target = configTarget(agent, 'user', { home, platform: 'win32' })!;
      const plan = planConnect(target, undefined, shim);
      if (refused) {
        assert.ok(plan.problem?.includes('%'), `${agent}: a path cmd.exe would expand is refused, nothing written`);
        assert.equal(plan.after, plan.before);
        continue;
      }
      assert.equal(plan.problem, undefined, `${agent}: ${plan.problem}`);
      const line = RUNS_ON_WINDOWS[agent](JSON.parse(plan.after!) as Record<string, unknown>);
      const read = await readPowerShell(line);
      assert.equal(read.program, shim, `${agent}: PowerShell calls the shim itself`);
      assert.deepEqual(read.args, argsOf(agent), `${agent}: the arguments`);
      assert.ok(read.exitsWithCode, `${agent}: the shim's exit code is PowerShell's (2 stays a block): ${line}`);
      // Cursor runs the line as `$input | <line>` inside a script block.
      if (agent === 'cursor') assert.equal((await readPowerShell(`$input | ${line}`)).program, shim);
    }
    if (refused) return;
    // VS Code runs `command` with cmd.exe when it does not take the `powershell` field.
    const vscode = JSON.parse(planConnect(configTarget('vscode', 'user', { home, platform: 'win32' })!, undefined, shim).after!) as { hooks: { PreToolUse: { command: string }[] } };
    assert.deepEqual(readCmd(vscode.hooks.PreToolUse[0]!.command, CMD_ENV), [shim, ...argsOf('vscode')]);
    // Claude Code runs hooks with Git Bash on Windows: a POSIX single-quoted path.
    const claude = JSON.parse(planConnect(configTarget('claude', 'user', { home, platform: 'win32' })!, undefined, shim).after!) as { hooks: { PreToolUse: { hooks: { command: string }[] }[] } };
    assert.ok(claude.hooks.PreToolUse[0]!.hooks[0]!.command.startsWith(`'${shim.replace(/'/g, `'\\''`)}' hook --agent claude`));
  });

  test(`Cline on Windows under ${JSON.stringify(home)}: PreToolUse.ps1 pipes stdin into the shim and denies if it cannot start`, async () => {
    const target = configTarget('cline', 'user', { home, platform: 'win32' })!;
    assert.match(target.file, /PreToolUse\.ps1$/);
    const plan = planConnect(target, undefined, shim);
    if (refused) return assert.ok(plan.problem);
    const script = plan.after!;
    const tree = (await ps()).parse(script)!;
    assert.ok(!hasError(tree.rootNode), script);
    const piped = /^ {2}\$input \| (.*)$/m.exec(script)![1]!;
    const read = await readPowerShell(piped);
    assert.equal(read.program, shim);
    assert.deepEqual(read.args, argsOf('cline'));
    assert.match(script, /catch \{[\s\S]*"cancel":true[\s\S]*exit 2/);
  });
}

test('the POSIX line the last release wrote is a parse error in PowerShell (a hook that never starts)', async () => {
  const tree = (await ps()).parse(`'${shimOf('C:\\Users\\dev')}' hook --agent gemini --timeout 600`)!;
  assert.ok(hasError(tree.rootNode));
});

test('psQuote doubles every PowerShell single-quote character, cmdLine refuses what cmd would expand', () => {
  assert.equal(psQuote("a'b\u2019c"), "'a''b\u2019\u2019c'");
  assert.throws(() => cmdLine('C:\\%USERPROFILE%\\x.cmd', ['hook']));
  assert.throws(() => cmdLine('C:\\a\\x.cmd', ['a b']));
  assert.throws(() => powershellLine({ path: 'C:\\x.cmd' }, ['$(evil)']));
  assert.equal(windowsShimPathProblem('C:\\50% off\\x.cmd'), undefined, 'one % alone is never expanded');
  assert.ok(windowsShimPathProblem('C:\\a!b!\\x.cmd'));
});

test('shared (repository) files: Copilot CLI gets a Windows field naming countersign.cmd; Linux user files get none', () => {
  const shared = JSON.parse(planConnect(configTarget('copilot-cli', 'workspace', { home: '/h', workspace: '/repo', platform: 'linux' })!, undefined, '/s').after!) as { hooks: { preToolUse: { bash: string; powershell: string }[] } };
  assert.equal(shared.hooks.preToolUse[0]!.bash, 'countersign hook --agent copilot-cli --timeout 600');
  assert.equal(shared.hooks.preToolUse[0]!.powershell, 'countersign.cmd hook --agent copilot-cli --timeout 600; exit $LASTEXITCODE');
  const linux = JSON.parse(planConnect(configTarget('copilot-cli', 'user', { home: '/h', platform: 'linux' })!, undefined, '/s/countersign').after!) as { hooks: { preToolUse: Record<string, unknown>[] } };
  assert.equal(linux.hooks.preToolUse[0]!.powershell, undefined);
  assert.equal(linux.hooks.preToolUse[0]!.bash, "'/s/countersign' hook --agent copilot-cli --timeout 600");
});
