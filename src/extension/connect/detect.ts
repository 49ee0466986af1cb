// Which agents are on this machine: their config folder in the home directory, or their binary on PATH.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { AGENTS, type AgentInfo } from '../../agents/catalog';
import type { AgentName } from '../../policy/types';

export interface Detection {
  agent: AgentName;
  detected: boolean;
  /** What was found, for the picker ("~/.claude", "claude on PATH"). */
  evidence: string[];
}

function onPath(binary: string, path: string): boolean {
  return path.split(delimiter).some((dir) => {
    if (!dir) return false;
    for (const name of process.platform === 'win32' ? [`${binary}.exe`, `${binary}.cmd`] : [binary]) {
      try {
        accessSync(join(dir, name), constants.X_OK);
        return true;
      } catch {
        // not here
      }
    }
    return false;
  });
}

export function detectAgent(info: AgentInfo, home: string, path: string, vscodeAgentPresent: boolean): Detection {
  const evidence = [
    ...info.homeDirs.filter((d) => existsSync(join(home, d))).map((d) => `~/${d}`),
    ...info.binaries.filter((b) => onPath(b, path)).map((b) => `${b} on PATH`),
  ];
  if (info.agent === 'vscode' && vscodeAgentPresent) evidence.push('VS Code chat agent');
  return { agent: info.agent, detected: evidence.length > 0, evidence };
}

export function detectAgents(home: string, path: string, vscodeAgentPresent: boolean): Detection[] {
  return AGENTS.map((info) => detectAgent(info, home, path, vscodeAgentPresent));
}
