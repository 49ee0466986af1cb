// `countersign sandbox [--workspace DIR]... [--allow-path PATH]... -- CMD ARGS` run by an agent. The sandbox only
// takes rights away, so the command line is judged as what it runs: CMD as if typed directly; each `--allow-path`
// as a read of that path (it is made visible inside, so a secret is sensitive); each `--workspace` as a write of
// that folder (it is made writable: outside the open folders at least review, a protected folder sensitive).
import { parseArgs } from '../args';
import { checkPathWord } from '../pathArgs';
import type { ShellAnalyzer } from '../analyzer';
import type { Invocation } from '../types';

const WITH_VALUE = ['--workspace', '--allow-path'];

/** `at`: the index of the word `sandbox` in the invocation's arguments. */
export function judgeSandboxRun(inv: Invocation, a: ShellAnalyzer, at: number): void {
  const dash = inv.args.findIndex((w, i) => i > at && w.value === '--');
  // Without `--` the CLI prints its usage and runs nothing; its words are still swept like any command's.
  if (dash < 0) {
    a.understand(inv, ...inv.args);
    return;
  }
  const p = parseArgs(inv.args.slice(at + 1, dash), { withValue: WITH_VALUE });
  for (const w of p.values.get('--workspace') ?? []) checkPathWord(a, inv, w, 'write');
  for (const w of p.values.get('--allow-path') ?? []) checkPathWord(a, inv, w, 'read');
  // An option word spelled at run time could be either flag: judge it both ways.
  for (const w of inv.args.slice(at + 1, dash)) if (w.value === undefined) checkPathWord(a, inv, w, 'write');
  if (dash + 1 < inv.args.length) a.dispatchFrom(inv, dash + 1, 'countersign sandbox');
}
