// Shell actions: every finding of the shell analysis, with its span in the command.
import { hitToReason, reason } from '../reasons';
import { analyzeShellRun } from '../shell';
import type { Reason, ShellAction } from '../types';
import type { RuleContext } from './context';
import { powerShellRun } from '../powershell';

/** Bidi controls and invisible format characters: the command a reviewer reads is not the bytes bash runs. */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

export function shellReasons(action: ShellAction, ctx: RuleContext): Reason[] {
  const command = action.command;
  // bash never sees past a NUL (its argv is a C string): analyze what comes before it, and flag the rest.
  const nul = command.indexOf('\u0000');
  const seen = nul >= 0 ? command.slice(0, nul) : command;
  const { hits, runs, changes, edits } = action.shell === 'powershell' || action.shell === 'cmd' ? powerShellRun(action, seen, ctx) : analyzeShellRun(seen, action.cwd || undefined, ctx);
  ctx.observed?.runs.push(...runs);
  ctx.observed?.written.push(...changes.written);
  ctx.observed?.deleted.push(...changes.deleted);
  ctx.observed?.edits?.push(...edits);
  const out = hits.map((h) => hitToReason(h, 'command', command));
  if (nul >= 0) out.push(reason('input.malformed', 'The command contains a NUL byte: programs see only the part before it, and what follows is hidden.', { field: 'command', start: nul, end: nul + 1, text: '\u0000' }));
  const inv = INVISIBLE.exec(command);
  if (inv) out.push(reason('input.invisible', 'The command contains invisible or text-direction characters, so what it shows is not exactly what runs.', { field: 'command', start: inv.index, end: inv.index + 1, text: inv[0] }));
  if (out.length === 0) out.push(reason('safe.command', 'Runs commands that only read or build inside the project.'));
  return out;
}
