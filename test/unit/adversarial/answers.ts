// Reads a hook answer the way each agent does: allow, deny, or nothing understandable (which the agent would treat
// as no decision, i.e. an allow in most of them: the worst outcome, reported as 'unanswered').
import type { AgentName } from '../../../src/policy';

export type Read = 'allow' | 'deny' | 'unanswered';

export function answerDecision(agent: AgentName, r: { code: number | null; stdout: string }): Read {
  if (r.code === null) return 'unanswered';
  if (agent === 'codex' && r.stdout === '' && r.code === 0) return 'allow';
  let a: Record<string, unknown>;
  try {
    a = JSON.parse(r.stdout) as Record<string, unknown>;
  } catch {
    return r.code === 2 && agent !== 'cline' && agent !== 'cursor' ? 'deny' : 'unanswered';
  }
  const hso = a.hookSpecificOutput as { permissionDecision?: string } | undefined;
  switch (agent) {
    case 'gemini':
      return a.decision === 'deny' || r.code === 2 ? 'deny' : a.decision === 'allow' ? 'allow' : 'unanswered';
    case 'cursor':
      return a.permission === 'deny' ? 'deny' : a.permission === 'allow' ? 'allow' : 'unanswered';
    case 'cline':
      // A deny replaces the input with a harmless one and says why (errorMessage); a sandboxed allow replaces it with
      // the same command run in the sandbox, and says nothing.
      return a.cancel === true || 'errorMessage' in a ? 'deny' : a.cancel === false ? 'allow' : 'unanswered';
    case 'copilot-cli':
    case 'vscode':
      if (a.permissionDecision === 'deny' || hso?.permissionDecision === 'deny' || r.code === 2) return 'deny';
      return a.permissionDecision === 'allow' || hso?.permissionDecision === 'allow' ? 'allow' : 'unanswered';
    case 'claude':
    case 'codex':
      if (hso?.permissionDecision === 'deny' || r.code === 2) return 'deny';
      return hso?.permissionDecision === 'allow' ? 'allow' : 'unanswered';
  }
}
