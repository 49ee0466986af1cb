// Assembles a SandboxPlan from the candidate places and the search's findings. Pure: what exists on disk comes
// through `FsView` (tests pass a fake one), so which paths are writable, read-only or hidden is decided here alone.
import type { SandboxPlan } from './types';

export type PathKind = 'file' | 'dir' | 'other';

export interface FsView {
  /** The resolved path (links followed), or undefined when it does not exist. */
  real(p: string): string | undefined;
  kind(p: string): PathKind | undefined;
}

export interface PlanInputs {
  writable: string[];
  readOnly: string[];
  hidden: string[];
  /** Paths an approved sensitive action named (`--allow-path`). */
  allowed: string[];
  env: Record<string, string>;
  removedEnv: string[];
  cwd: string;
}

function inside(p: string, dir: string): boolean {
  if (dir === '/') return true;
  return p === dir || p.startsWith(`${dir}/`);
}

// Code-unit order, not localeCompare: the plan must not depend on the locale, and collation loads ICU data (about
// 2.7 MB resident in a long-lived gate).
function depthSorted(paths: Iterable<string>): string[] {
  return [...new Set(paths)].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
}

function resolveAll(paths: string[], fs: FsView): { path: string; kind: PathKind }[] {
  const out: { path: string; kind: PathKind }[] = [];
  for (const p of paths) {
    if (!p.startsWith('/')) continue;
    const r = fs.real(p);
    if (r === undefined) continue;
    const kind = fs.kind(r);
    if (kind !== undefined) out.push({ path: r, kind });
  }
  return out;
}

export function assemblePlan(i: PlanInputs, fs: FsView): SandboxPlan {
  const allowed = depthSorted(resolveAll(i.allowed, fs).map((a) => a.path));
  const isAllowed = (p: string): boolean => allowed.includes(p);
  const hiddenAll = resolveAll(i.hidden, fs).filter((h) => !isAllowed(h.path));
  const hiddenDirs = depthSorted(hiddenAll.filter((h) => h.kind === 'dir').map((h) => h.path));
  // A folder that appears empty hides everything below it: nothing inside needs (or can take) a mount of its own.
  const topHiddenDirs = hiddenDirs.filter((d) => !hiddenDirs.some((o) => o !== d && inside(d, o)));
  const underHidden = (p: string): boolean => topHiddenDirs.some((d) => inside(p, d));
  const writable = depthSorted(
    resolveAll(i.writable, fs)
      .filter((w) => w.kind === 'dir' && !underHidden(w.path))
      .map((w) => w.path),
  );
  // The whole filesystem is read-only to begin with: a read-only mount matters only inside a writable folder.
  const readOnlyAll = depthSorted(
    resolveAll(i.readOnly, fs)
      .map((r) => r.path)
      .filter((p) => !isAllowed(p) && !underHidden(p) && writable.some((w) => inside(p, w))),
  );
  // A read-only folder covers read-only paths below it, unless a writable folder lies between them.
  const readOnly = readOnlyAll.filter((p) => !readOnlyAll.some((q) => q !== p && inside(p, q) && !writable.some((w) => w !== q && inside(w, q) && inside(p, w))));
  const hiddenFiles = depthSorted(
    hiddenAll
      .filter((h) => h.kind !== 'dir')
      .map((h) => h.path)
      .filter((p) => !underHidden(p)),
  );
  return { writable, readOnly, hiddenFiles, hiddenDirs: topHiddenDirs, allowed, env: i.env, removedEnv: i.removedEnv, cwd: i.cwd };
}
