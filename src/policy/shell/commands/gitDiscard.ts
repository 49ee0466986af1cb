// git commands that throw away work that is only on disk: `git checkout -- f`, `git checkout .`, `git checkout -f`,
// `git restore [--worktree] f`, `git reset --hard`, `git switch -f/--discard-changes`, `git clean -f`, `git stash
// drop/clear`, `git rm -f`. Judged by what they would lose (git/loss.ts): nothing uncommitted, or only the changes
// this session made itself → safe; someone else's uncommitted changes or untracked files → a review naming one.
import { text } from '../args';
import { lossOfClean, lossOfDelete, lossOfDiscard, type Loss } from '../../git/loss';
import type { Invocation } from '../types';
import type { Word } from '../words';
import type { ShellAnalyzer } from '../analyzer';
import { deleteTargets, lossContext, reportDelete } from '../deleteLoss';

const VALUE_OPTS = new Set(['-b', '-B', '--orphan', '-s', '--source', '--conflict', '--pathspec-from-file', '-c', '--create', '-C', '--force-create']);

interface Split {
  flags: string[];
  /** Operands before `--` (refs, or paths when no `--`), and every word after it. */
  before: Word[];
  after: Word[] | undefined;
}

function split(args: readonly Word[]): Split {
  const flags: string[] = [];
  const before: Word[] = [];
  for (let i = 0; i < args.length; i++) {
    const t = text(args[i]);
    if (t === '--') return { flags, before, after: args.slice(i + 1) };
    if (t.startsWith('-') && t !== '-') {
      flags.push(t);
      if (VALUE_OPTS.has(t)) i++;
      continue;
    }
    before.push(args[i]!);
  }
  return { flags, before, after: undefined };
}

const has = (flags: string[], long: string, short?: string): boolean =>
  flags.some((f) => f === long || f.startsWith(`${long}=`) || (short !== undefined && /^-[a-zA-Z]+$/.test(f) && f.includes(short)));

/** Reports a discard: safe when nothing is lost, else `git.discard` naming the file. */
function report(a: ShellAnalyzer, inv: Invocation, at: Word | undefined, what: string, loss: Loss | undefined): void {
  if (loss && !loss.lost) a.hitOn('safe.delete', `${what}; nothing is lost: ${loss.why}.`, inv, at);
  else a.hitOn('git.discard', loss ? `${what}; ${loss.file} ${loss.why}.` : `${what}, which may throw away uncommitted work.`, inv, at);
}

/** Whether a word names something on disk (so `git checkout WORD` restores a path rather than switching branch). */
function onDisk(a: ShellAnalyzer, w: Word): boolean {
  if (w.value === '.' || w.glob) return true;
  const abs = w.value !== undefined ? a.resolve(w.value) : undefined;
  const world = a.scope.git?.world;
  return abs !== undefined && world?.stat?.(abs) !== undefined;
}

function discardPaths(a: ShellAnalyzer, inv: Invocation, at: Word | undefined, what: string, words: readonly Word[], staged: boolean): void {
  const c = lossContext(a);
  const targets = deleteTargets(a, words);
  const loss = c && targets && targets.every((t) => !t.glob) ? lossOfDiscard(targets.map((t) => t.abs), staged, targets[0]?.abs ?? a.cwd ?? '/', c) : undefined;
  report(a, inv, at, what, loss);
}

function discardAll(a: ShellAnalyzer, inv: Invocation, at: Word | undefined, what: string): void {
  const c = lossContext(a);
  report(a, inv, at, what, c && a.cwd ? lossOfDiscard('all', true, a.cwd, c) : undefined);
}

/** Handles the discarding forms of a git subcommand; true when it did (the caller adds no other finding for it). */
export function gitDiscard(a: ShellAnalyzer, inv: Invocation, sub: string, subWord: Word | undefined, args: readonly Word[]): boolean {
  const s = split(args);
  const cmd = `git ${[sub, ...args.map((w) => w.raw)].join(' ')}`;
  const what = `Discards uncommitted changes (${cmd.length > 80 ? `${cmd.slice(0, 77)}…` : cmd})`;
  switch (sub) {
    case 'reset': {
      // Moving the branch too (`reset --hard HEAD~3`) drops commits: a history rewrite, judged as one.
      if (!s.flags.includes('--hard') || s.before.some((w) => !/^(HEAD|@)$/.test(text(w))) || s.after) return false;
      discardAll(a, inv, subWord, what);
      return true;
    }
    case 'checkout': {
      if (has(s.flags, '--patch', 'p')) return false; // asks for each hunk
      const force = has(s.flags, '--force', 'f');
      let paths: Word[];
      let rev: boolean;
      if (s.after) {
        paths = s.after;
        rev = s.before.length > 0;
      } else {
        const first = s.before[0];
        const firstIsPath = first !== undefined && onDisk(a, first) && !s.flags.some((f) => /^-(b|B|-orphan)$/.test(f));
        paths = firstIsPath ? s.before : s.before.slice(1);
        rev = !firstIsPath && first !== undefined;
        if (!firstIsPath && paths.length === 0) {
          // Switching branch: git refuses to overwrite local changes unless forced.
          if (!force) return false;
          discardAll(a, inv, subWord, what);
          return true;
        }
      }
      if (paths.length === 0) return false;
      discardPaths(a, inv, subWord, what, paths, rev);
      return true;
    }
    case 'restore': {
      const staged = has(s.flags, '--staged', 'S');
      const worktree = has(s.flags, '--worktree', 'W');
      if ((staged && !worktree) || has(s.flags, '--patch', 'p')) return false; // only the index: the file stays as it is
      const paths = [...s.before, ...(s.after ?? [])];
      if (paths.length === 0) return false;
      discardPaths(a, inv, subWord, what, paths, staged || has(s.flags, '--source', 's'));
      return true;
    }
    case 'switch': {
      if (!has(s.flags, '--discard-changes') && !has(s.flags, '--force', 'f')) return false;
      discardAll(a, inv, subWord, what);
      return true;
    }
    case 'clean': {
      if (!has(s.flags, '--force', 'f') || has(s.flags, '--dry-run', 'n')) return false;
      const cleanWhat = `Deletes untracked files (${cmd.length > 80 ? `${cmd.slice(0, 77)}…` : cmd})`;
      const c = lossContext(a);
      // -X removes only what git ignores: build outputs.
      if (s.flags.some((f) => /^-[a-zA-Z]*X/.test(f))) {
        a.hitOn('safe.delete', `${cleanWhat}; nothing is lost: only files git ignores.`, inv, subWord);
        return true;
      }
      const words = [...s.before, ...(s.after ?? [])];
      const targets = words.length > 0 ? deleteTargets(a, words) : a.cwd ? [{ abs: a.cwd, glob: false }] : undefined;
      const loss = c && targets && targets.every((t) => !t.glob) ? lossOfClean(targets.map((t) => t.abs), c) : undefined;
      reportDelete(a, inv, loss, cleanWhat, subWord);
      return true;
    }
    case 'stash': {
      const verb = text(s.before[0]);
      if (verb !== 'drop' && verb !== 'clear') return false;
      const c = lossContext(a);
      const repo = c && a.cwd ? c.git.repoOf(a.cwd) : 'unknown';
      const any = repo !== 'unknown' && repo !== 'none' ? c!.git.hasStash(repo) : undefined;
      const dropWhat = `Drops stashed changes (git stash ${verb})`;
      if (any === false) a.hitOn('safe.delete', `${dropWhat}; nothing is lost: there is no stash.`, inv, subWord);
      else a.hitOn('git.discard', `${dropWhat}: stashed work is not kept anywhere else.`, inv, subWord);
      return true;
    }
    case 'rm': {
      if (!has(s.flags, '--force', 'f') || has(s.flags, '--cached') || has(s.flags, '--dry-run', 'n')) return false; // git refuses to lose changes
      const c = lossContext(a);
      const targets = deleteTargets(a, [...s.before, ...(s.after ?? [])]);
      const loss = c && targets && targets.length > 0 && targets.every((t) => !t.glob) ? lossOfDelete(targets, has(s.flags, '-r', 'r') ? 'recursive' : 'files', c) : undefined;
      reportDelete(a, inv, loss, `Deletes files (${cmd.length > 80 ? `${cmd.slice(0, 77)}…` : cmd})`, subWord);
      return true;
    }
  }
  return false;
}

