// Tool inputs and unreadable payloads travel on in the verdict (to the panel over LSP, to `evaluate` output) and are
// serialized there recursively. A hostile payload nested 20,000 levels deep would overflow the stack of whoever
// serializes it, so the copy kept in an Action is bounded in depth and size; what was cut is marked, and the rules
// treat a marked input as not understood.
export const TRUNCATED = '[Countersign: nested too deeply or too large to keep]';

const MAX_DEPTH = 64;
const MAX_NODES = 20_000;

export function boundedValue(value: unknown): unknown {
  let nodes = 0;
  const copy = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (depth >= MAX_DEPTH || ++nodes > MAX_NODES) return TRUNCATED;
    if (Array.isArray(v)) return v.map((x) => copy(x, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = copy(x, depth + 1);
    return out;
  };
  // Iterative pre-check: the common shallow case is returned as is, without a copy.
  const stack: [unknown, number][] = [[value, 0]];
  let seen = 0;
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= MAX_DEPTH || ++seen > MAX_NODES) return copy(value, 0);
    for (const x of Array.isArray(v) ? v : Object.values(v as Record<string, unknown>)) stack.push([x, d + 1]);
  }
  return value;
}
