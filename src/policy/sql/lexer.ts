// SQL tokens and statements with their offsets in the original text, for every common dialect at once: quoted
// identifiers ("x", `x`, [x]), strings ('…' with '' or \' escapes, E'…', N'…', $tag$…$tag$), comments (--, #, /* */
// nested), statement ends (`;`, a `GO` line, a MySQL `DELIMITER` change) and psql meta-commands (`\c db`).
// Lexing never fails: an unterminated string or comment simply runs to the end of the text.

export type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'punct' | 'param';

export interface Token {
  kind: TokenKind;
  /** Lower-case word; identifier or string content without quotes (escapes undone). */
  value: string;
  start: number;
  end: number;
  /** For strings: whether `value` is a verbatim slice of the text starting at `inner` (no escapes undone). */
  inner?: number;
  /** A dollar-quoted body (`$$ … $$`): code, not data. */
  dollar?: boolean;
}

export interface Statement {
  start: number;
  end: number;
  tokens: Token[];
  /** A client meta-command line (`\c db`, `\i file`), not SQL. */
  meta?: boolean;
}

export interface LexOptions {
  /** Backslash escapes inside '…' and "…" (MySQL). Undefined: standard SQL, retried with backslashes when a string
   * would otherwise run to the end of the text. */
  backslash?: boolean;
}

const WORD = /[A-Za-z_\u0080-\uffff@][A-Za-z0-9_$\u0080-\uffff@#]*/y;
const NUMBER = /0x[0-9a-f]+|\d*\.?\d+(?:e[+-]?\d+)?/iy;
const STRING_PREFIX = /(?:[EeNnBbXx]|[Uu]&)'/y;
const PREFIX_CHARS = 'EeNnBbXxUu';
const OPERATOR = /::|<>|!=|<=|>=|:=|\|\||->>|->|=>/y;

/** A sticky regex matched exactly at `i` (no substring copies). */
function at(re: RegExp, text: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(text);
}

export function splitStatements(text: string, opts: LexOptions = {}): Statement[] {
  const first = lex(text, opts.backslash ?? false);
  if (opts.backslash === undefined && first.unterminated && text.includes('\\')) {
    const second = lex(text, true);
    if (!second.unterminated) return second.statements;
  }
  return first.statements;
}

function lex(text: string, backslash: boolean): { statements: Statement[]; unterminated: boolean } {
  const statements: Statement[] = [];
  let tokens: Token[] = [];
  let stmtStart = -1;
  let delimiter = ';';
  let unterminated = false;
  let versioned = 0;
  const n = text.length;
  let i = 0;

  const flush = (end: number) => {
    if (tokens.length > 0) statements.push({ start: stmtStart, end, tokens });
    tokens = [];
    stmtStart = -1;
  };
  const push = (t: Token) => {
    if (stmtStart < 0) stmtStart = t.start;
    tokens.push(t);
  };
  // Whether only blanks precede the current position on its line (tracked, not scanned: the lexer is a hot path).
  let bol = true;
  const lineEnd = (p: number) => {
    const e = text.indexOf('\n', p);
    return e < 0 ? n : e;
  };

  while (i < n) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      if (c === '\n') bol = true;
      i++;
      continue;
    }
    const atBol = bol;
    bol = false;
    // Line-level client commands: psql `\…`, MySQL `DELIMITER x`, T-SQL `GO`.
    if (atBol && (c === '\\' || c === 'd' || c === 'D' || c === 'g' || c === 'G')) {
      const le = lineEnd(i);
      const line = text.slice(i, le).replace(/\s+$/, '');
      if (c === '\\' && tokens.length === 0) {
        statements.push({ start: i, end: i + line.length, tokens: [{ kind: 'word', value: line.toLowerCase(), start: i, end: i + line.length }], meta: true });
        i = le;
        continue;
      }
      const d = /^delimiter\s+(\S+)$/i.exec(line);
      if (d) {
        flush(i);
        delimiter = d[1]!;
        i = le;
        continue;
      }
      if (/^go(\s+\d+)?$/i.test(line)) {
        flush(i);
        i = le;
        continue;
      }
    }
    if (text.startsWith(delimiter, i)) {
      flush(i);
      i += delimiter.length;
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      i = lineEnd(i);
      continue;
    }
    if (c === '#' && (text[i + 1] === ' ' || text[i + 1] === '!' || text[i + 1] === '\t' || atBol)) {
      i = lineEnd(i);
      continue;
    }
    // MySQL runs the text of `/*! … */` (and `/*!50001 … */`): it is code, not a comment.
    if (c === '/' && text[i + 1] === '*' && text[i + 2] === '!') {
      versioned++;
      i += 3;
      while (i < n && /[0-9]/.test(text[i]!)) i++;
      continue;
    }
    if (versioned > 0 && c === '*' && text[i + 1] === '/') {
      versioned--;
      i += 2;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      let depth = 1;
      let k = i + 2;
      while (k < n && depth > 0) {
        if (text[k] === '*' && text[k + 1] === '/') {
          depth--;
          k += 2;
        } else if (text[k] === '/' && text[k + 1] === '*') {
          depth++;
          k += 2;
        } else k++;
      }
      if (depth > 0) unterminated = true;
      i = k;
      continue;
    }
    // Strings, with optional E/N/B/X/U& prefixes.
    const prefix = PREFIX_CHARS.includes(c) ? at(STRING_PREFIX, text, i) : null;
    if (c === "'" || prefix) {
      const q = prefix ? i + prefix[0].length - 1 : i;
      const esc = backslash || (prefix !== null && /^[Ee]/.test(prefix[0]));
      const r = quoted(text, q, "'", esc);
      if (!r.closed) unterminated = true;
      push({ kind: 'string', value: r.value, start: i, end: r.end, inner: r.verbatim ? q + 1 : undefined });
      i = r.end;
      continue;
    }
    if (c === '"' || c === '`') {
      const r = quoted(text, i, c, backslash && c === '"');
      if (!r.closed) unterminated = true;
      push({ kind: 'ident', value: r.value, start: i, end: r.end, inner: r.verbatim ? i + 1 : undefined });
      i = r.end;
      continue;
    }
    if (c === '[') {
      // T-SQL [identifier]; `ARRAY[1]` and `x[1]` (no space before) stay punctuation.
      const m = /^\[([^\]\n]{1,128})\]/.exec(text.slice(i, i + 131));
      const prev = i > 0 ? text[i - 1]! : ' ';
      if (m && /^[A-Za-z_#@][\w $#@.-]*$/.test(m[1]!) && !/[\w\])]/.test(prev)) {
        push({ kind: 'ident', value: m[1]!, start: i, end: i + m[0].length, inner: i + 1 });
        i += m[0].length;
        continue;
      }
    }
    if (c === '$') {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text.slice(i, i + 66));
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length);
        const bodyStart = i + tag[0].length;
        const bodyEnd = close < 0 ? n : close;
        if (close < 0) unterminated = true;
        const end = close < 0 ? n : close + tag[0].length;
        push({ kind: 'string', value: text.slice(bodyStart, bodyEnd), start: i, end, inner: bodyStart, dollar: true });
        i = end;
        continue;
      }
      const p = /^\$\d+/.exec(text.slice(i, i + 12));
      if (p) {
        push({ kind: 'param', value: p[0], start: i, end: i + p[0].length });
        i += p[0].length;
        continue;
      }
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      const m = at(NUMBER, text, i)!;
      push({ kind: 'number', value: m[0].toLowerCase(), start: i, end: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if ((c === ':' || c === '?') && tokens.length > 0) {
      const m = /^(?::[A-Za-z_]\w*|\?)/.exec(text.slice(i, i + 64));
      if (m && text[i + 1] !== ':' && text[i - 1] !== ':') {
        push({ kind: 'param', value: m[0], start: i, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    const word = at(WORD, text, i);
    if (word) {
      const k = i + word[0].length;
      push({ kind: 'word', value: word[0].toLowerCase(), start: i, end: k });
      i = k;
      continue;
    }
    // Multi-character operators that matter for reading expressions.
    const op = ':<!>|-='.includes(c) ? at(OPERATOR, text, i) : null;
    const len = op ? op[0].length : 1;
    push({ kind: 'punct', value: text.slice(i, i + len), start: i, end: i + len });
    i += len;
  }
  flush(n);
  // A statement's end is its last token's end (trailing comments are not part of it).
  for (const s of statements) s.end = s.tokens[s.tokens.length - 1]!.end;
  return { statements, unterminated };
}

function quoted(text: string, open: number, q: string, backslash: boolean): { value: string; end: number; closed: boolean; verbatim: boolean } {
  let k = open + 1;
  let value = '';
  let verbatim = true;
  while (k < text.length) {
    const ch = text[k]!;
    if (backslash && ch === '\\' && k + 1 < text.length) {
      value += text[k + 1];
      verbatim = false;
      k += 2;
      continue;
    }
    if (ch === q) {
      if (text[k + 1] === q) {
        value += q;
        verbatim = false;
        k += 2;
        continue;
      }
      return { value, end: k + 1, closed: true, verbatim };
    }
    value += ch;
    k++;
  }
  return { value, end: text.length, closed: false, verbatim };
}

/** Splits a statement's tokens at top-level commas (parentheses and brackets nest). */
export function splitTop(tokens: readonly Token[], sep = ','): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && (t.value === '(' || t.value === '[' || t.value === '{')) depth++;
    if (t.kind === 'punct' && (t.value === ')' || t.value === ']' || t.value === '}')) depth--;
    if (depth === 0 && t.kind === 'punct' && t.value === sep) out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out.filter((g) => g.length > 0);
}

/** Index of the matching close parenthesis for the open one at `i`, or the last index. */
export function closeParen(tokens: readonly Token[], i: number): number {
  let depth = 0;
  for (let k = i; k < tokens.length; k++) {
    const v = tokens[k]!;
    if (v.kind !== 'punct') continue;
    if (v.value === '(') depth++;
    else if (v.value === ')' && --depth === 0) return k;
  }
  return tokens.length - 1;
}
