// Each agent's own answer format: what to print and which exit code that agent obeys.
// ../shared/real-agents/README.md records what the real binaries honour; an answer an agent ignores is an allow.
import type { AgentName } from '../policy/types';
import type { Decision } from '../protocol/hookWire';

export interface HookAnswer {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Default hook timeout (seconds) Countersign writes into each agent's config; the CLI answers shortly before it. */
export const HOOK_TIMEOUT_SECONDS: Record<AgentName, number> = {
  claude: 600,
  vscode: 600,
  'copilot-cli': 600,
  cursor: 600,
  gemini: 600,
  codex: 600,
  cline: 120, // fixed by Cline
};

function claudeStyle(decision: Decision, reason: string): HookAnswer {
  const hookSpecificOutput = { hookEventName: 'PreToolUse', permissionDecision: decision, permissionDecisionReason: reason };
  // `decision: block` is what Codex and Gemini honour on deny; Claude Code honours both.
  const body = decision === 'deny' ? { decision: 'block', reason, hookSpecificOutput } : { hookSpecificOutput };
  return { stdout: JSON.stringify(body) + '\n', stderr: '', exitCode: 0 };
}

export function formatAnswer(agent: AgentName, decision: Decision, reason: string): HookAnswer {
  switch (agent) {
    case 'claude':
    case 'vscode':
    case 'copilot-cli':
    case 'cursor':
    case 'gemini':
    case 'codex':
    case 'cline':
      // Foundation: Claude Code's format; the per-agent formats land with the agent connection work.
      return claudeStyle(decision, reason);
  }
}

/**
 * The answer when the hook cannot even understand its input: a deny on stdout, the reason on stderr, exit 2
 * (the blocking exit code for Claude Code, Codex, Gemini CLI and Copilot CLI).
 */
export function formatMalformed(agent: AgentName, reason: string): HookAnswer {
  const answer = formatAnswer(agent, 'deny', reason);
  return { ...answer, stderr: `countersign: ${reason}\n`, exitCode: 2 };
}
