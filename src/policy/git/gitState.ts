// What git holds of a path, read through the World and never by running git (a hostile repository's config can
// make git run hooks, fsmonitor or filters): the repository a path belongs to (a `.git` folder, or a `.git` file
// pointing at the gitdir of a worktree or submodule), whether the index tracks it, whether the file still equals
// what the index recorded (stat data first, the blob's SHA-1 when they differ), and whether .gitignore files (root
// and nested, negations, folder-only patterns) or `.git/info/exclude` ignore it. Bounded: anything over a cap or
// unreadable is `unknown`, which the callers judge as a loss. The index is parsed once per stamp (size, mtime,
// inode), not per evaluation.
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { FileStat, World } from '../world/world';
import { parseIndex, type GitIndex, type IndexEntry } from './indexFile';

export type PathState = 'clean' | 'modified' | 'untracked' | 'ignored' | 'absent' | 'git-dir' | 'no-repo' | 'unknown';

export interface Repo {
  root: string;
  gitDir: string;
  commonDir: string;
  /** undefined: the index could not be read within bounds (so nothing about tracking is known). */
  index: GitIndex | undefined;
  /** Index file modification time, for git's "racily clean" rule. */
  indexMtime: [number, number];
}

export const GIT_LIMITS = {
  /** Largest file hashed to tell whether it still equals its blob. */
  hashBytes: 8 * 1024 * 1024,
  /** Levels walked up looking for `.git`. */
  depth: 128,
  /** Repositories and ignore files kept parsed. */
  cachedRepos: 16,
  cachedIgnores: 512,
  ignoreFileBytes: 256 * 1024,
} as const;

export class GitStates {
  private readonly indexes = new Map<string, { stamp: string; index: GitIndex | undefined }>();
  private readonly ignores = new Map<string, { stamp: string; ig: Ignore | undefined }>();

  constructor(private readonly world: World) {}

  /** Whether this world can answer at all (a world without a disk answers nothing, so every delete is a loss). */
  get canRead(): boolean {
    return this.world.stat !== undefined && this.world.readBytes !== undefined;
  }

  /** The repository holding an absolute path (the path itself may be the work tree's root); 'none' outside any. */
  repoOf(absPath: string): Repo | 'none' | 'unknown' {
    if (!this.canRead) return 'unknown';
    let dir = absPath;
    for (let i = 0; i < GIT_LIMITS.depth; i++) {
      const dotGit = posix.join(dir, '.git');
      const st = this.world.stat!(dotGit);
      if (st?.kind === 'dir') return this.open(dir, dotGit);
      if (st?.kind === 'file') {
        // `gitdir: <path>` (worktrees, submodules), relative to the folder holding the file.
        const m = /^gitdir:\s*(.+?)\s*$/m.exec(this.world.readText(dotGit) ?? '');
        if (!m) return 'unknown';
        return this.open(dir, posix.resolve(dir, m[1]!));
      }
      if (st) return 'unknown'; // a link or device named .git
      const up = posix.dirname(dir);
      if (up === dir) return 'none';
      dir = up;
    }
    return 'unknown';
  }

  private open(root: string, gitDir: string): Repo | 'unknown' {
    const common = this.world.readText(posix.join(gitDir, 'commondir'))?.trim();
    const commonDir = common ? posix.resolve(gitDir, common) : gitDir;
    // A SHA-256 repository's index holds 32-byte ids this reader does not parse.
    if (/objectformat\s*=\s*sha256/i.test(this.world.readText(posix.join(commonDir, 'config')) ?? '')) return 'unknown';
    const indexPath = posix.join(gitDir, 'index');
    const st = this.world.stat!(indexPath);
    if (!st) return { root, gitDir, commonDir, index: { entries: new Map(), sorted: [], wholeTreeValid: false }, indexMtime: [0, 0] };
    if (st.kind !== 'file') return 'unknown';
    const stamp = `${st.size}:${st.mtimeSec}.${st.mtimeNsec}:${st.ino}`;
    let cached = this.indexes.get(indexPath);
    if (cached?.stamp !== stamp) {
      const bytes = this.world.readBytes!(indexPath, 32 * 1024 * 1024);
      cached = { stamp, index: bytes ? parseIndex(bytes) : undefined };
      this.indexes.delete(indexPath);
      this.indexes.set(indexPath, cached);
      while (this.indexes.size > GIT_LIMITS.cachedRepos) this.indexes.delete(this.indexes.keys().next().value!);
    }
    return { root, gitDir, commonDir, index: cached.index, indexMtime: [st.mtimeSec, st.mtimeNsec] };
  }

  /** What deleting (or overwriting) this path would lose, as git sees it. `st` when the caller already has it. */
  stateOf(absPath: string, repo?: Repo | 'none' | 'unknown', st?: FileStat): PathState {
    if (!this.canRead) return 'unknown';
    const stat = st ?? this.world.stat!(absPath);
    const r = repo ?? this.repoOf(stat?.kind === 'dir' ? absPath : posix.dirname(absPath));
    if (r === 'unknown') return 'unknown';
    if (r === 'none') return stat ? 'no-repo' : 'absent';
    const rel = posix.relative(r.root, absPath);
    if (rel === '' || rel.startsWith('..')) return 'unknown';
    if (rel === '.git' || rel.startsWith('.git/') || absPath === r.gitDir || absPath.startsWith(`${r.gitDir}/`)) return 'git-dir';
    if (!r.index) return 'unknown';
    const entry = r.index.entries.get(rel);
    if (entry) return stat ? this.compare(absPath, entry, stat, r) : 'absent';
    const ig = this.ignored(r, rel, stat?.kind === 'dir');
    // Not there yet but ignored: whatever lands there is a build output.
    return ig === undefined ? 'unknown' : ig ? 'ignored' : stat ? 'untracked' : 'absent';
  }

  private compare(absPath: string, e: IndexEntry, st: FileStat, r: Repo): PathState {
    if (e.stage > 0) return 'modified'; // mid-merge: the resolution so far is only on disk
    const type = e.mode & 0o170000;
    if (type === 0o160000) return 'unknown'; // a submodule: its own repository, judged by what is inside
    const kind = type === 0o120000 ? 'link' : 'file';
    if (st.kind !== kind) return 'modified';
    const sameStat = st.size % 2 ** 32 === e.size && st.mtimeSec % 2 ** 32 === e.mtimeSec && st.mtimeNsec === e.mtimeNsec && Number(BigInt(st.ino) % 2n ** 32n) === e.ino;
    // git's "racily clean": a file changed in the same instant the index was written may keep its stat data.
    const racy = st.mtimeSec > r.indexMtime[0] || (st.mtimeSec === r.indexMtime[0] && st.mtimeNsec >= r.indexMtime[1]);
    if (sameStat && !racy) return 'clean';
    if (kind === 'link') return 'unknown'; // a link's target is not readable through the World
    const bytes = this.world.readBytes!(absPath, GIT_LIMITS.hashBytes);
    if (!bytes) return 'unknown';
    const h = createHash('sha1');
    h.update(`blob ${bytes.length}\u0000`);
    h.update(bytes);
    return h.digest('hex') === e.oid ? 'clean' : 'modified';
  }

  /**
   * Whether git ignores a path (relative to the work tree): a folder that is ignored takes everything under it;
   * deeper ignore files win over shallower ones, `.git/info/exclude` comes below them all. undefined: unreadable.
   */
  ignored(r: Repo, rel: string, isDir: boolean): boolean | undefined {
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const sub = parts.slice(0, i).join('/');
      const dir = i < parts.length || isDir;
      let verdict = false;
      const levels: [string, string][] = [[posix.join(r.commonDir, 'info', 'exclude'), '']];
      for (let j = 0; j < i; j++) {
        const base = parts.slice(0, j).join('/');
        levels.push([posix.join(r.root, base, '.gitignore'), base]);
      }
      for (const [file, base] of levels) {
        const ig = this.ignoreFile(file);
        if (ig === 'unknown') return undefined;
        if (!ig) continue;
        const local = base === '' ? sub : sub.slice(base.length + 1);
        let t: { ignored: boolean; unignored: boolean };
        try {
          t = ig.test(dir ? `${local}/` : local);
        } catch {
          return undefined; // a name the matcher refuses
        }
        if (t.ignored) verdict = true;
        else if (t.unignored) verdict = false;
      }
      if (verdict) return true;
    }
    return false;
  }

  private ignoreFile(file: string): Ignore | undefined | 'unknown' {
    const st = this.world.stat!(file);
    if (!st) return undefined;
    if (st.kind !== 'file') return st.kind === 'link' ? 'unknown' : undefined;
    if (st.size > GIT_LIMITS.ignoreFileBytes) return 'unknown';
    const stamp = `${st.size}:${st.mtimeSec}.${st.mtimeNsec}:${st.ino}`;
    const cached = this.ignores.get(file);
    if (cached?.stamp === stamp) return cached.ig ?? 'unknown';
    const text = this.world.readText(file);
    const ig = text === undefined ? undefined : ignore({ ignorecase: false }).add(text);
    this.ignores.set(file, { stamp, ig });
    while (this.ignores.size > GIT_LIMITS.cachedIgnores) this.ignores.delete(this.ignores.keys().next().value!);
    return ig ?? 'unknown';
  }

  /** Whether the repository has stash entries (`refs/stash` loose or packed); undefined when unreadable. */
  hasStash(r: Repo): boolean | undefined {
    if (this.world.stat!(posix.join(r.commonDir, 'refs', 'stash'))) return true;
    const packed = posix.join(r.commonDir, 'packed-refs');
    if (!this.world.stat!(packed)) return false;
    const text = this.world.readText(packed);
    return text === undefined ? undefined : /\srefs\/stash$/m.test(text);
  }
}

export type { IndexEntry };
