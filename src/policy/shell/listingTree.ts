// Listing file names by a pattern (`find ./tests -name "*admin*"`, `ls src/*key*`) shows names, not contents. A
// pattern that could match a secret file is worth a look only where such a file can be: when the folder it starts
// from is on the disk, fully indexed and holds no secret file, or is not there at all and nothing earlier on the line
// could have made it, the listing shows no secret's name.
import type { ShellAnalyzer } from './analyzer';
import { nothingMadeFilesSoFar } from './lineRuns';

/** The folder a glob starts from: everything before its first segment with a glob character. */
function staticBase(absGlob: string): string {
  const parts = absGlob.split('/');
  const i = parts.findIndex((p) => /[*?[{]/.test(p));
  const base = parts.slice(0, i < 0 ? parts.length - 1 : i).join('/');
  return base === '' ? '/' : base;
}

/** True when listing names matching this absolute glob can show no secret file's name on this disk. */
export function listingShowsNoSecret(a: ShellAnalyzer, absGlob: string): boolean {
  const tree = a.scope.tree;
  if (!tree) return false;
  const base = staticBase(absGlob);
  // Listing from a system root or the home folder is not a project listing: keep the look.
  if (base === '/' || base === a.home || !a.policy.inWorkspace(base, a.startCwd)) return false;
  const found = tree.secretsUnder(base);
  if (found) return found.complete && found.secrets.length === 0;
  return !a.written.has(base) && nothingMadeFilesSoFar(a) && a.scope.files?.session.file(base) === undefined;
}
