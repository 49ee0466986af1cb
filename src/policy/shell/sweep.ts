// No argument unchecked: after a command's handler has run, every word it did not account for (check as a path,
// run as code, or understand as text) is swept generically, for any command, known or not:
// - as a file the program may read, in both readings of an option it may or may not take a value for
//   (`-w .env` → `.env` is checked as a word of its own; `-s.env` and `--file=.env` → `.env`, see pathPieces);
// - as a command line the program may run (`nodemon --exec 'cat .env'`, `hyperfine 'cat ~/.ssh/id_rsa'`), kept only
//   when it parses cleanly, starts a command the analyzer knows, and has sensitive effects;
// - the words after `--` (and, for an unknown program, from its first operand that names a known command) as a
//   wrapped command (`doppler run -- cat .env`), again keeping only sensitive effects.
import type { ShellAnalyzer } from './analyzer';
import { lookupHandler } from './commands/registry';
import { checkPathWord } from './pathArgs';
import { childOrigin, type Invocation } from './types';
import { innerOffset, type Word } from './words';

/** Options whose value is prose for a person (a commit message, a title): never run as code. */
const PROSE_OPTION = /^--?(m|b|t|n|message|msg|title|body|subject|description|desc|notes?|comment|summary|reason|text|label|help|caption|annotation|tag-message)$/i;

/** Options whose value is likely a file the program writes: also checked as a write (`-o ~/.bashrc`). */
const OUTPUT_OPTION = /^--?(o|out|output|outfile|out-file|outdir|out-dir|output-file|outputfile|output-dir|outputdir|output-path|outputpath|dest|destination|target-dir|save|write|export|log-file|report-file)$/i;

/** Longest argument tried as a command line. */
const MAX_CODE = 8192;

/** Could this word be a path? Prose is not, unless it starts like one (`"$HOME/Library/Application Support/…"`). */
function pathShaped(w: Word): boolean {
  const text = w.value ?? w.pattern;
  if (text.includes('\n')) return false;
  if (!/\s/.test(text)) return true;
  return /^(\/|~|\.\.?\/|[A-Za-z]:[\\/])/.test(text);
}

/** Names of the commands a text would start (each at the start of a statement). */
function commandNames(code: string): string[] {
  const names: string[] = [];
  for (const m of code.matchAll(/(?:^|[;&|(`\n{]|\$\(|\b(?:then|do|else)\s)\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*([^\s;&|()<>`'"{}]+)/g)) names.push(m[1]!);
  return names;
}

/** A program name the analyzer knows, or a path to a program. */
export function knownCommand(name: string): boolean {
  const base = name.replace(/^.*[\\/]/, '').toLowerCase();
  if (!base) return false;
  return lookupHandler(base) !== undefined || /^(\.{0,2}\/|~\/)\S/.test(name);
}

/** A sentence (five or more plain words: "pass the token to the API"), not a command line. */
function isProse(text: string): boolean {
  const words = text.trim().split(/\s+/);
  return words.length >= 5 && words.every((w) => /^[A-Za-z][A-Za-z']*[,.!?:;]?$/.test(w));
}

/** The word's text as a possible command line (after `--opt=` or `NAME=`), or undefined when it cannot be one. */
function codeOf(w: Word): { code: string; whole: boolean } | undefined {
  const v = w.value;
  if (v === undefined || v.length > MAX_CODE) return undefined;
  const prefix = /^(--?[A-Za-z][\w.-]*=|[A-Za-z_][A-Za-z0-9_.]*=)/.exec(v);
  if (prefix && PROSE_OPTION.test(prefix[0].slice(0, -1))) return undefined;
  const code = prefix ? v.slice(prefix[0].length) : v;
  if (!/[\s;&|]/.test(code.trim()) || isProse(code)) return undefined;
  if (!commandNames(code).some(knownCommand)) return undefined;
  return { code, whole: !prefix };
}

function speculateWord(a: ShellAnalyzer, inv: Invocation, w: Word): void {
  const found = codeOf(w);
  if (!found) return;
  const { start, linear } = innerOffset(w);
  const origin = found.whole && linear ? childOrigin(inv.frame.origin, start, start + found.code.length, true) : childOrigin(inv.frame.origin, w.start, w.end, false);
  a.speculate(found.code, origin, inv.frame.nesting + 1);
}

/** The first operand of an unknown program that is a known command: `frob sudo id`, `with-secrets cat .env`. */
function wrappedStart(a: ShellAnalyzer, inv: Invocation, unknown: boolean): number {
  const dash = inv.args.findIndex((w) => w.value === '--');
  if (dash >= 0 && dash + 1 < inv.args.length) {
    const next = inv.args[dash + 1]!;
    if (!a.isAccounted(inv, next) && next.value !== undefined && !/\s/.test(next.value) && knownCommand(next.value)) return dash + 1;
  }
  if (!unknown) return -1;
  const first = inv.args.findIndex((w) => !(w.value ?? '-').startsWith('-'));
  if (first < 0) return -1;
  const w = inv.args[first]!;
  return w.value !== undefined && !/\s/.test(w.value) && lookupHandler(w.value.toLowerCase()) !== undefined ? first : -1;
}

export interface SweepOptions {
  /** The program is not known: its first operand may be a command it runs. */
  unknown: boolean;
}

/** Sweeps every word of an invocation its handler did not account for. */
export function sweepInvocation(a: ShellAnalyzer, inv: Invocation, opts: SweepOptions): void {
  const open = inv.args.filter((w) => !a.isAccounted(inv, w));
  // Decided before the sweep below accounts for every word: whether the handler left a wrapped command unexplained.
  const start = wrappedStart(a, inv, opts.unknown);
  const prose = new Set<Word>();
  inv.args.forEach((w, i) => {
    if (i > 0 && PROSE_OPTION.test(inv.args[i - 1]!.value ?? '') && /\s/.test(w.value ?? '')) prose.add(w);
  });
  // Paths first: a wrapped command tried below may account for words only as listings.
  const output = new Set<Word>();
  inv.args.forEach((w, i) => {
    const v = w.value ?? '';
    const eq = v.indexOf('=');
    if ((eq > 0 && OUTPUT_OPTION.test(v.slice(0, eq))) || /^-o./.test(v)) output.add(w);
    else if (i > 0 && OUTPUT_OPTION.test(inv.args[i - 1]!.value ?? '')) output.add(w);
  });
  for (const w of open) {
    if (prose.has(w) || !pathShaped(w)) continue;
    checkPathWord(a, inv, w, 'read', { sweep: true });
    // Both readings of an output option: the file it names may be written (`--outFile ~/.bashrc`).
    if (output.has(w)) checkPathWord(a, inv, w, 'write', { sweep: true });
  }
  for (const as of inv.assignments) {
    if (as.word && !a.isAccounted(inv, as.word) && pathShaped(as.word)) checkPathWord(a, inv, as.word, 'read', { sweep: true });
  }
  for (const w of open) if (!prose.has(w)) speculateWord(a, inv, w);
  for (const as of inv.assignments) if (as.word && !a.isAccounted(inv, as.word)) speculateWord(a, inv, as.word);
  if (start >= 0) a.speculateDispatch(inv, start, inv.name || 'unknown');
}

/** Text on an unknown program's stdin: a here-string that names a file, a heredoc that is a script. */
export function sweepUnknownStdin(a: ShellAnalyzer, inv: Invocation): void {
  const here = a.herestrings.get(inv.node);
  if (here && pathShaped(here)) checkPathWord(a, inv, here, 'read', { sweep: true });
  const stdin = inv.stdin;
  if (stdin?.kind !== 'text' || stdin.text.length > MAX_CODE || !commandNames(stdin.text).some(knownCommand)) return;
  a.speculate(stdin.text, childOrigin(stdin.frame.origin, stdin.start, stdin.start + stdin.text.length, stdin.linear), stdin.frame.nesting + 1);
}
