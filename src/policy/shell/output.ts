// What a command writes to stdout, as far as the next pipeline stage (a shell, an interpreter, xargs, `read`) is
// concerned: literal text (echo, printf, cat of a heredoc or of a file written earlier), a download, decoded or
// transformed data (opaque), or a list of files (find, ls) for `xargs cat` and `while read f` loops.
import type { ShellAnalyzer } from './analyzer';
import { parseArgs, text } from './args';
import { FETCHERS } from './remote';
import { innerOffset } from './words';
import type { Invocation, Stdin } from './types';

const DECODERS = new Set(['base64', 'base32', 'basenc', 'xxd', 'uudecode', 'openssl', 'gunzip', 'zcat', 'gzip', 'bzip2', 'bzcat', 'xz', 'xzcat', 'unxz', 'zstd', 'rev', 'tr', 'sed', 'awk', 'gawk', 'perl', 'python', 'python3', 'node', 'ruby', 'printf', 'iconv', 'dd', 'tac', 'cut', 'jq']);

function echoText(inv: Invocation): Stdin {
  let args = inv.args;
  let interpret = false;
  while (args[0]?.value !== undefined && /^-[neE]+$/.test(args[0].value)) {
    if (args[0].value.includes('e')) interpret = true;
    args = args.slice(1);
  }
  if (args.some((w) => w.value === undefined)) return { kind: 'unknown' };
  const joined = args.map((w) => w.value!).join(' ');
  if (interpret && joined.includes('\\')) return { kind: 'decoded', what: 'echo -e' };
  const only = args.length === 1 ? args[0]! : undefined;
  if (only) {
    const { start, linear } = innerOffset(only);
    return { kind: 'text', text: joined + '\n', frame: inv.frame, start, linear };
  }
  return { kind: 'text', text: joined + '\n', frame: inv.frame, start: args[0]?.start ?? inv.nameWord.end, linear: false };
}

function printfText(inv: Invocation): Stdin {
  const fmt = inv.args[0];
  if (!fmt || fmt.value === undefined) return { kind: 'unknown' };
  const rest = inv.args.slice(1);
  // Plain escapes (\n, \t, \0 …) are read; octal, hex and unicode ones can spell anything, so they stay opaque.
  if (/\\(?![ntr0\\"'](?![0-7]))/.test(fmt.value) || rest.some((w) => w.value === undefined)) return { kind: 'decoded', what: 'printf' };
  if (/%[-0-9.]*b/.test(fmt.value) && rest.some((w) => w.value!.includes('\\'))) return { kind: 'decoded', what: 'printf %b' };
  const plain = (t: string) => t.replace(/\\([ntr0\\"'])/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r', '0': '\n' })[c] ?? c);
  let i = 0;
  const out = plain(fmt.value).replace(/%[-0-9.]*([sdbq%])/g, (m, c: string) => (c === '%' ? '%' : (rest[i++]?.value ?? '')));
  if (/%/.test(out) && /%[^%]/.test(fmt.value.replace(/%[-0-9.]*[sdbq%]/g, ''))) return { kind: 'decoded', what: 'printf' };
  return { kind: 'text', text: out, frame: inv.frame, start: fmt.start, linear: false };
}

function findFiles(inv: Invocation, a: ShellAnalyzer): Stdin {
  const roots: string[] = [];
  let name: string | undefined;
  for (let i = 0; i < inv.args.length; i++) {
    const t = text(inv.args[i]);
    if (t.startsWith('-') || t === '(' || t === '!') {
      if ((t === '-name' || t === '-iname') && inv.args[i + 1]) name = inv.args[i + 1]!.value ?? inv.args[i + 1]!.pattern;
      continue;
    }
    if (i === roots.length) roots.push(inv.args[i]!.pattern);
  }
  const root = (roots[0] ?? '.').replace(/\/$/, '');
  const abs = root.startsWith('/') || root.startsWith('~') ? root : a.cwd ? `${a.cwd}/${root}` : `**/${root}`;
  return { kind: 'files', pattern: `${abs}/**/${name ?? '*'}` };
}

export function outputOf(inv: Invocation | undefined, a: ShellAnalyzer): Stdin {
  if (!inv) return { kind: 'unknown' };
  const name = inv.name;
  if (name === 'echo') return echoText(inv);
  if (name === 'printf') return printfText(inv);
  if (FETCHERS.has(name)) return { kind: 'remote', what: name };
  if ((name === 'cat' || name === 'tac') && inv.args.length === 0 && inv.stdin) return name === 'cat' ? inv.stdin : { kind: 'decoded', what: name };
  if (name === 'cat' && inv.args.length === 1) {
    const v = inv.args[0]!.value;
    const written = v !== undefined ? a.written.get(a.fileKey(v)) : undefined;
    if (written?.text !== undefined) return { kind: 'text', text: written.text, frame: inv.frame, start: inv.args[0]!.start, linear: false };
    if (written?.remote) return { kind: 'remote', what: 'a downloaded file' };
  }
  if (name === 'find') return findFiles(inv, a);
  // realpath/readlink -f print the operand's absolute path; compgen -G prints what the glob matches.
  if (name === 'realpath' || (name === 'readlink' && inv.args.some((w) => /^-[a-zA-Z]*[fem]|^--canonicalize/.test(w.value ?? '')))) {
    const op = parseArgs(inv.args, { withValue: ['--relative-to', '--relative-base'] }).operands[0];
    if (op?.value !== undefined && !op.glob) return { kind: 'text', text: `${a.resolve(op.value) ?? op.value}\n`, frame: inv.frame, start: op.start, linear: false };
    if (op) return { kind: 'files', pattern: op.pattern };
  }
  if (name === 'compgen') {
    const g = inv.args.findIndex((w) => w.value === '-G');
    const pat = g >= 0 ? inv.args[g + 1] : undefined;
    if (pat?.value !== undefined) {
      const abs = pat.value.startsWith('/') ? pat.value : a.cwd ? `${a.cwd}/${pat.value}` : `**/${pat.value}`;
      return { kind: 'files', pattern: abs };
    }
  }
  // locate/plocate print every indexed path containing the pattern (dot files included).
  if (name === 'locate' || name === 'mlocate' || name === 'plocate') {
    const pat = parseArgs(inv.args, { withValue: ['-d', '--database', '-l', '--limit', '-n'] }).operands[0]?.value;
    return { kind: 'files', pattern: `/**/*${(pat ?? '').replace(/[*?[\]{}\\,]/g, '\\$&')}*` };
  }
  // Filters that keep some of the lines they get: a file list stays a file list (`ls -A | head -1`).
  if (['head', 'tail', 'sort', 'uniq', 'shuf', 'tac', 'cat'].includes(name) && inv.stdin?.kind === 'files' && parseArgs(inv.args, { withValue: ['-n', '-c', '-k', '-t'] }).operands.length === 0) return inv.stdin;
  if (name === 'ls') {
    const dirs = parseArgs(inv.args).operands;
    const dir = dirs[0]?.pattern ?? '.';
    const abs = dir.startsWith('/') || dir.startsWith('~') ? dir : a.cwd ? `${a.cwd}/${dir}` : `**/${dir}`;
    // `ls -a` lists dot files too (.env): say so with an explicit `.*` alternative.
    const all = inv.args.some((w) => /^-[a-zA-Z]*[aA]/.test(w.value ?? ''));
    return { kind: 'files', pattern: `${abs.replace(/\/$/, '')}/${all ? '{.*,*}' : '*'}` };
  }
  // `ls -a | grep env`: the listing narrowed to names containing the pattern.
  if ((name === 'grep' || name === 'egrep' || name === 'fgrep' || name === 'rg') && inv.stdin?.kind === 'files') {
    const p = parseArgs(inv.args, { withValue: ['-e', '-m', '-A', '-B', '-C'] });
    const pat = p.values.get('-e')?.[0]?.value ?? p.operands[0]?.value;
    if (p.flags.has('-v') || p.flags.has('--invert-match') || pat === undefined) return inv.stdin;
    const literal = pat.replace(/^\^/, '').replace(/\$$/, '').replace(/\\\./g, '.');
    if (/^[\w.@-]+$/.test(literal)) {
      const dir = inv.stdin.pattern.slice(0, inv.stdin.pattern.lastIndexOf('/'));
      return { kind: 'files', pattern: `${dir}/*${literal.replace(/[*?[\]{}\\,]/g, '\\$&')}*` };
    }
    return inv.stdin;
  }
  if (DECODERS.has(name)) return { kind: 'decoded', what: name };
  return { kind: 'unknown' };
}
