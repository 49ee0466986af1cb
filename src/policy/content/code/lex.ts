// A light lexer that blanks comments (and, for a second view, string contents) while keeping every offset, so the
// code detectors can tell `@login_required` from `# @login_required` and a `//` in a URL from a comment. It knows
// each language family's comment syntax and string quotes; it does not need to parse the language.

export type CommentStyle = 'hash' | 'slash' | 'slash-hash' | 'dash' | 'percent' | 'none';

const HASH = new Set(['py', 'pyw', 'pyi', 'rb', 'rake', 'gemspec', 'pl', 'pm', 'cr', 'ex', 'exs', 'rego', 'yaml', 'yml', 'toml', 'conf', 'cfg', 'ini', 'properties', 'env', 'sh', 'bash', 'zsh', 'r', 'nim', 'csv', 'tf', 'hcl', 'htaccess', 'npmrc', 'curlrc', 'wgetrc', 'gitconfig', 'yarnrc']);
const SLASH = new Set(['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'vue', 'svelte', 'astro', 'go', 'java', 'kt', 'kts', 'scala', 'groovy', 'gradle', 'cs', 'fs', 'rs', 'swift', 'm', 'mm', 'dart', 'c', 'cc', 'cpp', 'cxx', 'h', 'hpp', 'cedar', 'rules', 'jsonc', 'json5', 'zig', 'v', 'sol']);
const DASH = new Set(['lua', 'sql', 'hs', 'elm']);

export function commentStyle(ext: string): CommentStyle {
  if (ext === '') return 'hash';
  if (ext === 'php') return 'slash-hash';
  if (HASH.has(ext)) return 'hash';
  if (SLASH.has(ext)) return 'slash';
  if (DASH.has(ext)) return 'dash';
  if (ext === 'erl' || ext === 'hrl') return 'percent';
  return 'none';
}

export interface Views {
  /** Comments blanked (spaces; newlines kept). */
  code: string;
  /** Comments and the inside of string literals blanked (quotes kept). */
  bare: string;
}

/** Characters that may open a comment or a string, per comment style (everything else is skipped in bulk). */
const OPENERS: Record<CommentStyle, string> = {
  hash: `#"'\`\\=`,
  slash: `/"'\`\\<`,
  'slash-hash': `#/"'\`\\`,
  dash: `-"'\`\\`,
  percent: `%"'\`\\`,
  none: `"'\`\\`,
};

/** Both views of `text`; each has exactly the length and line breaks of `text`. */
export function views(text: string, ext: string): Views {
  const style = commentStyle(ext);
  const python = ext === 'py' || ext === 'pyw' || ext === 'pyi';
  const ruby = ext === 'rb' || ext === 'rake';
  const markup = ext === 'vue' || ext === 'svelte' || ext === 'astro';
  // Ranges to blank: [from, to) in the code view (comments) and in the bare view (comments and string contents).
  const codeCuts: number[] = [];
  const bareCuts: number[] = [];
  const cut = (from: number, to: number, both: boolean) => {
    if (to <= from) return;
    bareCuts.push(from, to);
    if (both) codeCuts.push(from, to);
  };
  const scan = new RegExp(`[${OPENERS[style].replace(/[\\\]^-]/g, (c) => `\\${c}`)}]`, 'g');
  const lineEnd = (from: number) => {
    const e = text.indexOf('\n', from);
    return e < 0 ? text.length : e;
  };
  const atLineStart = (i: number) => {
    let j = i;
    while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
    return j === 0 || text[j - 1] === '\n';
  };
  let i = 0;
  while (i < text.length) {
    scan.lastIndex = i;
    const m = scan.exec(text);
    if (!m) break;
    i = m.index;
    const c = text[i]!;
    const next = text[i + 1];
    if ((c === '#' && (style === 'hash' || (style === 'slash-hash' && next !== '['))) || (c === '/' && next === '/') || (c === '-' && next === '-') || c === '%') {
      const end = lineEnd(i);
      cut(i, end, true);
      i = end;
      continue;
    }
    if (c === '/' && next === '*') {
      const e = text.indexOf('*/', i + 2);
      const end = e < 0 ? text.length : e + 2;
      cut(i, end, true);
      i = end;
      continue;
    }
    if (c === '<' && markup && text.startsWith('<!--', i)) {
      const e = text.indexOf('-->', i + 4);
      const end = e < 0 ? text.length : e + 3;
      cut(i, end, true);
      i = end;
      continue;
    }
    if (c === '=' && ruby && text.startsWith('=begin', i) && (i === 0 || text[i - 1] === '\n')) {
      const e = text.indexOf('\n=end', i);
      const end = e < 0 ? text.length : e + 5;
      cut(i, end, true);
      i = end;
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      if (python && (text.startsWith('"""', i) || text.startsWith("'''", i))) {
        const q = text.slice(i, i + 3);
        const e = text.indexOf(q, i + 3);
        const end = e < 0 ? text.length : e + 3;
        // A triple-quoted string standing as a statement is a docstring or commented-out code: never live code.
        if (atLineStart(i)) cut(i, end, true);
        else cut(i + 3, Math.max(i + 3, end - 3), false);
        i = end;
        continue;
      }
      let j = i + 1;
      while (j < text.length) {
        const d = text[j]!;
        if (d === '\\') j += 2;
        else if (d === c || (d === '\n' && c !== '`')) break;
        else j++;
      }
      cut(i + 1, Math.min(j, text.length), false);
      i = j < text.length && text[j] === c ? j + 1 : j;
      continue;
    }
    i++;
  }
  return { code: apply(text, codeCuts), bare: apply(text, bareCuts) };
}

/** `text` with every [from, to) range blanked to spaces, line breaks kept. */
function apply(text: string, cuts: number[]): string {
  if (cuts.length === 0) return text;
  let out = '';
  let at = 0;
  for (let k = 0; k < cuts.length; k += 2) {
    const from = Math.max(cuts[k]!, at);
    const to = cuts[k + 1]!;
    if (to <= from) continue;
    out += text.slice(at, from) + text.slice(from, to).replace(/[^\n]/g, ' ');
    at = to;
  }
  return out + text.slice(at);
}
