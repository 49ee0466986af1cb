// Any agent's hook payload → one Action. The envelope is chosen by the payload's shape (a forced agent only names
// it), because agents borrow each other's formats: Copilot CLI sends Claude-style payloads from Claude-format hook
// files, and the VS Code agent reads .claude/settings.json too.
import type { Action, AgentName } from '../types';
import { detectAgent } from './detect';
import { isObj } from './fields';
import { clineEnvelope } from './agents/cline';
import { copilotCliEnvelope } from './agents/copilotCli';
import { cursorEnvelope } from './agents/cursor';
import { hookEnvelope } from './agents/hookEnvelope';
import type { ToolCall } from './toolCall';
import { toAction, type NormalizeContext } from './tools';

export type { NormalizeContext } from './tools';
export { detectAgent } from './detect';

export class MalformedPayload extends Error {}

/**
 * VS Code runs every hook file it reads for its own calls: Countersign's Copilot CLI file in ~/.copilot/hooks (and a
 * Claude-format file with chat.useClaudeHooks) then receives the VS Code agent's payload. The call is the VS Code
 * agent's, whichever file ran: one label, one session.
 */
function sharedFolderAgent(forced: AgentName, shape: AgentName | 'unknown'): AgentName {
  return shape === 'vscode' && (forced === 'copilot-cli' || forced === 'claude') ? 'vscode' : forced;
}

export function toolCallOf(payload: unknown, agent: AgentName | undefined): ToolCall {
  if (!isObj(payload)) throw new MalformedPayload('the payload is not a JSON object');
  const shape = detectAgent(payload);
  let call: ToolCall;
  switch (shape) {
    case 'cline':
      call = clineEnvelope(payload);
      break;
    case 'cursor':
      call = cursorEnvelope(payload);
      break;
    case 'copilot-cli':
      call = copilotCliEnvelope(payload);
      break;
    case 'claude':
    case 'codex':
    case 'gemini':
    case 'vscode':
      call = hookEnvelope(payload, shape);
      break;
    case 'unknown':
      throw new MalformedPayload('the payload has no tool call in any known agent format');
  }
  if (agent) call.agent = sharedFolderAgent(agent, shape);
  return call;
}

/** Throws MalformedPayload when the payload is not a tool call in any known format. */
export function normalize(payload: unknown, agent: AgentName | undefined, ctx: NormalizeContext): Action {
  return toAction(toolCallOf(payload, agent), ctx);
}
