// Shell actions: every finding of the shell analysis, with its span in the command.
import { hitToReason, reason } from '../reasons';
import { analyzeShell } from '../shell';
import type { Reason, ShellAction } from '../types';
import type { RuleContext } from './context';

export function shellReasons(action: ShellAction, ctx: RuleContext): Reason[] {
  const hits = analyzeShell(action.command, action.cwd || undefined, ctx);
  const out = hits.map((h) => hitToReason(h, 'command', action.command));
  if (out.length === 0) out.push(reason('safe.command', 'Runs commands that only read or build inside the project.'));
  return out;
}
