// GitHub Copilot CLI's native preToolUse payload: `{sessionId, timestamp, cwd, toolName, toolArgs}`; toolArgs is an
// object in current releases and JSON text in older ones.
import { decodeJsonText, firstStr, type Obj } from '../fields';
import type { ToolCall } from '../toolCall';

export function copilotCliEnvelope(p: Obj): ToolCall {
  const call: ToolCall = {
    agent: 'copilot-cli',
    tool: firstStr(p, ['toolName']) ?? 'unknown',
    input: decodeJsonText(p.toolArgs),
    cwd: firstStr(p, ['cwd']) ?? '',
    roots: [],
  };
  const session = firstStr(p, ['sessionId']);
  if (session !== undefined) call.sessionId = session;
  return call;
}
