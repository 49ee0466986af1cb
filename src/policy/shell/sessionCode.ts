// Code that runs is judged by what it contains: a script run by name is read from the disk (or, when it is not
// there, from what this agent session wrote), and a runner that imports the session's own files (a test runner, an
// interpreter running a module that imports the file the agent just edited) has those files judged too. Benign
// code is safe; code with sensitive effects is sensitive, naming the file and line; unreadable code needs review.
import { posix } from 'node:path';
import type { ShellAnalyzer } from './analyzer';
import { analyzeCode, type CodeLanguage } from './interpreterCode';
import { isTestFile, loadedBy, type LoadedFile } from './loadedFiles';
import { runnerPluginFiles } from './runnerPlugins';
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
  // Compiled languages: no analyzer of their own, but the paths their literals name are still checked.
  go: 'other', rs: 'other', cs: 'other', java: 'other', kt: 'other', swift: 'other', scala: 'other',
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
  // `go test`, `go run`, `cargo test`, `cargo run`: compile and run the project's code, tests included.
  if ((inv.name === 'go' && /^(test|run|generate)$/.test(first)) || (inv.name === 'cargo' && /^(test|t|run|r|bench)$/.test(first)) || (inv.name === 'dotnet' && /^(run|test)$/.test(first))) return 'other';
  return undefined;
}

/** The file's code as a frame: every finding points at the word that names it (or the command), with its line. */
function frameFor(inv: Invocation, at: Word | undefined, name: string, text: string): Frame {
  const w = at ?? inv.nameWord;
  const origin = childOrigin(inv.frame.origin, w.start, w.end, false);
  origin.file = { name, text, offset: 0 };
  return { source: text, origin, nesting: inv.frame.nesting + 1 };
}

function analyzeText(a: ShellAnalyzer, inv: Invocation, at: Word | undefined, language: Language, name: string, text: string, abs: string): void {
  const f = frameFor(inv, at, name, text);
  // `__dirname`, `__file__` in the file's code name the file's own folder.
  if (f.origin.file) f.origin.file.dir = posix.dirname(abs);
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
  analyzeText(a, inv, file, language, file.raw, found.text, abs);
  judgeSessionFiles(a, inv, language === 'shell' ? undefined : language, { path: abs, text: found.text });
  return true;
}

/**
 * The files of one language this session wrote under the working directory that the run loads, judged as code
 * (`pytest` runs the test the agent wrote; `python main.py` imports the module it edited). Which ones: see
 * loadedFiles.ts; for runners whose entry cannot be told (npm scripts, tox, rake …) every such file counts.
 */
export function judgeSessionFiles(a: ShellAnalyzer, inv: Invocation, language: Language | undefined, entry?: LoadedFile): void {
  const files = a.scope.files;
  if (!files || !language || !a.cwd) return;
  const cwd = a.cwd.replace(/\/+$/, '');
  const root = cwd + '/';
  const all = files.session.files().filter(([p]) => p !== entry?.path && p.startsWith(root) && languageOfFile(p) === language);
  let mine: string[] = all.map(([p]) => p).slice(-MAX_SESSION_FILES);
  if (language === 'python' || language === 'node') {
    const entries = entry ? [entry, argsEntry(inv)] : runnerEntries(a, inv, language, all.map(([p]) => p));
    if (entries) {
      const candidates = all.map(([p]) => ({ path: p, text: textFor(a, p) }));
      const roots = [cwd, ...entries.filter((e) => e.path.startsWith(root)).map((e) => posix.dirname(e.path))];
      const own = new Set(all.map(([p]) => p));
      const started = entries.filter((e) => e !== entry && own.has(e.path)).map((e) => e.path);
      mine = [...started, ...loadedBy(language, entries, candidates, [...new Set(roots)], MAX_SESSION_FILES).map((f) => f.path)].slice(0, MAX_SESSION_FILES);
    }
  }
  // Plugins and setup files the runner's config names (runnerPlugins.ts) run like the tests do.
  if (!entry && (language === 'python' || language === 'node')) for (const w of runnerPluginFiles(a, inv, language)) judgeScriptFile(a, inv, w, language);
  for (const p of mine) {
    const found = files.textOf(p);
    if (found === undefined) continue;
    const name = posix.relative(a.cwd, p);
    if (found === 'unreadable') {
      a.hitOn('exec.script', `Runs code that loads ${name}, which this session changed in a way Countersign cannot read.`, inv);
      continue;
    }
    if (a.outOfTime(inv.frame)) return;
    analyzeText(a, inv, undefined, language, name, found.text, p);
  }
}

function textFor(a: ShellAnalyzer, p: string): string | undefined {
  const found = a.scope.files?.textOf(p);
  return found === undefined || found === 'unreadable' ? undefined : found.text;
}

/** The command's own words as something that names modules and files (`python -m django test app.tests`). */
function argsEntry(inv: Invocation): LoadedFile {
  const words = inv.args.map((w) => w.value ?? '').filter((v) => v !== '' && !v.startsWith('-'));
  const text = words.map((v) => `import ${v.replace(/::.*$/, '').replace(/[^\w.]/g, '_')}\n'${v.replace(/::.*$/, '')}'\n`).join('');
  return { path: `${inv.frame.origin.file?.name ?? ''}#args`, text };
}

/** `python -m django test …`: Django's test runner, which collects test modules as unittest does. */
export function isDjangoTest(moduleAndArgs: readonly string[]): boolean {
  return moduleAndArgs[0] === 'django' && moduleAndArgs[1] === 'test';
}

/**
 * What `django test` collects, as paths: each label (`app.tests.MyTest.test_x`) as the module file or package of
 * each of its prefixes (over-inclusive: a class or method name selects its module), and the settings module it
 * loads (`--settings=test_sqlite`). `--help` collects nothing.
 */
function djangoTestWords(args: readonly string[]): string[] {
  if (args.some((v) => v === '--help' || v === '-h')) return ['--help'];
  const out: string[] = [];
  args.forEach((v, i) => {
    const settings = v.startsWith('--settings=') ? v.slice('--settings='.length) : v === '--settings' ? args[i + 1] : undefined;
    if (settings) out.push(`${settings.split('.').join('/')}.py`);
    else if (!v.startsWith('-') && args[i - 1] !== '--settings') {
      const parts = v.replace(/\/+$/, '').split(/[./]/).filter(Boolean);
      for (let k = 1; k <= parts.length; k++) out.push(`${parts.slice(0, k).join('/')}.py`, `${parts.slice(0, k).join('/')}/__init__.py`);
      if (parts.length > 1) out.push(parts.join('/'));
    }
  });
  return out;
}

/** Django's default test file pattern (`test*.py`): `tests.py` of an app is collected too. */
const DJANGO_TEST = /(?:^|\/)test[^/]*\.py$/;

const TEST_RUNNERS = new Set(['pytest', 'py.test', 'jest', 'vitest', 'mocha', 'ava', 'tap', 'jasmine']);

/**
 * What a test runner or `python -m` starts from: the test files it collects (named ones, or every test file of
 * the session) and conftest.py, or the module run. undefined when the runner's entry cannot be told.
 */
function runnerEntries(a: ShellAnalyzer, inv: Invocation, language: 'python' | 'node', session: string[]): LoadedFile[] | undefined {
  const values = inv.args.map((w) => w.value);
  if (values.some((v) => v === undefined)) return undefined;
  const args = values as string[];
  let rest: string[] | undefined;
  let module: string | undefined;
  if (TEST_RUNNERS.has(inv.name)) rest = args;
  else if (inv.name === 'node' && args.includes('--test')) rest = args;
  else if (/^python[\d.]*$/.test(inv.name)) {
    const m = args.indexOf('-m');
    if (m < 0 || m + 1 >= args.length) return undefined;
    if (/^(pytest|py\.test|unittest)$/.test(args[m + 1]!)) rest = args.slice(m + 2);
    else if (isDjangoTest(args.slice(m + 1))) rest = djangoTestWords(args.slice(m + 3));
    else module = args[m + 1];
  } else return undefined;
  const cwd = a.cwd!.replace(/\/+$/, '');
  const entries: LoadedFile[] = [argsEntry(inv)];
  if (module !== undefined) {
    const base = posix.join(cwd, ...module.split('.'));
    for (const p of [`${base}.py`, `${base}/__main__.py`, `${base}/__init__.py`]) {
      const text = textFor(a, p);
      if (text !== undefined) entries.push({ path: p, text });
      else if (a.scope.files?.textOf(p) === 'unreadable') return undefined;
    }
    return entries;
  }
  // Words that name files or folders (`tests/test_x.py::T`, `src`); a subcommand (`vitest run`) or an option's
  // value (`-k name`) names none of the session's files and selects nothing.
  const named = (rest ?? [])
    .filter((v) => !v.startsWith('-'))
    .map((v) => posix.resolve(cwd, v.replace(/::.*$/, '')))
    .filter((n) => /[./]/.test(posix.relative(cwd, n)) || session.some((p) => p === n || p.startsWith(`${n}/`)));
  const djangoRun = /^python[\d.]*$/.test(inv.name) && isDjangoTest(args.slice(args.indexOf('-m') + 1));
  if (djangoRun && rest?.[0] === '--help') return entries;
  const collected = (p: string) => (djangoRun ? DJANGO_TEST.test(p) : isTestFile(p, language));
  // A Django label names a module (or a package: everything under it).
  const under = (p: string, n: string) => p === n || p.startsWith(`${n}/`) || (djangoRun && n.endsWith('/__init__.py') && p.startsWith(`${n.slice(0, -'__init__.py'.length)}`));
  const tests = session.filter((p) => collected(p) && (named.length === 0 || named.some((n) => under(p, n))));
  for (const p of session) if (language === 'python' && /(?:^|\/)conftest\.py$/.test(p) && !tests.includes(p)) tests.push(p);
  for (const p of tests) entries.push({ path: p, text: textFor(a, p) });
  // A named test file that is not the session's is read from the disk: the modules it imports are followed too.
  for (const n of named) {
    if (tests.includes(n) || !/\.(py|[cm]?[jt]sx?)$/.test(n)) continue;
    const found = a.scope.files?.textOf(n);
    if (found === 'unreadable') return undefined;
    if (found) entries.push({ path: n, text: found.text });
  }
  return entries;
}
