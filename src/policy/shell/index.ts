// Entry point of the shell analysis: findings for one command line, spans in its own coordinates.
import { findSecrets } from '../content/secrets';
import { hit, type Hit } from '../reasons';
import type { ShellChanges } from '../session/changes';
import { ShellAnalyzer, type ShellScope } from './analyzer';
import type { ProgramRun } from '../effects';
import type { FileEdit } from './fileEdits';

export type { ShellScope } from './analyzer';
export { loadBashParser } from './wasm';

export function analyzeShell(command: string, cwd: string | undefined, scope: ShellScope): Hit[] {
  return analyzeShellRun(command, cwd, scope).hits;
}

/** The findings, and the programs the command line runs (for the verdict's effects). */
export function analyzeShellRun(command: string, cwd: string | undefined, scope: ShellScope): { hits: Hit[]; runs: ProgramRun[]; changes: ShellChanges; edits: FileEdit[] } {
  const a = new ShellAnalyzer(scope, cwd);
  a.runScript(command, { base: 0, start: 0, end: command.length }, 0);
  // A token typed into the command line is exposed whatever the command does with it.
  if (command.length <= 256 * 1024) for (const s of findSecrets(command)) a.hits.push(hit('secret.literal', `The command contains ${s.kind}.`, s.start, s.end));
  // Only files whose place is known (an absolute path) can be remembered for later actions.
  const written = [...a.written].filter(([path]) => path.startsWith('/')).map(([path, w]) => ({ path, text: w.remote ? undefined : w.text }));
  return { hits: a.hits, runs: a.runs, changes: { written, deleted: a.deleted.filter((p) => p.startsWith('/')) }, edits: a.fileEdits };
}
