// Search and text-processing commands whose first operand is a pattern or program, not a file (`grep chmod src/`
// reads src/, it does not touch anything named "chmod"), and find, whose -exec runs commands on what it found.
import { parseArgs, text, valuesOf } from '../args';
import { analyzeCode } from '../interpreterCode';
import { absolutePiece, checkPathWord, checkPathWords } from '../pathArgs';
import { childOrigin, type Invocation } from '../types';
import { checkTreeRead } from '../treeReads';
import { isRootTarget } from './destructive';
import { deleteLoss, reportDelete } from '../deleteLoss';
import { sedEdit } from '../../changes/sed';
import { editTarget } from '../fileEdits';
import { innerOffset, syntheticWord, type Word } from '../words';
import { table, type Handler, type HandlerTable } from './handler';
import type { ShellAnalyzer } from '../analyzer';

const GREP_VALUES = ['-e', '--regexp', '-f', '--file', '-m', '--max-count', '-A', '-B', '-C', '--context', '--after-context', '--before-context', '--include', '--exclude', '--exclude-dir', '--include-dir', '-d', '--directories', '-D', '--devices', '--color', '--colour', '--label', '-g', '--glob', '--iglob', '-t', '--type', '-T', '--type-not', '--max-depth', '-M', '--max-columns', '-j', '--threads', '--sort', '--sortr', '--replace', '--encoding', '--pre', '--ignore-file', '--path-separator', '--max-filesize', '--context-separator', '-G', '--ignore-dir', '--ignore', '--file-search-regex'];

/** grep, rg, ag, ack: the pattern comes first unless -e/-f gave it; --include/-g globs name the files searched. */
const grepLike: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: GREP_VALUES });
  const explicit = p.values.has('-e') || p.values.has('--regexp') || p.values.has('-f') || p.values.has('--file');
  const operands = explicit ? p.operands : p.operands.slice(1);
  // The pattern is a regex (`grep chmod src/`), and so are the option values that are not files.
  a.understand(inv, ...(explicit ? [] : p.operands.slice(0, 1)), ...valuesOf(p, '-e', '--regexp', '-m', '--max-count', '-A', '-B', '-C', '--context', '--after-context', '--before-context', '--exclude', '--exclude-dir', '-t', '--type', '-T', '--type-not', '--replace', '--color', '--colour', '--label', '--sort', '--sortr', '-M', '--max-columns', '-j', '--threads', '--encoding', '--context-separator', '--path-separator'));
  // With no path a recursive search reads the working directory (`cd ~ && grep -r token`).
  const recursive = inv.name !== 'grep' && inv.name !== 'egrep' && inv.name !== 'fgrep' && inv.name !== 'zgrep' ? true : [...p.flags].some((f) => /^-[a-zA-Z]*[rR]/.test(f) || f === '--recursive' || f === '--dereference-recursive');
  // A recursive search reads every file below a folder: judged by the secret files that folder really holds.
  for (const w of operands) if (!checkPathWord(a, inv, w, 'read') && recursive) checkTreeRead(a, inv, w);
  if (operands.length === 0 && recursive && !inv.stdin && !checkPathWord(a, inv, syntheticWord('.', false, inv.nameWord, inv.nameWord.node), 'read')) checkTreeRead(a, inv, undefined);
  checkPathWords(a, inv, valuesOf(p, '-f', '--file', '--ignore-file'), 'read');
  // `grep -r BEGIN --include='*.pem' .` reads every .pem below the operands.
  for (const g of valuesOf(p, '--include', '-g', '--glob', '--iglob')) {
    if (g.value === undefined || g.value.startsWith('!')) continue;
    const dir = operands[0]?.pattern ?? '.';
    const base = dir.replace(/\/$/, '');
    checkPathWord(a, inv, syntheticWord(`${base}/**/${g.value}`, true, g, g.node), 'read');
  }
};

/** sed: the script comes first unless -e/-f; -i edits the files in place; GNU `e` and `w file` run and write. */
const sed: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['-e', '--expression', '-f', '--file', '-l', '--line-length'] });
  const scripts = valuesOf(p, '-e', '--expression');
  const explicit = scripts.length > 0 || p.values.has('-f') || p.values.has('--file');
  const program = explicit ? undefined : p.operands[0];
  if (program) scripts.push(program);
  a.understand(inv, ...scripts);
  const inPlace = [...p.flags].some((f) => /^-i|^--in-place/.test(f) || (/^-[a-zA-Z]*i/.test(f) && f.length <= 4));
  const targets = explicit ? p.operands : p.operands.slice(1);
  for (const t of targets) {
    if (!checkPathWord(a, inv, t, 'read') && inPlace) checkPathWord(a, inv, t, 'write');
  }
  if (inPlace) {
    // The preview runs the same words through a GNU-faithful sed (changes/sed); a computed word makes it unknown.
    const args = inv.args.every((w) => w.value !== undefined) ? inv.args.map((w) => w.value!) : undefined;
    // What a reviewer approves must be what runs: an edit the preview cannot show exactly is worth a look.
    const edit = args ? sedEdit(args) : undefined;
    const why = !edit ? 'its script is computed at run time' : !edit.ok ? edit.why : edit.value.why ?? edit.value.program?.inexact;
    if (why && targets.length > 0) a.hitOn('fs.edit-inexact', `sed -i edits files in a way the preview cannot show exactly: ${why}.`, inv);
    for (const t of targets) {
      const target = editTarget(t, (q) => a.fileKey(q));
      if (target) a.fileEdits.push({ op: 'sed', path: target.path, args, glob: target.glob });
    }
  }
  checkPathWords(a, inv, valuesOf(p, '-f', '--file'), 'read');
  for (const s of scripts) {
    const v = s.value ?? '';
    // s///e and the `e` command execute shell; `w FILE` / s///w FILE write a file.
    if (/(?:^|[;\n{}])\s*e\b|s([/|#,:]).*\1.*\1[gpiImM0-9]*e/.test(v)) a.hitOn('opaque.interpreter', 'The sed script runs shell commands (the e command).', inv, s);
    for (const m of v.matchAll(/(?:^|[;\n}]|\/[gpiImM0-9]*)\s*w\s+(\S+)/g)) {
      checkPathWord(a, inv, syntheticWord(m[1]!.replace(/[*?[\]{}\\,]/g, '\\$&'), false, s, s.node), 'write');
    }
  }
};

/** awk: the program is code (system(), pipes to commands, ENVIRON); the rest are input files. */
const awk: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['-F', '-v', '-f', '--field-separator', '--assign', '--file', '-i', '--include', '-l', '--load'] });
  const programFiles = valuesOf(p, '-f', '--file');
  const program = programFiles.length > 0 ? undefined : p.operands[0];
  const inputs = programFiles.length > 0 ? p.operands : p.operands.slice(1);
  a.understand(inv, program, ...valuesOf(p, '-F', '--field-separator'));
  if (program?.value !== undefined) {
    const { start, linear } = innerOffset(program);
    analyzeCode(a, 'awk', { source: program.value, origin: childOrigin(inv.frame.origin, linear ? start : program.start, linear ? start + program.value.length : program.end, linear), nesting: inv.frame.nesting + 1 });
  } else if (program) a.hitOn('opaque.interpreter', 'The awk program is built at run time.', inv, program);
  checkPathWords(a, inv, programFiles, 'read');
  checkPathWords(a, inv, inputs.filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value ?? '')), 'read');
};

/** jq/yq: the filter comes first (unless -f), then files. */
const jqLike: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['--arg', '--argjson', '--slurpfile', '--rawfile', '--args', '-f', '--from-file', '--indent', '-L', '-o', '--output-format', '-p', '--input-format', '-I'] });
  const fromFile = p.values.has('-f') || p.values.has('--from-file');
  a.understand(inv, ...(fromFile ? [] : p.operands.slice(0, 1)), ...valuesOf(p, '--arg', '--argjson', '--indent', '-o', '--output-format', '-p', '--input-format'));
  checkPathWords(a, inv, fromFile ? p.operands : p.operands.slice(1), 'read');
  checkPathWords(a, inv, valuesOf(p, '-f', '--from-file', '--slurpfile', '--rawfile'), 'read');
  if (inv.args.some((w) => /\benv\b|\$ENV/.test(w.value ?? ''))) a.hitOn('secret.env-dump', '`jq` reads the environment ($ENV/env).', inv);
};

/** The files `find ROOT… -name PAT` visits, as one glob (find sees dot files, so the glob does too). */
function foundFiles(inv: Invocation, a: ShellAnalyzer, roots: Word[], everything = false): Word[] {
  const names: string[] = [];
  const paths: string[] = [];
  for (let i = 0; i < (everything ? 0 : inv.args.length - 1); i++) {
    const t = text(inv.args[i]);
    // The operand is itself a glob for find, quoted or not.
    const operand = inv.args[i + 1]!;
    const glob = operand.value ?? operand.pattern;
    if (t === '-name' || t === '-iname' || t === '-lname') names.push(glob);
    if (t === '-path' || t === '-ipath' || t === '-wholename' || t === '-iwholename') paths.push(glob);
  }
  const rootPatterns = roots.length > 0 ? roots.map((r) => r.pattern.replace(/\/$/, '') || '/') : ['.'];
  const out: Word[] = [];
  const at = roots[0] ?? inv.nameWord;
  for (const root of rootPatterns) {
    const base = absolutePiece(a, root === '' ? '/' : root);
    if (names.length === 0 && paths.length === 0) out.push(syntheticWord(`${base}/**`, true, at, at.node));
    for (const n of names) out.push(syntheticWord(`${base}/**/${n}`, true, at, at.node));
    for (const p of paths) out.push(syntheticWord(p.startsWith('/') ? p : `${base}/${p.replace(/^\.\//, '').replace(/^\*\//, '**/')}`, true, at, at.node));
  }
  return out;
}

/**
 * The files a find expression visits, as globs a delete can be judged by: its -name patterns only when the
 * expression before the action is nothing but -name/-type/-maxdepth/-mindepth/-print (no `!`, `-o`, -iname …, which
 * the name globs would not describe), else everything under its roots.
 */
function lossGlobs(inv: Invocation, a: ShellAnalyzer, roots: Word[], found: Word[], action: number): Word[] {
  const expr = inv.args.slice(roots.length, action).map(text);
  let simple = expr.some((t) => t === '-name');
  for (let k = 0; k < expr.length && simple; k++) {
    if (expr[k] === '-name' || expr[k] === '-type' || expr[k] === '-maxdepth' || expr[k] === '-mindepth') k++;
    else if (expr[k] !== '-print') simple = false;
  }
  return simple ? found : foundFiles(inv, a, roots, true);
}

const find: Handler = (inv, a) => {
  const roots: Word[] = [];
  for (const w of inv.args) {
    const t = text(w);
    if (t.startsWith('-') || t === '(' || t === '!' || t === '\\(') break;
    roots.push(w);
  }
  for (const r of roots) checkPathWord(a, inv, r, 'meta');
  // The expression (tests, their patterns and numbers) describes the files found, checked below as one glob.
  const firstExec = inv.args.findIndex((w) => /^-(exec|execdir|ok|okdir)$/.test(text(w)));
  a.understand(inv, ...inv.args.slice(roots.length, firstExec < 0 ? undefined : firstExec));
  const found = foundFiles(inv, a, roots);
  for (const f of found) checkPathWord(a, inv, f, 'meta');
  for (let i = roots.length; i < inv.args.length; i++) {
    const t = text(inv.args[i]);
    if (t === '-delete') {
      // From / or the home directory, with nothing but depth limits to narrow it, that is everything.
      const narrowed = inv.args.slice(roots.length, i).some((w) => /^-(i?name|i?path|i?regex|type|newer|mtime|mmin|size|user|group|perm|empty|wholename|iwholename)$/.test(text(w)));
      const root = roots.find((r) => isRootTarget(a, r));
      if (root && !narrowed) {
        a.hitOn('destroy.root', `find ${root.raw} -delete deletes the whole system or home directory.`, inv, inv.args[i]);
        continue;
      }
      let sensitive = false;
      for (const f of found) sensitive = checkPathWord(a, inv, f, 'write') || sensitive;
      if (sensitive) a.hitOn('fs.delete', 'find -delete removes every file it matches.', inv, inv.args[i]);
      else reportDelete(a, inv, deleteLoss(a, lossGlobs(inv, a, roots, found, i), 'files'), 'Deletes every file find matches (find -delete)', inv.args[i]);
    }
    if (t === '-fprint' || t === '-fprint0' || t === '-fprintf' || t === '-fls') {
      const target = inv.args[i + 1];
      if (target) checkPathWord(a, inv, target, 'write');
    }
    if (t === '-exec' || t === '-execdir' || t === '-ok' || t === '-okdir') {
      let end = i + 1;
      while (end < inv.args.length && !/^(;|\\;|\+)$/.test(text(inv.args[end]))) end++;
      a.understand(inv, inv.args[i], inv.args[end]);
      // Tests after this action (`-exec … \; -name x`) are part of the expression too.
      const nextExec = inv.args.findIndex((w, j) => j > end && /^-(exec|execdir|ok|okdir)$/.test(text(w)));
      a.understand(inv, ...inv.args.slice(end + 1, nextExec < 0 ? undefined : nextExec));
      const cmd = inv.args.slice(i + 1, end);
      if (cmd.length > 0) {
        // `{}` stands for each file found.
        // A delete is judged by what it loses, so it gets the files find really visits (see lossGlobs).
        const each = /^(rm|unlink|rmdir|shred)$/.test(text(cmd[0])) ? lossGlobs(inv, a, roots, found, i) : found;
        const args = cmd.flatMap((w) => (w.value !== undefined && w.value.includes('{}') ? each.map((f) => ({ ...f, start: w.start, end: w.end })) : [w]));
        a.dispatch({ ...inv, name: '', nameWord: args[0]!, args: args.slice(1), assignments: [], redirects: [], via: [...inv.via, 'find'] });
      }
      i = end;
    }
  }
};

/** fd PATTERN [PATH]: lists; -x/-X run a command on each result. */
/** fd's regex as a rough glob of the names it finds (`^\.env$` → `.env`, `key` → `*key*`). */
export function regexAsGlob(re: string | undefined): string {
  if (re === undefined || re === '') return '*';
  const anchoredStart = re.startsWith('^');
  const anchoredEnd = re.endsWith('$') && !re.endsWith('\\$');
  const body = re
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .split('\\.')
    .map((part) => part.replace(/\.\*|\.\+/g, '*').replace(/\./g, '?'))
    .join('.')
    .replace(/[()|+{}]/g, '*')
    .replace(/\\(.)/g, '$1');
  return `${anchoredStart ? '' : '*'}${body}${anchoredEnd ? '' : '*'}`.replace(/\*+/g, '*');
}

/** fd PATTERN [PATH]: lists; -x/-X run a command on each result ({} or appended). */
const fd: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['-e', '--extension', '-t', '--type', '-d', '--max-depth', '-E', '--exclude', '-j', '--threads', '-S', '--size', '--changed-within', '--changed-before', '-o', '--owner', '--base-directory', '--search-path', '-c', '--color'] });
  const execAt = inv.args.findIndex((w) => /^(-x|--exec|-X|--exec-batch)$/.test(w.value ?? ''));
  const before = execAt >= 0 ? parseArgs(inv.args.slice(0, execAt), { withValue: ['-e', '--extension', '-t', '--type', '-d', '--max-depth', '-E', '--exclude', '-j', '--threads', '-S', '--size', '--changed-within', '--changed-before', '-o', '--owner', '--base-directory', '--search-path', '-c', '--color'] }) : p;
  const roots = before.operands.slice(1);
  a.understand(inv, before.operands[0], ...valuesOf(before, '-e', '--extension', '-t', '--type', '-d', '--max-depth', '-E', '--exclude', '-j', '--threads', '-S', '--size', '--changed-within', '--changed-before', '-o', '--owner', '-c', '--color'));
  if (execAt >= 0) a.understand(inv, inv.args[execAt]);
  checkPathWords(a, inv, roots, 'meta');
  if (execAt < 0) return;
  // fd always sees hidden names when asked (-H/-u), and a pattern aimed at `.env` names it anyway.
  const ext = before.values.get('-e')?.[0]?.value ?? before.values.get('--extension')?.[0]?.value;
  const name = `${regexAsGlob(before.operands[0]?.value)}${ext ? `.${ext}` : ''}`;
  const at = inv.args[execAt]!;
  const found = (roots.length > 0 ? roots.map((r) => absolutePiece(a, r.pattern)) : [absolutePiece(a, '.')]).map((base) => syntheticWord(`${base}/**/${name}`, true, at, at.node));
  const cmd = inv.args.slice(execAt + 1);
  const end = cmd.findIndex((w) => w.value === ';' || w.value === '\\;');
  const words = end >= 0 ? cmd.slice(0, end) : cmd;
  if (words.length === 0) return;
  const placeholder = words.some((w) => /\{[/.]*\}/.test(w.value ?? ''));
  const args = placeholder ? words.flatMap((w) => (/\{[/.]*\}/.test(w.value ?? '') ? found.map((f) => ({ ...f, start: w.start, end: w.end })) : [w])) : [...words, ...found];
  a.dispatch({ ...inv, name: '', nameWord: args[0]!, args: args.slice(1), assignments: [], redirects: [], via: [...inv.via, 'fd'] });
};

export const SEARCH_COMMANDS: HandlerTable = {
  ...table(['grep', 'egrep', 'fgrep', 'rg', 'ag', 'ack', 'ack-grep', 'pt', 'ugrep', 'zgrep', 'git-grep'], grepLike),
  ...table(['sed', 'gsed'], sed),
  ...table(['awk', 'gawk', 'mawk', 'nawk'], awk),
  ...table(['jq', 'yq', 'gojq', 'jaq', 'fx'], jqLike),
  find,
  gfind: find,
  ...table(['fd', 'fdfind'], fd),
};
