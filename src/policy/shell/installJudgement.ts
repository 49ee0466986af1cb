// One verdict for a package install command line: packages named on it are judged by what they fetch
// (namedInstall.ts); an install with no names by the project's manifest (manifestInstall.ts): committed and
// untouched, or not there at all. Anything else is the supply-chain review, saying which word or file made it one.
import type { ShellAnalyzer } from './analyzer';
import { committedManifestInstall } from './manifestInstall';
import { namedInstall } from './namedInstall';
import type { Invocation } from './types';
import type { Word } from './words';

export function installUnlessCommitted(a: ShellAnalyzer, inv: Invocation, sub: string, index: number, what: string, at?: Word): void {
  const n = namedInstall(a, inv, sub, index);
  if (n?.safe && n.removes) {
    a.hitOn('safe.install', `${what}: removes ${n.names.join(', ')} from the Python environment; fetches and runs nothing.`, inv, at);
    return;
  }
  if (n?.safe) {
    const files = n.files.length > 0 ? `; the committed ${n.files.join(', ')} unchanged` : '';
    a.hitOn('safe.install', `${what}: ${n.names.join(', ')}, among the most used ${n.registry === 'npm' ? 'npm' : 'PyPI'} packages, by exact name from the default registry${files}.`, inv, at);
    return;
  }
  if (n) {
    a.hitOn('pkg.install', `${what}; ${n.why}.`, inv, at);
    return;
  }
  const m = committedManifestInstall(a, inv, sub, index);
  if (m?.safe && m.files.length === 0) {
    a.hitOn('safe.install', `${what}: nothing to install, there is no ${m.absent ?? 'manifest'} here${m.absent ? ' (the installer stops)' : ''}.`, inv, at);
    return;
  }
  if (m?.safe) {
    a.hitOn('safe.install', `${what}: only what the committed ${m.files.join(', ')} declare${m.files.length === 1 ? 's' : ''}, unchanged since the last commit.`, inv, at);
    return;
  }
  a.hitOn('pkg.install', m ? `${what}; not only the committed manifest's packages: ${m.why}.` : `${what}.`, inv, at);
}
