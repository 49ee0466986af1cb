// Code that rewrites one of the project's own source files at a constant path (`open('src/app/models.py', 'w')`,
// `Path('README.md').write_text(…)`, `fs.writeFileSync('lib/x.js', …)`) changes the project as an agent's edit
// would: the path is checked like any other (secret, guard and outside-the-workspace paths are still flagged), and
// what it wrote is read from the disk when it later runs. Anything else code writes (a path built at run time,
// deletes, renames, links, build or CI config, files that run by themselves) stays a review.
import { posix } from 'node:path';
import type { ShellAnalyzer } from './analyzer';
import type { CodeLanguage } from './interpreterCode';

/** Plain source and text files; config that runs or deploys (Makefile, workflows, package.json) is not here. */
const SOURCE_EXT = /\.(?:py|pyi|pyx|js|jsx|mjs|cjs|ts|tsx|mts|cts|rb|go|rs|java|kt|scala|c|h|cc|cpp|hpp|cs|swift|php|pl|pm|lua|r|jl|ex|exs|txt|md|rst|csv|tsv|html|css|scss|svg|xml|ipynb|dat|out|log)$/i;
/** Files that run by themselves when a tool starts (conftest.py, setup.py, a bundler's config). */
const RUNS_BY_ITSELF = /^(?:conftest\.py|setup\.py|sitecustomize\.py|usercustomize\.py|__main__\.py|noxfile\.py|manage\.py|[\w.-]+\.config\.[cm]?[jt]s|\.\w+rc\.[cm]?js)$/i;

const PY_OPEN = /^open\s*\(\s*(['"])([^'"\\\n]+)\1\s*,\s*(?:mode\s*=\s*)?(['"])[wa]\+?[bt]?\3\s*[,)]/;
const PY_PATH_WRITE = /^\.write_(?:text|bytes)\s*\(/;
const NODE_WRITE = /^(?:writeFileSync|writeFile|appendFileSync|appendFile)\s*\(\s*(['"`])([^'"`\\\n$]+)\1\s*,/;

/** True when the write call at the start of `rest` writes a project source file named by a constant. */
export function writesProjectSource(a: ShellAnalyzer, rest: string, lang: CodeLanguage, before = ''): boolean {
  let path: string | undefined;
  if (lang === 'python') {
    path = PY_OPEN.exec(rest)?.[2];
    if (path === undefined && PY_PATH_WRITE.test(rest)) path = /Path\s*\(\s*(['"])([^'"\\\n]+)\1\s*\)\s*$/.exec(before)?.[2];
  } else if (lang === 'node') path = NODE_WRITE.exec(rest)?.[2];
  if (path === undefined || !SOURCE_EXT.test(path) || RUNS_BY_ITSELF.test(posix.basename(path))) return false;
  const abs = a.resolve(path);
  if (abs === undefined) return false;
  return a.policy.inWorkspace(abs, a.startCwd) || a.policy.isTemp(abs);
}
