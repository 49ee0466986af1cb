// Cursor hooks are one event per kind of action rather than one PreToolUse: beforeShellExecution {command, cwd},
// beforeReadFile {file_path, content}, beforeMCPExecution {tool_name, tool_input}, afterFileEdit {file_path, edits}.
// The event name stands in for the tool name so the tool table can interpret it.
import { decodeJsonText, firstStr, obj, strings, type Obj } from '../fields';
import type { ToolCall } from '../toolCall';

/**
 * The MCP server's name from how Cursor starts or reaches it: the package or image of a stdio `command`
 * (`npx -y @modelcontextprotocol/server-github` → server-github), else the host of its `url`.
 */
function serverName(p: Obj): string {
  const command = firstStr(p, ['command']);
  if (command) {
    const words = command.split(/\s+/).filter((w) => w && !w.startsWith('-'));
    const last = words[words.length - 1] ?? '';
    return last.replace(/^.*\//, '').replace(/@[^@]*$/, '').replace(/:[\w.-]+$/, '');
  }
  const url = firstStr(p, ['url']);
  if (url) return /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(url)?.[1] ?? '';
  return '';
}

export function cursorEnvelope(p: Obj): ToolCall {
  const roots = strings(p.workspace_roots);
  const event = firstStr(p, ['hook_event_name']) ?? '';
  const cwd = firstStr(p, ['cwd']) ?? roots[0] ?? '';
  const call: ToolCall = { agent: 'cursor', tool: event || 'unknown', input: {}, cwd, roots };
  const session = firstStr(p, ['conversation_id', 'session_id']);
  if (session !== undefined) call.sessionId = session;
  switch (event) {
    case 'beforeShellExecution':
    case 'afterShellExecution':
      // A command that is not a string is passed on as it is, so it reads as not understood (never as `''`).
      call.input = { command: p.command, cwd };
      break;
    case 'beforeReadFile':
    case 'beforeTabFileRead':
      // The file's content is deliberately dropped: the verdict (and the audit log) must not carry secrets.
      call.input = { file_path: firstStr(p, ['file_path']) ?? '' };
      break;
    case 'afterFileEdit':
    case 'afterTabFileEdit':
      call.input = { file_path: firstStr(p, ['file_path']) ?? '', edits: p.edits };
      break;
    case 'beforeMCPExecution':
    case 'afterMCPExecution':
      call.tool = firstStr(p, ['tool_name']) ?? 'mcp';
      call.input = decodeJsonText(p.tool_input);
      call.mcpServer = serverName(p);
      break;
    case 'beforeSubmitPrompt':
      call.input = { prompt: firstStr(p, ['prompt']) ?? '' };
      break;
    default:
      // Newer releases send generic tool events; read them like the other agents' envelopes.
      if ('tool_name' in p) {
        call.tool = firstStr(p, ['tool_name']) ?? 'unknown';
        call.input = decodeJsonText(p.tool_input);
      } else call.input = obj(p);
  }
  return call;
}
