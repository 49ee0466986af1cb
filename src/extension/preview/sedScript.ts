// Enough of sed to preview `sed -i` edits: options, addresses (line, $, /re/, ranges of those, !), and the commands
// s (flags g p i N), d, p, q, y, a/i/c one-liners. POSIX basic and extended regular expressions are translated to
// JavaScript ones. Anything else is reported as not previewable rather than guessed. Pure.

export interface SedInvocation {
  inPlace: boolean;
  /** -i.bak: a backup copy is written too. */
  suffix?: string;
  scripts: string[];
  extended: boolean;
  quiet: boolean;
  files: string[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; why: string };
const fail = <T>(why: string): Result<T> => ({ ok: false, why });

/** Reads sed's arguments (after the command name). File words must not be dynamic; the caller checks that. */
export function parseSedArgs(args: string[]): Result<SedInvocation> {
  const inv: SedInvocation = { inPlace: false, scripts: [], extended: false, quiet: false, files: [] };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, value] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (name === '--in-place') {
        inv.inPlace = true;
        if (value) inv.suffix = value;
      } else if (name === '--expression') {
        const v = value ?? args[++i];
        if (v === undefined) return fail('sed -e without a script');
        inv.scripts.push(v);
      } else if (name === '--regexp-extended') inv.extended = true;
      else if (name === '--quiet' || name === '--silent') inv.quiet = true;
      else if (name === '--posix' || name === '--debug' || name === '--follow-symlinks' || name === '--separate' || name === '--unbuffered' || name === '--sandbox') continue;
      else return fail(`sed option ${name} is not previewed`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] as string;
        if (c === 'i') {
          inv.inPlace = true;
          const suffix = a.slice(j + 1);
          if (suffix) inv.suffix = suffix;
          else if (args[i + 1] === '') i++; // BSD sed: -i '' (no backup)
          break;
        }
        if (c === 'e') {
          const v = a.slice(j + 1) || args[++i];
          if (v === undefined) return fail('sed -e without a script');
          inv.scripts.push(v);
          break;
        }
        if (c === 'E' || c === 'r') inv.extended = true;
        else if (c === 'n') inv.quiet = true;
        else if (c === 's' || c === 'u') continue;
        else return fail(`sed option -${c} is not previewed`);
      }
      continue;
    }
    rest.push(a);
  }
  if (inv.scripts.length === 0) {
    const script = rest.shift();
    if (script === undefined) return fail('sed without a script');
    inv.scripts.push(script);
  }
  inv.files = rest;
  return { ok: true, value: inv };
}

type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

export interface SedCommand {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  /** Range state: inside the range since the previous line. */
  active: boolean;
  run: (ctx: LineCtx) => void;
}

interface LineCtx {
  space: string;
  n: number;
  last: boolean;
  deleted: boolean;
  quit: boolean;
  /** Lines written before the pattern space (p, i, c), in order. */
  emitted: string[];
  /** Lines queued for the end of the cycle (a). */
  after: string[];
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e',
};

/** Translates a POSIX regular expression (basic unless `extended`) into JavaScript source. */
export function posixToJs(re: string, extended: boolean): Result<string> {
  let out = '';
  let i = 0;
  const atStart = () => out === '' || out.endsWith('(') || out.endsWith('|');
  while (i < re.length) {
    const c = re[i] as string;
    if (c === '[') {
      // Bracket expression: backslash is literal inside; ] first is literal; POSIX classes become ranges.
      let j = i + 1;
      let body = '';
      if (re[j] === '^') {
        body += '^';
        j++;
      }
      if (re[j] === ']') {
        body += '\\]';
        j++;
      }
      for (; j < re.length && re[j] !== ']'; j++) {
        const cls = /^\[:([a-z]+):\]/.exec(re.slice(j));
        if (cls) {
          const mapped = CLASSES[cls[1] as string];
          if (!mapped) return fail(`the class [:${cls[1]}:] is not previewed`);
          body += mapped;
          j += cls[0].length - 1;
          continue;
        }
        if (re.startsWith('[.', j) || re.startsWith('[=', j)) return fail('collating elements are not previewed');
        const ch = re[j] as string;
        body += ch === '\\' || ch === '[' ? `\\${ch}` : ch;
      }
      if (j >= re.length) return fail('an unterminated [ in the regular expression');
      out += `[${body}]`;
      i = j + 1;
      continue;
    }
    if (c === '\\') {
      const n = re[i + 1];
      i += 2;
      if (n === undefined) return fail('a trailing backslash in the regular expression');
      if (!extended && '(){}+?|'.includes(n)) out += n;
      else if (extended && '(){}+?|'.includes(n)) out += `\\${n}`;
      else if (n === '<' || n === '>' || n === 'b') out += '\\b';
      else if (n === 'B') out += '\\B';
      else if (n === '`') out += '^';
      else if (n === "'") out += '$';
      else if (/[1-9wWsSnt.*[\]^$\\/]/.test(n)) out += `\\${n}`;
      else out += n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      continue;
    }
    if (!extended && '(){}+?|'.includes(c)) out += `\\${c}`;
    else if (c === '*' && atStart()) out += '\\*';
    else if (c === '^' && !extended && !atStart()) out += '\\^';
    else if (c === '$' && !extended && !(i === re.length - 1 || re.startsWith('\\)', i + 1) || re.startsWith('\\|', i + 1))) out += '\\$';
    else if (c === '/') out += '\\/';
    else out += c;
    i++;
  }
  try {
    new RegExp(out);
  } catch (err) {
    return fail(`the regular expression is not previewed (${(err as Error).message})`);
  }
  return { ok: true, value: out };
}

type Part = string | { group: number };

function parseReplacement(repl: string): Result<Part[]> {
  const parts: Part[] = [];
  let lit = '';
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i] as string;
    if (c === '&') {
      parts.push(lit, { group: 0 });
      lit = '';
    } else if (c === '\\') {
      const n = repl[++i];
      if (n === undefined) lit += '\\';
      else if (/[0-9]/.test(n)) {
        parts.push(lit, { group: Number(n) });
        lit = '';
      } else if (n === 'n') lit += '\n';
      else if (n === 't') lit += '\t';
      else if ('LUluE'.includes(n)) return fail(`case conversion \\${n} is not previewed`);
      else lit += n;
    } else lit += c;
  }
  parts.push(lit);
  return { ok: true, value: parts.filter((p) => p !== '') };
}

/** Splits `s/re/repl/flags`-style text at unescaped delimiters (a delimiter inside [] still ends the part, as in GNU). */
function splitDelimited(text: string, from: number, delim: string, count: number): { parts: string[]; end: number } | undefined {
  const parts: string[] = [];
  let cur = '';
  let i = from;
  for (; i < text.length && parts.length < count; i++) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) {
      const n = text[i + 1] as string;
      cur += n === delim ? n : `\\${n}`;
      i++;
    } else if (c === delim) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  return parts.length === count ? { parts, end: i } : undefined;
}

function substitute(space: string, re: RegExp, parts: Part[], global: boolean, nth: number): { text: string; changed: boolean } {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  let out = '';
  let at = 0;
  let count = 0;
  let changed = false;
  for (let m = g.exec(space); m; m = g.exec(space)) {
    count++;
    if (m[0] === '') g.lastIndex++;
    if (count < nth) continue;
    out += space.slice(at, m.index) + parts.map((p) => (typeof p === 'string' ? p : (m[p.group] ?? ''))).join('');
    at = m.index + m[0].length;
    changed = true;
    if (!global) break;
  }
  return { text: out + space.slice(at), changed };
}

/** Compiles one script (commands separated by ; or newlines). */
export function compileSed(script: string, extended: boolean): Result<SedCommand[]> {
  const cmds: SedCommand[] = [];
  let i = 0;
  const s = script;
  const skip = () => {
    while (i < s.length && /[\s;]/.test(s[i] as string)) i++;
  };
  const address = (): Result<Address | undefined> => {
    const num = /^\d+/.exec(s.slice(i));
    if (num) {
      i += num[0].length;
      return { ok: true, value: { kind: 'line', n: Number(num[0]) } };
    }
    if (s[i] === '$') {
      i++;
      return { ok: true, value: { kind: 'last' } };
    }
    if (s[i] === '/') {
      const split = splitDelimited(s, i + 1, '/', 1);
      if (!split) return fail('an unterminated /address/');
      const src = posixToJs(split.parts[0] as string, extended);
      if (!src.ok) return src;
      if (src.value === '') return fail('an empty regular expression (the last one used) is not previewed');
      i = split.end;
      let flags = '';
      if (s[i] === 'I') {
        flags = 'i';
        i++;
      }
      return { ok: true, value: { kind: 're', re: new RegExp(src.value, flags) } };
    }
    return { ok: true, value: undefined };
  };
  while (skip(), i < s.length) {
    const a1 = address();
    if (!a1.ok) return a1;
    let a2: Result<Address | undefined> = { ok: true, value: undefined };
    if (a1.value && s[i] === ',') {
      i++;
      a2 = address();
      if (!a2.ok) return a2;
      if (!a2.value) return fail('a range without an end address');
    }
    while (s[i] === ' ') i++;
    let negate = false;
    if (s[i] === '!') {
      negate = true;
      i++;
      while (s[i] === ' ') i++;
    }
    const c = s[i++];
    let run: SedCommand['run'];
    if (c === 's') {
      const delim = s[i];
      if (!delim || delim === '\n' || delim === '\\') return fail('a malformed s command');
      const split = splitDelimited(s, i + 1, delim, 2);
      if (!split) return fail('an unterminated s command');
      i = split.end;
      let flags = '';
      while (i < s.length && /[gpiIm0-9]/.test(s[i] as string)) flags += s[i++];
      if (i < s.length && !/[\s;}]/.test(s[i] as string)) return fail(`the s flag "${s[i]}" is not previewed`);
      const src = posixToJs(split.parts[0] as string, extended);
      if (!src.ok) return src;
      if (src.value === '') return fail('an empty regular expression (the last one used) is not previewed');
      const repl = parseReplacement(split.parts[1] as string);
      if (!repl.ok) return repl;
      const re = new RegExp(src.value, /[iI]/.test(flags) ? 'i' : '');
      const global = flags.includes('g');
      const nth = Number(/\d+/.exec(flags)?.[0] ?? '1') || 1;
      const print = flags.includes('p');
      const parts = repl.value;
      run = (ctx) => {
        const r = substitute(ctx.space, re, parts, global, nth);
        ctx.space = r.text;
        if (r.changed && print) ctx.emitted.push(ctx.space);
      };
    } else if (c === 'y') {
      const delim = s[i];
      if (!delim) return fail('a malformed y command');
      const split = splitDelimited(s, i + 1, delim, 2);
      if (!split) return fail('an unterminated y command');
      i = split.end;
      const [from, to] = split.parts.map((p) => p.replace(/\\(.)/g, (_, ch: string) => (ch === 'n' ? '\n' : ch))) as [string, string];
      if ([...from].length !== [...to].length) return fail('y needs strings of equal length');
      const map = new Map([...from].map((ch, k) => [ch, [...to][k] as string]));
      run = (ctx) => {
        ctx.space = [...ctx.space].map((ch) => map.get(ch) ?? ch).join('');
      };
    } else if (c === 'd') run = (ctx) => void (ctx.deleted = true);
    else if (c === 'p') run = (ctx) => void ctx.emitted.push(ctx.space);
    else if (c === 'q') run = (ctx) => void (ctx.quit = true);
    else if (c === 'a' || c === 'i' || c === 'c') {
      // GNU one-liner forms: `a text`, `a\` newline text, `a\text`.
      let text = '';
      while (s[i] === ' ') i++;
      if (s[i] === '\\') {
        i++;
        if (s[i] === '\n') i++;
      }
      while (i < s.length && s[i] !== '\n') {
        if (s[i] === '\\' && i + 1 < s.length) {
          text += s[i + 1] === 'n' ? '\n' : s[i + 1];
          i += 2;
        } else text += s[i++];
      }
      const line = text;
      run =
        c === 'a'
          ? (ctx) => void ctx.after.push(line)
          : c === 'i'
            ? (ctx) => void ctx.emitted.push(line)
            : (ctx) => {
                ctx.deleted = true;
                ctx.emitted.push(line);
              };
    } else return fail(c === undefined ? 'a missing sed command' : `the sed command "${c}" is not previewed`);
    cmds.push({ a1: a1.value, a2: a2.value, negate, active: false, run });
    while (s[i] === ' ') i++;
    if (i < s.length && !/[;\n}]/.test(s[i] as string)) return fail(`unexpected "${s[i]}" after a sed command`);
  }
  return { ok: true, value: cmds };
}

function hit(a: Address, ctx: LineCtx): boolean {
  switch (a.kind) {
    case 'line':
      return ctx.n === a.n;
    case 'last':
      return ctx.last;
    case 're':
      return a.re.test(ctx.space);
  }
}

function selected(cmd: SedCommand, ctx: LineCtx): boolean {
  let on: boolean;
  if (!cmd.a1) on = true;
  else if (!cmd.a2) on = hit(cmd.a1, ctx);
  else if (cmd.active) {
    on = true;
    const end = cmd.a2;
    if (end.kind === 'line' ? ctx.n >= end.n : hit(end, ctx)) cmd.active = false;
  } else if (hit(cmd.a1, ctx)) {
    on = true;
    const end = cmd.a2;
    // A line-number end at or before the start closes the range on the same line (GNU).
    cmd.active = !(end.kind === 'line' ? end.n <= ctx.n : end.kind === 'last' ? ctx.last : false);
  } else on = false;
  return cmd.negate ? !on : on;
}

/** Runs compiled scripts over a file's text, as `sed -i` would write it back. */
export function runSed(programs: SedCommand[][], text: string, quiet: boolean): string {
  const cmds = programs.flat().map((c) => ({ ...c, active: false }));
  const endsWithNewline = text.endsWith('\n');
  const lines = text === '' ? [] : (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const ctx: LineCtx = { space: lines[k] as string, n: k + 1, last: k === lines.length - 1, deleted: false, quit: false, emitted: [], after: [] };
    for (const cmd of cmds) {
      if (!selected(cmd, ctx)) continue;
      cmd.run(ctx);
      if (ctx.deleted || ctx.quit) break;
    }
    out.push(...ctx.emitted);
    if (!ctx.deleted && !quiet) out.push(ctx.space);
    out.push(...ctx.after);
    if (ctx.quit) break;
  }
  const joined = out.join('\n');
  return out.length === 0 ? '' : endsWithNewline ? joined + '\n' : joined;
}
