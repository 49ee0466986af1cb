// What ran earlier on this command line, as far as a judgement that reads the disk needs it: a file that is not on
// the disk now can still be there when the command runs if something earlier on the line made it (`mv a b && rm b`,
// `tar xf p.tgz && pip install -e .`). Only programs that make no files are known not to.
import type { ShellAnalyzer } from './analyzer';

const MAKES_NO_FILES = new Set(['cd', 'pushd', 'popd', 'pwd', 'echo', 'printf', 'ls', 'true', 'which', 'type', 'command', 'export', 'set', 'tail', 'head', 'grep', 'wc', 'sort', 'cat']);

/**
 * Nothing run so far on the line, besides the command being judged (already counted in `a.runs`), could have made
 * a file. Redirections are not programs: a file they write is in `a.written`, which the callers check themselves.
 */
export function nothingMadeFilesSoFar(a: ShellAnalyzer): boolean {
  return a.runs.filter((r) => !MAKES_NO_FILES.has(r.program)).length <= 1;
}
