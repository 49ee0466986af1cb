// Constant folding of the string expressions agents' one-liners build file names with: literals and their escapes,
// `+`/`.`/adjacency, `%` and `.format`, f-strings and template literals, `chr`/`fromCharCode`, joins (string, list
// and path), reversal, the home directory however it is asked for, and decoders of literal text (base64, hex,
// rot13). The result is a literal when everything is known, else a glob pattern with `*` for the unknown parts
// (so `open(f'{d}/.env')` is `*/.env`), which the path policy can intersect with its sensitive globs.
// It evaluates nothing: it only reads the text, the way the shell analyzer reads words.
import type { CodeLanguage } from './interpreterCode';

export interface Folded {
  /** The literal text, when every part is known. */
  value: string | undefined;
  /** Glob form: literal characters escaped, unknown parts `*`, glob results kept as globs. */
  pattern: string;
  /** Something was computed (not one plain literal). */
  computed: boolean;
  /** Part of it was decoded from an encoding (base64, hex, rot13, char codes). */
  decoded: boolean;
  /** Part of it is not known at all (an argument, input, a call not modelled), as opposed to a glob's matches. */
  unknown: boolean;
}

type Val =
  | { k: 'str'; v: string | undefined; p: string; computed: boolean; decoded: boolean; unknown?: boolean }
  | { k: 'num'; n: number }
  | { k: 'list'; items: Val[] }
  | { k: 'ref'; name: string }
  | { k: 'unknown' };

export interface FoldEnv {
  home: string;
  cwd: string | undefined;
  /** The folder of the file the code was read from (`__dirname`), when it was read from one. */
  scriptDir?: string;
  lang: CodeLanguage;
  /** Variables assigned in the code, by name (folded lazily). */
  vars: Map<string, Val>;
}

const UNKNOWN: Val = { k: 'unknown' };

function esc(s: string): string {
  return s.replace(/[*?[\]{}\\,]/g, '\\$&');
}

function str(v: string, computed = true, decoded = false): Val & { k: 'str' } {
  return { k: 'str', v, p: esc(v), computed, decoded };
}

function globStr(p: string): Val {
  return { k: 'str', v: undefined, p, computed: true, decoded: false };
}

/** A value as text (a number prints, an unknown is `*`). */
function asStr(x: Val): { v: string | undefined; p: string; computed: boolean; decoded: boolean; unknown?: boolean } {
  if (x.k === 'str') return x;
  if (x.k === 'num') return { v: String(x.n), p: String(x.n), computed: true, decoded: false };
  return { v: undefined, p: '*', computed: true, decoded: false, unknown: true };
}

function concat(parts: Val[]): Val {
  let v: string | undefined = '';
  let p = '';
  let decoded = false;
  let unknown = false;
  for (const x of parts) {
    const s = asStr(x);
    v = v !== undefined && s.v !== undefined ? v + s.v : undefined;
    p = p.endsWith('*') && s.p.startsWith('*') ? p + s.p.slice(1) : p + s.p;
    decoded ||= s.decoded;
    unknown ||= s.unknown === true;
  }
  return { k: 'str', v, p, computed: true, decoded, unknown };
}

function pathJoin(parts: Val[]): Val {
  const out: Val[] = [];
  for (const x of parts) {
    const s = asStr(x);
    if (s.v !== undefined && s.v.startsWith('/')) out.length = 0;
    else if (out.length > 0) out.push(str('/'));
    out.push(x);
  }
  return out.length === 0 ? str('') : concat(out);
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens

type Tok = { t: 'str'; v: string; tpl?: { parts: string[]; exprs: string[] }; fmt?: boolean } | { t: 'num'; v: number } | { t: 'id'; v: string } | { t: 'op'; v: string };

function unescape(body: string, raw: boolean): string {
  if (raw) return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{1,3}|N\{[^}]*\}|\n|.)/g, (_m, e: string) => {
    const c = e[0]!;
    if (c === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (c === 'u' || c === 'U') return String.fromCodePoint(parseInt(e.slice(1).replace(/[{}]/g, ''), 16));
    if (/[0-7]/.test(c)) return String.fromCharCode(parseInt(e, 8));
    if (c === '\n') return '';
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0', e: '\x1b' } as Record<string, string>)[c] ?? e;
  });
}

/** Splits `{expr}` (f-strings) or `${expr}` (template literals, `"#{x}"` in Ruby) out of a string body. */
function splitTemplate(body: string, open: RegExp): { parts: string[]; exprs: string[] } {
  const parts: string[] = [];
  const exprs: string[] = [];
  let at = 0;
  let cur = '';
  while (at < body.length) {
    open.lastIndex = at;
    const m = open.exec(body);
    if (!m || m.index !== at) {
      // `{{` in an f-string is a literal brace.
      if (body.startsWith('{{', at) || body.startsWith('}}', at)) {
        cur += body[at];
        at += 2;
        continue;
      }
      cur += body[at++];
      continue;
    }
    let depth = 1;
    let i = at + m[0].length;
    const start = i;
    for (; i < body.length && depth > 0; i++) {
      if (body[i] === '{') depth++;
      else if (body[i] === '}') depth--;
    }
    parts.push(cur);
    cur = '';
    exprs.push(body.slice(start, i - 1).replace(/![rsa]$|:[^:}]*$/, ''));
    at = i;
  }
  parts.push(cur);
  return { parts, exprs };
}

function tokenize(src: string, lang: CodeLanguage): Tok[] | undefined {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const pre = /^(?:[rRbBuUfF]{1,2})?(?=['"])/.exec(src.slice(i, i + 3));
    const prefix = lang === 'python' && pre ? pre[0].toLowerCase() : '';
    const q = src[i + prefix.length];
    if (q === '"' || q === "'" || q === '`') {
      const start = i + prefix.length;
      const triple = lang === 'python' && src.startsWith(q.repeat(3), start);
      const delim = triple ? q.repeat(3) : q;
      let j = start + delim.length;
      while (j < src.length && !src.startsWith(delim, j)) j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) return undefined;
      const body = src.slice(start + delim.length, j);
      i = j + delim.length;
      const raw = prefix.includes('r') || (q === "'" && (lang === 'php' || lang === 'perl' || lang === 'ruby' || lang === 'awk'));
      const interpolates = (q === '`' && lang === 'node') || (q === '"' && (lang === 'php' || lang === 'perl' || lang === 'ruby')) || prefix.includes('f');
      if (interpolates) {
        const tpl =
          lang === 'node' ? splitTemplate(body, /\$\{/g) : lang === 'ruby' ? splitTemplate(body, /#\{/g) : lang === 'python' ? splitTemplate(body, /\{(?!\{)/g) : splitVarsInString(body);
        out.push({ t: 'str', v: '', tpl: { parts: tpl.parts.map((p) => unescape(p, raw)), exprs: tpl.exprs } });
      } else out.push({ t: 'str', v: q === "'" && raw ? body.replace(/\\([\\'])/g, '$1') : unescape(body, raw) });
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = /^(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|\d+)/.exec(src.slice(i)))) {
      out.push({ t: 'num', v: Number(m[0].replace(/^0[oO]/, '0o')) });
      i += m[0].length;
      continue;
    }
    const sigils = lang === 'perl' ? /^[$@%]?[A-Za-z_][A-Za-z0-9_]*/ : lang === 'ruby' ? /^[$@]?[A-Za-z_][A-Za-z0-9_]*[?!]?/ : /^\$?[A-Za-z_$][A-Za-z0-9_$]*/;
    if ((m = sigils.exec(src.slice(i)))) {
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
      continue;
    }
    if ((m = /^(?:->|=>|::|\*\*|\.\.\.|[+\-*/%.,()[\]{}:?=!<>|&^~;])/.exec(src.slice(i)))) {
      out.push({ t: 'op', v: m[0] });
      i += m[0].length;
      continue;
    }
    return undefined;
  }
  return out;
}

/** `"$HOME/.ssh/$f"` in PHP and Perl: variables inside double quotes. */
function splitVarsInString(body: string): { parts: string[]; exprs: string[] } {
  const parts: string[] = [];
  const exprs: string[] = [];
  let last = 0;
  for (const m of body.matchAll(/\{?\$(\w+)(?:\{['"]?(\w+)['"]?\}|\[['"]?(\w+)['"]?\])?\}?/g)) {
    parts.push(body.slice(last, m.index));
    exprs.push(m[2] !== undefined ? `$${m[1]}{${m[2]}}` : m[3] !== undefined ? `$${m[1]}['${m[3]}']` : `$${m[1]}`);
    last = m.index + m[0].length;
  }
  parts.push(body.slice(last));
  return { parts, exprs };
}

// ---------------------------------------------------------------------------------------------------------------
// Parser: a small precedence climber over the tokens, folding as it goes.

const HOME_CALLS = /^(?:os\.path\.expanduser|expanduser|Path\.home|pathlib\.Path\.home|os\.homedir|homedir|Dir\.home|File\.expand_path|expand_path|System\.getProperty|Deno\.env\.get|dirs\.home_dir)$/;

class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly env: FoldEnv,
    private readonly depth: number,
  ) {}

  done(): boolean {
    return this.i >= this.toks.length;
  }

  private peek(o = 0): Tok | undefined {
    return this.toks[this.i + o];
  }

  private isOp(v: string, o = 0): boolean {
    const t = this.peek(o);
    return t?.t === 'op' && t.v === v;
  }

  private take(v: string): boolean {
    if (!this.isOp(v)) return false;
    this.i++;
    return true;
  }

  expr(): Val {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (!t) return left;
      const lang = this.env.lang;
      if (t.t === 'str' && lang === 'python' && left.k === 'str') {
        // Python's adjacent literals: 'a' 'b'
        left = concat([left, this.unary()]);
        continue;
      }
      if (t.t !== 'op') return left;
      if (t.v === '+' || (t.v === '.' && (lang === 'php' || lang === 'perl'))) {
        this.i++;
        const right = this.unary();
        left = left.k === 'num' && right.k === 'num' ? { k: 'num', n: left.n + right.n } : left.k === 'list' && right.k === 'list' ? { k: 'list', items: [...left.items, ...right.items] } : concat([left, right]);
        continue;
      }
      if (t.v === '%' && lang === 'python' && left.k === 'str') {
        this.i++;
        const right = this.unary();
        left = percentFormat(left, right.k === 'list' ? right.items : [right]);
        continue;
      }
      if (t.v === '/' && left.k === 'str' && (left as { path?: boolean }).path) {
        this.i++;
        left = markPath(pathJoin([left, this.unary()]));
        continue;
      }
      if (t.v === '*' && left.k === 'str' && this.peek(1)?.t === 'num') {
        this.i++;
        const n = (this.toks[this.i++] as { v: number }).v;
        left = concat(Array.from({ length: Math.min(n, 50) }, () => left));
        continue;
      }
      return left;
    }
  }

  private unary(): Val {
    return this.postfix(this.primary());
  }

  private args(close: string): Val[] {
    const out: Val[] = [];
    while (!this.done() && !this.isOp(close)) {
      // keyword arguments (`encoding='utf-8'`, `sep=''`) are skipped by name
      if (this.peek()?.t === 'id' && this.isOp('=', 1)) this.i += 2;
      if (this.take('*') || this.take('...')) {
        out.push(this.expr());
      } else out.push(this.expr());
      if (!this.take(',')) break;
    }
    if (!this.take(close)) throw new Error('unbalanced');
    return out;
  }

  private primary(): Val {
    const t = this.toks[this.i++];
    if (!t) throw new Error('end');
    if (t.t === 'str') {
      if (!t.tpl) return { k: 'str', v: t.v, p: esc(t.v), computed: false, decoded: false };
      const parts: Val[] = [];
      t.tpl.parts.forEach((p, n) => {
        parts.push(str(p));
        const e = t.tpl!.exprs[n];
        if (e !== undefined) parts.push(foldValue(e, this.env, this.depth + 1));
      });
      return concat(parts);
    }
    if (t.t === 'num') return { k: 'num', n: t.v };
    if (t.t === 'op') {
      if (t.v === '(') {
        const inner = this.args(')');
        return inner.length === 1 ? inner[0]! : { k: 'list', items: inner };
      }
      if (t.v === '[') return { k: 'list', items: this.args(']') };
      if (t.v === '-' && this.peek()?.t === 'num') return { k: 'num', n: -(this.toks[this.i++] as { v: number }).v };
      if (t.v === '~' || t.v === '!') return this.unary() && UNKNOWN;
      throw new Error('op');
    }
    // identifiers and dotted names: `os.path.join`, `process.env.HOME`, `$ENV{HOME}`, `$_SERVER['HOME']`
    let name = t.v;
    // A variable bound to a value: its methods apply in postfix (`n.strip()`); bound to a module: its name leads.
    const bound = this.env.vars.get(name);
    if (bound && bound.k !== 'ref') return bound;
    if (bound?.k === 'ref') name = bound.name;
    while ((this.isOp('.') && this.env.lang !== 'php' && this.env.lang !== 'perl') || this.isOp('::') || this.isOp('->')) {
      const n = this.peek(1);
      if (n?.t !== 'id') break;
      name += '.' + n.v;
      this.i += 2;
    }
    if (name === 'new') return this.primary();
    // The interpreter running this code: the command a child process of it runs is that interpreter again.
    if (name === 'sys.executable') return str(this.env.lang === 'python' ? 'python3' : 'node');
    if (name === 'process.execPath' || name === 'process.argv0') return str('node');
    // The script's own directory: for `-c`/`-e` code and stdin, the working directory.
    const own = this.env.scriptDir ?? this.env.cwd;
    if (name === 'import.meta.url') return own !== undefined ? str(`file://${own}/-`) : globStr('*');
    if (name === '__dirname' || name === 'import.meta.dirname' || name === '__DIR__') return own !== undefined ? markPath(str(own)) : globStr('*');
    if (name === '__file__' || name === '__filename' || name === '__FILE__' || name === 'import.meta.filename') return own !== undefined ? markPath(str(`${own}/-`)) : globStr('*');
    return this.env.vars.get(name) ?? { k: 'ref', name };
  }

  private postfix(base: Val): Val {
    let cur = base;
    for (;;) {
      if (this.isOp('(')) {
        this.i++;
        cur = this.call(cur, this.args(')'));
      } else if (this.isOp('[')) {
        this.i++;
        // `s[::-1]`: reversed
        if (this.isOp('::') && this.isOp('-', 1)) {
          this.i += 2;
          const step = this.toks[this.i++];
          this.take(']');
          cur = step?.t === 'num' && step.v === 1 ? reverse(cur) : UNKNOWN;
          continue;
        }
        const idx = this.args(']');
        cur = this.index(cur, idx[0]);
      } else if (this.isOp('{') && cur.k === 'ref' && /^\$?ENV$|^%ENV$/.test(cur.name)) {
        // Perl's $ENV{HOME}
        this.i++;
        const idx = this.args('}');
        cur = this.index(cur, idx[0]);
      } else if ((this.isOp('.') && this.env.lang !== 'php' && this.env.lang !== 'perl') || this.isOp('->') || (this.isOp('::') && this.peek(1)?.t === 'id')) {
        const n = this.peek(1);
        if (n?.t !== 'id') return cur;
        this.i += 2;
        cur = this.method(cur, n.v);
      } else return cur;
    }
  }

  private index(base: Val, idx: Val | undefined): Val {
    const key = idx && idx.k === 'str' ? idx.v : undefined;
    if (base.k === 'ref' && /(?:^|\.)(?:environ|env|ENV|\$ENV|%ENV|\$_ENV|\$_SERVER)$/.test(base.name)) return key === 'HOME' || key === 'USERPROFILE' ? homeVal(this.env) : UNKNOWN;
    if (base.k === 'list' && idx?.k === 'num') return base.items[idx.n < 0 ? base.items.length + idx.n : idx.n] ?? UNKNOWN;
    if (base.k === 'str' && base.v !== undefined && idx?.k === 'num') return str(base.v.at(idx.n) ?? '');
    return UNKNOWN;
  }

  /** `x.name` not followed by a call yet: methods are applied when called; properties resolve here. */
  private method(recv: Val, name: string): Val {
    if (this.isOp('(')) {
      this.i++;
      return this.callMethod(recv, name, this.args(')'));
    }
    if (recv.k === 'ref') {
      const full = `${recv.name}.${name}`;
      if (/(?:^|\.)env\.HOME$/.test(full)) return homeVal(this.env);
      return this.env.vars.get(full) ?? { k: 'ref', name: full };
    }
    // Ruby's parenthesis-free calls: `99.chr`, `s.reverse`, `Dir.home`
    return this.callMethod(recv, name, []);
  }

  private callMethod(recv: Val, name: string, args: Val[]): Val {
    if (recv.k === 'ref') return this.call({ k: 'ref', name: `${recv.name}.${name}` }, args);
    const s = recv.k === 'str' ? recv : undefined;
    const a0 = args[0];
    switch (name) {
      case 'join':
        if (s && a0?.k === 'list') return joinList(a0.items, s);
        if (s && a0) return a0.k === 'str' && a0.v !== undefined ? str([...a0.v].join(s.v ?? '')) : UNKNOWN;
        if (recv.k === 'list') return joinList(recv.items, a0 && a0.k === 'str' ? a0 : recv.items.length > 0 && this.env.lang === 'ruby' ? str('') : str(this.env.lang === 'node' ? ',' : ''));
        return UNKNOWN;
      case 'joinpath':
      case 'join_path':
        return markPath(pathJoin([recv, ...args]));
      case 'format':
        return s ? braceFormat(s, args) : UNKNOWN;
      case 'replace':
      case 'replaceAll':
      case 'gsub':
      case 'sub':
      case 'tr': {
        const from = a0?.k === 'str' ? a0.v : undefined;
        const to = args[1]?.k === 'str' ? (args[1] as { v: string | undefined }).v : undefined;
        if (s?.v === undefined || from === undefined || to === undefined) return UNKNOWN;
        if (name === 'tr') return str([...s.v].map((ch) => (from.indexOf(ch) >= 0 ? (to[from.indexOf(ch)] ?? to.at(-1) ?? '') : ch)).join(''));
        return str(name === 'replace' && this.env.lang === 'node' ? s.v.replace(from, to) : s.v.split(from).join(to));
      }
      case 'reverse':
      case 'reversed':
        return reverse(recv);
      case 'split':
        if (s?.v !== undefined && a0?.k === 'str' && a0.v !== undefined) return { k: 'list', items: (a0.v === '' ? [...s.v] : s.v.split(a0.v)).map((x) => str(x)) };
        return UNKNOWN;
      case 'chr':
        return recv.k === 'num' ? str(String.fromCharCode(recv.n), true, true) : UNKNOWN;
      case 'concat':
        return concat([recv, ...args]);
      case 'decode':
        if (s && a0?.k === 'str' && /^rot.?13$/i.test(a0.v ?? '')) return rot13(s);
        return recv;
      case 'home':
        return homeVal(this.env);
      case 'toString':
        if (recv.k === 'str' && a0?.k === 'str' && (recv as { buffer?: string }).buffer) return recv;
        return recv.k === 'num' ? str(String(recv.n)) : recv;
      case 'strip':
      case 'trim':
      case 'chomp':
        return s?.v !== undefined ? str(a0?.k === 'str' && a0.v !== undefined ? s.v.replace(new RegExp(`^[${a0.v.replace(/[\\\]^-]/g, '\\$&')}]+|[${a0.v.replace(/[\\\]^-]/g, '\\$&')}]+$`, 'g'), '') : s.v.trim()) : recv;
      case 'lstrip':
      case 'trimStart':
        return s?.v !== undefined ? str(s.v.trimStart()) : recv;
      case 'rstrip':
      case 'trimEnd':
        return s?.v !== undefined ? str(s.v.trimEnd()) : recv;
      case 'encode':
      case 'to_s':
      case 'to_str':
      case 'resolve':
      case 'absolute':
      case 'as_posix':
      case 'valueOf':
        return recv;
      case 'lower':
      case 'toLowerCase':
      case 'downcase':
        return s?.v !== undefined ? str(s.v.toLowerCase()) : recv;
      case 'upper':
      case 'toUpperCase':
      case 'upcase':
        return s?.v !== undefined ? str(s.v.toUpperCase()) : recv;
      case 'expanduser':
      case 'expand_path':
        return s ? markPath(expandHomeVal(s, this.env)) : recv;
      case 'glob':
      case 'rglob':
        return globStr(asStr(pathJoin([recv, name === 'rglob' ? globStr('**') : str(''), ...(a0 ? [a0] : [])])).p.replace(/\/\//g, '/').replace(/\\\*/g, '*'));
      case 'iterdir':
      case 'entries':
      case 'children':
        return globStr(`${asStr(recv).p}/*`);
      case 'name':
        // `NamedTemporaryFile().name`, `TemporaryDirectory().name`: the temp path itself.
        return recv.k === 'str' && recv.v === undefined && recv.p.startsWith('/tmp/') ? recv : UNKNOWN;
      case 'with_name':
      case 'with_suffix':
      case 'parent':
        return UNKNOWN;
      default:
        return UNKNOWN;
    }
  }

  private call(fn: Val, args: Val[]): Val {
    if (fn.k !== 'ref') return UNKNOWN;
    const name = fn.name.replace(/^(?:\$|require\.)/, '');
    const a0 = args[0];
    const short = name.replace(/^.*\./, '');
    if (/(?:^|\.)(?:getenv|environ\.get|env\.get|fetch)$/.test(name) || name === 'getenv') {
      return a0?.k === 'str' && (a0.v === 'HOME' || a0.v === 'USERPROFILE') ? homeVal(this.env) : UNKNOWN;
    }
    if (/^(?:os\.path\.expanduser|expanduser|File\.expand_path|expand_path|os\.path\.expandvars|expandvars)$/.test(name)) {
      return a0 && a0.k === 'str' ? markPath(expandHomeVal(a0, this.env)) : UNKNOWN;
    }
    if (HOME_CALLS.test(name) || /(?:^|\.)homedir$/.test(name)) return homeVal(this.env);
    if (/^(?:os\.getcwd|process\.cwd|Dir\.pwd|getcwd|Deno\.cwd|cwd)$/.test(name)) return this.env.cwd !== undefined ? markPath(str(this.env.cwd)) : globStr('*');
    if (/(?:^|\.)(?:path\.join|posixpath\.join|ntpath\.join|path\.resolve|path\.normalize|File\.join|catfile|catdir|join_paths|Path|PurePath|PosixPath|pathlib\.Path|pathlib\.PurePath|fspath|os\.path\.abspath|os\.path\.realpath|os\.path\.normpath|abspath|realpath|normpath|URL|File)$/.test(name) && !/\.Path\.home$/.test(name)) {
      if (/resolve|abspath|realpath/.test(name) && this.env.cwd !== undefined && a0?.k === 'str' && a0.v !== undefined && !a0.v.startsWith('/')) return markPath(pathJoin([str(this.env.cwd), ...args]));
      return args.length === 0 ? (this.env.cwd !== undefined ? markPath(str(this.env.cwd)) : globStr('*')) : markPath(pathJoin(args));
    }
    if (short === 'chr' || name === 'String.fromCharCode' || name === 'String.fromCodePoint' || short === 'unichr') {
      const codes = args.flatMap((x) => (x.k === 'list' ? x.items : [x]));
      return codes.every((x) => x.k === 'num') ? str(codes.map((x) => String.fromCodePoint((x as { n: number }).n)).join(''), true, true) : { k: 'str', v: undefined, p: '*', computed: true, decoded: true, unknown: true };
    }
    if (short === 'ord' && a0?.k === 'str' && a0.v) return { k: 'num', n: a0.v.codePointAt(0)! };
    // `const p = require('path')`, `importlib.import_module('os')`: the module, so `p.join(…)` is `path.join(…)`.
    if (/^(?:require|__import__|importlib\.import_module|import)$/.test(name) && a0?.k === 'str' && a0.v !== undefined) return { k: 'ref', name: a0.v.replace(/^node:/, '') };
    // A fresh temp folder or file the code makes: somewhere under the temp directory, nobody else's.
    if (/^(?:tempfile\.)?(?:mkdtemp|TemporaryDirectory|NamedTemporaryFile|SpooledTemporaryFile)$/.test(name)) {
      // Its options (`suffix='.py'`, `delete=False`, `mode='w'`) keep it in the temp folder; a `dir=` (a path or
      // an unknown name) may put it anywhere.
      const option = (x: Val) => (x.k === 'str' ? x.v !== undefined && !x.v.includes('/') && !x.v.includes('..') : x.k === 'num' || (x.k === 'ref' && /^(?:True|False|None)$/.test(x.name)));
      return args.every(option) ? markPath(globStr('/tmp/*')) : UNKNOWN;
    }
    if (/^(?:tempfile\.)?gettempdir$|^(?:os\.)?tmpdir$/.test(name) && args.length === 0) return markPath(str('/tmp'));
    if (/(?:^|\.)(?:mkdtempSync|mkdtemp)$/.test(name) && a0?.k === 'str' && a0.v !== undefined && a0.v.startsWith('/tmp/') && !a0.v.includes('..')) return markPath(globStr(`${esc(a0.v)}*`));
    if (/(?:^|\.)fileURLToPath$/.test(name) && a0?.k === 'str') return a0.v !== undefined && a0.v.startsWith('file://') ? markPath(str(decodeURIComponent(a0.v.slice('file://'.length)))) : UNKNOWN;
    if (/(?:^|\.)(?:dirname|File\.dirname)$/.test(name) && a0?.k === 'str') return a0.v !== undefined ? markPath(str(a0.v.replace(/\/[^/]*$/, '') || '/')) : UNKNOWN;
    if (/^(?:str|String|bytes|bytearray|unicode|os\.fsdecode|os\.fsencode|Buffer\.from|new\.Buffer)$/.test(name)) {
      if (name === 'Buffer.from' && args[1]?.k === 'str') return decodeNamed(a0, (args[1] as { v?: string }).v ?? '');
      return a0 ?? str('');
    }
    if (/(?:^|\.)(?:b64decode|standard_b64decode|urlsafe_b64decode|decodebytes|decodestring|atob|decode64|base64_decode|decode_base64|strict_decode64|urlsafe_decode64)$/.test(name)) return decodeNamed(a0, 'base64');
    if (/(?:^|\.)(?:fromhex|unhexlify|a2b_hex|hex2bin)$/.test(name)) return decodeNamed(a0, 'hex');
    if (/(?:^|\.)(?:str_rot13)$/.test(name) || (/(?:^|\.)codecs\.decode$|^decode$/.test(name) && args[1]?.k === 'str' && /^rot.?13$/i.test((args[1] as { v?: string }).v ?? ''))) return a0?.k === 'str' ? rot13(a0) : UNKNOWN;
    if (/(?:^|\.)(?:codecs\.decode)$/.test(name) && args[1]?.k === 'str') return decodeNamed(a0, (args[1] as { v?: string }).v ?? '');
    if (short === 'strrev' || name === 'reverse' || name === 'reversed') return reverse(a0 ?? UNKNOWN);
    if (short === 'sprintf' || short === 'format') return a0?.k === 'str' ? percentFormat(a0, args.slice(1)) : UNKNOWN;
    if (/^(?:implode|join)$/.test(short) && args.length === 2) {
      const [sep, list] = args[0]!.k === 'list' ? [args[1]!, args[0]!] : [args[0]!, args[1]!];
      return list.k === 'list' && sep.k === 'str' ? joinList(list.items, sep) : UNKNOWN;
    }
    if (/(?:^|\.)(?:glob|iglob|Dir\.glob|glob\.glob|glob\.iglob|globSync|fg|fast_glob\.sync|fg\.sync|sync)$/.test(name) && a0?.k === 'str') {
      const base = asStr(a0).v;
      return base !== undefined ? globStr(expandTilde(base, this.env.home)) : globStr(a0.p);
    }
    if (/(?:^|\.)(?:listdir|scandir|readdirSync|readdir|walk|iterdir|Dir\.children|Dir\.entries|Dir\.each_child|opendir|Dir\.foreach)$/.test(name) && a0?.k === 'str') {
      const d = asStr(a0);
      return globStr(`${d.v !== undefined ? esc(expandTilde(d.v, this.env.home)) : d.p}/*`);
    }
    return UNKNOWN;
  }
}

function markPath(v: Val): Val {
  if (v.k === 'str') (v as { path?: boolean }).path = true;
  return v;
}

function expandTilde(s: string, home: string): string {
  return s === '~' || s.startsWith('~/') ? home + s.slice(1) : s;
}

function homeVal(env: FoldEnv): Val {
  return markPath(str(env.home));
}

function expandHomeVal(s: Val & { k: 'str' }, env: FoldEnv): Val {
  if (s.v !== undefined) return str(expandTilde(s.v.replace(/\$HOME\b|\$\{HOME\}/g, env.home), env.home));
  return s.p.startsWith('~') ? { ...s, p: esc(env.home) + s.p.slice(1) } : s;
}

function reverse(x: Val): Val {
  if (x.k === 'str' && x.v !== undefined) return str([...x.v].reverse().join(''));
  if (x.k === 'list') return { k: 'list', items: [...x.items].reverse() };
  return UNKNOWN;
}

function rot13(x: Val & { k: 'str' }): Val {
  if (x.v === undefined) return UNKNOWN;
  return str(x.v.replace(/[a-zA-Z]/g, (c) => String.fromCharCode(((c.toLowerCase().charCodeAt(0) - 97 + 13) % 26) + (c <= 'Z' ? 65 : 97))), true, true);
}

function decodeNamed(x: Val | undefined, encoding: string): Val {
  const s = x?.k === 'str' ? x.v : undefined;
  if (s === undefined) return { k: 'str', v: undefined, p: '*', computed: true, decoded: true, unknown: true };
  const e = encoding.toLowerCase().replace(/[-_]/g, '');
  try {
    if (e === 'base64' || e === 'base64url') return str(Buffer.from(s, 'base64').toString('latin1'), true, true);
    if (e === 'hex') return str(Buffer.from(s.replace(/\s/g, ''), 'hex').toString('latin1'), true, true);
    if (e === 'rot13') return rot13(str(s));
  } catch {
    /* falls through to unknown */
  }
  if (e === 'utf8' || e === 'ascii' || e === 'latin1' || e === 'binary' || e === '') return x!;
  return { k: 'str', v: undefined, p: '*', computed: true, decoded: true, unknown: true };
}

function joinList(items: Val[], sep: Val): Val {
  const parts: Val[] = [];
  items.forEach((x, n) => {
    if (n > 0) parts.push(sep);
    parts.push(x);
  });
  return parts.length === 0 ? str('') : concat(parts);
}

function percentFormat(fmt: Val & { k: 'str' }, args: Val[]): Val {
  if (fmt.v === undefined) return globStr('*');
  let n = 0;
  const parts: Val[] = [];
  let last = 0;
  for (const m of fmt.v.matchAll(/%(?:\([^)]*\))?[-+ #0]*\d*(?:\.\d+)?([sdrifxXoc%])/g)) {
    parts.push(str(fmt.v.slice(last, m.index)));
    if (m[1] === '%') parts.push(str('%'));
    else {
      const arg = args[n++] ?? UNKNOWN;
      parts.push(m[1] === 'c' && arg.k === 'num' ? str(String.fromCharCode(arg.n), true, true) : arg);
    }
    last = m.index + m[0].length;
  }
  parts.push(str(fmt.v.slice(last)));
  return concat(parts);
}

function braceFormat(fmt: Val & { k: 'str' }, args: Val[]): Val {
  if (fmt.v === undefined) return globStr('*');
  let n = 0;
  const parts: Val[] = [];
  let last = 0;
  for (const m of fmt.v.matchAll(/\{\{|\}\}|\{(\d*)[^}]*\}/g)) {
    parts.push(str(fmt.v.slice(last, m.index)));
    if (m[0] === '{{' || m[0] === '}}') parts.push(str(m[0][0]!));
    else parts.push(args[m[1] ? Number(m[1]) : n++] ?? UNKNOWN);
    last = m.index + m[0].length;
  }
  parts.push(str(fmt.v.slice(last)));
  return concat(parts);
}

function foldValue(text: string, env: FoldEnv, depth: number): Val {
  if (depth > 6 || text.length > 2000) return UNKNOWN;
  const toks = tokenize(text, env.lang);
  if (!toks || toks.length === 0) return UNKNOWN;
  try {
    const p = new Parser(toks, env, depth);
    const v = p.expr();
    return p.done() ? v : UNKNOWN;
  } catch {
    return UNKNOWN;
  }
}

/** Folds one expression's text; undefined when nothing string-like came out of it. */
export function foldExpression(text: string, env: FoldEnv): Folded | undefined {
  const v = foldValue(text, env, 0);
  if (v.k === 'list') {
    const items = v.items.map(asStr);
    if (items.length === 0) return undefined;
    return { value: undefined, pattern: `{${items.map((x) => x.p.replace(/(^|[^\\]),/g, '$1\\,')).join(',')}}`, computed: true, decoded: items.some((x) => x.decoded), unknown: items.some((x) => x.unknown === true) };
  }
  if (v.k !== 'str') return v.k === 'unknown' || v.k === 'ref' ? { value: undefined, pattern: '*', computed: true, decoded: false, unknown: true } : undefined;
  return { value: v.v, pattern: v.p, computed: v.computed, decoded: v.decoded, unknown: v.unknown === true };
}

/**
 * Simple assignments in the code (`p = os.path.join(...)`, `const f = '.e' + 'nv'`, `$f = "..."`, `my $f = ...`)
 * and loop variables over a list or a glob (`for f in glob('.e*'):`, `for (const f of fs.readdirSync(d))`), folded
 * in order so later names can use earlier ones.
 */
export function collectVars(code: string, env: FoldEnv): void {
  const stmt = /(?:^|[;\n{])\s*(?:const|let|var|my|our|local)?\s*(\$?[A-Za-z_][A-Za-z0-9_]*)\s*=(?![=>~])\s*([^;\n]+)|\bfor\s*\(?\s*(?:const|let|var|my)?\s*(\$?[A-Za-z_]\w*)\s+(?:in|of)\s+([^:\n]+?)\s*\)?\s*[:{]|\bforeach\s*\(\s*([^;\n]+?)\s+as\s+(\$\w+)\s*\)|(?:\.each|\.forEach|\.map)\s*(?:\(\s*\(?|\s*(?:do|\{)\s*\|)\s*(\w+)/g;
  // Python's `import os.path as osp`, `from os import path`, `from os.path import join as j`: names for modules.
  for (const m of code.matchAll(/\bimport\s+([\w.]+)\s+as\s+(\w+)/g)) env.vars.set(m[2]!, { k: 'ref', name: m[1]! });
  for (const m of code.matchAll(/\bfrom\s+([\w.]+)\s+import\s+([\w\s,]+)/g)) {
    for (const part of m[2]!.split(',')) {
      const [orig, alias] = part.trim().split(/\s+as\s+/);
      if (orig && /^\w+$/.test(orig)) env.vars.set(alias?.trim() || orig, { k: 'ref', name: `${m[1]}.${orig}` });
    }
  }
  // JavaScript's `import { join as j } from 'node:path'`, `const { resolve } = require('path')`, `import * as p from 'path'`.
  for (const m of code.matchAll(/\bimport\s*\{([^}]*)\}\s*from\s*['"`]([\w./@:-]+)['"`]|\b(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\s*\(\s*['"`]([\w./@:-]+)['"`]\s*\)/g)) {
    const mod = (m[2] ?? m[4]!).replace(/^node:/, '');
    for (const part of (m[1] ?? m[3]!).split(',')) {
      const [orig, alias] = part.trim().split(/\s+as\s+|\s*:\s*/);
      if (orig && /^\w+$/.test(orig)) env.vars.set(alias?.trim() || orig, { k: 'ref', name: `${mod}.${orig}` });
    }
  }
  for (const m of code.matchAll(/\bimport\s+(?:\*\s+as\s+)?(\w+)\s+from\s*['"`]([\w./@:-]+)['"`]/g)) env.vars.set(m[1]!, { k: 'ref', name: m[2]!.replace(/^node:/, '') });
  // `with tempfile.TemporaryDirectory() as tmp:`: the name is the temp folder (other contexts bind unknowns).
  // Only a name bound nowhere else: `with open('notes.md') as f` later rebinds `f` to a real file.
  for (const m of code.matchAll(/\bwith\s+(tempfile\s*\.\s*(?:TemporaryDirectory|NamedTemporaryFile)\s*\([^()\n]*\))\s+as\s+(\w+)\s*:/g)) {
    const n = m[2]!;
    const times = (code.match(new RegExp(`\\bas\\s+${n}\\b|(?:^|[;\\n])[ \\t]*${n}[ \\t]*(?:[-+*/%|&^]|//)?=(?!=)|\\bfor\\s+(?:[\\w\\s,]*,\\s*)?${n}\\b`, 'g')) ?? []).length;
    if (times === 1) env.vars.set(n, foldValue(m[1]!, env, 1));
  }
  let count = 0;
  for (const m of code.matchAll(stmt)) {
    if (++count > 400) break;
    if (m[1] !== undefined) env.vars.set(m[1], foldValue(wholeRightSide(code, m.index + m[0].length - m[2]!.length).trim(), env, 1));
    else if (m[3] !== undefined) env.vars.set(m[3], elementOf(foldValue(m[4]!.trim(), env, 1)));
    else if (m[6] !== undefined) env.vars.set(m[6], elementOf(foldValue(m[5]!.trim(), env, 1)));
    else if (m[7] !== undefined) {
      // `Dir.glob('*').each do |f|`: the receiver ends just before the match.
      const recv = /([\w.$]+\s*(?:\([^()]*\))?)\s*$/.exec(code.slice(Math.max(0, m.index - 200), m.index));
      env.vars.set(m[7], recv ? elementOf(foldValue(recv[1]!, env, 1)) : UNKNOWN);
    }
  }
}

/**
 * The right-hand side of an assignment starting at `from`, across lines when a bracket or a triple-quoted string is
 * still open (`cmd = [\n sys.executable,\n 'x.py',\n]`, `code = \"\"\"…\"\"\"`): to the end of its line otherwise.
 */
function wholeRightSide(code: string, from: number): string {
  let depth = 0;
  let i = from;
  const limit = Math.min(code.length, from + 4000);
  while (i < limit) {
    const c = code[i]!;
    const triple = code.startsWith('"""', i) ? '"""' : code.startsWith("'''", i) ? "'''" : undefined;
    if (triple) {
      const end = code.indexOf(triple, i + 3);
      if (end < 0 || end > limit) return code.slice(from, i);
      i = end + 3;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < limit && code[j] !== c && (c === '`' || code[j] !== '\n')) j += code[j] === '\\' ? 2 : 1;
      i = j + 1;
      continue;
    }
    if (c === '#' && depth === 0) break;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if ((c === '\n' || c === ';') && depth === 0) break;
    i++;
  }
  return code.slice(from, Math.min(i, limit));
}

function elementOf(v: Val): Val {
  if (v.k === 'list') return v.items.length === 1 ? v.items[0]! : globStr(`{${v.items.map((x) => asStr(x).p.replace(/(^|[^\\]),/g, '$1\\,')).join(',')}}`);
  if (v.k === 'str' && v.v === undefined) return v; // a glob: each element matches it
  return UNKNOWN;
}

/** A command line a subprocess call builds (`'cat ' + p`, `['cat', os.path.expanduser('~/.ssh/id_rsa')]`), if known. */
export function foldCommand(text: string, env: FoldEnv): string | undefined {
  const v = foldValue(text, env, 0);
  if (v.k === 'str') return v.v;
  if (v.k !== 'list' || v.items.length === 0) return undefined;
  const words = v.items.map((x) => asStr(x).v);
  if (words.some((w) => w === undefined)) return undefined;
  return (words as string[]).map((w) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/**
 * The words of a command given as a list (`[sys.executable, script, '-v']`), each known or not (undefined), with
 * the glob pattern of each unknown one; undefined when the command is not a list of words.
 */
export function foldCommandWords(text: string, env: FoldEnv): { value: string | undefined; pattern: string; decoded: boolean }[] | undefined {
  const v = foldValue(text, env, 0);
  if (v.k !== 'list' || v.items.length === 0) return undefined;
  return v.items.map((x) => {
    const s = asStr(x);
    return { value: s.v, pattern: s.p, decoded: s.decoded };
  });
}

/** Whether the text folds to a value that involved any computation or decoding at all. */
export function isPlainLiteral(text: string, lang: CodeLanguage): boolean {
  const toks = tokenize(text.trim(), lang);
  return toks !== undefined && toks.length === 1 && toks[0]!.t === 'str' && !toks[0]!.tpl;
}
