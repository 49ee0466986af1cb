// SQL held in program text: migrations written in TypeScript, JavaScript, Python, Ruby or Go keep their statements
// in string literals (`knex.raw('…')`, `op.execute("""…""")`, `execute <<~SQL … SQL`, Go raw strings). Only strings
// that read like a statement are returned, with where their text sits in the code.

export interface CodeString {
  text: string;
  /** Span of the literal in the code. */
  start: number;
  end: number;
  /** Whether `text` is a verbatim slice starting at `start` (no escapes undone): findings map back exactly. */
  linear: boolean;
}

const SQLISH = /^\s*(?:grant|revoke|deny|create|alter|drop|update|insert|replace|delete|truncate|set|select|with|exec|execute|merge|do|begin|flush|rename|reassign|copy|comment)\b/i;
const LITERAL = /"""([\s\S]*?)"""|'''([\s\S]*?)'''|`((?:[^`\\]|\\[\s\S])*)`|"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|<<[~-]?(['"]?)([A-Z_]\w*)\6[^\n]*\n([\s\S]*?)^[ \t]*\7\b/gm;

export function sqlStringsInCode(code: string): CodeString[] {
  const out: CodeString[] = [];
  for (const m of code.matchAll(LITERAL)) {
    const body = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[8];
    if (body === undefined || body.length < 6 || !SQLISH.test(body)) continue;
    const inner = m.index + m[0].indexOf(body);
    const unescaped = body.includes('\\') && m[8] === undefined ? body.replace(/\\(.)/g, '$1') : body;
    out.push({ text: unescaped, start: unescaped === body ? inner : m.index, end: unescaped === body ? inner + body.length : m.index + m[0].length, linear: unescaped === body });
  }
  return out;
}
