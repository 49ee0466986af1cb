// Archivers that take the names of the files to read from their input rather than their arguments (`cpio -o`,
// `tar -T -`, `zip -@`, `pax -w`): the names are what the command reads. Known text on stdin (an echo, a here-string,
// a heredoc) is checked name by name, a listing's pattern as a glob; names that cannot be known are a review.
import type { ShellAnalyzer } from '../analyzer';
import { checkPathWord } from '../pathArgs';
import type { Invocation } from '../types';
import { syntheticWord, type Word } from '../words';

/** Does this archiver invocation read its member names from stdin? */
export function namesFromStdin(inv: Invocation, fromOption: readonly Word[]): boolean {
  const vals = inv.args.map((w) => w.value ?? '');
  switch (inv.name) {
    case 'cpio':
      // copy-out (-o) and pass-through (-p) read names from stdin; copy-in (-i) reads an archive.
      return vals.some((v) => /^-[a-zA-Z]*[op]/.test(v) || v === '--create' || v === '--pass-through');
    case 'zip':
      return vals.includes('-@') || vals.includes('--names-stdin');
    case 'pax': {
      // write mode with no file operands reads the names from stdin (`-f` takes the archive's name).
      const operands = vals.filter((v, i) => v !== '' && !v.startsWith('-') && vals[i - 1] !== '-f');
      return vals.some((v) => /^-[a-zA-Z]*w/.test(v)) && operands.length === 0;
    }
    default:
      return fromOption.some((w) => w.value === '-' || w.value === '/dev/stdin');
  }
}

/** Checks the names the archiver reads from stdin; true when one reached something sensitive. */
export function checkStdinNames(a: ShellAnalyzer, inv: Invocation): boolean {
  const stdin = inv.stdin;
  if (stdin?.kind === 'text') {
    let hit = false;
    let at = stdin.start;
    for (const line of stdin.text.split('\n')) {
      const name = line.trim();
      if (name !== '') {
        const w = syntheticWord(name.replace(/[*?[\]{}\\,]/g, '\\$&'), false, stdin.linear ? { start: at, end: at + line.length } : { start: inv.nameWord.start, end: inv.nameWord.end }, inv.node);
        if (checkPathWord(a, undefined, w, 'read', {}, stdin.linear ? stdin.frame : inv.frame)) hit = true;
      }
      at += line.length + 1;
    }
    return hit;
  }
  if (stdin?.kind === 'files') {
    const w = syntheticWord(stdin.pattern, true, { start: inv.nameWord.start, end: inv.nameWord.end }, inv.node);
    return checkPathWord(a, undefined, w, 'read', {}, inv.frame);
  }
  a.hitOn('exec.indirect', `\`${inv.name}\` archives the files named on its input, which cannot be known here.`, inv);
  return false;
}
