// Reads back what the hook answered, in each agent's own dialect: did Countersign deny this call?
import type { AgentName } from '../../src/policy/types';
import type { HookCall } from './sandbox';

export function hookDenied(agent: AgentName, call: Pick<HookCall, 'stdout' | 'exitCode'>): boolean {
  if (call.exitCode === 2 && agent !== 'cline' && agent !== 'cursor') return true;
  let answer: Record<string, unknown>;
  try {
    answer = JSON.parse(call.stdout) as Record<string, unknown>;
  } catch {
    return false; // Codex's allow is empty output
  }
  const specific = (answer.hookSpecificOutput ?? {}) as Record<string, unknown>;
  return (
    answer.decision === 'block' ||
    answer.decision === 'deny' ||
    answer.permissionDecision === 'deny' ||
    specific.permissionDecision === 'deny' ||
    answer.permission === 'deny' ||
    answer.cancel === true ||
    // Cline's deny replaces the tool's input with a no-op and says why; its sandboxed allow replaces it with no message.
    (answer.overrideInput !== undefined && answer.errorMessage !== undefined)
  );
}

/** The tool name an agent's payload names, whatever its envelope. */
export function payloadTool(payload: Record<string, unknown>): string {
  const cline = (payload.tool_call ?? {}) as Record<string, unknown>;
  const name = payload.tool_name ?? payload.toolName ?? cline.name;
  return typeof name === 'string' ? name : 'unknown';
}

/** The event a payload was sent for (Copilot CLI's native payload names none: it is its preToolUse hook). */
export function payloadEvent(payload: Record<string, unknown>): string {
  const event = payload.hook_event_name ?? payload.hookEventName ?? payload.hookName;
  return typeof event === 'string' ? event : 'preToolUse';
}
