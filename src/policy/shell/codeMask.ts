// The code of a program with its comments and the insides of its string literals blanked (same length, so offsets
// still point into the original): `print("exec() is called without arguments")`, `# uses requests` and
// `'find . -exec grep'` mention a call without making it. What a string holds is judged where it runs (`exec('…')`,
// `subprocess.run('…')` analyze their literal), never where it is only text. Template literals and f-strings keep
// their insides: their `${…}`/`{…}` parts are code.
import type { CodeLanguage } from './interpreterCode';

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

export function maskStringsAndComments(code: string, lang: CodeLanguage): string {
  if (lang !== 'python' && lang !== 'node') return code;
  let out = '';
  let i = 0;
  const n = code.length;
  while (i < n) {
    const c = code[i]!;
    // comments
    if ((lang === 'python' && c === '#') || (lang === 'node' && c === '/' && code[i + 1] === '/')) {
      let j = code.indexOf('\n', i);
      if (j < 0) j = n;
      out += blank(code.slice(i, j));
      i = j;
      continue;
    }
    if (lang === 'node' && c === '/' && code[i + 1] === '*') {
      let j = code.indexOf('*/', i + 2);
      j = j < 0 ? n : j + 2;
      out += blank(code.slice(i, j));
      i = j;
      continue;
    }
    if (c === '"' || c === "'" || (c === '`' && lang === 'node')) {
      // A Python f-string (`f"…{x}…"`) or a template literal: code inside, kept as it is.
      const prefix = lang === 'python' ? /([rRbBuUfF]{0,2})$/.exec(code.slice(Math.max(0, i - 2), i))![1]!.toLowerCase() : '';
      const keep = c === '`' || prefix.includes('f');
      const triple = lang === 'python' && code.startsWith(c.repeat(3), i);
      const delim = triple ? c.repeat(3) : c;
      let j = i + delim.length;
      while (j < n && !code.startsWith(delim, j) && (triple || c === '`' || code[j] !== '\n')) j += code[j] === '\\' ? 2 : 1;
      j = Math.min(n, j + (code.startsWith(delim, j) ? delim.length : 0));
      const lit = code.slice(i, j);
      out += keep ? lit : delim + blank(lit.slice(delim.length, Math.max(delim.length, lit.length - delim.length))) + lit.slice(Math.max(delim.length, lit.length - delim.length));
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
