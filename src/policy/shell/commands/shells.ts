// Shells and interpreters: `bash -c CODE`, `python -c CODE`, `node -e CODE`, scripts, and code arriving on stdin
// (`curl … | sh`, `echo … | bash`, heredocs). Literal code is analyzed; downloaded, decoded or computed code is
// opaque, which is sensitive.
import { parseArgs, valueOf, valuesOf } from '../args';
import { analyzeCode, type CodeLanguage } from '../interpreterCode';
import { checkPathWord, checkPathWords } from '../pathArgs';
import { fetchesRemote } from '../remote';
import { innerOffset, runFile } from '../scripts';
import { isDjangoTest } from '../sessionCode';
import { judgeKnownSource } from '../knownSource';
import { installUnlessCommitted } from '../installJudgement';
import { LINTER_COMMANDS } from './linters';
import { childOrigin, type Invocation, type Stdin } from '../types';
import { syntheticWord, type Word } from '../words';
import { table, type Handler, type HandlerTable } from './handler';
import type { ShellAnalyzer } from '../analyzer';

/** Code coming in on stdin: analyzed when literal, opaque when downloaded, decoded or unknown. */
function stdinCode(a: ShellAnalyzer, inv: Invocation, stdin: Stdin | undefined, language: CodeLanguage | 'shell'): void {
  const what = language === 'shell' ? 'a shell' : `the ${inv.name} interpreter`;
  if (!stdin) {
    a.hitOn('exec.interpreter', `Starts ${what} that reads commands interactively.`, inv);
    return;
  }
  switch (stdin.kind) {
    case 'text':
      if (language === 'shell') a.runTextAsScript(stdin);
      else analyzeCode(a, language, { source: stdin.text, origin: childOrigin(stdin.frame.origin, stdin.start, stdin.start + stdin.text.length, stdin.linear), nesting: stdin.frame.nesting + 1 });
      return;
    case 'remote':
      a.hitOn('opaque.remote-code', `Pipes code downloaded by ${stdin.what} into ${what}.`, inv);
      return;
    case 'decoded':
      a.hitOn('opaque.pipe-to-shell', `Pipes decoded or transformed text (${stdin.what}) into ${what}, so what runs cannot be seen.`, inv);
      return;
    case 'files':
    case 'unknown':
      a.hitOn('opaque.pipe-to-shell', `Pipes text the policy cannot see into ${what}.`, inv);
  }
}

/** A word that should be code but is computed: downloaded (`"$(curl …)"`, `<(curl …)`) or built at run time. */
function dynamicCode(a: ShellAnalyzer, inv: Invocation, w: Word, what: string): void {
  const remote = w.substitutions.some((s) => fetchesRemote(inv.frame.source, s));
  a.hitOn(remote ? 'opaque.remote-code' : 'opaque.dynamic-command', remote ? `Runs code downloaded at run time through ${what}.` : `Runs code built at run time through ${what}.`, inv, w);
}

function codeFrame(inv: Invocation, w: Word): { source: string; origin: ReturnType<typeof childOrigin>; nesting: number } {
  const { start, linear } = innerOffset(w);
  const value = w.value ?? '';
  return { source: value, origin: childOrigin(inv.frame.origin, linear ? start : w.start, linear ? start + value.length : w.end, linear), nesting: inv.frame.nesting + 1 };
}

const SHELL_VALUES = ['-o', '+o', '-O', '+O', '--rcfile', '--init-file'];

const shell: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: SHELL_VALUES, stopAtOperand: true });
  // `bash --rcfile .env -i`: the start-up file is sourced as code.
  for (const rc of valuesOf(p, '--rcfile', '--init-file')) runFile(a, inv, rc, 'shell');
  const dashC = [...p.flags].some((f) => /^-[a-zA-Z]*c/.test(f) && !f.startsWith('--'));
  const first = p.operands[0];
  if (dashC) {
    if (!first) return;
    // `sh -c 'cat "$1"' _ .env`: the words after the script are $0, $1, …
    const positional = p.operands.slice(2);
    a.withPositional(
      positional,
      () => {
        if (!a.runWordAsScript(first, inv.frame)) dynamicCode(a, inv, first, inv.name);
      },
      p.operands[1],
    );
    return;
  }
  if (first && !p.flags.has('-s')) {
    if (first.value === undefined) dynamicCode(a, inv, first, inv.name);
    else runFile(a, inv, first, 'shell');
    return;
  }
  stdinCode(a, inv, inv.stdin, 'shell');
};

const evalCmd: Handler = (inv, a) => {
  a.hitOn('opaque.eval', '`eval` runs text as code; what it runs is decided at run time.', inv);
  if (inv.args.length === 1) {
    if (!a.runWordAsScript(inv.args[0]!, inv.frame)) dynamicCode(a, inv, inv.args[0]!, 'eval');
  } else if (inv.args.every((w) => w.value !== undefined)) {
    const joined = inv.args.map((w) => w.value!).join(' ');
    a.runScript(joined, childOrigin(inv.frame.origin, inv.args[0]!.start, inv.args[inv.args.length - 1]!.end, false), inv.frame.nesting + 1);
  }
};

const source: Handler = (inv, a) => {
  const file = inv.args[0];
  if (!file) return;
  if (file.value === undefined) dynamicCode(a, inv, file, inv.name);
  else runFile(a, inv, file, 'shell');
};

interface InterpreterSpec {
  language: CodeLanguage;
  /** Options whose value is code. */
  code: string[];
  /** Options that take a (non-code) value. */
  values: string[];
  /** `-m module` style: the rest of the line belongs to the module. */
  module?: string;
}

const SAFE_PY_MODULES = new Set(['pytest', 'unittest', 'doctest', 'mypy', 'black', 'ruff', 'flake8', 'pylint', 'isort', 'json.tool', 'venv', 'virtualenv', 'compileall', 'py_compile', 'pydoc', 'timeit', 'tabnanny', 'coverage', 'pyflakes', 'pycodestyle', 'build', 'tox', 'nox', 'sphinx', 'mkdocs', 'pdb', 'cProfile', 'profile', 'trace', 'calendar', 'this', 'site', 'sysconfig', 'platform', 'tokenize', 'ast', 'dis', 'pyright', 'bandit', 'hatch']);

function interpreter(spec: InterpreterSpec): Handler {
  return (inv, a) => {
    const p = parseArgs(inv.args, { withValue: [...spec.code, ...spec.values, ...(spec.module ? [spec.module] : [])], stopAtOperand: true });
    if (inv.args.length > 0 && inv.args.every((w) => /^(-V|--version|-v|-h|--help)$/.test(w.value ?? ''))) return;
    checkPathWords(a, inv, valuesOf(p, '--env-file'), 'read');
    const code = valuesOf(p, ...spec.code);
    // Code given on the command line is analyzed as code, not swept as a file name.
    a.understand(inv, ...code);
    if (code.length > 0) {
      for (const c of code) {
        if (c.value === undefined) dynamicCode(a, inv, c, inv.name);
        else analyzeCode(a, spec.language, codeFrame(inv, c));
      }
      if (spec.language === 'perl' && [...p.flags].some((f) => /^-[a-zA-Z]*i/.test(f))) checkPathWords(a, inv, p.operands, 'write');
      else checkPathWords(a, inv, p.operands, 'read', { skipSpaces: true });
      return;
    }
    const mod = spec.module ? valueOf(p, spec.module) : undefined;
    if (mod) {
      pythonModule(a, inv, mod);
      return;
    }
    if (inv.name === 'node' && (p.flags.has('--test') || p.flags.has('--check') || p.flags.has('-c'))) return;
    const first = p.operands[0];
    if (!first || first.value === '-') {
      stdinCode(a, inv, inv.stdin, spec.language);
      return;
    }
    if (first.value === undefined) dynamicCode(a, inv, first, inv.name);
    else runFile(a, inv, first, spec.language);
    checkPathWords(a, inv, p.operands.slice(1), 'read', { skipSpaces: true });
  };
}

function pythonModule(a: ShellAnalyzer, inv: Invocation, mod: Word): void {
  const name = mod.value ?? '';
  const rest = inv.args.slice(inv.args.indexOf(mod) + 1);
  if (name === 'pip' || name === 'ensurepip' || name === 'pipx' || name === 'uv') {
    const sub = (rest.find((w) => !(w.value ?? '').startsWith('-'))?.value ?? '').toLowerCase();
    if (name === 'pip' && (sub === 'install' || sub === 'uninstall') && rest[0]?.value === sub) installUnlessCommitted(a, { ...inv, name: 'pip', args: rest }, sub, 0, `Installs or changes Python packages (python -m ${name})`, mod);
    else if (!['list', 'show', 'freeze', 'check', 'help', '--version'].includes(sub)) a.hitOn('pkg.install', `Installs or changes Python packages (python -m ${name}).`, inv, mod);
    return;
  }
  if (/^(http\.server|SimpleHTTPServer|smtpd|ftplib|xmlrpc\.server|aiosmtpd)$/.test(name)) {
    a.hitOn('net.command', `Starts a network server (python -m ${name}).`, inv, mod);
    // Serving a secret directory (--directory ~/.ssh) publishes it.
    checkPathWords(a, inv, rest.filter((w) => !(w.value ?? '').startsWith('-')), 'read', { skipSpaces: true });
    return;
  }
  if (name === 'base64' && rest.some((w) => /^-d|--decode/.test(w.value ?? ''))) return;
  // `python -m sqlfluff lint x.sql`: the linter itself, judged as when it runs by name.
  const linter = LINTER_COMMANDS[name];
  if (linter) {
    linter({ ...inv, name, args: rest }, a);
    return;
  }
  // Django's test runner is a test runner like pytest: the session's test files and modules it loads are judged
  // as code (sessionCode.ts), the project's own are the project's.
  if (SAFE_PY_MODULES.has(name) || name.startsWith('pytest') || name.startsWith('unittest') || isDjangoTest([name, rest[0]?.value ?? ''])) {
    checkPathWords(a, inv, rest, 'read', { skipSpaces: true });
    return;
  }
  a.hitOn('exec.interpreter', `Runs the Python module ${name}.`, inv, mod);
  checkPathWords(a, inv, rest, 'read', { skipSpaces: true });
}

const python = interpreter({ language: 'python', code: ['-c'], values: ['-W', '-X', '-Q'], module: '-m' });
const node = interpreter({ language: 'node', code: ['-e', '--eval', '-p', '--print'], values: ['-r', '--require', '--input-type', '--import', '--loader', '--experimental-loader', '--conditions', '-C', '--env-file'] });
const perl = interpreter({ language: 'perl', code: ['-e', '-E'], values: ['-M', '-m', '-I', '-x', '-0', '-C'] });
const ruby = interpreter({ language: 'ruby', code: ['-e'], values: ['-r', '-I', '-C', '-E', '-x', '-F'] });
const php = interpreter({ language: 'php', code: ['-r', '-B', '-R', '-E'], values: ['-c', '-d', '-z', '-t', '-f', '-S'] });

const deno: Handler = (inv, a) => {
  const sub = inv.args.find((w) => !(w.value ?? '').startsWith('-'));
  const s = sub?.value ?? '';
  if (s === 'eval') {
    const code = inv.args[inv.args.indexOf(sub!) + 1];
    a.understand(inv, code);
    if (code?.value !== undefined) analyzeCode(a, 'node', codeFrame(inv, code));
    else if (code) dynamicCode(a, inv, code, 'deno eval');
    return;
  }
  if (['test', 'fmt', 'lint', 'check', 'doc', 'info', 'bench', 'task', 'types', 'coverage', 'compile'].includes(s)) return;
  if (['install', 'add', 'upgrade', 'cache', 'remove', 'uninstall', 'outdated'].includes(s)) {
    a.hitOn('pkg.install', `Installs or changes packages (deno ${s}).`, inv, sub);
    return;
  }
  if (inv.args.some((w) => /^(-A|--allow-all|--allow-run|--allow-env)$/.test(w.value ?? ''))) a.hitOn('exec.interpreter', 'Runs Deno code with broad permissions.', inv);
  const file = s === 'run' ? inv.args.slice(inv.args.indexOf(sub!) + 1).find((w) => !(w.value ?? '').startsWith('-')) : sub;
  if (file) runFile(a, inv, file, 'node');
};

const pwsh: Handler = (inv, a) => {
  const encoded = inv.args.find((w) => /^-(e|ec|enc|encodedcommand)$/i.test(w.value ?? ''));
  if (encoded) {
    a.hitOn('opaque.interpreter', 'Runs base64-encoded PowerShell, which cannot be read.', inv, encoded);
    return;
  }
  const flag = inv.args.findIndex((w) => /^-(c|command)$/i.test(w.value ?? ''));
  if (flag >= 0) {
    const code = inv.args.slice(flag + 1);
    a.understand(inv, ...code);
    if (code.length === 1 && code[0]!.value !== undefined) {
      const frame = codeFrame(inv, code[0]!);
      analyzeCode(a, 'powershell', frame);
      // Unquoted paths in cmdlet arguments (Get-Content .env): every path-like token is checked as a read.
      for (const m of frame.source.matchAll(/[^\s;|()'"{}]+/g)) {
        if (!/[./\\~]/.test(m[0]) || /^-/.test(m[0])) continue;
        const w = syntheticWord(m[0].replace(/[*?[\]{}\\,]/g, '\\$&'), false, { start: m.index, end: m.index + m[0].length }, { type: 'word', field: null, named: true, start: m.index, end: m.index + m[0].length, children: [] });
        checkPathWord(a, undefined, w, 'read', {}, frame);
      }
    }
    a.hitOn('exec.interpreter', 'Runs PowerShell code.', inv);
    return;
  }
  const file = inv.args.findIndex((w) => /^-(f|file)$/i.test(w.value ?? ''));
  if (file >= 0 && inv.args[file + 1]) runFile(a, inv, inv.args[file + 1]!, 'shell');
  else a.hitOn('exec.interpreter', 'Starts PowerShell.', inv);
};

const osascript: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['-e', '-l', '-s'] });
  const code = valuesOf(p, '-e');
  a.understand(inv, ...code);
  for (const c of code) {
    if (c.value === undefined) dynamicCode(a, inv, c, 'osascript');
    else analyzeCode(a, 'applescript', codeFrame(inv, c));
  }
  a.hitOn('exec.interpreter', 'Runs AppleScript, which can control other applications.', inv);
  if (code.length === 0 && p.operands[0]) checkPathWord(a, inv, p.operands[0], 'read');
};

/** Interpreters this analyzer has no rules for: code is at least a review. */
const otherCode: Handler = (inv, a) => {
  a.hitOn('exec.interpreter', `Runs ${inv.name} code, which the policy does not inspect.`, inv);
  checkPathWords(a, inv, inv.args, 'read', { skipSpaces: true });
  judgeKnownSource(a, inv);
  // What can still be seen in code given on the command line or stdin: commands it starts, secret files it names.
  for (const w of inv.args) {
    if (w.value !== undefined && /[\s(){}"'`;]/.test(w.value)) {
      a.understand(inv, w);
      analyzeCode(a, 'other', codeFrame(inv, w));
    }
  }
  if (inv.stdin?.kind === 'text') stdinCode(a, inv, inv.stdin, 'other');
};

export const SHELL_COMMANDS: HandlerTable = {
  ...table(['sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'rbash', 'tcsh', 'csh', 'yash', 'posh', 'elvish', 'nu', 'xonsh'], shell),
  eval: evalCmd,
  ...table(['iex', 'invoke-expression'], (inv, a) => a.hitOn('opaque.eval', 'Runs text as PowerShell code (Invoke-Expression).', inv)),
  ...table(['source', '.'], source),
  ...table(['python', 'python2', 'python3', 'pypy', 'pypy3', 'py', 'ipython', 'jython'], python),
  ...table(['node', 'nodejs'], node),
  perl,
  ruby,
  ...table(['php', 'php-cli'], php),
  deno,
  ...table(['pwsh', 'powershell', 'powershell.exe', 'pwsh.exe'], pwsh),
  osascript,
  ...table(['lua', 'luajit', 'rscript', 'r', 'tclsh', 'wish', 'groovy', 'julia', 'guile', 'racket', 'sbcl', 'clisp', 'scala', 'kotlin', 'kotlinc', 'swift', 'elixir', 'erl', 'escript', 'cmd', 'cmd.exe', 'wscript', 'cscript', 'mshta', 'expect', 'jshell', 'irb', 'bb', 'nbb', 'php-cgi'], otherCode),
};
