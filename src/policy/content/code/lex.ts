// A light lexer that blanks comments (and, for a second view, string contents) while keeping every offset, so the
// code detectors can tell `@login_required` from `# @login_required` and a `//` in a URL from a comment. It knows
// each language family's comment syntax and string quotes; it does not need to parse the language.

export type CommentStyle = 'hash' | 'slash' | 'slash-hash' | 'dash' | 'percent' | 'none';

const HASH = new Set(['py', 'pyw', 'pyi', 'rb', 'rake', 'gemspec', 'pl', 'pm', 'cr', 'ex', 'exs', 'rego', 'yaml', 'yml', 'toml', 'conf', 'cfg', 'ini', 'properties', 'env', 'sh', 'bash', 'zsh', 'r', 'nim', 'csv', 'tf', 'hcl']);
const SLASH = new Set(['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'vue', 'svelte', 'astro', 'go', 'java', 'kt', 'kts', 'scala', 'groovy', 'gradle', 'cs', 'fs', 'rs', 'swift', 'm', 'mm', 'dart', 'c', 'cc', 'cpp', 'cxx', 'h', 'hpp', 'cedar', 'rules', 'jsonc', 'json5', 'zig', 'v', 'sol']);
const DASH = new Set(['lua', 'sql', 'hs', 'elm']);

export function commentStyle(ext: string): CommentStyle {
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

/** Both views of `text`; each has exactly the length and line breaks of `text`. */
export function views(text: string, ext: string): Views {
  const style = commentStyle(ext);
  const code = text.split('');
  const bare = text.split('');
  const python = ext === 'py' || ext === 'pyw' || ext === 'pyi';
  const ruby = ext === 'rb' || ext === 'rake';
  const markup = ext === 'vue' || ext === 'svelte' || ext === 'astro';
  const put = (arr: string[], from: number, to: number) => {
    for (let k = from; k < to; k++) if (arr[k] !== '\n') arr[k] = ' ';
  };
  let i = 0;
  let lineStart = true;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\n') {
      lineStart = true;
      i++;
      continue;
    }
    const atLineStart = lineStart;
    if (c !== ' ' && c !== '\t') lineStart = false;
    // Line comments.
    const hashComment = (style === 'hash' || (style === 'slash-hash' && next !== '[')) && c === '#';
    const slashComment = (style === 'slash' || style === 'slash-hash') && c === '/' && next === '/';
    const dashComment = style === 'dash' && c === '-' && next === '-';
    const percentComment = style === 'percent' && c === '%';
    if (hashComment || slashComment || dashComment || percentComment) {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      put(code, i, end);
      put(bare, i, end);
      i = end;
      continue;
    }
    // Block comments.
    if ((style === 'slash' || style === 'slash-hash') && c === '/' && next === '*') {
      let end = text.indexOf('*/', i + 2);
      end = end < 0 ? text.length : end + 2;
      put(code, i, end);
      put(bare, i, end);
      i = end;
      continue;
    }
    if (markup && text.startsWith('<!--', i)) {
      let end = text.indexOf('-->', i + 4);
      end = end < 0 ? text.length : end + 3;
      put(code, i, end);
      put(bare, i, end);
      i = end;
      continue;
    }
    if (ruby && atLineStart && text.startsWith('=begin', i)) {
      let end = text.indexOf('\n=end', i);
      end = end < 0 ? text.length : end + 5;
      put(code, i, end);
      put(bare, i, end);
      i = end;
      continue;
    }
    // Strings.
    if (c === '"' || c === "'" || c === '`') {
      const triple = python && (text.startsWith('"""', i) || text.startsWith("'''", i));
      if (triple) {
        const q = text.slice(i, i + 3);
        let end = text.indexOf(q, i + 3);
        end = end < 0 ? text.length : end + 3;
        // A triple-quoted string standing as a statement is a docstring or commented-out code: never live code.
        if (atLineStart) put(code, i, end);
        put(bare, i + 3, Math.max(i + 3, end - 3));
        i = end;
        continue;
      }
      let j = i + 1;
      while (j < text.length) {
        const d = text[j]!;
        if (d === '\\') {
          j += 2;
          continue;
        }
        if (d === c) break;
        if (d === '\n' && c !== '`') break;
        j++;
      }
      put(bare, i + 1, Math.min(j, text.length));
      i = j < text.length && text[j] === c ? j + 1 : j;
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    i++;
  }
  return { code: code.join(''), bare: bare.join('') };
}
