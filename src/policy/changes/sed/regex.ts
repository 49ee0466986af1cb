// POSIX regular expressions (GNU sed's basic and extended syntax) translated to JavaScript, with what the
// translation cannot promise: POSIX picks the leftmost-LONGEST match, JavaScript the leftmost match its
// backtracking finds first. The two agree when no choice between alternatives exists (no `|`, no quantified or
// optional group, no back-reference); otherwise the translation is marked inexact. Pure.

export type Result<T> = { ok: true; value: T } | { ok: false; why: string };
export const fail = <T>(why: string): Result<T> => ({ ok: false, why });

export interface JsRegex {
  source: string;
  /** Why JavaScript may pick a different match than GNU sed; undefined when they agree. */
  inexact?: string;
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  cntrl: '\\x00-\\x1f\\x7f',
  print: '\\x20-\\x7e',
  graph: '\\x21-\\x7e',
};

const WORD = '[A-Za-z0-9_]';

const ASSERTIONS: Record<string, string> = {
  '<': `(?<!${WORD})(?=${WORD})`,
  '>': `(?<=${WORD})(?!${WORD})`,
  b: '\\b',
  B: '\\B',
  '`': '(?<![\\s\\S])',
  "'": '(?![\\s\\S])',
};

/** Reads a bracket expression starting at `[`; returns the JS class and the index after `]`. */
function bracket(re: string, i: number): Result<{ js: string; end: number }> {
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
      const mapped = CLASSES[cls[1]!];
      if (!mapped) return fail(`the class [:${cls[1]}:] is not one sed knows`);
      body += mapped;
      j += cls[0].length - 1;
      continue;
    }
    if (re.startsWith('[.', j) || re.startsWith('[=', j)) return fail('collating elements and equivalence classes are not previewed');
    const ch = re[j]!;
    // Inside POSIX brackets a backslash is literal; JavaScript needs it (and [) escaped.
    body += ch === '\\' || ch === '[' ? `\\${ch}` : ch;
  }
  if (j >= re.length) return fail('an unterminated [ in the regular expression');
  if (body === '^') return fail('an empty bracket expression');
  return { ok: true, value: { js: `[${body}]`, end: j + 1 } };
}

const escapeJs = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Translates a POSIX regular expression (basic unless `extended`, with GNU's extensions: `\+ \? \|` in basic, `\w \W
 * \s \S \b \B \< \> \` \'`, `\n \t`) to JavaScript source.
 */
export function posixToJs(re: string, extended: boolean): Result<JsRegex> {
  let out = '';
  let i = 0;
  /** Where the current atom starts in `out` (for quantifiers), and whether it is a group. */
  let atomStart = -1;
  let atomIsGroup = false;
  /** True right after the start, `(`, `|` (and `^` in basic): a `*` there is literal in basic syntax. */
  let atStart = true;
  const groups: number[] = [];
  const inexact: string[] = [];
  let openGroups = 0;
  const atom = (js: string, group = false) => {
    atomStart = out.length;
    atomIsGroup = group;
    out += js;
    atStart = false;
  };
  const quantify = (q: string) => {
    if (atomStart < 0) return false;
    if (atomIsGroup) inexact.push('a repeated or optional group');
    // a** is a** in POSIX; JavaScript refuses a quantified quantifier, so wrap the atom.
    if (/[*+?}]$/.test(out) && out.length > atomStart && !out.endsWith('\\*') && !out.endsWith('\\+') && !out.endsWith('\\?') && !out.endsWith('\\}')) {
      out = out.slice(0, atomStart) + `(?:${out.slice(atomStart)})`;
    }
    out += q;
    atStart = false;
    return true;
  };
  while (i < re.length) {
    const c = re[i]!;
    // Operators, in their basic or extended spelling.
    let op: string | undefined;
    if (c === '\\' && i + 1 < re.length && !extended && '(){}+?|'.includes(re[i + 1]!)) {
      op = re[i + 1]!;
      i += 2;
    } else if (extended && '(){}+?|'.includes(c)) {
      op = c;
      i += 1;
    }
    if (op !== undefined) {
      if (op === '(') {
        openGroups++;
        groups.push(out.length);
        out += '(';
        atStart = true;
        atomStart = -1;
      } else if (op === ')') {
        if (openGroups === 0) {
          if (extended) return fail('an unmatched ) in the regular expression');
          atom('\\)');
          continue;
        }
        openGroups--;
        const start = groups.pop()!;
        out += ')';
        atomStart = start;
        atomIsGroup = true;
        atStart = false;
      } else if (op === '|') {
        inexact.push('alternation (|)');
        out += '|';
        atStart = true;
        atomStart = -1;
      } else if (op === '{') {
        const close = extended ? re.indexOf('}', i) : re.indexOf('\\}', i);
        const body = close < 0 ? '' : re.slice(i, close);
        if (!/^\d*(,\d*)?$/.test(body) || body === '' || body === ',') {
          return fail('a malformed interval {…} in the regular expression');
        }
        i = close + (extended ? 1 : 2);
        const js = body.startsWith(',') ? `{0${body}}` : `{${body}}`;
        if (!quantify(js)) {
          if (extended) return fail('an interval with nothing to repeat');
          atom(escapeJs(`{${body}}`));
        }
      } else if (op === '}') {
        atom('\\}');
      } else {
        // + and ?
        if (!quantify(op)) {
          if (extended) return fail(`${op} with nothing to repeat`);
          atom(`\\${op}`);
        }
      }
      continue;
    }
    if (c === '[') {
      const b = bracket(re, i);
      if (!b.ok) return b;
      atom(b.value.js);
      i = b.value.end;
      continue;
    }
    if (c === '\\') {
      const n = re[i + 1];
      i += 2;
      if (n === undefined) return fail('a trailing backslash in the regular expression');
      if (/[1-9]/.test(n)) {
        if (Number(n) > countClosed(out) - groups.length) return fail(`\\${n} refers to a group that does not exist`);
        inexact.push('a back-reference');
        atom(`\\${n}`);
      } else if ('<>bB`\''.includes(n)) {
        // Zero-width assertions: nothing to repeat, and a ^ after one is no longer at the start.
        out += ASSERTIONS[n]!;
        atomStart = -1;
        atStart = false;
      } else if (n === 'w') atom(WORD);
      else if (n === 'W') atom('[^A-Za-z0-9_]');
      else if (n === 's') atom('[ \\t\\n\\r\\f\\v]');
      else if (n === 'S') atom('[^ \\t\\n\\r\\f\\v]');
      else if (n === 'n') atom('\\n');
      else if (n === 't') atom('\\t');
      else if (/[a-zA-Z0-9]/.test(n)) return fail(`the escape \\${n} is not previewed`);
      else atom(escapeJs(n));
      continue;
    }
    if (c === '*') {
      i++;
      if (atStart || atomStart < 0) {
        if (extended) return fail('* with nothing to repeat');
        atom('\\*');
      } else quantify('*');
      continue;
    }
    if (c === '^') {
      i++;
      // An anchor at the start (of the expression, a group or an alternative) in basic syntax; anywhere in extended.
      if (extended || atStart) {
        out += '^';
        atomStart = -1;
        // In basic syntax a * right after a leading ^ is literal.
        atStart = !extended;
      } else atom('\\^');
      continue;
    }
    if (c === '$') {
      i++;
      const end = i === re.length || (!extended && (re.startsWith('\\)', i) || re.startsWith('\\|', i)));
      if (extended || end) {
        out += '$';
        atomStart = -1;
        atStart = false;
      } else atom('\\$');
      continue;
    }
    i++;
    // sed's . matches any character, a newline put in the pattern space included.
    atom(c === '.' ? '[\\s\\S]' : escapeJs(c));
  }
  if (openGroups > 0) return fail('an unmatched ( in the regular expression');
  try {
    new RegExp(out);
  } catch (err) {
    return fail(`the regular expression is not previewed (${(err as Error).message})`);
  }
  return { ok: true, value: inexact.length ? { source: out, inexact: [...new Set(inexact)].join(', ') } : { source: out } };
}

/** Groups already closed in the JS source (for back-reference checks). */
function countClosed(js: string): number {
  let n = 0;
  for (let i = 0; i < js.length; i++) {
    if (js[i] === '\\') i++;
    else if (js[i] === '(' && js[i + 1] !== '?') n++;
    else if (js[i] === '[') {
      for (i++; i < js.length && js[i] !== ']'; i++) if (js[i] === '\\') i++;
    }
  }
  return n;
}
