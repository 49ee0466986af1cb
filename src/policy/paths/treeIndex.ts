// Which sensitive files a folder holds, for judging a recursive read (`grep -rn KEY .`, `tar czf out.tgz src`,
// `cp -r . /tmp/x`) by what it would really read. Kept per directory and revalidated by each directory's stamp on
// every look-up, so it is never stale and costs one stat per directory once warm. Bounded: past the entry limit the
// answer says it is incomplete and the caller asks for a review.
import type { World } from '../world/world';

export const TREE_LIMITS = {
  /** Entries visited per look-up (a monorepo with node_modules stays well inside). */
  entries: 200_000,
  /** Directories remembered; past it the index starts afresh. */
  cachedDirs: 100_000,
  /** Secret files named per answer. */
  listed: 20,
} as const;

interface DirRecord {
  stamp: string;
  /** Sensitive files directly in this directory. */
  secrets: string[];
  subdirs: string[];
  entries: number;
}

export interface TreeSecrets {
  /** Sensitive files found (at most TREE_LIMITS.listed). */
  secrets: string[];
  /** False when the walk stopped at its bound: more may be there. */
  complete: boolean;
}

export class TreeIndex {
  private readonly dirs = new Map<string, DirRecord>();

  constructor(
    private readonly world: Pick<World, 'listDir' | 'dirStamp'>,
    /** Whether reading this path reads a secret (the path policy, links followed). */
    private readonly isSecret: (absPath: string) => boolean,
  ) {}

  secretsUnder(root: string): TreeSecrets | undefined {
    const top = root.length > 1 ? root.replace(/\/+$/, '') : root;
    if (this.world.dirStamp(top) === undefined) return undefined; // not a directory
    const secrets: string[] = [];
    let entries = 0;
    const stack = [top];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      const rec = this.record(dir);
      if (!rec) continue;
      entries += rec.entries;
      if (entries > TREE_LIMITS.entries) return { secrets, complete: false };
      for (const s of rec.secrets) if (secrets.length < TREE_LIMITS.listed) secrets.push(s);
      stack.push(...rec.subdirs);
    }
    return { secrets, complete: true };
  }

  private record(dir: string): DirRecord | undefined {
    const stamp = this.world.dirStamp(dir);
    if (stamp === undefined) return undefined;
    const cached = this.dirs.get(dir);
    if (cached && cached.stamp === stamp) return cached;
    const list = this.world.listDir(dir);
    if (!list) return undefined;
    const rec: DirRecord = { stamp, secrets: [], subdirs: [], entries: list.length };
    const base = dir === '/' ? '' : dir;
    for (const e of list) {
      const p = `${base}/${e.name}`;
      // Recursive readers do not descend into linked directories, but they do read linked files.
      if (e.kind === 'dir') rec.subdirs.push(p);
      else if ((e.kind === 'file' || e.kind === 'link') && this.isSecret(p)) rec.secrets.push(p);
    }
    if (this.dirs.size >= TREE_LIMITS.cachedDirs) this.dirs.clear();
    this.dirs.set(dir, rec);
    return rec;
  }
}
