// Editor commands given on the command line (`vim -c 'e ~/.netrc'`, `vim +'r .env'`, `ex -c …`, `emacs --eval
// '(insert-file-contents "~/.netrc")'`, `emacs -l x.el`): the run is already a review; the files the command text
// names are what it may read or write, so each path-like token of it (quoted or not) is checked as a read.
import type { ShellAnalyzer } from '../analyzer';
import { checkPathWord } from '../pathArgs';
import type { Invocation } from '../types';
import { syntheticWord, type Word } from '../words';

const TAKES_CODE = /^(-c|--cmd|--eval|-eval|--exec|-x|-S|-l|--load|-batch-eval)$/;

/** The words of an editor invocation that hold editor code. */
export function editorCodeWords(inv: Invocation): Word[] {
  const out: Word[] = [];
  inv.args.forEach((w, i) => {
    const v = w.value ?? '';
    if (/^\+\S/.test(v)) out.push(w);
    else if (/^--eval=/.test(v)) out.push(w);
    else if (i > 0 && TAKES_CODE.test(inv.args[i - 1]!.value ?? '')) out.push(w);
  });
  return out;
}

/** Checks every path-like token of the editor code as a read; true when one reached something sensitive. */
export function checkEditorCode(a: ShellAnalyzer, inv: Invocation): boolean {
  let hit = false;
  for (const w of editorCodeWords(inv)) {
    const text = w.value;
    if (text === undefined) continue;
    let n = 0;
    for (const m of text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s"'()|;]+)/g)) {
      if (++n > 200) break;
      const token = (m[1] ?? m[2] ?? m[3] ?? '').replace(/^[:+]+|[!]+$/g, '');
      if (!/[./~]/.test(token) || token.length < 2 || /^-/.test(token) || /\s/.test(token)) continue;
      const at = { start: w.start, end: w.end };
      const word = syntheticWord(token.replace(/[*?[\]{}\\,]/g, '\\$&'), false, at, inv.node);
      if (checkPathWord(a, undefined, word, 'read', {}, inv.frame)) hit = true;
    }
  }
  return hit;
}
