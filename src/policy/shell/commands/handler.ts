// The shape of a command handler, and the small building blocks most handlers are made of.
import type { Access } from '../../paths/pathPolicy';
import type { RuleId } from '../../reasons';
import type { ShellAnalyzer } from '../analyzer';
import { parseArgs, type OptionSpec } from '../args';
import { checkPathWords } from '../pathArgs';
import type { Invocation } from '../types';

/** Adds findings for one invocation; may dispatch inner commands (wrappers) through the analyzer. */
export type Handler = (inv: Invocation, a: ShellAnalyzer) => void;

export type HandlerTable = Record<string, Handler>;

export function table(names: readonly string[], h: Handler): HandlerTable {
  const t: HandlerTable = {};
  for (const n of names) t[n] = h;
  return t;
}

/**
 * A known program with no effect of its own worth a finding. Its arguments are still swept by the analyzer like
 * any other command's (possible file reads, possible command lines): nothing is safe by name alone.
 */
export const plain: Handler = () => undefined;

/** A program whose every argument is text it prints or compares (echo, printf, basename): nothing to sweep. */
export const textOnly: Handler = (inv, a) => a.understand(inv, ...inv.args);

/** Operands are files accessed this way (option values listed in `spec` are skipped). */
export function files(access: Access, spec: OptionSpec = {}): Handler {
  return (inv, a) => checkPathWords(a, inv, parseArgs(inv.args, spec).operands, access);
}

/** A fixed finding on the command name, plus (optionally) operands checked as files. */
export function flag(rule: RuleId, message: (inv: Invocation) => string, access?: Access): Handler {
  return (inv, a) => {
    a.hitOn(rule, message(inv), inv);
    if (access) checkPathWords(a, inv, parseArgs(inv.args).operands, access, { skipSpaces: true });
  };
}


/** The first n non-option words (subcommands), lower-cased. */
export function subcommands(inv: Invocation, n: number, skipValueOf: readonly string[] = []): { words: string[]; index: number } {
  const out: string[] = [];
  let index = -1;
  for (let i = 0; i < inv.args.length && out.length < n; i++) {
    const t = (inv.args[i]!.value ?? '').toLowerCase();
    if (t.startsWith('-')) {
      if (skipValueOf.includes(t)) i++;
      continue;
    }
    if (index < 0) index = i;
    out.push(t);
  }
  return { words: out, index };
}
