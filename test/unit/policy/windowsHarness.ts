// Shared set-up for the Windows suites: one win32 policy per process and each agent's shell payload as it arrives on
// Windows (Claude Code's and Copilot CLI's PowerShell tools).
import { createPolicy, type AgentName, type Policy, type PolicyConfig, type Verdict } from '../../../src/policy';
import { SHELL_FORMATS, CWD } from '../adversarial/agentFormats';

export const WIN_CWD = 'C:\\Users\\dev\\proj';
export const WINDOWS_CONFIG: PolicyConfig = { sensitivePaths: [], allowedPaths: [], workspaceFolders: [WIN_CWD], home: 'C:\\Users\\dev', platform: 'win32' };

let shared: Promise<Policy> | undefined;
export const policy = (): Promise<Policy> => (shared ??= createPolicy(WINDOWS_CONFIG));

export function windowsPayload(agent: AgentName, command: string): Record<string, unknown> {
  const p = JSON.parse(JSON.stringify(SHELL_FORMATS[agent](command)).split(JSON.stringify(CWD).slice(1, -1)).join(WIN_CWD.replace(/\\/g, '\\\\'))) as Record<string, unknown>;
  if (agent === 'claude') p.tool_name = 'PowerShell';
  if (agent === 'copilot-cli') p.toolName = 'powershell';
  return p;
}

export const flagged = (v: Verdict): boolean => v.risk === 'sensitive' || v.risk === 'blocked';
export const WINDOWS_AGENTS: AgentName[] = ['claude', 'copilot-cli', 'vscode', 'codex', 'gemini', 'cursor', 'cline'];
