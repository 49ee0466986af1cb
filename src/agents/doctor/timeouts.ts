// A hook the agent stops waiting for fails open in most agents (the tool runs). Countersign's hook answers deny
// shortly before the `--timeout` on its command line, so the agent must wait at least that long.
import { findNodeAtLocation } from 'jsonc-parser';
import type { AgentName } from '../../policy/types';
import { HOOK_TIMEOUT_SECONDS } from '../answers';
import { agentInfo } from '../catalog';
import { jsonFix, type SettingsFile } from './files';
import { ourHooks, settingName } from './ourHooks';
import type { Finding } from './types';

export interface TimeoutRule {
  /** The field that holds the timeout in each hook entry. */
  field: string;
  /** Seconds per unit of that field (Gemini: milliseconds). */
  unit: 's' | 'ms';
  /** What the agent uses when the field is absent, in seconds. */
  defaultSec: number;
  events: readonly string[];
}

export function timeoutFindings(f: SettingsFile, agent: AgentName, rule: TimeoutRule): Finding[] {
  const label = agentInfo(agent).label;
  return ourHooks(f.root, agent, rule.events).flatMap(({ command, path, node }) => {
    const wanted = Number(/--timeout\s+(\d+)/.exec(command)?.[1] ?? HOOK_TIMEOUT_SECONDS[agent]);
    const raw: unknown = findNodeAtLocation(node, [rule.field])?.value;
    const seconds = typeof raw === 'number' ? (rule.unit === 'ms' ? raw / 1000 : raw) : rule.defaultSec;
    if (seconds >= wanted) return [];
    const shown = typeof raw === 'number' ? `${raw} ${rule.unit === 'ms' ? 'ms' : 's'}` : `its default of ${rule.defaultSec} s`;
    const to = rule.unit === 'ms' ? wanted * 1000 : wanted;
    return [
      {
        file: f.file,
        setting: settingName([...path, rule.field]),
        message: `${label} stops waiting for Countersign's hook after ${shown} and then runs the tool anyway, but a decision may take up to ${wanted} s.${rule.unit === 'ms' ? ' (This timeout is in milliseconds.)' : ''}`,
        disables: true,
        fix: jsonFix(f, [...path, rule.field], to, `Set the timeout to ${to}`),
      },
    ];
  });
}
