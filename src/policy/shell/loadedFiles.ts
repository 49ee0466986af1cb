// Which of this session's files a run can actually load. `python check.py` runs check.py and the modules it
// imports (and theirs), not every script the agent wrote today; `pytest tests/test_x.py` collects that file and the
// conftest.py files, `pytest` alone every test file. Judging only those keeps one scratch script that uses eval()
// or a subprocess from making every later, unrelated run a click, while a module the run imports (however deep)
// is still judged. When the entry's text cannot be read, every file of the language counts, as before.
import { posix } from 'node:path';

export interface LoadedFile {
  path: string;
  text: string | undefined;
}

const PY_TEST = /(?:^|\/)(?:test_[^/]*|[^/]*_test|conftest)\.py$/;
const NODE_TEST = /(?:\.(?:test|spec)\.[cm]?[jt]sx?$)|(?:^|\/)__tests__\//;

export function isTestFile(path: string, language: 'python' | 'node'): boolean {
  return language === 'python' ? PY_TEST.test(path) : NODE_TEST.test(path);
}

/** Dotted module names and relative paths a Python text imports or names. */
function pythonImports(text: string, file: string): { modules: Set<string>; paths: Set<string> } {
  const modules = new Set<string>();
  const paths = new Set<string>();
  const add = (dotted: string) => {
    const parts = dotted.split('.');
    for (let i = 1; i <= parts.length; i++) modules.add(parts.slice(0, i).join('.'));
  };
  for (const m of text.matchAll(/^[ \t]*import[ \t]+([\w., \t]+)/gm)) for (const item of m[1]!.split(',')) add(item.trim().split(/\s+/)[0] ?? '');
  for (const m of text.matchAll(/^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+\(?([\w., \t\n]+)\)?/gm)) {
    const names = m[3]!.split(',').map((s) => s.trim().split(/\s+/)[0] ?? '').filter(Boolean);
    if (m[1]) {
      // `from . import x`, `from ..pkg import y`: relative to the importing file's package.
      let dir = posix.dirname(file);
      for (let i = 1; i < m[1].length; i++) dir = posix.dirname(dir);
      const base = m[2] ? posix.join(dir, ...m[2].split('.')) : dir;
      paths.add(base);
      for (const n of names) paths.add(posix.join(base, n));
    } else {
      add(m[2]!);
      for (const n of names) add(`${m[2]}.${n}`);
    }
  }
  for (const m of text.matchAll(/(?:__import__|import_module)\s*\(\s*['"]([\w.]+)['"]/g)) add(m[1]!);
  return { modules, paths };
}

/** Resolved relative specifiers a JavaScript/TypeScript text requires or imports. */
function nodeImports(text: string, file: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:require\s*\(|import\s*\(|\bfrom\s+|^\s*import\s+)\s*['"`](\.{1,2}\/[^'"`]+)['"`]/gm)) {
    out.add(posix.join(posix.dirname(file), m[1]!).replace(/\.[cm]?[jt]sx?$/, ''));
  }
  return out;
}

/** String literals naming a file by its path (`exec(open('fix.py').read())`, `spawn('node', ['x.js'])`). */
function namesFile(text: string, rel: string, base: string): boolean {
  return text.includes(`'${rel}'`) || text.includes(`"${rel}"`) || text.includes(`'${base}'`) || text.includes(`"${base}"`) || text.includes(`/${base}'`) || text.includes(`/${base}"`);
}

/**
 * The candidates (session files of the run's language) that the entries load, followed through imports. `roots`
 * are the directories module names start from (the working directory, each entry's directory).
 */
export function loadedBy(language: 'python' | 'node', entries: LoadedFile[], candidates: LoadedFile[], roots: string[], limit: number): LoadedFile[] {
  const loaded: LoadedFile[] = [];
  const queue = [...entries];
  const left = new Map(candidates.map((c) => [c.path, c]));
  for (const e of entries) left.delete(e.path);
  let steps = 0;
  while (queue.length > 0 && left.size > 0 && steps++ < limit * 4) {
    const cur = queue.shift()!;
    if (cur.text === undefined) continue;
    const py = language === 'python' ? pythonImports(cur.text, cur.path) : undefined;
    const js = language === 'node' ? nodeImports(cur.text, cur.path) : undefined;
    for (const [path, c] of left) {
      const stem = path.replace(/\.[cm]?[jt]sx?$|\.pyw?$/, '').replace(/\/__init__$/, '');
      let hit = namesFile(cur.text, posix.relative(posix.dirname(cur.path), path), posix.basename(path));
      if (!hit && py) hit = py.paths.has(stem) || roots.some((r) => stem.startsWith(`${r}/`) && py.modules.has(stem.slice(r.length + 1).split('/').join('.')));
      if (!hit && js) hit = js.has(stem) || js.has(path) || (posix.basename(stem) === 'index' && js.has(posix.dirname(stem)));
      if (!hit) continue;
      left.delete(path);
      loaded.push(c);
      queue.push(c);
      if (loaded.length >= limit) return loaded;
    }
  }
  return loaded;
}
