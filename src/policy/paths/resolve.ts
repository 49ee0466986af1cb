// Turns the path strings agents send (relative, `~`, `$HOME`, `..`, Windows separators) into one absolute form
// that globs can be matched against. Pure string work: nothing here touches the file system.
import { posix } from 'node:path';
import { isInside as isInsideFolder } from './containment';

const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]/;

export function isWindowsPath(p: string): boolean {
  return WINDOWS_ABSOLUTE.test(p) || p.startsWith('\\\\');
}

/** Forward slashes everywhere, so one set of globs serves every platform. */
export function slashes(p: string): string {
  return p.replace(/\\/g, '/');
}

/** `~`, `~/x`, `~user/x`, `$HOME/x`, `${HOME}/x` → absolute. Other text is returned unchanged. */
export function expandHome(p: string, home: string): string {
  if (p === '~' || p.startsWith('~/')) return home + p.slice(1);
  const user = /^~([a-z_][a-z0-9_.-]*)(?=\/|$)/i.exec(p);
  if (user) return (user[1] === 'root' ? '/root' : `/home/${user[1]}`) + p.slice(user[0].length);
  const env = /^(\$HOME|\$\{HOME\})(?=\/|$)/.exec(p);
  if (env) return home + p.slice(env[0].length);
  return p;
}

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || isWindowsPath(p);
}

/** Collapses `.`/`..`/`//` in an absolute path, keeping a Windows drive prefix. */
export function normalizeAbsolute(p: string): string {
  const s = slashes(p);
  const drive = /^([A-Za-z]:)(\/.*)?$/.exec(s);
  if (drive) return drive[1] + posix.normalize(drive[2] ?? '/');
  if (s.startsWith('//')) return '/' + posix.normalize(s.slice(1)); // UNC: keep one leading slash's worth
  return posix.normalize(s);
}

/**
 * Absolute, normalized form of `p` seen from `cwd`. Returns undefined for a relative path when the working
 * directory is unknown (callers then match it anywhere, with a leading `**`).
 */
export function resolvePath(p: string, cwd: string | undefined, home: string): string | undefined {
  const expanded = expandHome(p, home);
  if (isAbsolutePath(expanded)) return stripTrailingSlash(normalizeAbsolute(expanded));
  if (!cwd) return undefined;
  return stripTrailingSlash(normalizeAbsolute(`${slashes(cwd)}/${slashes(expanded)}`));
}

function stripTrailingSlash(p: string): string {
  return p.length > 1 && p.endsWith('/') && !/^[A-Za-z]:\/$/.test(p) ? p.slice(0, -1) : p;
}

/** True when `p` equals `dir` or lies below it, case folded (the policy's rule: containment.ts says why). */
export function isInside(p: string, dir: string): boolean {
  return isInsideFolder(p, dir, 'fold');
}
