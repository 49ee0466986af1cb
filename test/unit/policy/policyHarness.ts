// Shared set-up for the policy suites: one policy per process, configured like a developer's machine.
import { createPolicy, type AgentName, type Policy, type PolicyConfig, type Verdict } from '../../../src/policy';

export const CONFIG: PolicyConfig = {
  sensitivePaths: ['**/config/prod-secrets.yml'],
  allowedPaths: ['**/.env.example'],
  workspaceFolders: ['/home/dev/proj'],
  home: '/home/dev',
  protectedPaths: ['/home/dev/.config/Code/User/globalStorage/countersign.countersign', '/run/user/1000/countersign'],
};

let shared: Promise<Policy> | undefined;

export function policy(): Promise<Policy> {
  shared ??= createPolicy(CONFIG);
  return shared;
}

/** A Claude Code Bash payload. */
export function bash(command: string, cwd = '/home/dev/proj'): Record<string, unknown> {
  return { session_id: 's', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command } };
}

export function claude(tool: string, input: Record<string, unknown>, cwd = '/home/dev/proj'): Record<string, unknown> {
  return { session_id: 's', cwd, hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input };
}

export async function evaluate(payload: unknown, agent?: AgentName): Promise<Verdict> {
  return (await policy()).evaluate(payload, agent);
}

export async function riskOf(command: string, cwd?: string): Promise<string> {
  return (await evaluate(bash(command, cwd))).risk;
}
