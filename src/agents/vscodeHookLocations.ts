// VS Code reads ~/.copilot/hooks by default only from 1.112; an older VS Code (1.109-1.111 run hooks too) ignores a
// hook file there unless `chat.hookFilesLocations` names the folder. Connecting VS Code's agent on such a VS Code also
// adds the folder to the user's settings.json, planned like every other change so the user sees the diff first.
import { applyEdits, modify, parseTree, findNodeAtLocation, type ParseError } from 'jsonc-parser';
import type { ConfigTarget } from './catalog';
import type { PlannedChange } from './plan';

export const USER_HOOKS_LOCATION = '~/.copilot/hooks';
/** The first VS Code that reads ~/.copilot/hooks without being told. */
const READS_BY_DEFAULT_FROM: readonly [number, number] = [1, 112];

/** Whether this VS Code (its `vscode.version`) reads ~/.copilot/hooks by default. Unknown versions count as new. */
export function readsUserHooksByDefault(version: string): boolean {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return true;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  return major > READS_BY_DEFAULT_FROM[0] || (major === READS_BY_DEFAULT_FROM[0] && minor >= READS_BY_DEFAULT_FROM[1]);
}

/**
 * The change to VS Code's user settings.json that makes it read ~/.copilot/hooks, or undefined when nothing is
 * needed (a VS Code that reads it anyway, or the folder already on). An unreadable settings file is a problem, never
 * overwritten.
 */
export function planUserHooksLocation(settingsFile: string, before: string | undefined, version: string): PlannedChange | undefined {
  if (readsUserHooksByDefault(version)) return undefined;
  const target: ConfigTarget = { agent: 'vscode', scope: 'user', file: settingsFile, kind: 'vscode-settings', shared: false };
  const base = { target, before, created: [], executable: false };
  const text = before ?? '{}\n';
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || root.type !== 'object' || errors.length > 0) return { ...base, after: before, problem: `${settingsFile} is not a JSON object Countersign can edit safely; add "chat.hookFilesLocations": {"${USER_HOOKS_LOCATION}": true} yourself.` };
  const locations = findNodeAtLocation(root, ['chat.hookFilesLocations']);
  if (locations && locations.type !== 'object') return { ...base, after: before, problem: `chat.hookFilesLocations in ${settingsFile} is not an object; add "${USER_HOOKS_LOCATION}": true to it yourself.` };
  if (locations && findNodeAtLocation(locations, [USER_HOOKS_LOCATION])?.value === true) return undefined;
  const edits = modify(text, ['chat.hookFilesLocations', USER_HOOKS_LOCATION], true, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  let after = applyEdits(text, edits);
  if (!after.endsWith('\n')) after += '\n';
  return { ...base, after, created: locations ? [] : [['chat.hookFilesLocations']] };
}
