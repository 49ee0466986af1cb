// Developer tools whose job is to run other commands: cross-env, process runners (concurrently, nodemon, watchexec,
// entr, parallel), benchmarks (hyperfine), build tools given code on the command line (make --eval, cmake -E). The
// command they run is analyzed as if typed directly. (Env-file loaders such as dotenv and env-cmd are in secrets.ts.)
import { parseArgs, text, valuesOf } from '../args';
import { checkPathWord } from '../pathArgs';
import { recipeLines } from '../projectScripts';
import { childOrigin, type Invocation } from '../types';
import { syntheticWord, type Word } from '../words';
import { table, type Handler, type HandlerTable } from './handler';
import type { ShellAnalyzer } from '../analyzer';

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Quotes a literal for the shell (a glob stays a glob: its pattern is already valid shell text). */
function shellText(w: Word): string {
  if (w.value === undefined || w.glob) return w.pattern;
  return /^[A-Za-z0-9_@%+=:,./~-]+$/.test(w.value) ? w.value : `'${w.value.replace(/'/g, `'\\''`)}'`;
}

/** Runs text built from the words of an invocation as shell code (positions map to the words it came from). */
function runBuilt(a: ShellAnalyzer, inv: Invocation, code: string, from: Word, to: Word = from): void {
  a.understand(inv, from, to);
  a.runScript(code, childOrigin(inv.frame.origin, from.start, to.end, false), inv.frame.nesting + 1);
}

/** Runs one word as a shell command line; a value built at run time cannot be seen through. */
export function runCode(a: ShellAnalyzer, inv: Invocation, w: Word): void {
  if (!a.runWordAsScript(w, inv.frame)) a.hitOn('opaque.dynamic-command', `The command given to ${inv.name} is built at run time.`, inv, w);
}

/** Words that together are one shell command line (`watchexec -- cat .env`, `cross-env-shell "cat .env"`). */
function runWords(a: ShellAnalyzer, inv: Invocation, words: Word[]): void {
  if (words.length === 0) return;
  if (words.length === 1) {
    runCode(a, inv, words[0]!);
    return;
  }
  if (words.some((w) => w.value === undefined && !w.glob)) {
    a.hitOn('opaque.dynamic-command', `The command given to ${inv.name} is built at run time.`, inv, words[0]);
    return;
  }
  // The program joins its words with spaces and hands them to a shell.
  runBuilt(a, inv, words.map((w) => w.value ?? w.pattern).join(' '), words[0]!, words[words.length - 1]);
  a.understand(inv, ...words);
}

/** cross-env NAME=VALUE … CMD ARGS; cross-env-shell runs its command through a shell. */
const crossEnv: Handler = (inv, a) => {
  let i = 0;
  while (i < inv.args.length && ASSIGNMENT.test(inv.args[i]!.value ?? '')) i++;
  if (i >= inv.args.length) return;
  if (inv.name === 'cross-env-shell') runWords(a, inv, inv.args.slice(i));
  else a.dispatchFrom(inv, 0, inv.name);
};

const CONCURRENTLY_VALUES = ['-n', '--names', '-c', '--prefix-colors', '-p', '--prefix', '-l', '--prefix-length', '-t', '--timestamp-format', '--name-separator', '-s', '--success', '--restart-tries', '--restart-after', '-m', '--max-processes', '--default-input-target', '--cwd', '--hide', '--kill-signal', '--teardown', '-g', '--group'];

/** concurrently "CMD" "CMD" …: each operand is a command line; `npm:NAME` runs a package script. */
const concurrently: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: CONCURRENTLY_VALUES });
  for (const w of [...p.operands, ...valuesOf(p, '--teardown')]) {
    const shorthand = /^(npm|yarn|pnpm|bun|deno):(.+)$/.exec(w.value ?? '');
    if (shorthand) runBuilt(a, inv, `${shorthand[1]} run ${shorthand[2]}`, w);
    else runCode(a, inv, w);
  }
};

/** nodemon [--exec CMD] [SCRIPT] [-- ARGS]: with --exec, nodemon runs CMD with the script and arguments appended. */
const nodemon: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['-x', '--exec', '-w', '--watch', '-e', '--ext', '-i', '--ignore', '-d', '--delay', '--signal', '--config', '--cwd', '--spawn'] });
  const exec = valuesOf(p, '-x', '--exec');
  if (exec.length === 0) return;
  const cmd = exec[exec.length - 1]!;
  if (cmd.value === undefined) {
    runCode(a, inv, cmd);
    return;
  }
  const rest = p.operands.map(shellText).join(' ');
  runBuilt(a, inv, rest ? `${cmd.value} ${rest}` : cmd.value, cmd);
};

const HYPERFINE_CODE = ['-p', '--prepare', '-c', '--cleanup', '-s', '--setup', '--conclude', '--reference'];
const HYPERFINE_VALUES = ['-w', '--warmup', '-r', '--runs', '-m', '--min-runs', '-M', '--max-runs', '-S', '--shell', '-u', '--time-unit', '--export-asciidoc', '--export-csv', '--export-json', '--export-markdown', '--export-orgmode', '--style', '-n', '--command-name', '--output', '--input', '-D', '--parameter-step-size', '--sort', '--min-benchmarking-time'];

/** hyperfine CMD…: each benchmarked command (and --prepare/--setup/--cleanup) is a shell command line; `-L VAR a,b` fills `{VAR}`. */
const hyperfine: Handler = (inv, a) => {
  const code: Word[] = [];
  const params: { name: string; values: string[] }[] = [];
  for (let i = 0; i < inv.args.length; i++) {
    const w = inv.args[i]!;
    const t = text(w);
    const eq = t.indexOf('=');
    const opt = t.startsWith('--') && eq > 0 ? t.slice(0, eq) : t;
    if (/^(-L|--parameter-list)$/.test(t)) {
      const name = inv.args[i + 1]?.value;
      const list = inv.args[i + 2]?.value;
      if (name && list !== undefined) params.push({ name, values: list.split(',').slice(0, 8) });
      a.understand(inv, inv.args[i + 1], w);
      i += 2;
      continue;
    }
    if (/^(-P|--parameter-scan)$/.test(t)) {
      a.understand(inv, inv.args[i + 1], inv.args[i + 2], inv.args[i + 3]);
      i += 3;
      continue;
    }
    if (HYPERFINE_CODE.includes(opt)) {
      if (eq > 0 && opt.startsWith('--')) code.push({ ...w, value: t.slice(eq + 1) });
      else if (inv.args[i + 1]) code.push(inv.args[++i]!);
      continue;
    }
    if (HYPERFINE_VALUES.includes(t)) {
      i++;
      continue;
    }
    if (!t.startsWith('-')) code.push(w);
  }
  for (const c of code) {
    const hasParam = c.value !== undefined && params.some((p) => c.value!.includes(`{${p.name}}`));
    if (!hasParam) {
      runCode(a, inv, c);
      continue;
    }
    for (const p of params) {
      for (const v of p.values) runBuilt(a, inv, c.value!.split(`{${p.name}}`).join(v), c);
    }
  }
};

const WATCHEXEC_VALUES = ['-w', '--watch', '-W', '--watch-non-recursive', '-e', '--exts', '-f', '--filter', '-F', '--filter-file', '-i', '--ignore', '--ignore-file', '-d', '--debounce', '--delay-run', '-s', '--signal', '--stop-signal', '--stop-timeout', '--timeout', '--shell', '-E', '--env', '--workdir', '--on-busy-update', '-o', '--project-origin', '-j', '--filter-prog', '--emit-events-to', '--color', '--log-file', '--wrap-process', '--socket', '--fs-events', '--completions'];

/** watchexec [OPTIONS] [--] COMMAND…: the command words, joined, run through a shell. */
const watchexec: Handler = (inv, a) => {
  const dash = inv.args.findIndex((w) => w.value === '--');
  const before = dash >= 0 ? inv.args.slice(0, dash) : inv.args;
  const p = parseArgs(before, { withValue: WATCHEXEC_VALUES, stopAtOperand: true });
  const words = dash >= 0 ? inv.args.slice(dash + 1) : p.operands;
  runWords(a, inv, words);
};

/** entr [-acdnprsz] UTILITY ARGS: `-s` makes the utility a shell command; `/_` is the file that changed. */
const entr: Handler = (inv, a) => {
  let i = 0;
  let shell = false;
  while (i < inv.args.length && /^-[acdnprsz]+$/.test(inv.args[i]!.value ?? '')) {
    if (inv.args[i]!.value!.includes('s')) shell = true;
    i++;
  }
  if (i >= inv.args.length) return;
  if (shell) {
    runCode(a, inv, inv.args[i]!);
    return;
  }
  // The files entr watches arrive on stdin: `/_` stands for them.
  const listed = inv.stdin?.kind === 'files' ? inv.stdin.pattern : inv.stdin?.kind === 'text' ? inv.stdin.text.split('\n')[0]!.trim().replace(/[*?[\]{}\\,]/g, '\\$&') : undefined;
  const words = inv.args.slice(i).map((w) => (w.value === '/_' && listed ? { ...syntheticWord(listed, inv.stdin?.kind === 'files', w, w.node), start: w.start, end: w.end } : w));
  a.dispatch({ ...inv, name: '', nameWord: words[0]!, args: words.slice(1), assignments: [], stdin: undefined, via: [...inv.via, 'entr'] });
};

const PARALLEL_VALUES = ['-j', '--jobs', '-P', '--max-procs', '-S', '--sshlogin', '--joblog', '-a', '--arg-file', '--colsep', '-C', '-d', '--delimiter', '-E', '--eof', '-I', '--replace', '--results', '--res', '--tmpdir', '--workdir', '--wd', '--timeout', '--delay', '-n', '--max-args', '-N', '-L', '--max-lines', '--halt', '--tag-string', '--tagstring', '--basefile', '--bf', '--transferfile', '--tf', '--return', '--env', '--memfree', '--load', '--retries', '--header', '--block', '--recstart', '--recend', '--limit', '--termseq', '--ssh', '--nice', '--sshloginfile', '--slf', '--semaphorename', '--id', '--template', '--sqlmaster', '--sqlworker'];
const SEPARATOR = /^::::?\+?$/;

/** GNU parallel CMD ::: ARGS (or ARGS on stdin): the command line is run once per argument, `{}` replaced by it. */
const parallel: Handler = (inv, a) => {
  const sep = inv.args.findIndex((w) => SEPARATOR.test(w.value ?? ''));
  const head = sep >= 0 ? inv.args.slice(0, sep) : inv.args;
  const p = parseArgs(head, { withValue: PARALLEL_VALUES, stopAtOperand: true });
  const cmd = p.operands;
  // `::: a b` arguments (`::::` names files of arguments, which the sweep reads as files).
  const args: Word[] = [];
  let literal = false;
  for (let i = Math.max(sep, 0); sep >= 0 && i < inv.args.length; i++) {
    const w = inv.args[i]!;
    if (SEPARATOR.test(w.value ?? '')) {
      literal = w.value!.startsWith(':::') && !w.value!.startsWith('::::');
      a.understand(inv, w);
      continue;
    }
    if (literal) args.push(w);
  }
  if (sep < 0 && inv.stdin?.kind === 'files') args.push(syntheticWord(inv.stdin.pattern, true, inv.nameWord, inv.nameWord.node));
  if (sep < 0 && inv.stdin?.kind === 'text') for (const t of inv.stdin.text.split('\n').filter(Boolean).slice(0, 16)) args.push(syntheticWord(t.replace(/[*?[\]{}\\,]/g, '\\$&'), false, inv.nameWord, inv.nameWord.node));
  if (cmd.length === 0) {
    // With no command, each argument is itself a command line.
    for (const w of args.slice(0, 16)) runCode(a, inv, w);
    return;
  }
  if (cmd.some((w) => w.value === undefined && !w.glob)) {
    a.hitOn('opaque.dynamic-command', 'The command given to parallel is built at run time.', inv, cmd[0]);
    return;
  }
  const line = cmd.map((w) => w.value ?? w.pattern).join(' ');
  const replace = valuesOf(p, '-I', '--replace')[0]?.value;
  const placeholder = replace ? new RegExp(replace.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : /\{(\d+|[./#%]|\/\/|\/\.)?\}/g;
  a.understand(inv, ...cmd);
  if (args.length === 0) {
    runBuilt(a, inv, line, cmd[0]!, cmd[cmd.length - 1]);
    return;
  }
  for (const w of args.slice(0, 16)) {
    const arg = shellText(w);
    const built = placeholder.test(line) ? line.replace(placeholder, () => arg) : `${line} ${arg}`;
    placeholder.lastIndex = 0;
    runBuilt(a, inv, built, cmd[0]!, cmd[cmd.length - 1]);
  }
};

/** cmake -E TOOL ARGS: the portable command-line tools, each the same as the shell command it stands for. */
const CMAKE_TOOLS: Record<string, string> = {
  cat: 'cat', copy: 'cp', copy_if_different: 'cp', copy_directory: 'cp', copy_directory_if_different: 'cp', rename: 'mv', remove: 'rm', rm: 'rm', remove_directory: 'rm',
  make_directory: 'mkdir', touch: 'touch', touch_nocreate: 'touch', create_symlink: 'ln', create_hardlink: 'ln', tar: 'tar', env: 'env', time: 'time', echo: 'echo',
  echo_append: 'echo', sha1sum: 'sha1sum', sha224sum: 'sha224sum', sha256sum: 'sha256sum', sha384sum: 'sha384sum', sha512sum: 'sha512sum', md5sum: 'md5sum',
  compare_files: 'cmp', true: 'true', false: 'false', sleep: 'sleep', capabilities: 'true', environment: 'env',
};

const cmake: Handler = (inv, a) => {
  const e = inv.args.findIndex((w) => w.value === '-E');
  if (e >= 0 && inv.args[e + 1]) {
    const sub = inv.args[e + 1]!;
    const tool = (sub.value ?? '').toLowerCase();
    a.understand(inv, inv.args[e], sub);
    if (tool === 'chdir' && inv.args[e + 2]) {
      // `cmake -E chdir DIR CMD ARGS` runs CMD in DIR; the shell's own directory is unchanged afterwards.
      const dir = inv.args[e + 2]!;
      checkPathWord(a, inv, dir, 'meta');
      const saved = a.cwd;
      a.cwd = dir.value !== undefined && !dir.glob ? a.resolve(dir.value) : undefined;
      a.dispatchFrom(inv, e + 3, 'cmake');
      a.cwd = saved;
      return;
    }
    const as = CMAKE_TOOLS[tool];
    if (!as) {
      if (sub.value === undefined) a.hitOn('opaque.dynamic-command', 'The cmake -E tool is chosen at run time.', inv, sub);
      return;
    }
    const nameWord: Word = { ...sub, value: as, pattern: as, raw: as };
    a.dispatch({ ...inv, name: '', nameWord, args: inv.args.slice(e + 2), assignments: [], via: [...inv.via, 'cmake'] });
    return;
  }
  const script = parseArgs(inv.args, { withValue: ['-P', '-D', '-S', '-B', '-G', '-T', '-A', '-C', '-U', '--build', '--preset', '--install', '--target', '-t', '--config', '-j', '--parallel'] }).values.get('-P');
  if (script?.[0]) a.hitOn('exec.script', `Runs the cmake script ${script[0].raw}, whose content the policy cannot see.`, inv, script[0]);
};

/** make --eval=TEXT / -E TEXT: makefile text given on the command line; its recipes and $(shell …) calls run. */
export function makeEval(a: ShellAnalyzer, inv: Invocation): void {
  const texts: Word[] = [];
  inv.args.forEach((w, i) => {
    const v = w.value ?? '';
    if (v === '--eval' || v === '-E') {
      if (inv.args[i + 1]) texts.push(inv.args[i + 1]!);
    } else if (v.startsWith('--eval=')) texts.push({ ...w, value: v.slice(7) });
    else if (/^-E./.test(v)) texts.push({ ...w, value: v.slice(2) });
  });
  for (const t of texts) {
    if (t.value === undefined) {
      a.hitOn('opaque.dynamic-command', 'make is given makefile text built at run time.', inv, t);
      continue;
    }
    // Make's own $(VAR) references are not shell substitutions; $$ is a literal $ for the shell.
    const body = t.value.replace(/\$\$/g, '\uE000');
    const shellCalls = [...body.matchAll(/\$[({]shell\s+((?:[^()]|\([^()]*\))*)[)}]/g)].map((m) => m[1]!.replace(/\uE000/g, '$'));
    const recipes = recipeLines(body).replace(/^\s*[@+-]+/gm, '').replace(/\$[({](?:[^()]|\([^()]*\))*[)}]/g, 'true').replace(/\uE000/g, '$');
    const code = [...shellCalls, recipes].filter((x) => x.trim()).join('\n');
    a.understand(inv, t);
    if (code) a.runScript(code, childOrigin(inv.frame.origin, t.start, t.end, false), inv.frame.nesting + 1);
  }
}

export const RUNNER_COMMANDS: HandlerTable = {
  ...table(['cross-env', 'cross-env-shell'], crossEnv),
  concurrently,
  nodemon,
  hyperfine,
  watchexec,
  entr,
  ...table(['parallel', 'sem'], parallel),
  cmake,
};
