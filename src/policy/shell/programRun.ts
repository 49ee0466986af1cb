// What one simple command runs, as a signature "Allow similar" rules can compare: the program, its subcommand
// (`npm test`, `git push`, `kubectl get pods`, `npm run build`, `python -m pytest`), the hosts its words name, and
// whether any word is only known at run time. Read off the analyzer's own parse (tree-sitter words, the multi-level
// CLI grammars), never off the command's text.
import type { ProgramRun } from '../effects';
import { GRAMMARS, readCli, type CliName } from './commands/cliGrammar';
import type { Invocation } from './types';
import type { Word } from './words';

/** A subcommand is a plain verb-like word: no paths, no dots, no options, no expansions. */
const VERB = /^[A-Za-z][A-Za-z0-9_:-]{0,63}$/;
/** A script or module name after `run`/`-m`: `test:unit`, `http.server`, `build-docs`. */
const NAME = /^[A-Za-z0-9@][A-Za-z0-9._:/@-]{0,127}$/;

/** Programs whose first operand is a file, a pattern, a URL or text, never a subcommand. */
const OPERAND_FIRST = new Set([
  'rm', 'rmdir', 'cp', 'mv', 'ln', 'cat', 'head', 'tail', 'less', 'more', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'find', 'fd',
  'ls', 'mkdir', 'touch', 'echo', 'printf', 'sed', 'awk', 'tar', 'zip', 'unzip', 'gzip', 'gunzip', 'diff', 'wc', 'sort',
  'uniq', 'cut', 'tr', 'xargs', 'tee', 'stat', 'file', 'du', 'df', 'curl', 'wget', 'http', 'https', 'pytest', 'jest',
  'vitest', 'mocha', 'tsc', 'eslint', 'prettier', 'black', 'ruff', 'flake8', 'mypy', 'pylint', 'open', 'xdg-open',
]);
/** Interpreters: `-m module` and `-c`/`-e` code name what they run. */
const INTERPRETER = /^(python[0-9.]*|pypy[0-9.]*|node|nodejs|ruby|perl|php|deno|bun|tsx|ts-node)$/;
/** Package managers whose `run NAME` runs one named script of the project. */
const SCRIPT_RUNNERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);
const RUN_VERBS = new Set(['run', 'run-script', 'exec', 'x', 'dlx']);
/** Programs whose first operand is a host. */
const HOST_FIRST = new Set(['ssh', 'mosh', 'telnet', 'nc', 'ncat', 'netcat', 'ftp', 'sftp']);
/** HTTP clients: every operand is a URL, with or without its scheme (`curl example.com/x`). */
const URL_OPERANDS = new Set(['curl', 'wget', 'http', 'https', 'xh']);
/** Their options that take the next word as a value (that word is not a URL operand). */
const URL_CLIENT_VALUES = new Set([
  '-o', '--output', '-d', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--json', '-H', '--header', '-u', '--user',
  '-X', '--request', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-c', '--cookie-jar', '-T', '--upload-file',
  '-F', '--form', '-w', '--write-out', '-m', '--max-time', '--connect-timeout', '-r', '--range', '-K', '--config', '-E', '--cert',
  '--key', '--cacert', '--resolve', '--retry', '-O', '--output-document', '-P', '--directory-prefix', '-U', '-t', '--tries',
  '-T', '--timeout', '--post-data', '--post-file', '--body-data', '--method', '-a', '--append-output', '-i', '--input-file',
]);

const GRAMMAR_OF: Record<string, CliName> = { oc: 'kubectl', k: 'kubectl', podman: 'docker', nerdctl: 'docker', tofu: 'terraform', terragrunt: 'terraform', flyctl: 'fly' };

function grammarFor(name: string): CliName | undefined {
  if (name in GRAMMARS) return name as CliName;
  return GRAMMAR_OF[name];
}

/** Up to two levels of a grammar CLI's command path (`pr create`, `get pods`, `s3 cp`), verbs only. */
function cliSubcommand(args: readonly Word[], cli: CliName): string | undefined {
  const call = readCli(args, GRAMMARS[cli])[0];
  if (!call) return undefined;
  const words: string[] = [];
  for (const w of call.pathWords.slice(0, 2)) {
    if (w.value === undefined || !VERB.test(w.value)) break;
    words.push(w.value);
  }
  return words.length ? words.join(' ') : undefined;
}

function subcommandOf(name: string, args: readonly Word[]): string | undefined {
  const cli = grammarFor(name);
  if (cli) return cliSubcommand(args, cli);
  const first = args[0]?.value;
  if (first === undefined || OPERAND_FIRST.has(name)) return undefined;
  if (INTERPRETER.test(name)) {
    const next = args[1]?.value;
    if (first === '-m' && next !== undefined && NAME.test(next)) return `-m ${next}`;
    if (/^-(c|e|r|p|-eval|-print)$/.test(first)) return first;
    return undefined;
  }
  if (!VERB.test(first)) return undefined;
  if (SCRIPT_RUNNERS.has(name) && RUN_VERBS.has(first)) {
    const next = args[1]?.value;
    return next !== undefined && NAME.test(next) ? `${first} ${next}` : first;
  }
  return first;
}

const URL_HOST = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]+\]|[^/?#:]+)/;
const SCP_HOST = /^(?:[A-Za-z0-9._-]+@)([A-Za-z0-9.-]+)(?::|$)/;

/** Hosts the words name: URLs, `user@host:path`, and the first operand of remote-shell programs. */
function hostsOf(name: string, args: readonly Word[]): string[] {
  const hosts = new Set<string>();
  let operand = false;
  let skip = false;
  for (const w of args) {
    const v = w.value;
    const valueNext = skip;
    skip = false;
    if (v === undefined) continue;
    const m = URL_HOST.exec(v) ?? SCP_HOST.exec(v);
    if (m?.[1]) hosts.add(m[1].toLowerCase());
    else if (URL_OPERANDS.has(name)) {
      // `curl example.com/x`: a bare operand is a URL without its scheme; option values are not.
      if (v.startsWith('-')) skip = URL_CLIENT_VALUES.has(v);
      else if (!valueNext && v !== '') hosts.add(v.replace(/[/?#].*$/s, '').replace(/^[^@]*@/, '').replace(/:\d+$/, '').toLowerCase());
    } else if (HOST_FIRST.has(name) && !operand && !v.startsWith('-') && /^[A-Za-z0-9.-]+$/.test(v)) hosts.add(v.toLowerCase());
    if (!v.startsWith('-')) operand = true;
    if (hosts.size >= 8) break;
  }
  return [...hosts].sort();
}

/** The signature of one dispatched invocation (its name already resolved). */
export function programRunOf(inv: Invocation): ProgramRun {
  const run: ProgramRun = { program: inv.name };
  const sub = subcommandOf(inv.name, inv.args);
  if (sub !== undefined) run.subcommand = sub;
  const hosts = hostsOf(inv.name, inv.args);
  if (hosts.length) run.hosts = hosts;
  // A word known only at run time (`$X`, `$(…)`) can name anything: such a run is never "similar" to another.
  if (inv.args.some((w) => w.value === undefined) || inv.assignments.some((a) => a.word !== undefined && a.word.value === undefined)) run.computed = true;
  return run;
}
