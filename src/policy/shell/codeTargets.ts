// Where code writes, judged by the path it computes rather than by whether the path is a literal: a reproduction
// script builds its paths (`filename = './pkg/mod.py'; open(filename, 'w')`, `join(__dirname, '..', 'charts', name)`,
// `os.makedirs('testapp/models')`, `shutil.copy2(src, src + '.backup')`), and those paths are folded (codeEval.ts)
// and placed. A plain file or a folder inside the workspace or the temp directory changes the project the way an
// agent's own edit would; anything else (outside, a file that runs by itself, guard or agent config, a name bound
// twice so the fold cannot tell which value is written, anything decoded) stays a review. The path checks of the
// shell (secret, protected, config, outside) still run on every target that folds.
import { posix } from 'node:path';
import type { ShellAnalyzer } from './analyzer';
import { foldExpression, type FoldEnv } from './codeEval';
import { splitArgs } from './codeEffects';
import { isOwnTempPath } from './codeWrites';
import type { CodeLanguage } from './interpreterCode';
import { checkPathWord } from './pathArgs';
import type { Frame } from './types';
import { syntheticWord } from './words';

/** Files that hold text or data and run nothing by themselves (a `.backup`/`.orig`/`.fixed` copy of one too). */
const PLAIN = /\.(?:py|pyi|pyx|js|jsx|mjs|cjs|ts|tsx|mts|cts|rb|go|rs|java|kt|scala|c|h|cc|cpp|hpp|cs|swift|php|pl|pm|lua|r|jl|ex|exs|txt|md|rst|csv|tsv|html|htm|css|scss|svg|xml|ipynb|dat|out|log|json|ya?ml|sql|db|sqlite3?|pkl|npy|npz|png|jpe?g|gif|fits|h5|parquet|po|mo)(?:\.[\w-]{1,24})?$/i;
/** Names a tool runs or obeys when it starts, whatever folder they are in. */
const RUNS_BY_ITSELF = /^(?:conftest\.py|setup\.py|sitecustomize\.py|usercustomize\.py|__main__\.py|noxfile\.py|[\w.-]*\.pth|package\.json|package-lock\.json|pyproject\.toml|setup\.cfg|tox\.ini|pytest\.ini|Makefile|Dockerfile|[\w.-]+\.config\.[cm]?[jt]s|\.\w+rc(?:\.[\w]+)?|\.pre-commit-config\.ya?ml|\.env(?:\.[\w.-]*)?)$/i;
/** Folders whose files steer tools, CI or agents: never an ordinary write. */
const STEERING_DIR = /(?:^|\/)(?:\.git|\.github|\.gitlab|\.circleci|\.husky|\.vscode|\.idea|\.claude|\.cursor|\.gemini|\.codex|\.clinerules|\.continue|\.devcontainer|node_modules\/\.bin)(?:\/|$)/;

interface Call {
  /** Argument indexes that are written (or, for a move, emptied); -1 is the receiver (`p.write_text(…)`). */
  targets: number[];
  dir: boolean;
  /** A delete: only a path under a fresh temp folder loses nobody anything. */
  del?: boolean;
}

const PYTHON_CALLS: [RegExp, Call][] = [
  [/^open\s*\($/, { targets: [0], dir: false }],
  [/^os\s*\.\s*(?:makedirs|mkdir)\s*\($/, { targets: [0], dir: true }],
  [/^shutil\s*\.\s*(?:copy|copy2|copyfile)\s*\($/, { targets: [1], dir: false }],
  [/^shutil\s*\.\s*copytree\s*\($/, { targets: [1], dir: true }],
  [/^(?:shutil\s*\.\s*move|os\s*\.\s*(?:rename|replace))\s*\($/, { targets: [0, 1], dir: false }],
  [/^\.\s*write_(?:text|bytes)\s*\($/, { targets: [-1], dir: false }],
  [/^(?:os\s*\.\s*(?:remove|unlink|rmdir)|shutil\s*\.\s*rmtree)\s*\($/, { targets: [0], dir: true, del: true }],
];
const NODE_CALLS: [RegExp, Call][] = [
  [/^(?:writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream)\s*\($/, { targets: [0], dir: false }],
  [/^(?:mkdir|mkdirSync)\s*\($/, { targets: [0], dir: true }],
  [/^(?:copyFile|copyFileSync)\s*\($/, { targets: [1], dir: false }],
  [/^(?:rename|renameSync)\s*\($/, { targets: [0, 1], dir: false }],
  [/^(?:unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync)\s*\($/, { targets: [0], dir: true, del: true }],
];

/** How often the code binds `name` (assignments, loop and `with … as` targets, imports of that name). */
export function bindings(code: string, name: string): number {
  const n = name.replace(/[$]/g, '\\$&');
  return (
    (code.match(new RegExp(`(?:^|[;:{(,])[ \\t]*(?:(?:const|let|var|my|our)[ \\t]+)?(?:[\\w.*\\[\\]]+[ \\t]*,[ \\t]*)*${n}[ \\t]*(?:,[^=\\n]*)?(?:[-+*/%|&^]|\\*\\*|//|<<|>>)?=(?![=>])|(?<![\\w.])${n}\\s*:=`, 'gm')) ?? []).length +
    (code.match(new RegExp(`\\bas\\s+${n}\\b|\\bfor\\s*\\(?\\s*(?:const|let|var)?\\s*(?:[\\w\\s,]*,\\s*)?${n}\\b|\\bdef\\s+\\w+\\s*\\([^)]*\\b${n}\\b`, 'g')) ?? []).length
  );
}

/** The names an argument reads (not attributes, not calls' keyword names). */
export function namesIn(text: string): string[] {
  const stripped = text.replace(/(['"`])(?:(?!\1)[^\\]|\\.)*\1/g, '""');
  return [...stripped.matchAll(/(?<![\w.$])([A-Za-z_$][\w$]*)(?!\s*[(=\w])/g)].map((m) => m[1]!);
}

export const BUILTIN_NAMES = new Set(['os', 'path', 'sys', 'Path', 'pathlib', 'str', 'join', 'resolve', '__dirname', '__filename', '__file__', 'true', 'false', 'True', 'False', 'None', 'undefined', 'null', 'process', 'import', 'meta']);

/**
 * True when the write call `callee` (the matched text up to its `(`) at `from` puts what it writes inside the
 * workspace or the temp directory, in a plain file or a folder; the shell's path checks ran on each target.
 */
export function writesInsideProject(a: ShellAnalyzer, lang: CodeLanguage, code: string, callee: string, args: string, env: () => FoldEnv, f: Frame, at: number, calleeAt = at): boolean {
  const table = lang === 'python' ? PYTHON_CALLS : lang === 'node' ? NODE_CALLS : [];
  const call = table.find(([re]) => re.test(callee.replace(/^(?:fs|fsp|promises|fs\s*\.\s*promises|fse)\s*\.\s*/, '').trim()))?.[1];
  if (!call) return false;
  const list = splitArgs(args);
  const receiver = call.targets.includes(-1) ? receiverBefore(code, calleeAt) : undefined;
  if (call.targets.some((i) => (i < 0 ? receiver === undefined : list[i] === undefined))) return false;
  for (const i of call.targets) {
    const arg = i < 0 ? receiver! : list[i]!;
    const text = arg.text.trim();
    if (isOwnTempPath(code, text)) continue;
    // A name bound twice could be either value when the call runs: the fold only knows one.
    if (namesIn(text).some((n) => !BUILTIN_NAMES.has(n) && bindings(code, n) !== 1)) return false;
    const folded = foldExpression(text, env());
    if (!folded || folded.decoded) return false;
    const start = (i < 0 ? 0 : at) + arg.start + (arg.text.length - arg.text.trimStart().length);
    if (call.del ? !underTemp(a, folded) : !placeInside(a, folded, call.dir, f, start, start + text.length)) return false;
  }
  return true;
}

/** The expression a method is called on, ending just before `at` (`Path(tmp) / 'x'`, `(d / 'x')`, `p`). */
function receiverBefore(code: string, at: number): { text: string; start: number } | undefined {
  let i = at;
  for (let guard = 0; guard < 8 && i > 0; guard++) {
    if (code[i - 1] === ')') {
      let depth = 0;
      let j = i - 1;
      for (; j >= 0 && j > i - 400; j--) {
        if (code[j] === ')') depth++;
        else if (code[j] === '(' && --depth === 0) break;
      }
      if (depth !== 0 || j < 0) return undefined;
      i = j;
    } else {
      const m = /[\w.]+$/.exec(code.slice(Math.max(0, i - 200), i));
      if (!m) break;
      i -= m[0].length;
      if (code[i - 1] !== ')') break;
    }
  }
  const text = code.slice(i, at).trim();
  return text && /^[\w(]/.test(text) ? { text, start: i } : undefined;
}

/** A delete inside a folder the temp-file APIs made (or under the temp directory): nobody else's files. */
function underTemp(a: ShellAnalyzer, folded: { value: string | undefined; pattern: string }): boolean {
  if (/(?:^|\/)\.\.(?:\/|$)/.test(folded.pattern)) return false;
  if (folded.value === undefined && /^\/tmp\/\*/.test(folded.pattern)) return true;
  const known = folded.value ?? knownPrefix(folded.pattern);
  const abs = known === undefined ? undefined : a.resolve(known);
  if (abs === undefined) return false;
  const n = posix.normalize(abs);
  // A workspace folder can itself live under the temp directory: its files are someone's work.
  return a.policy.isTemp(n) && !a.policy.inWorkspace(n, a.startCwd) && !/^\/(?:tmp|var\/tmp|private\/tmp)\/?$/.test(n);
}

function placeInside(a: ShellAnalyzer, folded: { value: string | undefined; pattern: string }, dir: boolean, f: Frame, start: number, end: number): boolean {
  // A known folder with a computed name under it (`join(outDir, filename)`): the folder is where it lands.
  const known = folded.value ?? knownPrefix(folded.pattern);
  if (known === undefined || known === '') return false;
  const abs = a.resolve(known);
  if (abs === undefined) return false;
  const norm = posix.normalize(abs);
  if (!(a.policy.inWorkspace(norm, a.startCwd) || a.policy.isTemp(norm)) || STEERING_DIR.test(norm)) return false;
  const name = posix.basename(norm);
  if (folded.value !== undefined) {
    if (RUNS_BY_ITSELF.test(name) || (!dir && !PLAIN.test(name))) return false;
  } else if (RUNS_BY_ITSELF.test(posix.basename(folded.pattern.replace(/\\(.)/g, '$1'))) || /\.(?:pth|sh|bash|zsh|cmd|bat|ps1|exe)$/i.test(folded.pattern)) return false;
  const w = syntheticWord(norm.replace(/[*?[\]{}\\,]/g, '\\$&'), false, { start, end }, { type: 'string', field: null, named: true, start, end, children: [] });
  // A secret, guard or config path found here is reported by the check itself; it is not an ordinary write.
  return !checkPathWord(a, undefined, w, 'write', {}, f);
}

/** The literal folder a glob pattern starts with (`/ws/charts/*` → `/ws/charts`), if the rest stays below it. */
function knownPrefix(pattern: string): string | undefined {
  const firstGlob = pattern.search(/(?<!\\)[*?[{]/);
  if (firstGlob < 0) return undefined;
  const head = pattern.slice(0, firstGlob);
  const slash = head.lastIndexOf('/');
  if (slash <= 0) return undefined;
  // `…/*/../x` climbs back out of what the prefix names.
  if (/(?:^|\/)\.\.(?:\/|$)/.test(pattern.slice(slash))) return undefined;
  return head.slice(0, slash).replace(/\\(.)/g, '$1');
}
