// chmod's mode argument, octal or symbolic, applied to a file's current mode: enough to show "before → after".
// Follows GNU coreutils: symbolic clauses without a who letter respect the umask, X adds execute only to
// directories and files that already have an execute bit, s/t set the set-id and sticky bits. Pure.

export const S_IFMT = 0o170000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;

/** A parsed mode: apply it to a file's mode (permission bits only are changed). */
export type ModeChange = (mode: number, isDir: boolean, umask: number) => number;

const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 };

/** Parses chmod's MODE ("755", "u+x", "go-w,a+r", "=rw", "u=g") or returns undefined when it is not one. */
export function parseMode(spec: string): ModeChange | undefined {
  if (/^[0-7]{1,5}$/.test(spec)) {
    const bits = parseInt(spec, 8);
    if (bits > 0o7777) return undefined;
    // GNU keeps a directory's set-id bits unless a 5-digit mode (00755) clears them; 2755 still sets them.
    return (mode, isDir) => (isDir && spec.length < 5 ? bits | (mode & 0o6000) : bits);
  }
  const clauses = spec.split(',');
  const steps: { who: number; explicitWho: boolean; op: '+' | '-' | '='; perm: string }[] = [];
  for (const clause of clauses) {
    const m = /^([ugoa]*)((?:[-+=](?:[ugo]|[rwxXst]*))+)$/.exec(clause);
    if (!m) return undefined;
    const whoLetters = m[1] ?? '';
    const who = whoLetters === '' ? WHO.a! : [...whoLetters].reduce((acc, w) => acc | WHO[w]!, 0);
    for (const action of (m[2] ?? '').matchAll(/([-+=])([ugo]|[rwxXst]*)/g)) {
      steps.push({ who, explicitWho: whoLetters !== '', op: action[1] as '+' | '-' | '=', perm: action[2] ?? '' });
    }
  }
  return (start, isDir, umask) => {
    let mode = start & 0o7777;
    for (const step of steps) {
      let bits = 0;
      if (/^[ugo]$/.test(step.perm)) {
        // Copy another class's permissions (u=g): take its rwx and spread over every class.
        const shift = step.perm === 'u' ? 6 : step.perm === 'g' ? 3 : 0;
        const rwx = (mode >> shift) & 0o7;
        bits = (rwx << 6) | (rwx << 3) | rwx;
      } else {
        for (const p of step.perm) {
          if (p === 'r') bits |= 0o444;
          else if (p === 'w') bits |= 0o222;
          else if (p === 'x') bits |= 0o111;
          else if (p === 'X') bits |= isDir || (start & 0o111) !== 0 ? 0o111 : 0;
          else if (p === 's') bits |= 0o6000;
          else if (p === 't') bits |= 0o1000;
        }
      }
      // Without an explicit who, bits set in the umask are left alone.
      const mask = step.who & (step.explicitWho ? 0o7777 : ~umask & 0o7777);
      const change = bits & mask;
      if (step.op === '+') mode |= change;
      else if (step.op === '-') mode &= ~change;
      else {
        // '=' clears the class's rwx (and set-id for u/g, sticky for o), except a directory's set-id bits.
        let clear = step.who & (step.explicitWho ? 0o7777 : ~umask & 0o7777);
        if (isDir) clear &= ~0o6000;
        mode = (mode & ~clear) | change;
      }
    }
    return mode;
  };
}

/** `ls -l` style: -rwxr-xr-x, with s/S/t/T for the special bits. */
export function formatMode(mode: number): string {
  const type = mode & S_IFMT;
  const kind = type === S_IFDIR ? 'd' : type === S_IFLNK ? 'l' : '-';
  const tri = (r: number, w: number, x: number, special: boolean, ch: string) =>
    (mode & r ? 'r' : '-') + (mode & w ? 'w' : '-') + (special ? (mode & x ? ch : ch.toUpperCase()) : mode & x ? 'x' : '-');
  return (
    kind +
    tri(0o400, 0o200, 0o100, (mode & 0o4000) !== 0, 's') +
    tri(0o040, 0o020, 0o010, (mode & 0o2000) !== 0, 's') +
    tri(0o004, 0o002, 0o001, (mode & 0o1000) !== 0, 't')
  );
}

/** Four-digit octal, as chmod takes it. */
export function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

export function describeMode(mode: number): string {
  return `${formatMode(mode)} (${octal(mode)})`;
}
