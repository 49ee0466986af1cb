// What a delete (or a discard of uncommitted changes) would lose, judged from the disk and the session: a file
// this session created, a build output git ignores, or a tracked file that still equals what git has loses
// nothing; an untracked or modified file, a repository's own .git, or anything that cannot be checked within bounds
// is a loss, named in the reason. A recursive delete is judged by everything under it (bounded walk).
import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { SessionView } from '../session/sessionMemory';
import type { World } from '../world/world';
import { tracksUnder } from './indexFile';
import type { GitStates, PathState, Repo } from './gitState';

export interface LossContext {
  git: GitStates;
  world: World;
  session: SessionView | undefined;
  /** Shown in reasons: paths relative to here when inside it. */
  cwd: string | undefined;
  /**
   * A path not on the disk (nor in the session) holds nothing to lose: set by a delete when nothing earlier on its
   * command line could have made it (`rm notes.txt` alone), never by a discard.
   */
  absentIsNothing?: boolean;
}

/** `lost: false` with why nothing is lost, or the first file that would be lost and why. */
export type Loss = { lost: false; why: string } | { lost: true; file: string; why: string };

export const LOSS_LIMITS = { entries: 5000, depth: 48 } as const;

/** How a delete treats a folder: rm without -r and rmdir cannot take a folder's files with it. */
export type DeleteMode = 'files' | 'recursive' | 'clean';

const WHY: Record<Exclude<PathState, 'clean' | 'ignored'>, string> = {
  modified: 'has uncommitted changes',
  untracked: 'is not tracked by git, so nothing else holds a copy',
  absent: 'does not exist yet, so what it will hold cannot be checked',
  'git-dir': "is the repository's own history (.git)",
  'no-repo': 'is not in a git repository, so nothing else holds a copy',
  unknown: 'could not be checked',
};

export function show(abs: string, cwd: string | undefined): string {
  if (cwd && (abs === cwd || abs.startsWith(`${cwd}/`))) return posix.relative(cwd, abs) || '.';
  return abs;
}

class Walk {
  entries = 0;
  constructor(readonly c: LossContext) {}

  /** One path as a delete would take it. */
  path(abs: string, mode: DeleteMode, depth = 0): Loss {
    const { git, world, session, cwd } = this.c;
    if (posix.basename(abs) === '.git') return { lost: true, file: show(abs, cwd), why: WHY['git-dir'] };
    if (++this.entries > LOSS_LIMITS.entries || depth > LOSS_LIMITS.depth) return { lost: true, file: show(abs, cwd), why: 'holds more files than Countersign checks' };
    const f = session?.file(abs);
    const st = world.stat?.(abs);
    // Created by this session (and, if deleted since, not back on disk): scratch nobody else had.
    if (f?.created && (!f.deleted || !st) && (!st || st.kind !== 'dir')) return { lost: false, why: 'this session created it' };
    if (!git.canRead) return { lost: true, file: show(abs, cwd), why: WHY.unknown };
    if (st?.kind === 'dir') return mode !== 'files' ? this.dir(abs, depth, mode) : { lost: false, why: 'a folder is only removed when empty' };
    const state = git.stateOf(abs, undefined, st);
    if (state === 'clean') return { lost: false, why: 'git has it, unchanged' };
    if (mode === 'clean' && state === 'modified') return { lost: false, why: 'git clean leaves tracked files alone' };
    // Only where the disk is really seen: its folder is there (a folder that is not there either says the judge does
    // not see the machine the command runs on, as with a payload from elsewhere).
    if (state === 'absent' && this.c.absentIsNothing && !f && world.dirStamp(posix.dirname(abs)) !== undefined) return { lost: false, why: 'it is not there' };
    if (state === 'ignored') return { lost: false, why: 'git ignores it (a build output or cache)' };
    return { lost: true, file: show(abs, cwd), why: WHY[state] };
  }

  private dir(abs: string, depth: number, mode: DeleteMode): Loss {
    const { git, world, cwd } = this.c;
    const repo = git.repoOf(abs);
    if (repo === 'unknown') return { lost: true, file: show(abs, cwd), why: WHY.unknown };
    if (repo !== 'none') {
      if (mode !== 'clean' && (abs === repo.root || repo.gitDir.startsWith(`${abs}/`))) return { lost: true, file: show(posix.join(repo.root, '.git'), cwd), why: WHY['git-dir'] };
      // An ignored folder with nothing tracked under it is a build output or cache, whatever it holds.
      const rel = posix.relative(repo.root, abs);
      if (repo.index && !tracksUnder(repo.index, rel) && git.ignored(repo, rel, true) === true) return { lost: false, why: 'git ignores it (a build output or cache)' };
    }
    const entries = world.listDir(abs);
    if (!entries) return { lost: true, file: show(abs, cwd), why: WHY.unknown };
    for (const e of [...entries].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
      const child = posix.join(abs, e.name);
      // git clean never touches its own repository's .git.
      if (e.name === '.git' && !(mode === 'clean' && repo !== 'none' && abs === repo.root)) return { lost: true, file: show(child, cwd), why: WHY['git-dir'] };
      if (e.name === '.git') continue;
      const loss = this.path(child, mode, depth + 1);
      if (loss.lost) return loss;
    }
    return { lost: false, why: repo === 'none' ? 'it holds nothing but files this session created' : 'everything in it is tracked and unchanged, ignored, or created by this session' };
  }
}

/** Judges every target of one delete; the first loss wins. A glob is expanded against the disk (bounded). */
export function lossOfDelete(targets: readonly { abs: string; glob: boolean }[], mode: DeleteMode, c: LossContext): Loss {
  const walk = new Walk(c);
  let why = 'nothing there';
  for (const t of targets) {
    const paths = !t.glob ? [t.abs] : c.git.canRead ? expand(t.abs, c.world) : undefined;
    if (paths === undefined) return { lost: true, file: show(t.abs, c.cwd), why: 'matches more files than Countersign checks' };
    for (const p of paths) {
      const loss = walk.path(p, mode);
      if (loss.lost) return loss;
      why = loss.why;
    }
  }
  return { lost: false, why };
}

/** The files an absolute glob matches on disk (bash's rules: a leading dot is matched only explicitly). */
export function expand(pattern: string, world: World): string[] | undefined {
  const segs = pattern.split('/');
  const first = segs.findIndex((s) => /(^|[^\\])[*?[{]/.test(s));
  if (first < 0) return [pattern.replace(/\\(.)/g, '$1')];
  const base = segs.slice(0, first).join('/').replace(/\\(.)/g, '$1') || '/';
  const rest = segs.slice(first).join('/');
  const isMatch = picomatch(rest, { dot: /(^|\/)\./.test(rest) || rest.includes('**') });
  const out: string[] = [];
  const stack: [string, string][] = [[base, '']];
  let seen = 0;
  const deep = segs.length - first > 1;
  while (stack.length > 0) {
    const [dir, rel] = stack.pop()!;
    const entries = world.listDir(dir);
    if (!entries) {
      if (dir === base) return undefined; // nothing known of where it would match
      continue;
    }
    for (const e of entries) {
      if (++seen > LOSS_LIMITS.entries) return undefined;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (isMatch(r)) out.push(posix.join(dir, e.name));
      // find's `**` visits the inside of a folder it matched too.
      if (deep && e.kind === 'dir' && e.name !== '.git') stack.push([posix.join(dir, e.name), r]);
    }
  }
  return out.sort();
}

export type { Repo };

/** Whether a file's uncommitted changes are this session's own: what is on disk is what the session last wrote,
 *  and before the session's first change the file was new or equal to what git has. */
export function ownChanges(abs: string, c: LossContext): boolean {
  const f = c.session?.file(abs);
  if (!f || f.deleted || f.text === undefined || !(f.created || f.cleanBefore)) return false;
  return c.world.readText(abs) === f.text;
}

/**
 * What discarding uncommitted changes loses: `paths` (files or folders, absolute) or the whole work tree, for
 * `git checkout -- f`, `git restore f`, `git reset --hard`, `git checkout -f`. `staged`: the index is reset too,
 * so changes already added are lost as well.
 */
export function lossOfDiscard(paths: readonly string[] | 'all', staged: boolean, at: string, c: LossContext): Loss {
  if (!c.git.canRead) return { lost: true, file: paths === 'all' ? show(at, c.cwd) : show(paths[0] ?? at, c.cwd), why: WHY.unknown };
  const repo = c.git.repoOf(paths === 'all' ? at : (paths[0] ?? at));
  if (repo === 'none') return { lost: false, why: 'not in a git repository (git refuses)' };
  if (repo === 'unknown' || !repo.index) return { lost: true, file: show(at, c.cwd), why: WHY.unknown };
  const index = repo.index;
  // `git add` invalidates the index's cache tree; a valid one means nothing is staged beyond the last commit.
  if (staged && !index.wholeTreeValid && index.sorted.length > 0) return { lost: true, file: show(repo.root, c.cwd), why: 'may hold staged changes (git add) that would be lost' };
  let candidates: string[];
  if (paths === 'all') candidates = index.sorted;
  else {
    candidates = [];
    for (const p of paths) {
      const rel = posix.relative(repo.root, p);
      if (rel.startsWith('..')) return { lost: true, file: show(p, c.cwd), why: WHY.unknown };
      if (index.entries.has(rel)) candidates.push(rel);
      else if (rel === '') candidates.push(...index.sorted);
      else if (tracksUnder(index, rel)) candidates.push(...index.sorted.filter((x) => x.startsWith(`${rel}/`)));
    }
  }
  if (candidates.length > LOSS_LIMITS.entries) return { lost: true, file: show(repo.root, c.cwd), why: 'holds more files than Countersign checks' };
  let own = 0;
  for (const rel of candidates) {
    const abs = posix.join(repo.root, rel);
    const state = c.git.stateOf(abs, repo);
    if (state === 'clean' || state === 'absent') continue;
    if (state === 'modified' && ownChanges(abs, c)) {
      own++;
      continue;
    }
    return { lost: true, file: show(abs, c.cwd), why: state === 'modified' ? 'has uncommitted changes this session did not make' : WHY[state === 'ignored' || state === 'untracked' ? 'unknown' : state] };
  }
  return { lost: false, why: own > 0 ? 'the only uncommitted changes are the ones this session made' : 'there are no uncommitted changes to lose' };
}

/** Files `git clean` would delete: untracked ones (and ignored ones with -x/-X, which lose nothing). */
export function lossOfClean(roots: readonly string[], c: LossContext): Loss {
  return lossOfDelete(roots.map((abs) => ({ abs, glob: false })), 'clean', c);
}
