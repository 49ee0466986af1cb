// A subprocess whose program is known but some of whose arguments are computed (`[sys.executable, script_path]`,
// `['git', 'diff', ref]`, `[os.path.join(venv, 'bin', 'pip'), 'install', '-e', root]` with the venv unknown is not
// one: its program is computed). What runs is known, so it is judged as that command with each computed word
// standing for "some value", plus a review for the value nobody can read; a computed word that can name a secret
// is that secret. It stays opaque (sensitive) when the computed word is itself code or a program: a shell or a
// wrapper that runs its arguments, or an interpreter's `-c`/`-e` code.
import { posix } from 'node:path';
import type { ShellAnalyzer } from './analyzer';
import { checkPathWord } from './pathArgs';
import type { Frame, Origin } from './types';
import { syntheticWord } from './words';

/** Programs that run their arguments as a command or code: a computed argument is computed code. */
const RUNS_ITS_ARGUMENTS = /^(?:(?:ba|da|z|k|c|tc|fi|a|mk|yash|r?)sh|busybox|env|xargs|sudo|doas|su|runuser|pkexec|eval|exec|ssh|nohup|timeout|nice|ionice|stdbuf|time|watch|parallel|command|builtin|script|setsid|chroot|unshare|nsenter|flock|strace|ltrace|gdb|find|git|docker|podman|kubectl|npx|pnpx|bunx|uvx|pipx|make|cmd|cmd\.exe|powershell|pwsh|osascript|awk|gawk|mawk|sed|vim?|nvim|emacs)$/i;
/** Interpreters: a computed word right after one of their code flags is code. */
const INTERPRETER = /^(?:python[\d.]*|pypy[\d.]*|node|nodejs|deno|bun|tsx|ts-node|ruby|perl|php|lua|luajit|Rscript|julia|tclsh|wish|java|jshell|groovy)$/i;
const CODE_FLAG = /^(?:-[ceEpr]|--eval|--print|--command|-Command|--exec|-x|-m)$/;
const PLACEHOLDER = 'COMPUTED_AT_RUN_TIME';

export interface CommandWord {
  value: string | undefined;
  pattern: string;
  decoded: boolean;
}

/** True when the command was judged here (its known part analyzed, the computed part reported). */
export function judgePartlyComputed(a: ShellAnalyzer, words: CommandWord[], lang: string, f: Frame, m: RegExpExecArray, origin: Origin): boolean {
  const program = words[0]?.value;
  if (program === undefined || words.some((w) => w.decoded)) return false;
  const base = posix.basename(program);
  if (!/^[\w.+-]+$/.test(base) || RUNS_ITS_ARGUMENTS.test(base)) return false;
  if (INTERPRETER.test(base) && words.some((w, i) => w.value === undefined && i > 0 && CODE_FLAG.test(words[i - 1]?.value ?? ''))) return false;
  const hitMatch = (rule: 'exec.interpreter', message: string) => a.hitAt(rule, message, f, m.index, m.index + m[0].length);
  // A computed word that can name a secret (`[cat, home + '/.ssh/' + name]`) is read as that secret.
  for (const w of words) {
    if (w.value !== undefined) continue;
    const known = w.pattern.replace(/\\./g, 'x').replace(/[*?/{},]/g, '');
    if (known.length < 2) continue;
    const sw = syntheticWord(w.pattern, true, { start: m.index, end: m.index + m[0].length }, { type: 'string', field: null, named: true, start: m.index, end: m.index + m[0].length, children: [] });
    if (checkPathWord(a, undefined, sw, 'read', {}, f)) return true;
  }
  const command = words.map((w) => (w.value === undefined ? PLACEHOLDER : /^[\w@%+=:,./-]+$/.test(w.value) ? w.value : `'${w.value.replace(/'/g, `'\\''`)}'`)).join(' ');
  a.runScript(command, origin, f.nesting + 1);
  hitMatch('exec.interpreter', `Starts \`${base}\` from ${lang} code with arguments computed at run time, so what it is given cannot be known.`);
  return true;
}
