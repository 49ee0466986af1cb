// GNU sed, as much of it as `sed -i` edits need, run the way GNU sed runs it: addresses (N, $, /re/I, first~step,
// ranges to N, /re/, +N, ~N, 0,/re/, !), blocks, and the commands s (flags g p N i I, case conversion), y, d, p, q,
// Q, a, i, c, =, #. Output is assembled as GNU assembles it (a missing final newline stays missing, text added after
// such a line gets one). A script using anything else is refused rather than guessed; a regular expression whose
// JavaScript match may differ from POSIX leftmost-longest is run but marked inexact. Pure.
import { fail, posixToJs, type Result } from './regex';

type Address =
  | { kind: 'line'; n: number }
  | { kind: 'last' }
  | { kind: 're'; re: RegExp }
  | { kind: 'step'; first: number; step: number }
  | { kind: 'zero' };
type End = Address | { kind: 'plus'; n: number } | { kind: 'multiple'; n: number };

interface Cmd {
  a1?: Address;
  a2?: End;
  negate: boolean;
  name: string;
  /** s: the substitution; y: the map; a/i/c: the text; q/Q: nothing; {: index after the matching }. */
  subst?: Subst;
  map?: Map<string, string>;
  text?: string;
  blockEnd?: number;
}

interface Subst {
  re: RegExp;
  parts: Part[];
  global: boolean;
  nth: number;
  print: boolean;
}

type Part = { lit: string } | { group: number } | { caseOp: 'U' | 'L' | 'u' | 'l' | 'E' };

export interface SedProgram {
  cmds: Cmd[];
  quiet: boolean;
  /** Why the result may differ from GNU sed's; undefined when it is exact. */
  inexact?: string;
  /** The most unbounded repeats (`*`, `+`, `{n,}`) in one regular expression. */
  repeats: number;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Splits `s/re/repl/`-style text at unescaped delimiters; `\delim` becomes the delimiter itself. */
function splitDelimited(s: string, from: number, delim: string, count: number): Result<{ parts: string[]; end: number }> {
  const parts: string[] = [];
  let cur = '';
  let i = from;
  for (; i < s.length && parts.length < count; i++) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length) {
      const n = s[i + 1]!;
      if (n === delim) {
        // An escaped delimiter that is also a regex operator means different things across sed versions.
        if (delim !== '/' && /[|+?(){}.*[\]^$]/.test(delim)) return fail(`an escaped "${delim}" delimiter is not previewed`);
        cur += n;
      } else if (n === '\n') cur += '\\n';
      else cur += `\\${n}`;
      i++;
    } else if (c === '\n' && delim !== '\n') {
      return fail('a newline inside an s or y command');
    } else if (c === delim) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  return parts.length === count ? { ok: true, value: { parts, end: i } } : fail('an unterminated s, y or address expression');
}

function parseReplacement(repl: string): Result<Part[]> {
  const parts: Part[] = [];
  let lit = '';
  const flush = () => {
    if (lit) parts.push({ lit });
    lit = '';
  };
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i]!;
    if (c === '&') {
      flush();
      parts.push({ group: 0 });
    } else if (c === '\\') {
      const n = repl[++i];
      if (n === undefined) lit += '\\';
      else if (isDigit(n)) {
        flush();
        parts.push({ group: Number(n) });
      } else if (n === 'n') lit += '\n';
      else if (n === 't') lit += '\t';
      else if (n === 'U' || n === 'L' || n === 'u' || n === 'l' || n === 'E') {
        flush();
        parts.push({ caseOp: n });
      } else if (/[a-zA-Z]/.test(n)) return fail(`the escape \\${n} in a replacement is not previewed`);
      else lit += n;
    } else lit += c;
  }
  flush();
  return { ok: true, value: parts };
}

/** Builds one replacement, applying \U \L (until \E) and \u \l (next character) as GNU does. */
function expand(parts: Part[], m: RegExpExecArray): string {
  let out = '';
  let mode: 'U' | 'L' | undefined;
  let once: 'u' | 'l' | undefined;
  const put = (text: string) => {
    if (text === '') return;
    let t = mode === 'U' ? text.toUpperCase() : mode === 'L' ? text.toLowerCase() : text;
    if (once) {
      t = (once === 'u' ? t[0]!.toUpperCase() : t[0]!.toLowerCase()) + t.slice(1);
      once = undefined;
    }
    out += t;
  };
  for (const p of parts) {
    if ('lit' in p) put(p.lit);
    else if ('group' in p) put(m[p.group] ?? '');
    else if (p.caseOp === 'E') {
      mode = undefined;
      once = undefined;
    } else if (p.caseOp === 'U' || p.caseOp === 'L') {
      mode = p.caseOp;
      once = undefined;
    } else once = p.caseOp;
  }
  return out;
}

/** GNU's substitution loop: an empty match right after the previous match is skipped. */
function substitute(space: string, s: Subst): { text: string; changed: boolean } {
  const g = new RegExp(s.re.source, s.re.flags + 'g');
  let out = '';
  let copied = 0;
  let count = 0;
  let changed = false;
  let prevEnd = -1;
  let from = 0;
  while (from <= space.length) {
    g.lastIndex = from;
    const m = g.exec(space);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    if (start === end && start === prevEnd) {
      // Not a match: step over one character.
      from = start + 1;
      continue;
    }
    count++;
    if (count >= s.nth) {
      out += space.slice(copied, start) + expand(s.parts, m);
      copied = end;
      changed = true;
      if (!s.global) break;
    }
    prevEnd = end;
    // After an empty match the next character is copied as it is.
    from = start === end ? end + 1 : end;
  }
  return { text: out + space.slice(copied), changed };
}

class Compiler {
  i = 0;
  readonly cmds: Cmd[] = [];
  readonly inexact: string[] = [];
  /** The most unbounded repeats in one expression (backtracking cost grows with it). */
  repeats = 0;
  private readonly opens: number[] = [];
  constructor(
    private readonly s: string,
    private readonly extended: boolean,
  ) {}

  private regex(src: string, flags: string): Result<RegExp> {
    if (src === '') return fail('an empty regular expression (the last one used) is not previewed');
    const js = posixToJs(src, this.extended);
    if (!js.ok) return js;
    if (js.value.inexact) this.inexact.push(js.value.inexact);
    this.repeats = Math.max(this.repeats, (js.value.source.match(/[*+]|\{\d+,\}/g) ?? []).length);
    return { ok: true, value: new RegExp(js.value.source, flags) };
  }

  private address(): Result<Address | undefined> {
    const s = this.s;
    const num = /^\d+/.exec(s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      if (s[this.i] === '~') {
        const step = /^~(\d+)/.exec(s.slice(this.i));
        if (!step) return fail('a malformed first~step address');
        this.i += step[0].length;
        if (Number(num[0]) === 0 && Number(step[1]) === 0) return fail('invalid usage of line address 0');
        return { ok: true, value: { kind: 'step', first: Number(num[0]), step: Number(step[1]) } };
      }
      const n = Number(num[0]);
      return { ok: true, value: n === 0 ? { kind: 'zero' } : { kind: 'line', n } };
    }
    if (s[this.i] === '$') {
      this.i++;
      return { ok: true, value: { kind: 'last' } };
    }
    if (s[this.i] === '/' || s[this.i] === '\\') {
      let delim = '/';
      if (s[this.i] === '\\') {
        delim = s[this.i + 1] ?? '';
        if (!delim || delim === '\n' || delim === '\\') return fail('a malformed \\cREGEXc address');
        this.i++;
      }
      const split = splitDelimited(s, this.i + 1, delim, 1);
      if (!split.ok) return split;
      this.i = split.value.end;
      let flags = '';
      while (s[this.i] === 'I' || s[this.i] === 'M') {
        if (s[this.i] === 'M') return fail('the M address flag is not previewed');
        flags = 'i';
        this.i++;
      }
      const re = this.regex(split.value.parts[0]!, flags);
      if (!re.ok) return re;
      return { ok: true, value: { kind: 're', re: re.value } };
    }
    return { ok: true, value: undefined };
  }

  private skipSpace(): void {
    while (this.i < this.s.length && (this.s[this.i] === ' ' || this.s[this.i] === '\t')) this.i++;
  }

  /** The text of a, i, c: `a text`, `a\text`, or `a\` newline lines ending in `\`. */
  private text(): string {
    const s = this.s;
    this.skipSpace();
    if (s[this.i] === '\\') {
      this.i++;
      if (s[this.i] === '\n') this.i++;
    }
    let text = '';
    while (this.i < s.length && s[this.i] !== '\n') {
      if (s[this.i] === '\\' && this.i + 1 < s.length) {
        const n = s[this.i + 1]!;
        text += n === 't' ? '\t' : n;
        this.i += 2;
      } else text += s[this.i++];
    }
    return text;
  }

  compile(): Result<Cmd[]> {
    const s = this.s;
    for (;;) {
      while (this.i < s.length && /[\s;]/.test(s[this.i]!)) this.i++;
      if (this.i >= s.length) break;
      if (s[this.i] === '#') {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
        continue;
      }
      const a1 = this.address();
      if (!a1.ok) return a1;
      let a2: End | undefined;
      this.skipSpace();
      if (a1.value && s[this.i] === ',') {
        this.i++;
        this.skipSpace();
        const rel = /^([+~])(\d+)/.exec(s.slice(this.i));
        if (rel) {
          this.i += rel[0].length;
          a2 = { kind: rel[1] === '+' ? 'plus' : 'multiple', n: Number(rel[2]) };
        } else {
          const end = this.address();
          if (!end.ok) return end;
          if (!end.value || end.value.kind === 'zero' || end.value.kind === 'step') return fail('a malformed range end');
          a2 = end.value;
        }
      }
      if (a1.value?.kind === 'zero' && a2?.kind !== 're') return fail('line 0 is only valid as 0,/re/');
      this.skipSpace();
      let negate = false;
      while (s[this.i] === '!') {
        negate = true;
        this.i++;
        this.skipSpace();
      }
      const name = s[this.i++];
      if (name === undefined) return fail('a missing sed command');
      const cmd: Cmd = { a1: a1.value, a2, negate, name };
      if (name === '}') {
        if (a1.value || negate) return fail('an address before }');
        const open = this.opens.pop();
        if (open === undefined) return fail('an unmatched }');
        this.cmds[open]!.blockEnd = this.cmds.length + 1;
      } else if (name === '{') {
        this.opens.push(this.cmds.length);
      } else if (name === 's') {
        const sub = this.subst();
        if (!sub.ok) return sub;
        cmd.subst = sub.value;
      } else if (name === 'y') {
        const delim = s[this.i];
        if (!delim || delim === '\n' || delim === '\\') return fail('a malformed y command');
        const split = splitDelimited(s, this.i + 1, delim, 2);
        if (!split.ok) return split;
        this.i = split.value.end;
        const unescape = (t: string) => t.replace(/\\(.)/g, (_, ch: string) => (ch === 'n' ? '\n' : ch === 't' ? '\t' : ch));
        const from = [...unescape(split.value.parts[0]!)];
        const to = [...unescape(split.value.parts[1]!)];
        if (from.length !== to.length) return fail('y needs strings of equal length');
        cmd.map = new Map(from.map((ch, k) => [ch, to[k]!]));
      } else if (name === 'a' || name === 'i' || name === 'c') {
        cmd.text = this.text();
      } else if (name === 'q' || name === 'Q') {
        this.skipSpace();
        while (isDigit(s[this.i])) this.i++; // the exit status changes no file
        if (a2) return fail(`${name} takes one address`);
      } else if (name === '=' || name === 'd' || name === 'p') {
        // no argument
      } else if ('nNDPgGhHxbtTlrRwWeFzv:'.includes(name)) {
        return fail(`the sed command "${name}" is not previewed`);
      } else return fail(`"${name}" is not a sed command`);
      if (name !== '}') this.cmds.push(cmd);
      else this.cmds.push({ negate: false, name: '}' });
      this.skipSpace();
      if (this.i < s.length && !/[;\n}#]/.test(s[this.i]!) && name !== 'a' && name !== 'i' && name !== 'c') return fail(`unexpected "${s[this.i]}" after a sed command`);
    }
    if (this.opens.length) return fail('an unmatched {');
    return { ok: true, value: this.cmds };
  }

  private subst(): Result<Subst> {
    const s = this.s;
    const delim = s[this.i];
    if (!delim || delim === '\n' || delim === '\\') return fail('a malformed s command');
    const split = splitDelimited(s, this.i + 1, delim, 2);
    if (!split.ok) return split;
    this.i = split.value.end;
    let global = false;
    let print = false;
    let nth = 1;
    let flags = '';
    for (;;) {
      const c = s[this.i];
      if (c === 'g') global = true;
      else if (c === 'p') print = true;
      else if (c === 'i' || c === 'I') flags = 'i';
      else if (isDigit(c)) {
        const num = /^\d+/.exec(s.slice(this.i))![0];
        nth = Number(num);
        if (nth === 0) return fail('the s flag 0 is not valid');
        this.i += num.length;
        continue;
      } else if (c === 'm' || c === 'M' || c === 'e' || c === 'w') return fail(`the s flag "${c}" is not previewed`);
      else break;
      this.i++;
    }
    const re = this.regex(split.value.parts[0]!, flags);
    if (!re.ok) return re;
    const parts = parseReplacement(split.value.parts[1]!);
    if (!parts.ok) return parts;
    const groups = new RegExp(`${re.value.source}|`).exec('')!.length - 1;
    for (const p of parts.value) if ('group' in p && p.group > groups) return fail(`\\${p.group} refers to a group the expression does not have`);
    return { ok: true, value: { re: re.value, parts: parts.value, global, nth, print } };
  }
}

/** Compiles the scripts of one sed run (-e pieces are joined by newlines, as GNU joins them). */
export function compileSed(scripts: readonly string[], extended: boolean, quiet: boolean): Result<SedProgram> {
  let text = scripts.join('\n');
  // `#n` on the first line of the script is -n.
  if (/^#n(\n|$)/.test(text)) {
    quiet = true;
    text = text.slice(2);
  }
  const c = new Compiler(text, extended);
  const cmds = c.compile();
  if (!cmds.ok) return cmds;
  const inexact = [...new Set(c.inexact)];
  return { ok: true, value: { cmds: cmds.value, quiet, repeats: c.repeats, inexact: inexact.length ? `with ${inexact.join(' and ')}, GNU sed picks the longest match and the preview may pick another` : undefined } };
}

interface Range {
  active: boolean;
  /** Line number a numeric, +N or ~N range ends on. */
  endLine: number;
  /** 0,/re/ ranges are done once closed. */
  done: boolean;
}

function matches(a: Address, space: string, n: number, last: boolean): boolean {
  switch (a.kind) {
    case 'line':
      return n === a.n;
    case 'last':
      return last;
    case 're':
      return a.re.test(space);
    case 'step':
      return a.step <= 0 ? n === a.first : n >= a.first && (n - a.first) % a.step === 0;
    case 'zero':
      return false;
  }
}

function selected(cmd: Cmd, r: Range, space: string, n: number, last: boolean): boolean {
  if (!cmd.a1) return true;
  if (!cmd.a2) return matches(cmd.a1, space, n, last);
  const end = cmd.a2;
  if (r.active) {
    switch (end.kind) {
      case 're':
        if (end.re.test(space)) r.active = false;
        return true;
      case 'last':
        if (last) r.active = false;
        return true;
      case 'line':
      case 'plus':
      case 'multiple':
        if (n >= r.endLine) r.active = false;
        return n <= r.endLine;
      case 'step':
      case 'zero':
        return true; // not a range end (refused when compiled)
    }
  }
  if (cmd.a1.kind === 'zero') {
    if (r.done) return false;
    // 0,/re/: the end may match on the very first line.
    r.done = true;
    if (end.kind === 're' && end.re.test(space)) return true;
    r.active = true;
    return true;
  }
  // A numeric start opens the range on the first line at or past it that the command sees (an earlier command may
  // have skipped the line itself), once: a closed numeric range stays closed.
  if (cmd.a1.kind === 'line') {
    if (r.done || n < cmd.a1.n) return false;
    // …unless that line is already past a numeric end.
    if (n > cmd.a1.n && end.kind === 'line' && n > end.n) return false;
    r.done = true;
  } else if (!matches(cmd.a1, space, n, last)) return false;
  switch (end.kind) {
    case 'line':
      if (end.n > n) {
        r.active = true;
        r.endLine = end.n;
      }
      return true;
    case 'plus':
      if (end.n > 0) {
        r.active = true;
        r.endLine = n + end.n;
      }
      return true;
    case 'multiple': {
      // The next multiple of N after this line (GNU: a line that is already one still opens the range).
      const stop = end.n <= 0 ? n : (Math.floor(n / end.n) + 1) * end.n;
      if (stop > n) {
        r.active = true;
        r.endLine = stop;
      }
      return true;
    }
    case 'last':
      if (!last) r.active = true;
      return true;
    case 're':
    case 'step':
    case 'zero':
      // A regex end is looked for from the next line on: the range stays open even on the last line.
      r.active = true;
      return true;
  }
}

/** What GNU sed writes back for one file: `sed -i` runs the program on each file separately. */
export function runSed(program: SedProgram, text: string): string {
  const { cmds, quiet } = program;
  const ranges: Range[] = cmds.map(() => ({ active: false, endLine: 0, done: false }));
  const lines = text.split('\n');
  const chompedLast = text.endsWith('\n');
  if (chompedLast) lines.pop();
  if (text === '') lines.length = 0;
  let out = '';
  let missingNewline = false;
  const emit = (t: string, newline: boolean) => {
    if (missingNewline) out += '\n';
    out += t;
    if (newline) out += '\n';
    missingNewline = !newline;
  };
  for (let k = 0; k < lines.length; k++) {
    let space = lines[k]!;
    const n = k + 1;
    const last = k === lines.length - 1;
    const chomped = !last || chompedLast;
    const appended: string[] = [];
    let deleted = false;
    let quit: 'q' | 'Q' | undefined;
    for (let pc = 0; pc < cmds.length; ) {
      const cmd = cmds[pc]!;
      if (cmd.name === '}') {
        pc++;
        continue;
      }
      const on = selected(cmd, ranges[pc]!, space, n, last) !== cmd.negate;
      if (!on) {
        pc = cmd.name === '{' ? cmd.blockEnd! : pc + 1;
        continue;
      }
      pc++;
      switch (cmd.name) {
        case 's': {
          const r = substitute(space, cmd.subst!);
          space = r.text;
          if (r.changed && cmd.subst!.print) emit(space, chomped);
          break;
        }
        case 'y':
          space = [...space].map((ch) => cmd.map!.get(ch) ?? ch).join('');
          break;
        case 'p':
          emit(space, chomped);
          break;
        case '=':
          emit(String(n), true);
          break;
        case 'i':
          emit(cmd.text!, true);
          break;
        case 'a':
          appended.push(cmd.text!);
          break;
        case 'c':
          // In a range, the text replaces the whole range: it is printed once, at its end.
          if (!cmd.a2 || cmd.negate || !ranges[pc - 1]!.active) emit(cmd.text!, true);
          deleted = true;
          break;
        case 'd':
          deleted = true;
          break;
        case 'q':
        case 'Q':
          quit = cmd.name;
          break;
      }
      if (deleted || quit) break;
    }
    if (!deleted && !quiet && quit !== 'Q') emit(space, chomped);
    if (quit !== 'Q') for (const t of appended) emit(t, true);
    if (quit) {
      // GNU ends the output of q with a newline even where the input had none.
      if (quit === 'q' && missingNewline) out += '\n';
      // sed -i stops reading: the rest of the file is not written back.
      break;
    }
  }
  return out;
}

/**
 * Whether running the program on `text` stays cheap: JavaScript regular expressions backtrack, so an agent's script
 * and file could otherwise stall the gate. Inexact programs (groups repeated, alternation) are never run.
 */
export function cheapToRun(program: SedProgram, text: string): boolean {
  if (program.inexact) return false;
  if (program.repeats <= 2) return true;
  let longest = 0;
  let at = 0;
  while (at <= text.length) {
    let nl = text.indexOf('\n', at);
    if (nl < 0) nl = text.length;
    longest = Math.max(longest, nl - at);
    at = nl + 1;
  }
  return longest <= (program.repeats <= 4 ? 400 : 80);
}
