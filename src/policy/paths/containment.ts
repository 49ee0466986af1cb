// The one answer to "is this path that folder, or inside it?" for every layer: the policy, the doctor, the previews.
// Plain path work, no file system (links are the caller's business): `\` and `/` both separate, `.` and `..` are
// resolved, a trailing separator does not count. The case rule is the caller's explicit choice:
// - 'fold': compared case-insensitively. The policy judges with it: on a case-insensitive disk (macOS, Windows)
//   `~/.SSH` is `~/.ssh`, so a rule must catch every spelling; a wrong "inside" only makes an action look riskier.
// - 'exact': as written. Where an "inside" grants something (a folder an agent trusts, a file a preview shows) a
//   spelling that differs is another folder.
import { posix } from 'node:path';

export type CaseRule = 'exact' | 'fold';

const DRIVE_ROOT = /^[A-Za-z]:\/$/;

/** Forward slashes, `.`/`..` resolved, no trailing slash (except the root `/` or a drive root `C:/`). */
function canonical(p: string): string {
  const s = posix.normalize(p.replace(/\\/g, '/'));
  return s.length > 1 && s.endsWith('/') && !DRIVE_ROOT.test(s) ? s.slice(0, -1) : s;
}

/** True when `path` is `dir` or lies below it. Both are absolute (relative ones are compared as written). */
export function isInside(path: string, dir: string, caseRule: CaseRule): boolean {
  let a = canonical(path);
  let b = canonical(dir);
  if (caseRule === 'fold') {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  return a === b || a.startsWith(b.endsWith('/') ? b : `${b}/`);
}
