// The one list of agents Countersign speaks to: the policy's payload formats, the CLI's `--agent`, the connect
// catalog and the panel all read it here. Pure data with no imports, so every layer may use it at run time.

/** Agents with a hook protocol, named exactly as `countersign hook --agent NAME` accepts them. */
export const AGENT_NAMES = ['claude', 'vscode', 'copilot-cli', 'cursor', 'gemini', 'codex', 'cline'] as const;
export type AgentName = (typeof AGENT_NAMES)[number];

/** Whether a name from elsewhere (a payload, a flag, a view, a message) is one of the agents above. */
export function isAgentName(value: unknown): value is AgentName {
  return typeof value === 'string' && (AGENT_NAMES as readonly string[]).includes(value);
}
