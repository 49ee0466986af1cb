// Running files as code: `./x.sh`, `bash x.sh`, `python x.py`, `source x`. The one thing the analyzer can see is a
// file the same command line wrote ("writing a script then running it"); anything else is a script to review.
import type { ShellAnalyzer } from './analyzer';
import { analyzeCode, type CodeLanguage } from './interpreterCode';
import { checkPathWord } from './pathArgs';
import { judgeScriptFile } from './sessionCode';
import { childOrigin, type Invocation } from './types';
import type { Word } from './words';
// Lives with words (output.ts and sweep.ts need it without importing the interpreters this module runs).
export { innerOffset } from './words';

export function runFile(a: ShellAnalyzer, inv: Invocation, file: Word, language: CodeLanguage | 'shell'): void {
  // `deno run https://…`, `npx https://…/pkg.tgz`: code fetched from the network as it runs.
  if (/^(https?|ftp|git\+\w+):\/\//i.test(file.value ?? '')) {
    a.hitOn('opaque.remote-code', `Runs code downloaded from ${file.raw} as it runs.`, inv, file);
    return;
  }
  // `. /dev/stdin <<< "$(curl …)"`, `source /dev/stdin < <(…)`: the script is whatever arrives on stdin.
  if (/^\/dev\/(stdin|fd\/0)$/.test(file.value ?? '') || /^\/proc\/self\/fd\/0$/.test(file.value ?? '')) {
    const input = inv.stdin;
    if (input?.kind === 'text' && language === 'shell') a.runTextAsScript(input);
    else a.hitOn(input?.kind === 'remote' ? 'opaque.remote-code' : 'opaque.pipe-to-shell', `Runs whatever arrives on its input as code (${file.raw}).`, inv, file);
    return;
  }
  const written = file.value !== undefined ? a.written.get(a.fileKey(file.value)) : undefined;
  if (written) {
    const origin = written.origin ?? childOrigin(inv.frame.origin, file.start, file.end, false);
    if (written.text !== undefined && !written.remote) {
      if (language === 'shell') a.runScript(written.text, origin, inv.frame.nesting + 1);
      else analyzeCode(a, language, { source: written.text, origin, nesting: inv.frame.nesting + 1 });
      return;
    }
    a.hitOn(
      written.remote ? 'opaque.remote-code' : 'opaque.generated-script',
      written.remote ? `Runs ${file.raw}, which this command just downloaded.` : `Runs ${file.raw}, which this command just wrote with content the policy cannot see.`,
      inv,
      file,
    );
    return;
  }
  if (checkPathWord(a, inv, file, 'read')) return;
  // On disk (or written earlier in this session): judged by what it contains.
  if (judgeScriptFile(a, inv, file, language)) return;
  a.hitOn('exec.script', `Runs the script ${file.raw}, whose content the policy cannot see.`, inv, file);
}
