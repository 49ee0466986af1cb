// Defensive readers for untrusted JSON: every accessor tolerates any shape and never throws.

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown): Obj {
  return isObj(v) ? v : {};
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The first key of `o` holding a string, in the order given (agents rename fields between releases). */
export function firstStr(o: Obj, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string') return v;
  }
  return undefined;
}

/** Objects sometimes arrive as JSON text (Copilot CLI toolArgs, Cline parameters, Cursor tool_input). */
export function decodeJsonText(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const t = v.trim();
  // Only text that looks like a JSON object or array of strings: `{ cat .env; }` and `[ -f x ]` are shell.
  if (!/^(\{\s*"|\[\s*["{\]]|\{\s*\}|\[\s*\])/.test(t)) return v;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return v;
  }
}

/** Every string in an array (other entries skipped). */
export function strings(v: unknown): string[] {
  const d = decodeJsonText(v);
  if (typeof d === 'string') return [d];
  return Array.isArray(d) ? d.filter((x): x is string => typeof x === 'string') : [];
}

