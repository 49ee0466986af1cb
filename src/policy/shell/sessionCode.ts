// Code that runs is judged by what it contains: a script run by name is read from the disk (or, when it is not
// there, from what this agent session wrote), and a runner that imports the session's own files (a test runner, an
// interpreter running a module that imports the file the agent just edited) has those files judged too. Benign
// code is safe; code with sensitive effects is sensitive, naming the file and line; unreadable code needs review.
import { posix } from 'node:path';
import type { ShellAnalyzer } from './analyzer';
import { analyzeCode, type CodeLanguage } from './interpreterCode';
import { childOrigin, type Frame, type Invocation } from './types';
import type { Word } from './words';

type Language = CodeLanguage | 'shell';

/** Session files judged per run at most (the newest ones): a bound on work, not a guess at relevance. */
const MAX_SESSION_FILES = 24;

const LANGUAGE_OF_EXTENSION: Record<string, Language> = {
  py: 'python', pyw: 'python',
  js: 'node', mjs: 'node', cjs: 'node', ts: 'node', mts: 'node', cts: 'node', tsx: 'node', jsx: 'node',
  rb: 'ruby', pl: 'perl', pm: 'perl', php: 'php',
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell',
};

export function languageOfFile(path: string): Language | undefined {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? LANGUAGE_OF_EXTENSION[path.slice(dot + 1).toLowerCase()] : undefined;
}

/** Runners that load the project's code of one language (test runners, bundlers in watch mode are not). */
const RUNNER_LANGUAGE: Record<string, Language> = {
  pytest: 'python', 'py.test': 'python', tox: 'python', nox: 'python', behave: 'python', unittest: 'python',
  jest: 'node', vitest: 'node', mocha: 'node', ava: 'node', tap: 'node', jasmine: 'node', karma: 'node', playwright: 'node', cypress: 'node',
  rspec: 'ruby', rake: 'ruby', prove: 'perl', phpunit: 'php', pest: 'php',
};

const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);

/** The language of the project code a command loads, when it is a known runner. */
export function runnerLanguage(inv: Invocation): Language | undefined {
  const direct = RUNNER_LANGUAGE[inv.name];
  if (direct) return direct;
  const first = inv.args.find((w) => !(w.value ?? '').startsWith('-'))?.value ?? '';
  if (PACKAGE_MANAGERS.has(inv.name) && /^(test|t|tst|run|run-script|start|exec|x|dlx)$/.test(first)) return 'node';
  if (/^python[\d.]*$/.test(inv.name)) {
    const m = inv.args.findIndex((w) => w.value === '-m');
    if (m >= 0) return 'python'; // `python -m pytest`, `python -m mypkg`: modules of the project
  }
  if (inv.name === 'node' && inv.args.some((w) => w.value === '--test')) return 'node';
  if (inv.name === 'deno' || inv.name === 'bun') return 'node';
  return undefined;
}

/** The file's code as a frame: every finding points at the word that names it (or the command), with its line. */
function frameFor(inv: Invocation, at: Word | undefined, name: string, text: string): Frame {
  const w = at ?? inv.nameWord;
  const origin = childOrigin(inv.frame.origin, w.start, w.end, false);
  origin.file = { name, text, offset: 0 };
  return { source: text, origin, nesting: inv.frame.nesting + 1 };
}

function analyzeText(a: ShellAnalyzer, inv: Invocation, at: Word | undefined, language: Language, name: string, text: string): void {
  const f = frameFor(inv, at, name, text);
  if (language === 'shell') a.runScript(text, f.origin, f.nesting);
  else analyzeCode(a, language, f);
}

/**
 * Judges a script run by name from what it contains. True when its text was known (and judged); false when nothing
 * is known about it, or it is there but unreadable (the caller asks for a review).
 */
export function judgeScriptFile(a: ShellAnalyzer, inv: Invocation, file: Word, language: Language): boolean {
  const files = a.scope.files;
  if (!files || file.value === undefined || file.glob) return false;
  const abs = a.resolve(file.value);
  if (!abs) return false;
  const found = files.textOf(abs);
  if (found === undefined || found === 'unreadable') return false;
  if (a.outOfTime(inv.frame)) return true;
  analyzeText(a, inv, file, language, file.raw, found.text);
  judgeSessionFiles(a, inv, language === 'shell' ? undefined : language, abs);
  return true;
}

/**
 * The files of one language this session wrote under the working directory, judged as code the run may load
 * (`pytest` runs the test the agent wrote; `python main.py` imports the module it edited).
 */
export function judgeSessionFiles(a: ShellAnalyzer, inv: Invocation, language: Language | undefined, skip?: string): void {
  const files = a.scope.files;
  if (!files || !language || !a.cwd) return;
  const root = a.cwd.replace(/\/+$/, '') + '/';
  const mine = files.session
    .files()
    .filter(([p]) => p !== skip && p.startsWith(root) && languageOfFile(p) === language)
    .slice(-MAX_SESSION_FILES);
  for (const [p] of mine) {
    const found = files.textOf(p);
    if (found === undefined) continue;
    const name = posix.relative(a.cwd, p);
    if (found === 'unreadable') {
      a.hitOn('exec.script', `Runs code that loads ${name}, which this session changed in a way Countersign cannot read.`, inv);
      continue;
    }
    if (a.outOfTime(inv.frame)) return;
    analyzeText(a, inv, undefined, language, name, found.text);
  }
}
