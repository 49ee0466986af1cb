// Could a shell glob expand to a file a sensitive-path glob matches? Decided exactly for the glob subset both
// sides use (`*`, `?`, `[…]`, literal text, and `**` as whole path segments) by a product-automaton walk:
// two patterns intersect iff some string can be consumed by both. Case-insensitive, like macOS and Windows.

export type Token = { star: true } | { star: false; test: (c: string) => boolean; literal: string | undefined; bracket?: boolean };

const STAR: Token = { star: true };

function literal(c: string): Token {
  return { star: false, test: (x) => x === c, literal: c };
}

const ANY: Token = { star: false, test: () => true, literal: undefined };

function bracket(seg: string, at: number): { token: Token; next: number } | undefined {
  let i = at + 1;
  let negate = false;
  if (seg[i] === '!' || seg[i] === '^') {
    negate = true;
    i++;
  }
  const ranges: [string, string][] = [];
  let first = true;
  for (; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === ']' && !first) {
      const test = (x: string) => ranges.some(([a, b]) => x >= a && x <= b) !== negate;
      return { token: { star: false, test, literal: undefined, bracket: true }, next: i + 1 };
    }
    first = false;
    if (c === '[' && seg[i + 1] === ':') {
      const end = seg.indexOf(':]', i + 2);
      if (end < 0) return undefined;
      const cls = seg.slice(i + 2, end);
      if (cls === 'alpha') ranges.push(['a', 'z']);
      else if (cls === 'digit') ranges.push(['0', '9']);
      else if (cls === 'alnum') ranges.push(['a', 'z'], ['0', '9']);
      else ranges.push(['\u0000', '\uffff']);
      i = end + 1;
      continue;
    }
    let lo = c;
    if (c === '\\' && i + 1 < seg.length) lo = seg[++i]!;
    if (seg[i + 1] === '-' && seg[i + 2] !== undefined && seg[i + 2] !== ']') {
      let hi = seg[i + 2]!;
      i += 2;
      if (hi === '\\' && i + 1 < seg.length) hi = seg[++i]!;
      ranges.push([lo, hi]);
    } else ranges.push([lo, lo]);
  }
  return undefined; // unclosed: bash treats `[` literally
}

/** One path segment of a glob as tokens (lowercased). */
export function tokenize(segment: string): Token[] {
  const seg = segment.toLowerCase();
  const out: Token[] = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i]!;
    if (c === '\\' && i + 1 < seg.length) out.push(literal(seg[++i]!));
    else if (c === '*') {
      if (out[out.length - 1] !== STAR) out.push(STAR);
    } else if (c === '?') out.push(ANY);
    else if (c === '[') {
      const b = bracket(seg, i);
      if (b) {
        out.push(b.token);
        i = b.next - 1;
      } else out.push(literal('['));
    } else out.push(literal(c));
  }
  return out;
}

/** Whether one character can satisfy both tokens (neither a star); `noDot` also forbids '.'. */
function tokensIntersect(a: Token, b: Token, noDot: boolean): boolean {
  if (a.star || b.star) return true;
  if (a.literal !== undefined) return b.test(a.literal) && !(noDot && a.literal === '.');
  if (b.literal !== undefined) return a.test(b.literal) && !(noDot && b.literal === '.');
  // Two classes: probe printable ASCII (enough for file names a secret glob names).
  for (let c = 32; c < 127; c++) {
    const ch = String.fromCharCode(c);
    if (noDot && ch === '.') continue;
    if (a.test(ch) && b.test(ch)) return true;
  }
  return false;
}

/** Whether a single (non-star) token admits some character other than '.'. */
function admitsNonDot(t: Token): boolean {
  if (t.star) return true;
  if (t.literal !== undefined) return t.literal !== '.';
  for (let c = 32; c < 127; c++) if (c !== 46 && t.test(String.fromCharCode(c))) return true;
  return false;
}

/**
 * Whether one shell-glob segment and one rule segment can match the same name. `shellHidesDot`: bash without
 * dotglob never lets a leading wildcard match a leading `.` (`*` does not expand to `.env`), so when the shell
 * segment starts with a wildcard the shared name may not start with '.'.
 */
export function segmentsIntersect(shell: Token[], rule: Token[], shellHidesDot: boolean): boolean {
  const n = shell.length;
  const m = rule.length;
  const first = shell[0];
  // (A bracket that lists '.' is treated as naming it: some shells let `[.]env` reach .env.)
  const guardStart = shellHidesDot && first !== undefined && (first.star || (first.literal === undefined && !(first.bracket === true && first.test('.'))));
  // can[s][i][j]: some string matches shell[i..] and rule[j..]; s = 0 while no character has been consumed yet.
  const size = (n + 1) * (m + 1);
  const started = new Uint8Array(size);
  const fresh = new Uint8Array(size);
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (const layer of [1, 0]) {
    if (layer === 0 && !guardStart) break;
    const can = layer === 1 ? started : fresh;
    const noDot = layer === 0;
    for (let i = n; i >= 0; i--) {
      for (let j = m; j >= 0; j--) {
        if (i === n && j === m) {
          can[at(i, j)] = 1;
          continue;
        }
        const a = shell[i];
        const b = rule[j];
        let v = false;
        if (a?.star && can[at(i + 1, j)]) v = true;
        if (!v && b?.star && can[at(i, j + 1)]) v = true;
        if (!v && a && b) {
          if (a.star && b.star) v = noDot && started[at(i, j)] === 1;
          else if (a.star) v = (!noDot || admitsNonDot(b)) && started[at(i, j + 1)] === 1;
          else if (b.star) v = (!noDot || admitsNonDot(a)) && started[at(i + 1, j)] === 1;
          else v = tokensIntersect(a, b, noDot) && started[at(i + 1, j + 1)] === 1;
        }
        can[at(i, j)] = v ? 1 : 0;
      }
    }
  }
  return (guardStart ? fresh : started)[0] === 1;
}

interface Segment {
  globstar: boolean;
  tokens: Token[];
}

export function segmentsOf(glob: string): Segment[] {
  return glob.split('/').map((s) => (s === '**' ? { globstar: true, tokens: [] } : { globstar: false, tokens: tokenize(s) }));
}

/** Whether two whole-path globs (already absolute or `**`-led, braces expanded) share a possible path. */
export function pathGlobsIntersect(shell: Segment[], rule: Segment[], shellHidesDot: boolean): boolean {
  const n = shell.length;
  const m = rule.length;
  const can: boolean[][] = Array.from({ length: n + 1 }, () => new Array<boolean>(m + 1).fill(false));
  can[n]![m] = true;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      const a = shell[i];
      const b = rule[j];
      let v = false;
      if (a?.globstar && can[i + 1]![j]) v = true;
      if (!v && b?.globstar && can[i]![j + 1]) v = true;
      if (!v && a && b) {
        if (a.globstar && b.globstar) v = can[i + 1]![j + 1]!;
        else if (a.globstar) v = can[i]![j + 1]!;
        else if (b.globstar) v = can[i + 1]![j]!;
        else v = segmentsIntersect(a.tokens, b.tokens, shellHidesDot) && can[i + 1]![j + 1]!;
      }
      can[i]![j] = v;
    }
  }
  return can[0]![0]!;
}

/** True when the text contains an unescaped glob metacharacter. */
export function hasGlobChars(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || c === '[') return true;
  }
  return false;
}

/** Removes glob escapes: the literal path a glob-free pattern names. */
export function unescapeGlob(p: string): string {
  return p.replace(/\\(.)/g, '$1');
}
