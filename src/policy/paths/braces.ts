// Brace expansion (`.e{n,x}v`, `id_{rsa,ed25519}`, `{1..3}`) for glob patterns, honouring backslash escapes.
// Bounded: past the limit the brace group becomes `*`, which can only widen what a pattern may match.
import { LIMITS } from '../budget';

interface Group {
  open: number;
  close: number;
  alternatives: string[];
}

/** Finds the first unescaped top-level `{…}` holding a comma or a `..` range. */
function firstGroup(p: string): Group | undefined {
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '{') continue;
    let depth = 0;
    const cuts: number[] = [];
    for (let j = i; j < p.length; j++) {
      const d = p[j];
      if (d === '\\') {
        j++;
        continue;
      }
      if (d === '{') depth++;
      else if (d === '}') {
        depth--;
        if (depth === 0) {
          const body = p.slice(i + 1, j);
          if (cuts.length > 0) {
            const alternatives: string[] = [];
            let from = i + 1;
            for (const cut of cuts) {
              alternatives.push(p.slice(from, cut));
              from = cut + 1;
            }
            alternatives.push(p.slice(from, j));
            return { open: i, close: j, alternatives };
          }
          const range = rangeOf(body);
          if (range) return { open: i, close: j, alternatives: range };
          break; // `{x}` is literal in bash: keep scanning after it
        }
      } else if (d === ',' && depth === 1) cuts.push(j);
    }
  }
  return undefined;
}

function rangeOf(body: string): string[] | undefined {
  const num = /^(-?\d+)\.\.(-?\d+)$/.exec(body);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    if (Math.abs(b - a) >= LIMITS.braceAlternatives) return undefined;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? 1 : -1) out.push(String(v));
    return out;
  }
  const chr = /^([A-Za-z])\.\.([A-Za-z])$/.exec(body);
  if (chr) {
    const a = chr[1]!.charCodeAt(0);
    const b = chr[2]!.charCodeAt(0);
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? 1 : -1) out.push(String.fromCharCode(v));
    return out;
  }
  return undefined;
}

/** All expansions of `pattern` (itself when it has no braces). */
export function expandBraces(pattern: string, limit: number = LIMITS.braceAlternatives): string[] {
  if (!pattern.includes('{')) return [pattern];
  const done: string[] = [];
  const work = [pattern];
  while (work.length > 0) {
    const p = work.pop()!;
    const g = firstGroup(p);
    if (!g) {
      done.push(p);
      continue;
    }
    const head = p.slice(0, g.open);
    const tail = p.slice(g.close + 1);
    if (done.length + work.length + g.alternatives.length > limit) {
      work.push(`${head}*${tail}`);
      continue;
    }
    for (const alt of g.alternatives) work.push(head + alt + tail);
  }
  return done;
}
