// What `sed -i ARGS` writes back into each file, computed as GNU sed computes it (see script.ts), or why not.
import { parseSedArgs, type SedInvocation } from './args';
import { compileSed, type SedProgram } from './script';
import type { Result } from './regex';

export { parseSedArgs, type SedInvocation } from './args';
export { cheapToRun, compileSed, runSed, type SedProgram } from './script';
export { posixToJs } from './regex';

export interface SedEdit {
  invocation: SedInvocation;
  /** Undefined when the script cannot be previewed (`why` says why). */
  program?: SedProgram;
  why?: string;
}

export function sedEdit(args: readonly string[]): Result<SedEdit> {
  const inv = parseSedArgs(args);
  if (!inv.ok) return inv;
  const program = compileSed(inv.value.scripts, inv.value.extended, inv.value.quiet);
  return { ok: true, value: program.ok ? { invocation: inv.value, program: program.value } : { invocation: inv.value, why: program.why } };
}
