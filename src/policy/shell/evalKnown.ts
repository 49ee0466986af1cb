// `exec(code)` where `code` is a constant the program set (`code = """…"""`), and `exec(open('t.py').read())`: the
// code evaluated is known, so it is judged as code, not as opaque. A file's text read and evaluated is that file run
// (`python t.py`): judged from the session's memory or the disk, as running it by name is. A name bound more than
// once, or anything decoded or computed, stays opaque.
import type { ShellAnalyzer } from './analyzer';
import { foldExpression } from './codeEval';
import { foldEnv } from './codeEffects';
import { BUILTIN_NAMES, bindings, namesIn } from './codeTargets';
import type { CodeLanguage } from './interpreterCode';
import { childOrigin, type Frame } from './types';

const PY_FILE_TEXT = /^(?:open|io\s*\.\s*open)\s*\(\s*(['"])([^'"\\\n]+)\1\s*(?:,\s*(['"])r[bt]?\3\s*)?(?:,\s*encoding\s*=\s*(['"])[\w-]+\4\s*)?\)\s*\.\s*read\s*\(\s*\)$|^(?:pathlib\s*\.\s*)?Path\s*\(\s*(['"])([^'"\\\n]+)\5\s*\)\s*\.\s*read_text\s*\([^()]*\)$/;
const NODE_FILE_TEXT = /^(?:fs\s*\.\s*)?readFileSync\s*\(\s*(['"`])([^'"`\\\n$]+)\1\s*(?:,\s*(?:(['"])utf-?8\3|\{\s*encoding\s*:\s*(['"])utf-?8\4\s*\}))?\s*\)(?:\s*\.\s*toString\s*\(\s*\))?$/;

/** True when the evaluated argument `arg` (at `at` of the frame) was known code and has been judged. */
/** `analyze` is the code analyzer itself (passed in: it calls this module). */
export function runsKnownCode(a: ShellAnalyzer, lang: CodeLanguage, code: string, arg: string, f: Frame, m: RegExpExecArray, at: number, analyze: (a: ShellAnalyzer, lang: CodeLanguage, f: Frame) => void): boolean {
  if (lang !== 'python' && lang !== 'node') return false;
  const origin = childOrigin(f.origin, m.index, at + arg.length, false);
  const file = lang === 'python' ? PY_FILE_TEXT.exec(arg) : NODE_FILE_TEXT.exec(arg);
  const path = file ? (file[2] ?? file[6]) : undefined;
  if (path !== undefined) {
    a.runScript(`${lang === 'python' ? 'python3' : 'node'} '${path.replace(/'/g, `'\\''`)}'`, origin, f.nesting + 1);
    return true;
  }
  if (!/^[\w.]+$/.test(arg) || namesIn(arg).some((n) => !BUILTIN_NAMES.has(n) && bindings(code, n) !== 1)) return false;
  const folded = foldExpression(arg, foldEnv(a, lang, code, f));
  if (!folded || folded.value === undefined || folded.decoded || folded.unknown || folded.value.trim() === '') return false;
  analyze(a, lang, { source: folded.value, origin, nesting: f.nesting + 1 });
  return true;
}
