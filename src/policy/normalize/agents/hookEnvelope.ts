// The envelope Claude Code introduced and Codex CLI, Gemini CLI, the VS Code agent (and Copilot CLI when it loads
// Claude-format hook files) share: `tool_name` + `tool_input` + `cwd`, with the session id in snake or camel case.
import type { AgentName } from '../../types';
import { decodeJsonText, firstStr, type Obj } from '../fields';
import type { ToolCall } from '../toolCall';

export function hookEnvelope(p: Obj, agent: AgentName | 'unknown'): ToolCall {
  const call: ToolCall = {
    agent,
    tool: firstStr(p, ['tool_name', 'toolName']) ?? 'unknown',
    input: decodeJsonText(p.tool_input ?? p.toolInput ?? p.toolArgs),
    cwd: firstStr(p, ['cwd']) ?? '',
    roots: [],
  };
  const session = firstStr(p, ['session_id', 'sessionId']);
  if (session !== undefined) call.sessionId = session;
  return call;
}
