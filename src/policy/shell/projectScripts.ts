// Build tools and package managers run steps the project defines (Makefile recipes, package.json scripts). Those
// files are the project's own and normally not the agent's to judge; but when the same command line wrote them
// (`printf 'x:\n\tcat .env' > Makefile && make`, `npm pkg set scripts.test='…' && npm test`), the step is code the
// agent just wrote, so it is analyzed like any other script written then run.
import { posix } from 'node:path';
import type { ShellAnalyzer } from './analyzer';
import { parseArgs, valueOf } from './args';
import { childOrigin, type Invocation } from './types';
import type { Word } from './words';

const MAKEFILES = ['GNUmakefile', 'makefile', 'Makefile'];

/** Shell lines of a makefile's recipes (tab-led lines, continuation lines joined). */
export function recipeLines(text: string): string {
  return text
    .replace(/\\\n\t?/g, ' ')
    .split('\n')
    .filter((l) => l.startsWith('\t') || /^[^#\s][^:=]*:[^=]*;/.test(l))
    .map((l) => (l.startsWith('\t') ? l.slice(1) : l.slice(l.indexOf(';') + 1)).replace(/^[@+-]+/, ''))
    .join('\n');
}

function runWritten(a: ShellAnalyzer, inv: Invocation, path: string, what: string, code: (text: string) => string | undefined): void {
  const written = a.written.get(path);
  if (!written) return;
  const body = written.text !== undefined && !written.remote ? code(written.text) : undefined;
  if (body === undefined) {
    a.hitOn(written.remote ? 'opaque.remote-code' : 'opaque.generated-script', `Runs ${what}, which this command just wrote with content the policy cannot read.`, inv);
    return;
  }
  if (body.trim()) a.runScript(body, written.origin ?? childOrigin(inv.frame.origin, inv.nameWord.start, inv.nameWord.end, false), inv.frame.nesting + 1);
}

/** make: the makefile it reads (`-f FILE`, `-C DIR`, else the default names), if this command line wrote it. */
export function makeWrittenRecipes(a: ShellAnalyzer, inv: Invocation): void {
  const p = parseArgs(inv.args, { withValue: ['-f', '--file', '--makefile', '-C', '--directory', '-j', '--jobs', '-l', '-o', '-W', '-I'] });
  const dirWord = valueOf(p, '-C', '--directory');
  const dir = dirWord?.value !== undefined ? a.resolve(dirWord.value) : a.cwd;
  const file = valueOf(p, '-f', '--file', '--makefile');
  if (file && (file.value === '-' || file.value === '/dev/stdin')) {
    if (inv.stdin?.kind === 'text') a.runScript(recipeLines(inv.stdin.text), childOrigin(inv.stdin.frame.origin, inv.stdin.start, inv.stdin.start + inv.stdin.text.length, false), inv.frame.nesting + 1);
    else a.hitOn('opaque.generated-script', 'make reads its makefile from stdin, which the policy cannot see.', inv, file);
    return;
  }
  const candidates = file?.value !== undefined ? [file.value] : MAKEFILES;
  for (const name of candidates) {
    const path = dir && !posix.isAbsolute(name) ? a.fileKey(`${dir}/${name}`) : a.fileKey(name);
    if (a.written.has(path)) {
      runWritten(a, inv, path, posix.basename(path), recipeLines);
      return;
    }
    // Written or changed earlier in this session: its recipes are the agent's code, judged line by line.
    const text = sessionText(a, path);
    if (text === 'unreadable') {
      a.hitOn('exec.script', `Runs recipes from ${posix.basename(path)}, which this session changed in a way Countersign cannot read.`, inv);
      return;
    }
    if (text !== undefined) {
      runInFile(a, inv, posix.basename(path), text.text, recipeText(text.text), 0);
      return;
    }
  }
}

/** A makefile with everything but its recipe lines blanked, so a finding's line is the makefile's own. */
function recipeText(text: string): string {
  return text
    .split('\n')
    .map((l) => (l.startsWith('\t') ? l.slice(1).replace(/^[@+-]+/, '') : /^[^#\s][^:=]*:[^=]*;/.test(l) ? ' '.repeat(l.indexOf(';') + 1) + l.slice(l.indexOf(';') + 1) : ''))
    .join('\n');
}

/** The text of a file this session wrote or changed (the disk first); undefined when the session never touched it. */
function sessionText(a: ShellAnalyzer, path: string): { text: string } | 'unreadable' | undefined {
  const files = a.scope.files;
  const mine = files?.session.file(path);
  if (!files || !mine || mine.deleted) return undefined;
  const found = files.textOf(path);
  return found === undefined ? undefined : found === 'unreadable' ? 'unreadable' : { text: found.text };
}

/** Runs `code` (which sits at `offset` of the file `text`) as shell, its findings naming the file and line. */
function runInFile(a: ShellAnalyzer, inv: Invocation, name: string, text: string, code: string, offset: number): void {
  if (!code.trim()) return;
  const origin = childOrigin(inv.frame.origin, inv.nameWord.start, inv.nameWord.end, false);
  origin.file = { name, text, offset };
  a.runScript(code, origin, inv.frame.nesting + 1);
}

/** The script(s) `npm run NAME` runs from a package.json written on this command line (pre/post hooks too). */
export function packageWrittenScript(a: ShellAnalyzer, inv: Invocation, script: string): void {
  const path = a.fileKey('package.json');
  if (!a.written.has(path)) {
    // A package.json this session wrote or changed: the scripts it runs are the agent's code.
    const text = sessionText(a, path);
    if (text === 'unreadable') a.hitOn('exec.script', 'Runs a script from package.json, which this session changed in a way Countersign cannot read.', inv);
    if (text === undefined || text === 'unreadable') return;
    let scripts: unknown;
    try {
      scripts = (JSON.parse(text.text) as { scripts?: unknown }).scripts;
    } catch {
      a.hitOn('exec.script', 'Runs a script from package.json, which this session left unreadable as JSON.', inv);
      return;
    }
    if (typeof scripts !== 'object' || scripts === null) return;
    for (const key of [`pre${script}`, script, `post${script}`]) {
      const body = (scripts as Record<string, unknown>)[key];
      if (typeof body === 'string') runInFile(a, inv, 'package.json', text.text, body, Math.max(0, text.text.indexOf(`"${key}"`)));
    }
    return;
  }
  runWritten(a, inv, path, 'package.json', (text) => {
    let scripts: unknown;
    try {
      scripts = (JSON.parse(text) as { scripts?: unknown }).scripts;
    } catch {
      return undefined;
    }
    if (typeof scripts !== 'object' || scripts === null) return '';
    const s = scripts as Record<string, unknown>;
    return [`pre${script}`, script, `post${script}`].map((k) => (typeof s[k] === 'string' ? s[k] : '')).join('\n');
  });
}

/** `npm pkg set scripts.test='cat .env'` / `npm set-script test '…'`: the value becomes a script others run. */
export function scriptValues(a: ShellAnalyzer, inv: Invocation, words: readonly Word[]): boolean {
  let found = false;
  for (const w of words) {
    const m = /^scripts\.[^=]+=/.exec(w.value ?? '');
    if (!m) continue;
    found = true;
    const code = (w.value ?? '').slice(m[0].length);
    if (code.trim()) a.runScript(code, childOrigin(inv.frame.origin, w.start, w.end, false), inv.frame.nesting + 1);
  }
  return found;
}
