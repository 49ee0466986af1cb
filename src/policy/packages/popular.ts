// Is a package name one of its registry's most used (popularNames.ts, generated from data), and if not, is it one
// edit away from one (a likely typosquat)? Lookups search the generated text directly, so nothing is kept in memory
// between installs; the near-miss scan splits the list only for a name that is not popular (an install that asks
// anyway), and keeps nothing.
import { NPM_POPULAR, PYPI_POPULAR } from './popularNames';

export type Registry = 'npm' | 'pypi';

/** PEP 503: names compare case-insensitively with runs of `-`, `_` and `.` as one `-`. */
export function normalizePypi(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/** The name as its registry compares it (npm names are compared exactly: legacy names keep their capitals). */
export function canonicalName(registry: Registry, name: string): string {
  return registry === 'pypi' ? normalizePypi(name) : name;
}

const listOf = (registry: Registry) => (registry === 'npm' ? NPM_POPULAR : PYPI_POPULAR);

export function isPopular(registry: Registry, name: string): boolean {
  const n = canonicalName(registry, name);
  return n.length > 0 && !n.includes('\n') && listOf(registry).includes(`\n${n}\n`);
}

/** One insertion, deletion, substitution or swap of neighbours turns `a` into `b` (and they differ). */
function oneEdit(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The popular name one edit away from this (not popular) one, if any: `reqeusts` → `requests`, `lodahs` → `lodash`. */
export function nearMiss(registry: Registry, name: string): string | undefined {
  const n = canonicalName(registry, name);
  if (n.length < 3 || isPopular(registry, n)) return undefined;
  // PyPI names compare normalised: `python_dateutil` is the same project as `python-dateutil`, not a squat.
  for (const p of listOf(registry).split('\n')) {
    if (p.length >= 3 && oneEdit(n, p)) return p;
  }
  return undefined;
}
