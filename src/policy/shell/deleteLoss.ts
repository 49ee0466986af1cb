// Deletes judged by what they lose (git/loss.ts), from inside a command handler: the targets as the command names
// them (globs expanded on disk only when every part of them is literal), a `safe.delete` note when nothing is
// lost, an `fs.delete` review naming the first file that would be.
import { lossOfDelete, type DeleteMode, type Loss, type LossContext } from '../git/loss';
import type { Invocation } from './types';
import type { Word } from './words';
import type { ShellAnalyzer } from './analyzer';
import { nothingMadeFilesSoFar } from './lineRuns';

export function lossContext(a: ShellAnalyzer): LossContext | undefined {
  const g = a.scope.git;
  return g ? { git: g.states, world: g.world, session: a.scope.files?.session, cwd: a.cwd } : undefined;
}

/** Absolute targets of the words; undefined when one of them is only known at run time (a variable, `$(…)`). */
export function deleteTargets(a: ShellAnalyzer, words: readonly Word[]): { abs: string; glob: boolean }[] | undefined {
  const out: { abs: string; glob: boolean }[] = [];
  for (const w of words) {
    if (w.vars.length > 0 || w.substitutions.length > 0 || w.decoded) return undefined;
    const abs = w.glob ? a.resolve(w.pattern) : w.value !== undefined ? a.resolve(w.value) : undefined;
    if (abs === undefined) return undefined;
    out.push({ abs, glob: w.glob });
  }
  return out;
}

/** What deleting these words' files loses; undefined when it cannot be told (no disk, unknown targets). */
export function deleteLoss(a: ShellAnalyzer, words: readonly Word[], mode: DeleteMode): Loss | undefined {
  const c = lossContext(a);
  const targets = deleteTargets(a, words);
  if (!c || !targets || targets.length === 0) return undefined;
  // A target written earlier on this line is not "absent": it is there by the time rm runs.
  const absentIsNothing = nothingMadeFilesSoFar(a) && targets.every((t) => t.glob || !a.written.has(a.fileKey(t.abs)));
  return lossOfDelete(targets, mode, { ...c, absentIsNothing });
}

/** Reports a delete: safe when nothing is lost, else a review naming what would be. `what` starts "Deletes …". */
export function reportDelete(a: ShellAnalyzer, inv: Invocation, loss: Loss | undefined, what: string, at?: { start: number; end: number }): void {
  if (loss && !loss.lost) {
    a.hitOn('safe.delete', `${what}; nothing is lost: ${loss.why}.`, inv, at);
    return;
  }
  a.hitOn('fs.delete', loss ? `${what}; ${loss.file} ${loss.why}.` : `${what}.`, inv, at);
}
