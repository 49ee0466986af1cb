// A recursive read of a folder (`grep -rn KEY .`, `rg token`, `tar czf a.tgz src`, `cp -r . /tmp/x`) reads every
// file below it: sensitive when the folder really holds a secret file, safe when it does not, and a review when
// the folder is too large to check. Only for commands that do read whole trees; a folder merely named as an
// argument (`eslint .`, `git add .`) is not this.
import { posix } from 'node:path';
import type { ShellAnalyzer } from './analyzer';
import type { Invocation } from './types';
import type { Word } from './words';

/** True when a finding was added. */
export function checkTreeRead(a: ShellAnalyzer, inv: Invocation, dir: Word | undefined): boolean {
  const tree = a.scope.tree;
  if (!tree) return false;
  const raw = dir ? dir.value : '.';
  if (raw === undefined || dir?.glob) return false;
  const abs = a.resolve(raw === '' ? '.' : raw);
  if (!abs) return false;
  const found = tree.secretsUnder(abs);
  if (!found) return false;
  const at = dir ?? inv.nameWord;
  const shown = raw === '.' || raw === './' ? 'the current folder' : raw;
  if (found.secrets.length > 0) {
    const names = found.secrets.slice(0, 3).map((s) => posix.relative(abs, s) || s);
    const more = found.secrets.length > 3 ? ` and ${found.secrets.length - 3}${found.complete ? '' : '+'} more` : '';
    a.hitOn('path.secret-tree', `Reads everything under ${shown}, which holds ${names.join(', ')}${more}.`, inv, at);
    return true;
  }
  if (!found.complete) {
    a.hitOn('path.secret-listing', `Reads everything under ${shown}, a folder too large for Countersign to check for secret files.`, inv, at, 'review');
    return true;
  }
  return false;
}
