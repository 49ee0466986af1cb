// Jupyter notebooks: their code cells run when a person presses Run, in the kernel, never through an agent's hook.
// Writing a cell is therefore the only moment Countersign sees that code, and it is judged as the code it is:
// Python (or the kernel's language) with `!cmd` lines and `%%bash` cells as shell. A whole .ipynb is read as JSON;
// an edit's text (NotebookEdit's new_source, VS Code's newCode) is one cell's source.

export interface CellCode {
  /** Offset of the cell's text in the written text (0 when it cannot be placed). */
  start: number;
  code: string;
  language: 'python3' | 'node' | 'ruby' | 'shell';
}

function kernelLanguage(meta: unknown): CellCode['language'] {
  const lang = ((meta as { kernelspec?: { language?: unknown }; language_info?: { name?: unknown } } | undefined)?.kernelspec?.language ?? (meta as { language_info?: { name?: unknown } } | undefined)?.language_info?.name ?? 'python');
  if (typeof lang !== 'string') return 'python3';
  if (/^(javascript|typescript|js|ts)$/i.test(lang)) return 'node';
  if (/^ruby$/i.test(lang)) return 'ruby';
  if (/^(bash|sh|shell|zsh)$/i.test(lang)) return 'shell';
  return 'python3';
}

/** One cell's source split into its language's code and its shell escapes (`!ls`, `%%bash`, `%system`). */
function splitCell(source: string, start: number, language: CellCode['language']): CellCode[] {
  const magic = /^%%(bash|sh|script\s+(?:ba|z)?sh|system)\b[^\n]*\n?/.exec(source);
  if (magic) return [{ start: start + magic[0].length, code: source.slice(magic[0].length), language: 'shell' }];
  if (language !== 'python3') return [{ start, code: source, language }];
  const out: CellCode[] = [];
  let at = 0;
  const kept: string[] = [];
  for (const line of source.split('\n')) {
    const bang = /^(\s*)(?:!|%(?:system|sx)\s+)(.*)$/.exec(line);
    if (bang) {
      out.push({ start: start + at + line.length - bang[2]!.length, code: bang[2]!, language: 'shell' });
      kept.push('');
    } else kept.push(/^\s*%/.test(line) ? '' : line);
    at += line.length + 1;
  }
  out.unshift({ start, code: kept.join('\n'), language: 'python3' });
  return out;
}

/** The code a notebook's text would run: every code cell of a whole notebook, or the text as one cell. */
export function notebookCode(text: string): CellCode[] {
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch {
    return splitCell(text, 0, 'python3');
  }
  const cells = (nb as { cells?: unknown } | null)?.cells;
  if (!Array.isArray(cells)) return typeof nb === 'string' ? splitCell(nb, 0, 'python3') : [];
  const language = kernelLanguage((nb as { metadata?: unknown }).metadata);
  const out: CellCode[] = [];
  for (const cell of cells.slice(0, 500)) {
    const c = cell as { cell_type?: unknown; source?: unknown };
    if (c.cell_type !== 'code') continue;
    const source = Array.isArray(c.source) ? c.source.filter((l): l is string => typeof l === 'string').join('') : typeof c.source === 'string' ? c.source : '';
    if (source.trim() === '') continue;
    const first = source.split('\n')[0]!;
    const at = first.length >= 4 ? text.indexOf(JSON.stringify(first).slice(1, -1)) : -1;
    out.push(...splitCell(source, at >= 0 ? at : 0, language));
  }
  return out;
}
