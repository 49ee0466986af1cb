// Code a test runner loads because its configuration says so, not because a test imports it: pytest's `-p NAME`
// (on the command line, in PYTEST_ADDOPTS, or in addopts of pytest.ini, setup.cfg, tox.ini, pyproject.toml) and
// `pytest_plugins` in conftest.py; jest's setupFiles/globalSetup and mocha's `require` in their config files.
// "Write a plugin, name it in the config, run the ordinary test command" would otherwise run unseen code. Each
// such module the disk or this session holds is judged as code, like the test files themselves.
import { posix } from 'node:path';
import type { ShellAnalyzer } from './analyzer';
import type { Invocation } from './types';
import { syntheticWord, type Word } from './words';

const PYTEST_CONFIGS = ['pytest.ini', '.pytest.ini', 'setup.cfg', 'tox.ini', 'pyproject.toml', 'conftest.py'];
const NODE_CONFIGS = ['jest.config.js', 'jest.config.cjs', 'jest.config.mjs', 'jest.config.ts', 'jest.config.json', 'package.json', '.mocharc.json', '.mocharc.js', '.mocharc.cjs', '.mocharc.yml', '.mocharc.yaml', 'vitest.config.ts', 'vitest.config.js', 'vitest.config.mts'];

/** Module names pytest loads as plugins, read from option text and config files. */
export function pytestPluginNames(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/(?:^|[\s"'=[,])-p\s*["']?([A-Za-z_][\w.]*)/g)) if (!m[1]!.startsWith('no:')) out.add(m[1]!);
    for (const m of t.matchAll(/\bpytest_plugins\s*=\s*([^\n]*(?:\n[ \t]+[^\n]*)*)/g)) for (const s of m[1]!.matchAll(/["']([A-Za-z_][\w.]*)["']/g)) out.add(s[1]!);
  }
  return [...out].slice(0, 20);
}

/** Files jest, vitest or mocha load before the tests (relative paths as written). */
export function nodeSetupFiles(texts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(/\b(?:setupFiles(?:AfterEnv)?|globalSetup|globalTeardown|setupFilesAfterEach|require|file|setupFiles)\b["']?\s*[:=]\s*(\[[^\]]*\]|["'][^"'\n]+["'])/g)) {
      for (const s of m[1]!.matchAll(/["']([^"'\n]+)["']/g)) if (/^\.{0,2}\/|\.[cm]?[jt]s$/.test(s[1]!)) out.add(s[1]!.replace(/^<rootDir>\//, './'));
    }
    for (const m of t.matchAll(/(?:^|\s)(?:--require|-r|--setupFiles|--globalSetup)[\s=]+["']?(\.{0,2}\/[^\s"']+)/g)) out.add(m[1]!);
  }
  return [...out].slice(0, 20);
}

/** The plugins and setup files the runner's configuration makes it load, as words naming the files that exist. */
export function runnerPluginFiles(a: ShellAnalyzer, inv: Invocation, language: 'python' | 'node'): Word[] {
  const files = a.scope.files;
  const out: Word[] = [];
  if (!files || !a.cwd) return out;
  const cwd = a.cwd.replace(/\/+$/, '');
  const configs = (language === 'python' ? PYTEST_CONFIGS : NODE_CONFIGS).map((n) => {
    const found = files.textOf(posix.join(cwd, n));
    return found === undefined || found === 'unreadable' ? '' : found.text.slice(0, 100_000);
  });
  const own = [inv.args.map((w) => w.value ?? '').join(' '), ...inv.assignments.map((x) => x.word?.value ?? '')];
  const paths = language === 'python'
    ? pytestPluginNames([...own, ...configs]).flatMap((m) => [posix.join(cwd, ...m.split('.')) + '.py', posix.join(cwd, ...m.split('.'), '__init__.py')])
    : nodeSetupFiles([...own, ...configs]).map((p) => posix.resolve(cwd, p));
  for (const p of paths) {
    const found = files.textOf(p);
    if (found === undefined || found === 'unreadable') continue;
    out.push(syntheticWord(p.replace(/[*?[\]{}\\,]/g, '\\$&'), false, { start: inv.nameWord.start, end: inv.nameWord.end }, inv.node));
  }
  return out;
}
