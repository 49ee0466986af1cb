// PowerShell and cmd.exe command lines → the same findings, programs and file changes the bash analysis gives.
import { analyzeShellRun } from '../shell';
import type { FileEdit } from '../shell/fileEdits';
import type { RuleContext } from '../rules/context';
import type { ShellAction } from '../types';
import type { Hit } from '../reasons';
import type { ProgramRun } from '../effects';
import type { ShellChanges } from '../session/changes';
import { canonicalTool } from '../normalize/detect';
import { dialectGuessed } from '../normalize/shellDialect';
import { RISK_ORDER } from '../types';
import { findSecrets } from '../content/secrets';
import { hit } from '../reasons';
import { analyzePowerShell } from './analyzer';

export function powerShellRun(action: ShellAction, command: string, ctx: RuleContext): { hits: Hit[]; runs: ProgramRun[]; changes: ShellChanges; edits: FileEdit[] } {
  const a = analyzePowerShell(command, action.cwd || undefined, { ...ctx, psParser: ctx.psParser }, action.shell === 'cmd' ? 'cmd' : 'powershell');
  const hits = a.hits;
  if (command.length <= 256 * 1024) for (const s of findSecrets(command)) hits.push(hit('secret.literal', `The command contains ${s.kind}.`, s.start, s.end));
  // The platform chose PowerShell, the tool did not say: what bash would make of the same text counts when it is
  // worse (sensitive or blocked), so a guess about the shell never hides a danger.
  if (dialectGuessed(canonicalTool(action.tool))) {
    const other = analyzeShellRun(command, action.cwd || undefined, ctx);
    // Only what is dangerous in any reading (destruction, code fetched and run): bash's view of PowerShell words
    // (`Test-Path .env` as an unknown program reading .env, `net user` as a change) would only add false alarms.
    for (const h of other.hits) if (RISK_ORDER[h.risk] >= RISK_ORDER.sensitive && /^(destroy\.|opaque\.(pipe-to-shell|remote-code))/.test(h.rule) && !hits.some((x) => x.rule === h.rule)) hits.push(h);
  }
  const isAbs = (p: string): boolean => p.startsWith('/') || /^[A-Za-z]:\//.test(p);
  return { hits, runs: a.runs, changes: { written: a.written.filter((w) => isAbs(w.path)), deleted: a.deleted.filter(isAbs) }, edits: a.edits };
}
