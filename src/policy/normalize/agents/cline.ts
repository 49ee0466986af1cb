// Cline: `{hookName, taskId, workspaceRoots, tool_call: {name, input}, preToolUse: {toolName, parameters}}`. The CLI
// sends both; the VS Code extension only `preToolUse`, whose parameter values are strings (arrays as JSON text).
import { decodeJsonText, firstStr, isObj, obj, strings, type Obj } from '../fields';
import type { ToolCall } from '../toolCall';

/** preToolUse parameters are all strings; only list/object-valued ones are JSON text (file content never is). */
const STRUCTURED = new Set(['commands', 'paths', 'files', 'edits', 'replacements', 'urls', 'arguments', 'todos', 'options']);

function decodeValues(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) out[k] = STRUCTURED.has(k) ? decodeJsonText(v) : v;
  return out;
}

export function clineEnvelope(p: Obj): ToolCall {
  const roots = strings(p.workspaceRoots);
  const structured = obj(p.tool_call);
  const pre = obj(p.preToolUse);
  const useStructured = isObj(structured.input) || typeof structured.name === 'string';
  const tool = (useStructured ? firstStr(structured, ['name']) : undefined) ?? firstStr(pre, ['toolName', 'tool']) ?? 'unknown';
  const input = useStructured && isObj(structured.input) ? structured.input : decodeValues(obj(pre.parameters));
  const call: ToolCall = { agent: 'cline', tool, input, cwd: firstStr(p, ['cwd']) ?? roots[0] ?? '', roots };
  const session = firstStr(p, ['taskId']);
  if (session !== undefined) call.sessionId = session;
  return call;
}
