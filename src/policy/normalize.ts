// Turns an agent's hook payload into one Action. (Foundation stub: Claude Code only; the policy work extends it.)
import type { Action, AgentName } from './types';

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function normalize(payload: unknown, agent: AgentName | undefined): Action {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const input = (typeof p.tool_input === 'object' && p.tool_input !== null ? p.tool_input : {}) as Record<string, unknown>;
  const base = { agent: agent ?? 'unknown', tool: str(p.tool_name) ?? 'unknown', cwd: str(p.cwd) ?? '' } as const;
  const command = str(input.command);
  if (command !== undefined) return { ...base, kind: 'shell', command, explanation: str(input.description) };
  return { ...base, kind: 'tool', input: p.tool_input };
}
