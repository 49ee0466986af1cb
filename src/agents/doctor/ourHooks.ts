// Countersign's own hook entries in an agent's JSON hook config.
import type { Node } from 'jsonc-parser';
import type { AgentName } from '../../policy/types';
import { isCountersignCommand } from '../hookConfig';
import { hookEntries, type HookEntry } from '../hookEntries';
import type { SettingsFile } from './files';

/** Countersign hooks for `agent` under the given events (any event when none given). */
export function ourHooks(root: Node | undefined, agent: AgentName, events?: readonly string[]): HookEntry[] {
  return hookEntries(root).filter((e) => {
    if (!isCountersignCommand(e.command)) return false;
    if (events && !events.includes(String(e.path[1]))) return false;
    const named = /\bhook\s+--agent\s+([\w-]+)/.exec(e.command)?.[1];
    return named === agent;
  });
}

export function filesWithOurHook(files: readonly SettingsFile[], agent: AgentName, events?: readonly string[]): SettingsFile[] {
  return files.filter((f) => ourHooks(f.root, agent, events).length > 0);
}

/** A JSON path as one dotted setting name: hooks.PreToolUse[0].hooks[0].timeout. */
export function settingName(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
