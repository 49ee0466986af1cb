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

/** Names this code binds, once, to a path it got from the temp-file APIs (or a join under one). */
function tempNames(code: string): Set<string> {
  const bound = new Set<string>();
  // Bindings: `name = …` and tuple targets (`a, name = …`) where a statement starts (a keyword argument
  // `f(name, mode='w')` is not one), `name := …`, augmented assignment, and `as name` / `for name`.
  const once = (name: string) =>
    (code.match(new RegExp(`(?:^|[;:{])[ \\t]*(?:(?:const|let|var)[ \\t]+)?(?:[\\w.*\\[\\]]+[ \\t]*,[ \\t]*)*${name}[ \\t]*(?:,[^=\\n]*)?(?:[-+*/%|&^]|\\*\\*|//|<<|>>)?=(?!=)|(?<![\\w.])${name}\\s*:=`, 'gm')) ?? []).length +
      (code.match(new RegExp(`\\bas\\s+${name}\\b|\\bfor\\s+(?:[\\w\\s,]*,\\s*)?${name}\\b`, 'g')) ?? []).length ===
    1;
  const TEMP_CALL = /tempfile\s*\.\s*(?:mkdtemp|mkstemp|mktemp|gettempdir|NamedTemporaryFile|TemporaryDirectory)\s*\(|\bmkdtempSync\s*\(|\bos\s*\.\s*tmpdir\s*\(/;
  for (const m of code.matchAll(/(?<![\w.])(\w+)\s*=\s*([^\n]+)/g)) if (TEMP_CALL.test(m[2]!.slice(0, 120)) && once(m[1]!)) bound.add(m[1]!);
  for (const m of code.matchAll(/(?<![\w.])\w+\s*,\s*(\w+)\s*=\s*tempfile\s*\.\s*mkstemp\s*\(/g)) if (once(m[1]!)) bound.add(m[1]!);
  for (const m of code.matchAll(/tempfile\s*\.\s*(?:NamedTemporaryFile|TemporaryDirectory)\s*\([^)]*\)\s+as\s+(\w+)/g)) if (once(m[1]!)) bound.add(m[1]!);
  // `with tempfile.NamedTemporaryFile(…) as f: path = f.name`, where `f` is rebound by other `with open(…) as f`
  // blocks too: the binding of `f` nearest before the line is the one it reads (a name bound once takes it).
  for (const m of code.matchAll(/(?<![\w.])(\w+)\s*=\s*(\w+)\s*\.\s*name\s*$/gm)) {
    if (bound.has(m[1]!) || !once(m[1]!)) continue;
    const before = code.slice(0, m.index);
    const last = [...before.matchAll(new RegExp(`\\bas\\s+${m[2]!}\\b|(?<![\\w.])${m[2]!}\\s*=(?!=)`, 'g'))].pop();
    if (!last) continue;
    const line = before.slice(before.lastIndexOf('\n', last.index) + 1, last.index + last[0].length + 120);
    if (/\bas\s/.test(last[0]) ? /tempfile\s*\.\s*(?:NamedTemporaryFile|TemporaryDirectory)\s*\([^\n]*\)\s+as\s+\w+\s*:?$/.test(line.slice(0, line.indexOf(last[0]) + last[0].length)) : /=\s*tempfile\s*\.\s*NamedTemporaryFile\s*\(/.test(line)) bound.add(m[1]!);
  }
  // `path = os.path.join(tmp, 'x.py')`, `name = f.name`, `p = Path(tmp) / 'x'`: still under the temp dir.
  for (let grew = true; grew; ) {
    grew = false;
    for (const m of code.matchAll(/(?<![\w.])(\w+)\s*=\s*(?:os\s*\.\s*path\s*\.\s*join\s*\(\s*|path\s*\.\s*join\s*\(\s*|Path\s*\(\s*)?(\w+)(?:\s*\.\s*name\b)?[^\n]*/g)) {
      if (bound.has(m[1]!) || !bound.has(m[2]!) || !once(m[1]!)) continue;
      if (/\.\.|['"`]\s*\/|expanduser|home/i.test(m[0])) continue; // a join that climbs out or starts again at a root
      bound.add(m[1]!);
      grew = true;
    }
  }
  return bound;
}

const TARGET = /^(?:open|os\s*\.\s*(?:remove|unlink|rmdir|makedirs|mkdir|rename|replace)|shutil\s*\.\s*(?:rmtree|copy\w*|move)|(?:fs\s*\.\s*)?(?:writeFileSync|writeFile|unlinkSync|unlink|rmSync|rm|mkdirSync|mkdir|rmdirSync|appendFileSync))\s*\(\s*(?:os\s*\.\s*path\s*\.\s*join\s*\(\s*|path\s*\.\s*join\s*\(\s*)?(\w+)(?:\s*\.\s*name)?\s*[,)]/;

/** True when the write or delete at the start of `rest` targets a path this code got from the temp-file APIs. */
export function writesOwnTempFile(code: string, rest: string): boolean {
  const m = TARGET.exec(rest);
  return m !== null && tempNames(code).has(m[1]!);
}

/** True when an argument expression is a path this code got from the temp-file APIs (`tmp`, `f.name`, a join). */
export function isOwnTempPath(code: string, arg: string): boolean {
  const m = /^(?:os\s*\.\s*path\s*\.\s*join\s*\(\s*|path\s*\.\s*join\s*\(\s*)?(\w+)(?:\s*\.\s*name)?\s*(?:,[^)]*\))?$/.exec(arg.trim());
  if (!m || /\.\.|expanduser|home/i.test(arg)) return false;
  return tempNames(code).has(m[1]!);
}
