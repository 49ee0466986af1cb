// Option parsing for command handlers: which words are flags, which are option values, which are operands.
// Deliberately forgiving: an unknown option is a flag, so a value it takes may be read as an operand, which only
// means one more word is checked as a path.
import type { Word } from './words';

export interface OptionSpec {
  /** Options that take a value: `-n`, `--lines`. Short ones accept `-n5`, long ones `--lines=5`. */
  withValue?: readonly string[];
  /** Stop option parsing at the first operand (wrappers: everything after is the inner command). */
  stopAtOperand?: boolean;
  /** Single-dash long options (`-name`, `-exec`), as find and java use. */
  longSingleDash?: boolean;
}

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, Word[]>;
  operands: Word[];
  /** Index in the argument list of the first operand (for wrappers). */
  operandIndex: number;
}

export function text(w: Word | undefined): string {
  return w?.value ?? w?.raw ?? '';
}

export function parseArgs(args: readonly Word[], spec: OptionSpec = {}): ParsedArgs {
  const withValue = new Set(spec.withValue ?? []);
  const flags = new Set<string>();
  const values = new Map<string, Word[]>();
  const operands: Word[] = [];
  let operandIndex = args.length;
  const put = (k: string, w: Word) => {
    const list = values.get(k) ?? [];
    list.push(w);
    values.set(k, list);
  };
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    const t = w.value ?? '';
    if (w.value === undefined || t === '-' || !t.startsWith('-') || t.length === 1) {
      if (operandIndex === args.length) operandIndex = i;
      operands.push(w);
      if (spec.stopAtOperand) {
        operands.push(...args.slice(i + 1));
        break;
      }
      continue;
    }
    if (t === '--') {
      if (operandIndex === args.length && i + 1 < args.length) operandIndex = i + 1;
      operands.push(...args.slice(i + 1));
      break;
    }
    if (t.startsWith('--') || spec.longSingleDash) {
      const eq = t.indexOf('=');
      const name = eq >= 0 ? t.slice(0, eq) : t;
      flags.add(name);
      if (eq >= 0) put(name, { ...w, value: t.slice(eq + 1), pattern: w.pattern.slice(w.pattern.indexOf('=') + 1) });
      else if (withValue.has(name) && i + 1 < args.length) put(name, args[++i]!);
      continue;
    }
    // Short cluster: -abc, or -n5 / -n 5 when -n takes a value.
    for (let j = 1; j < t.length; j++) {
      const name = `-${t[j]}`;
      flags.add(name);
      if (withValue.has(name)) {
        if (j + 1 < t.length) put(name, { ...w, value: t.slice(j + 1), pattern: t.slice(j + 1) });
        else if (i + 1 < args.length) put(name, args[++i]!);
        break;
      }
    }
  }
  return { flags, values, operands, operandIndex };
}


export function valueOf(p: ParsedArgs, ...names: string[]): Word | undefined {
  for (const n of names) {
    const v = p.values.get(n);
    if (v && v.length > 0) return v[v.length - 1];
  }
  return undefined;
}

export function valuesOf(p: ParsedArgs, ...names: string[]): Word[] {
  return names.flatMap((n) => p.values.get(n) ?? []);
}

/** Static texts of the words, lower-cased, for subcommand matching. */
export function words(list: readonly Word[]): string[] {
  return list.map((w) => (w.value ?? '').toLowerCase());
}
