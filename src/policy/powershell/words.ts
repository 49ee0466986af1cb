// PowerShell command-mode arguments, read the way PowerShell's parser reads them: split on blanks outside quotes
// and brackets, backtick escapes, '…' verbatim ('' is a quote), "…" expandable ($var, ${var}, $(…), `x), `a,b`
// arrays, `-Name:value` parameters and redirections. tree-sitter-powershell finds the commands; it trips on common
// bare words (`$env:USERPROFILE\.ssh\id_rsa`, `a,b`), so the words of each command are read here from its text.

/** One piece of a word's value: literal text, or something known only at run time. */
export type Part = { lit: string } | { computed: string };

/** Code inside a word (`$(…)`, `(…)`, `{…}`): offsets in the frame's source. */
export interface NestedCode {
  code: string;
  start: number;
  end: number;
  /** A script block literal (`{…}`): code that runs only if the command runs it. */
  block: boolean;
}

export interface PsWord {
  raw: string;
  start: number;
  end: number;
  parts: Part[];
  /** Written with quotes (no wildcard or parameter meaning then). */
  quoted: boolean;
  nested: NestedCode[];
  /** Environment variables the word reads (`$env:X`, `${env:X}`, `%X%` in cmd). */
  env: { name: string; start: number; end: number }[];
  /** `-Name` (lower case, without the dash) when the word is a parameter name. */
  param?: string;
  /** `-Name:value`: the value. */
  inline?: PsWord;
  /** `>`, `>>`, `2>` …: a redirection; the target is the next word (or attached). */
  redirect?: string;
}

/** Values of variables known from the command line itself (`$p = ".env"`), and the places PowerShell knows. */
export interface WordEnv {
  home: string;
  cwd: string | undefined;
  vars: Map<string, Part[]>;
}

const HOME_VARS: Record<string, (home: string) => string> = {
  userprofile: (h) => h,
  home: (h) => h,
  appdata: (h) => `${h}/AppData/Roaming`,
  localappdata: (h) => `${h}/AppData/Local`,
  temp: (h) => `${h}/AppData/Local/Temp`,
  tmp: (h) => `${h}/AppData/Local/Temp`,
  onedrive: (h) => `${h}/OneDrive`,
  programdata: () => 'C:/ProgramData',
  allusersprofile: () => 'C:/ProgramData',
  programfiles: () => 'C:/Program Files',
  'programfiles(x86)': () => 'C:/Program Files (x86)',
  windir: () => 'C:/Windows',
  systemroot: () => 'C:/Windows',
  systemdrive: () => 'C:',
};

/** The value of an environment variable whose meaning is a place (USERPROFILE, APPDATA …); else undefined. */
export function placeVar(name: string, home: string): string | undefined {
  return HOME_VARS[name.toLowerCase()]?.(home);
}

/** Automatic variables with a fixed value. */
function automatic(name: string, env: WordEnv): Part[] | undefined {
  switch (name.toLowerCase()) {
    case 'home':
      return [{ lit: env.home }];
    case 'true':
      return [{ lit: 'True' }];
    case 'false':
      return [{ lit: 'False' }];
    case 'null':
      return [{ lit: '' }];
    case 'profile':
      return [{ lit: `${env.home}/Documents/PowerShell/Microsoft.PowerShell_profile.ps1` }];
    case 'pwd':
      return env.cwd ? [{ lit: env.cwd }] : undefined;
    default:
      return undefined;
  }
}

const BLANK = /[ \t\r\f\v\u00a0]/;

/** Splits a command's argument text [from, to) of `src` into words. `ok` is false when a quote or bracket is open. */
export function splitWords(src: string, from: number, to: number): { words: { raw: string; start: number; end: number }[]; ok: boolean } {
  const words: { raw: string; start: number; end: number }[] = [];
  let i = from;
  let ok = true;
  while (i < to) {
    const c = src[i]!;
    if (BLANK.test(c) || c === '\n') {
      i++;
      continue;
    }
    if (c === '`' && (src[i + 1] === '\n' || src[i + 1] === '\r')) {
      i += 2;
      continue;
    }
    if (c === '#') break; // a comment runs to the end of the line (the command ends there)
    const start = i;
    const end = scanWord(src, i, to);
    if (end < 0) {
      ok = false;
      words.push({ raw: src.slice(start, to), start, end: to });
      break;
    }
    words.push({ raw: src.slice(start, end), start, end });
    i = end;
  }
  return { words, ok };
}

/** End of the word starting at `i`, or -1 when a quote or bracket never closes. */
function scanWord(src: string, i: number, to: number): number {
  const stack: string[] = [];
  let quote: "'" | '"' | undefined;
  while (i < to) {
    const c = src[i]!;
    if (quote === "'") {
      if (c === "'") {
        if (src[i + 1] === "'") i++;
        else quote = undefined;
      }
      i++;
      continue;
    }
    if (c === '`') {
      i += 2;
      continue;
    }
    if (quote === '"') {
      if (c === '"') {
        if (src[i + 1] === '"') i++;
        else quote = stack.length > 0 && stack[stack.length - 1] === '"' ? (stack.pop(), undefined) : undefined;
      } else if (c === '$' && src[i + 1] === '(') {
        stack.push('"');
        stack.push(')');
        quote = undefined;
        i += 2;
        continue;
      }
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      i++;
      continue;
    }
    if (c === '(' || c === '{' || c === '[') {
      // `[` only opens a bracket in expressions (`[int]`, `$a[0]`); in a bare word it is a wildcard class.
      if (c !== '[' || stack.length > 0) {
        stack.push(c === '(' ? ')' : c === '{' ? '}' : ']');
        i++;
        continue;
      }
    }
    if ((c === ')' || c === '}' || c === ']') && stack.length > 0) {
      if (stack[stack.length - 1] === c) stack.pop();
      i++;
      if (stack.length > 0 && stack[stack.length - 1] === '"') {
        stack.pop();
        quote = '"';
      }
      continue;
    }
    if (stack.length === 0 && (BLANK.test(c) || c === '\n' || c === ';' || c === '|')) return i;
    i++;
  }
  return quote || stack.length > 0 ? -1 : i;
}

/** Splits `a,b,"c"` at top-level commas (an array argument). */
function splitCommas(raw: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let quote: string | undefined;
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote) {
      if (c === '`' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '`') {
      i++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push([from, i]);
      from = i + 1;
    }
  }
  out.push([from, raw.length]);
  return out.filter(([a, b]) => b > a);
}

/** Index just past the bracket group opening at `i` (`(`, `{`), quotes respected; -1 when it never closes. */
function closeOf(s: string, i: number): number {
  const open = s[i]!;
  const close = open === '(' ? ')' : '}';
  let depth = 0;
  let quote: string | undefined;
  for (let j = i; j < s.length; j++) {
    const c = s[j]!;
    if (quote) {
      if (c === '`' && quote === '"') j++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '`') {
      j++;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') {
      depth--;
      if (depth === 0) return c === close ? j + 1 : -1;
    }
  }
  return -1;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };

/** A variable reference at `s[i] === '$'`: its name and where it ends. */
function readVariable(s: string, i: number): { name: string; end: number } | undefined {
  if (s[i + 1] === '{') {
    const close = s.indexOf('}', i + 2);
    if (close < 0) return undefined;
    return { name: s.slice(i + 2, close), end: close + 1 };
  }
  const m = /^[$]((?:[A-Za-z]+:)?[A-Za-z0-9_?]+|[$^_])/.exec(s.slice(i));
  return m ? { name: m[1]!, end: i + m[0].length } : undefined;
}

/** Evaluates one word (already split) into its value parts, with nested code and environment reads. */
export function evalWord(raw: string, start: number, env: WordEnv): PsWord {
  const w: PsWord = { raw, start, end: start + raw.length, parts: [], quoted: false, nested: [], env: [] };
  // Parameters: `-Name`, `-Name:value` (not `-5`, not `--`, not a lone `-`).
  const param = /^[-\u2013\u2014\u2015]([A-Za-z_?][A-Za-z0-9_-]*)(:?)/.exec(raw);
  if (param) {
    w.param = param[1]!.toLowerCase();
    if (param[2]) {
      const at = param[0].length;
      if (at < raw.length) w.inline = evalWord(raw.slice(at), start + at, env);
    }
    w.parts = [{ lit: raw }];
    return w;
  }
  const redirect = /^([1-6*]?>>?)(&[12])?/.exec(raw);
  if (redirect || raw === '<') {
    w.redirect = redirect?.[2] ? `${redirect[1]}${redirect[2]}` : (redirect?.[1] ?? '<');
    const rest = redirect ? raw.slice(redirect[0].length) : '';
    if (rest) w.inline = evalWord(rest, start + redirect![0].length, env);
    return w;
  }
  const pieces = splitCommas(raw);
  if (pieces.length > 1) {
    // An array: every element is its own value; the word keeps them as parts joined by NUL (split by valuesOf).
    w.parts = [];
    pieces.forEach(([a, b], k) => {
      const el = evalWord(raw.slice(a, b), start + a, env);
      if (k > 0) w.parts.push({ lit: '\u0000' });
      w.parts.push(...el.parts);
      w.nested.push(...el.nested);
      w.env.push(...el.env);
      w.quoted ||= el.quoted;
    });
    return w;
  }
  const parts: Part[] = [];
  const lit = (t: string): void => {
    const last = parts[parts.length - 1];
    if (last && 'lit' in last) last.lit += t;
    else parts.push({ lit: t });
  };
  const variable = (name: string, at: number, end: number): void => {
    const scoped = /^(env|global|script|local|private|using):(.+)$/i.exec(name);
    if (scoped && scoped[1]!.toLowerCase() === 'env') {
      const v = scoped[2]!;
      w.env.push({ name: v, start: start + at, end: start + end });
      const place = placeVar(v, env.home);
      if (place !== undefined) lit(place);
      else parts.push({ computed: `$env:${v}` });
      return;
    }
    const plain = (scoped ? scoped[2]! : name).toLowerCase();
    const known = automatic(plain, env) ?? env.vars.get(plain);
    if (known) {
      for (const p of known) {
        if ('lit' in p) lit(p.lit);
        else parts.push(p);
      }
    }
    else parts.push({ computed: `$${name}` });
  };
  let i = 0;
  if (raw[0] === '~' && (raw.length === 1 || raw[1] === '\\' || raw[1] === '/')) {
    lit(env.home);
    i = 1;
  }
  const nested = (open: number, prefix: number, block: boolean): number => {
    const end = closeOf(raw, open);
    if (end < 0) {
      parts.push({ computed: raw.slice(open - prefix) });
      return raw.length;
    }
    const code = raw.slice(open + 1, end - 1);
    w.nested.push({ code, start: start + open + 1, end: start + end - 1, block });
    // A path computed from known parts (`(Join-Path $env:APPDATA 'gh\hosts.yml')`) is that path.
    const folded = block ? undefined : foldPath(code, env, 0);
    if (folded !== undefined) lit(folded);
    else parts.push({ computed: raw.slice(open - prefix, end) });
    return end;
  };
  while (i < raw.length) {
    const c = raw[i]!;
    if (c === '`') {
      lit(raw[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (c === "'") {
      w.quoted = true;
      let j = i + 1;
      let text = '';
      while (j < raw.length) {
        if (raw[j] === "'") {
          if (raw[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += raw[j];
        j++;
      }
      lit(text);
      i = j + 1;
      continue;
    }
    if (c === '"') {
      w.quoted = true;
      let j = i + 1;
      while (j < raw.length) {
        const d = raw[j]!;
        if (d === '"') {
          if (raw[j + 1] === '"') {
            lit('"');
            j += 2;
            continue;
          }
          break;
        }
        if (d === '`') {
          const e = raw[j + 1] ?? '';
          lit(ESCAPES[e] ?? e);
          j += 2;
          continue;
        }
        if (d === '$' && raw[j + 1] === '(') {
          j = nested(j + 1, 1, false);
          continue;
        }
        if (d === '$') {
          const v = readVariable(raw, j);
          if (v) {
            variable(v.name, j, v.end);
            j = v.end;
            continue;
          }
        }
        lit(d);
        j++;
      }
      i = j + 1;
      continue;
    }
    if (c === '$' && raw[i + 1] === '(') {
      i = nested(i + 1, 1, false);
      continue;
    }
    if (c === '@' && raw[i + 1] === '(') {
      i = nested(i + 1, 1, false);
      continue;
    }
    if (c === '(' && i === 0) {
      i = nested(0, 0, false);
      continue;
    }
    if (c === '{' && i === 0) {
      i = nested(0, 0, true);
      continue;
    }
    if (c === '$') {
      const v = readVariable(raw, i);
      if (v) {
        variable(v.name, i, v.end);
        i = v.end;
        continue;
      }
    }
    lit(c);
    i++;
  }
  w.parts = parts.length > 0 ? parts : [{ lit: '' }];
  return w;
}

/** `a`, then `b` inside it: Join-Path's and [IO.Path]::Combine's joining (a rooted `b` replaces `a` in Combine). */
function joinPaths(a: string, b: string, combine: boolean): string {
  if (combine && (/^[A-Za-z]:[\\/]/.test(b) || /^[\\/]/.test(b))) return b;
  if (a === '') return b;
  return `${a.replace(/[\\/]+$/, '')}\\${b.replace(/^[\\/]+/, '')}`;
}

/** Top-level pieces of `code` split at `sep` (outside quotes and brackets). */
function splitTop(code: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let from = 0;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '`' && quote === '"') i++;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
    else if (ch === sep && depth === 0) {
      out.push(code.slice(from, i));
      from = i + 1;
    }
  }
  out.push(code.slice(from));
  return out.map((p) => p.trim());
}

/**
 * The value of a parenthesised path expression made only of known parts: `Join-Path a b [c …]` (positional or
 * -Path/-ChildPath/-AdditionalChildPath), `[IO.Path]::Combine(a, b …)`, `a + b` and a single value; else undefined
 * (the analyzer then treats it as computed, and walks the code as before).
 */
export function foldPath(code: string, env: WordEnv, depth: number): string | undefined {
  if (depth > 4 || code.length > 2000) return undefined;
  const s = code.trim();
  const value = (t: string): string | undefined => (t === '' ? undefined : textOf(evalWord(t, 0, env)));
  const join = /^join-path\s+([\s\S]*)$/i.exec(s);
  if (join) {
    const { words, ok } = splitWords(join[1]!, 0, join[1]!.length);
    if (!ok) return undefined;
    const positional: string[] = [];
    let named: string | undefined;
    const byName: Record<string, string[]> = { path: [], childpath: [], additionalchildpath: [] };
    for (const w of words) {
      const p = /^-([A-Za-z]+)$/.exec(w.raw);
      if (p) {
        const n = p[1]!.toLowerCase();
        if (n === 'resolve') continue;
        named = n === 'path' || n === 'childpath' || n === 'additionalchildpath' ? n : 'other';
        if (named === 'other') return undefined;
        continue;
      }
      const v = value(w.raw);
      if (v === undefined) return undefined;
      if (named) {
        byName[named]!.push(...v.split('\u0000'));
        named = named === 'additionalchildpath' ? named : undefined;
      } else positional.push(v);
    }
    const all = [...byName.path!, ...byName.childpath!, ...positional, ...byName.additionalchildpath!];
    if (all.length < 2) return undefined;
    return all.reduce((acc, b) => joinPaths(acc, b, false));
  }
  const combine = /^\[(?:system\.)?io\.path\]::combine\(([\s\S]*)\)$/i.exec(s);
  if (combine) {
    const args = splitTop(combine[1]!, ',').map((a) => (a.startsWith('(') && a.endsWith(')') ? foldPath(a.slice(1, -1), env, depth + 1) : value(a)));
    if (args.length < 2 || args.some((a) => a === undefined)) return undefined;
    return (args as string[]).reduce((acc, b) => joinPaths(acc, b, true));
  }
  const sum = splitTop(s, '+');
  if (sum.length > 1) {
    const vals = sum.map((a) => (a.startsWith('(') && a.endsWith(')') ? foldPath(a.slice(1, -1), env, depth + 1) : value(a)));
    return vals.some((v) => v === undefined) ? undefined : vals.join('');
  }
  if (/^(['"$]|\()/.test(s) && !/\s/.test(s.replace(/'[^']*'|"[^"]*"/g, ''))) return value(s);
  return undefined;
}

/** The word's literal text, or undefined when part of it is only known at run time. */
export function textOf(w: PsWord): string | undefined {
  let out = '';
  for (const p of w.parts) {
    if (!('lit' in p)) return undefined;
    out += p.lit;
  }
  return out;
}

/** The elements of an array word (`a,b`), each as parts. */
export function elementsOf(w: PsWord): Part[][] {
  const out: Part[][] = [[]];
  for (const p of w.parts) {
    if ('lit' in p && p.lit.includes('\u0000')) {
      const bits = p.lit.split('\u0000');
      bits.forEach((b, k) => {
        if (k > 0) out.push([]);
        if (b) out[out.length - 1]!.push({ lit: b });
      });
    } else out[out.length - 1]!.push(p);
  }
  return out.filter((e) => e.length > 0);
}

/** Literal text of parts, or undefined. */
export function partsText(parts: Part[]): string | undefined {
  let out = '';
  for (const p of parts) {
    if (!('lit' in p)) return undefined;
    out += p.lit;
  }
  return out;
}

/** Decodes -EncodedCommand's base64 of UTF-16LE text; undefined when it is not that. */
export function decodeEncodedCommand(b64: string): string | undefined {
  const clean = b64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(clean) || clean.length % 4 === 1) return undefined;
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length < 2) return undefined;
  return bytes.subarray(0, bytes.length - (bytes.length % 2)).toString('utf16le');
}
