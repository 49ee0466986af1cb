// The bubblewrap arguments for a plan (pure). Order matters: later mounts cover earlier ones, so the read-only
// root comes first, then the writable folders, then read-only configs inside them, then the hidden paths.
import type { SandboxPlan } from './types';

/** Flags every sandboxed run gets: its own pid namespace and /proc (other processes' environ stays unseen), no
 * controlling terminal to push keystrokes into (TIOCSTI), and it dies with Countersign. The network is shared. */
export const BWRAP_BASE = ['--die-with-parent', '--new-session', '--unshare-pid', '--unshare-ipc', '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc'];

/**
 * @param emptyFile an empty, read-only regular file bound over each hidden file (reads see nothing, writes fail;
 *   /dev/null would swallow writes as if they worked).
 */
export function bwrapArgs(plan: SandboxPlan, emptyFile: string, command: string[]): string[] {
  const args = [...BWRAP_BASE];
  // /dev and /proc are the sandbox's own (mounted above).
  const own = (p: string): boolean => p === '/dev' || p.startsWith('/dev/') || p === '/proc' || p.startsWith('/proc/');
  for (const w of plan.writable) if (!own(w)) args.push('--bind', w, w);
  for (const r of plan.readOnly) if (!own(r)) args.push('--ro-bind', r, r);
  const under = (p: string, d: string): boolean => p === d || p.startsWith(`${d}/`);
  const placed = new Set<string>();
  for (const d of plan.hiddenDirs) {
    if (own(d)) continue;
    args.push('--tmpfs', d);
    // An approved path inside an emptied folder is put back before the folder turns read-only.
    for (const a of plan.allowed.filter((x) => under(x, d))) {
      args.push('--bind', a, a);
      placed.add(a);
    }
    args.push('--remount-ro', d);
  }
  for (const f of plan.hiddenFiles) if (!own(f)) args.push('--ro-bind', emptyFile, f);
  for (const a of plan.allowed) if (!own(a) && !placed.has(a)) args.push('--bind', a, a);
  args.push('--chdir', plan.cwd, '--', ...command);
  return args;
}
