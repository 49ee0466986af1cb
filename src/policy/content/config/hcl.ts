// A small HCL (Terraform) reader into the positioned tree. Written here rather than using hcl2-parser: that package
// is a 3.8 MB GopherJS bundle that takes ~200 ms to load and ~10 ms per small file, and it gives no positions, which
// every finding needs. This reader understands the structure (blocks, labels, attributes, strings with
// interpolation, heredocs, lists, objects, `jsonencode(...)`); any other expression is kept as its source text.
// A syntax it cannot follow throws, and the caller falls back to the line rules.
import type { PEntry, PMap, PNode, PScalar } from './tree';

class HclError extends Error {}

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  fail(why: string): never {
    throw new HclError(`${why} at ${this.i}`);
  }

  /** Skips blanks and comments; newlines too unless `stopAtNewline`. */
  skip(stopAtNewline = false): void {
    const s = this.s;
    for (;;) {
      const c = s[this.i];
      if (c === ' ' || c === '\t' || c === '\r') this.i++;
      else if (c === '\n' && !stopAtNewline) this.i++;
      else if (c === '#' || (c === '/' && s[this.i + 1] === '/')) {
        while (this.i < s.length && s[this.i] !== '\n') this.i++;
      } else if (c === '/' && s[this.i + 1] === '*') {
        const end = s.indexOf('*/', this.i + 2);
        if (end < 0) this.fail('unclosed comment');
        this.i = end + 2;
      } else return;
    }
  }

  ident(): string | undefined {
    const m = /^[A-Za-z_][\w-]*/.exec(this.s.slice(this.i, this.i + 200));
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  /** A body: attributes and blocks until `close` (or the end of the text). */
  body(close: string | undefined, start: number): PMap {
    const entries: PEntry[] = [];
    for (;;) {
      this.skip();
      if (this.i >= this.s.length) {
        if (close) this.fail('unclosed block');
        break;
      }
      if (this.s[this.i] === close) {
        this.i++;
        break;
      }
      const keyStart = this.i;
      const name = this.ident() ?? this.fail('expected a name');
      this.skip(true);
      if (this.s[this.i] === '=' && this.s[this.i + 1] !== '=') {
        this.i++;
        this.skip(true);
        entries.push({ key: name, keyStart, value: this.expr() });
        continue;
      }
      const labels: string[] = [];
      while (this.s[this.i] !== '{') {
        if (this.s[this.i] === '"') {
          const l = this.string();
          labels.push(String(l.v));
        } else labels.push(this.ident() ?? this.fail('expected a block label'));
        this.skip(true);
      }
      this.i++;
      const block = this.body('}', keyStart);
      block.labels = labels;
      entries.push({ key: name, keyStart, value: block });
    }
    return { t: 'map', entries, start, end: this.i };
  }

  /** A quoted string; `${…}` and `%{…}` are kept as text. */
  string(): PScalar {
    const start = this.i;
    const s = this.s;
    this.i++;
    let out = '';
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === '"') {
        this.i++;
        return { t: 'scalar', v: out, start, end: this.i };
      }
      if (c === '\n') this.fail('newline in string');
      if (c === '\\') {
        const n = s[this.i + 1] ?? '';
        out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
        this.i += 2;
        continue;
      }
      if ((c === '$' || c === '%') && s[this.i + 1] === '{') {
        const from = this.i;
        this.i += 2;
        this.balanced('}');
        out += s.slice(from, this.i);
        continue;
      }
      out += c;
      this.i++;
    }
    return this.fail('unclosed string');
  }

  /** Skips to the matching `close`, through nested brackets and strings. */
  balanced(close: string): void {
    const stack = [close];
    const s = this.s;
    while (this.i < s.length && stack.length > 0) {
      const c = s[this.i]!;
      if (c === '"') {
        this.string();
        continue;
      }
      if (c === '{' || c === '[' || c === '(') stack.push(c === '{' ? '}' : c === '[' ? ']' : ')');
      else if (c === stack[stack.length - 1]) stack.pop();
      else if (c === '}' || c === ']' || c === ')') this.fail('unbalanced');
      this.i++;
    }
    if (stack.length > 0) this.fail('unbalanced');
  }

  heredoc(): PScalar {
    const m = /^<<(-?)([A-Za-z_]\w*)[ \t]*\r?\n/.exec(this.s.slice(this.i, this.i + 100));
    if (!m) this.fail('bad heredoc');
    const contentStart = this.i + m[0].length;
    const endRe = new RegExp(`^[ \\t]*${m[2]}[ \\t]*$`, 'm');
    const rest = this.s.slice(contentStart);
    const end = endRe.exec(rest);
    if (!end) this.fail('unclosed heredoc');
    let text = rest.slice(0, end.index);
    if (text.endsWith('\n')) text = text.slice(0, -1);
    if (m[1]) {
      const indent = Math.min(...text.split('\n').filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
      if (Number.isFinite(indent) && indent > 0) text = text.split('\n').map((l) => l.slice(indent)).join('\n');
    }
    this.i = contentStart + end.index + end[0].length;
    return { t: 'scalar', v: text, start: contentStart, end: contentStart + text.length };
  }

  /** A primary value, then any operator tail as source text (up to a newline, a comma or a closing bracket). */
  expr(): PNode {
    const start = this.i;
    const v = this.primary();
    this.skip(true);
    const c = this.s[this.i];
    if (c === undefined || c === '\n' || c === ',' || c === ')' || c === ']' || c === '}') return v;
    // An operator tail (`a ? b : c`, `x == 1`, `"a" + b`): keep the whole expression as text.
    while (this.i < this.s.length) {
      const ch = this.s[this.i]!;
      if (ch === '\n' || ch === ',' || ch === ')' || ch === ']' || ch === '}') break;
      if (ch === '"') this.string();
      else if (ch === '(' || ch === '[' || ch === '{') {
        this.i++;
        this.balanced(ch === '(' ? ')' : ch === '[' ? ']' : '}');
      } else if (ch === '<' && this.s[this.i + 1] === '<' && /^<<-?[A-Za-z_]/.test(this.s.slice(this.i, this.i + 4))) this.heredoc();
      else this.i++;
    }
    return { t: 'scalar', v: this.s.slice(start, this.i).trim(), start, end: this.i, expr: true };
  }

  primary(): PNode {
    const s = this.s;
    const start = this.i;
    const c = s[this.i];
    if (c === '"') return this.string();
    if (c === '<' && s[this.i + 1] === '<') return this.heredoc();
    if (c === '[') {
      if (/^\[\s*for\s/.test(s.slice(this.i, this.i + 10))) return this.rawBalanced(']');
      this.i++;
      const items: PNode[] = [];
      for (;;) {
        this.skip();
        if (s[this.i] === ']') {
          this.i++;
          break;
        }
        items.push(this.expr());
        this.skip();
        if (s[this.i] === ',') this.i++;
        else if (s[this.i] !== ']') this.fail('expected , or ]');
      }
      return { t: 'list', items, start, end: this.i };
    }
    if (c === '{') {
      if (/^\{\s*for\s/.test(s.slice(this.i, this.i + 10))) return this.rawBalanced('}');
      this.i++;
      const entries: PEntry[] = [];
      for (;;) {
        this.skip();
        if (s[this.i] === '}') {
          this.i++;
          break;
        }
        const keyStart = this.i;
        let key: string;
        if (s[this.i] === '"') key = String(this.string().v);
        else if (s[this.i] === '(') {
          this.i++;
          this.balanced(')');
          key = s.slice(keyStart, this.i);
        } else {
          key = this.ident() ?? this.fail('expected a key');
          while (s[this.i] === '.') {
            this.i++;
            key += `.${this.ident() ?? ''}`;
          }
        }
        this.skip(true);
        if (s[this.i] !== '=' && s[this.i] !== ':') this.fail('expected = or :');
        this.i++;
        this.skip(true);
        entries.push({ key, keyStart, value: this.expr() });
        this.skip(true);
        if (s[this.i] === ',') this.i++;
      }
      return { t: 'map', entries, start, end: this.i };
    }
    if (c === '(') return this.rawBalanced(')');
    const num = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(s.slice(this.i, this.i + 40));
    if (num) {
      this.i += num[0].length;
      return { t: 'scalar', v: Number(num[0]), start, end: this.i };
    }
    const name = this.ident();
    if (name === undefined) {
      if (c === '!' || c === '-') {
        this.i++;
        return this.primary();
      }
      this.fail('unexpected character');
    }
    if (s[this.i] === '(') {
      this.i++;
      const argStart = this.i;
      if (name === 'jsonencode' || name === 'yamlencode' || name === 'tolist' || name === 'toset') {
        this.skip();
        const arg = this.expr();
        this.skip();
        if (s[this.i] === ')') {
          this.i++;
          return arg;
        }
        this.i = argStart;
      }
      this.balanced(')');
      return { t: 'scalar', v: s.slice(start, this.i), start, end: this.i, expr: true };
    }
    if (name === 'true' || name === 'false') return { t: 'scalar', v: name === 'true', start, end: this.i };
    if (name === 'null') return { t: 'scalar', v: null, start, end: this.i };
    // A reference: a.b.c, a[0].b, a.*.b
    while (s[this.i] === '.' || s[this.i] === '[') {
      if (s[this.i] === '.') {
        this.i++;
        if (s[this.i] === '*') this.i++;
        else if (!this.ident() && !/\d/.test(s[this.i] ?? '')) this.fail('bad reference');
        while (/\d/.test(s[this.i] ?? '')) this.i++;
      } else {
        this.i++;
        this.balanced(']');
      }
    }
    return { t: 'scalar', v: s.slice(start, this.i), start, end: this.i, expr: true };
  }

  rawBalanced(close: string): PScalar {
    const start = this.i;
    this.i++;
    this.balanced(close);
    return { t: 'scalar', v: this.s.slice(start, this.i), start, end: this.i, expr: true };
  }
}

/** The text as one HCL body (a file, or the inside of a block), or undefined when it is not HCL. */
export function readHcl(text: string): PMap | undefined {
  try {
    const r = new Reader(text);
    return r.body(undefined, 0);
  } catch (e) {
    if (e instanceof HclError || e instanceof RangeError) return undefined;
    throw e;
  }
}
