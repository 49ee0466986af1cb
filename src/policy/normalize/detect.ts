// Which agent sent a payload, from its shape alone (`countersign evaluate` without --agent). Checked from the most
// distinctive shape to the least: Cline and Cursor have unique envelopes, Copilot CLI uses camelCase toolName/
// toolArgs, Gemini names its event BeforeTool, Codex adds turn_id/model to Claude's shape, the VS Code agent uses
// camelCase hookEventName/sessionId (or VS Code tool names), and what remains with tool_name is Claude Code's.
import type { AgentName } from '../types';
import { isObj, str, type Obj } from './fields';

const CURSOR_EVENTS = new Set([
  'beforeShellExecution',
  'beforeMCPExecution',
  'beforeReadFile',
  'afterFileEdit',
  'beforeSubmitPrompt',
  'afterShellExecution',
  'afterMCPExecution',
  'afterAgentResponse',
  'afterAgentThought',
  'beforeTabFileRead',
  'afterTabFileEdit',
  'stop',
]);

/** Tool names only the VS Code agent uses (canonical: lower case, letters and digits only). */
const VSCODE_TOOLS = new Set([
  'runinterminal',
  'replacestringinfile',
  'multireplacestringinfile',
  'createfile',
  'insertedittofile',
  'inserteditintofile',
  'listdir',
  'filesearch',
  'grepsearch',
  'semanticsearch',
  'fetchwebpage',
  'getterminaloutput',
  'createdirectory',
  'editnotebookfile',
  'managetodolist',
  'geterrors',
  'getchangedfiles',
  'runvscodecommand',
  'installextension',
  'runtask',
  'createandruntask',
  'runtests',
  'opensimplebrowser',
]);

export function canonicalTool(name: string): string {
  return name
    .replace(/^(copilot|vscode)_/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function isVscodeTool(name: string): boolean {
  return VSCODE_TOOLS.has(canonicalTool(name));
}

/**
 * VS Code 1.112+'s snake_case envelope, whatever the tool (MCP tools too): an ISO `timestamp`, a transcript and a
 * tool-use id (its ids end in `__vscode-<n>`), and no `permission_mode` (Claude Code's). Copilot CLI's Claude-style
 * payload has a timestamp but neither transcript nor tool-use id.
 */
function isVscodeEnvelope(p: Obj): boolean {
  const id = str(p.tool_use_id);
  if (id === undefined || 'permission_mode' in p) return false;
  return /__vscode-\d+$/.test(id) || (typeof p.timestamp === 'string' && 'transcript_path' in p);
}

export function detectAgent(payload: unknown): AgentName | 'unknown' {
  if (!isObj(payload)) return 'unknown';
  const p: Obj = payload;
  if ('hookName' in p || isObj(p.preToolUse) || (isObj(p.tool_call) && ('taskId' in p || 'workspaceRoots' in p))) return 'cline';
  const event = str(p.hook_event_name);
  if ('conversation_id' in p || 'workspace_roots' in p || (event !== undefined && CURSOR_EVENTS.has(event))) return 'cursor';
  // VS Code 1.109-1.111 named the common fields in camelCase (hookEventName, sessionId); Copilot CLI sends no event name.
  if ('hookEventName' in p && !('toolArgs' in p)) return 'vscode';
  if ('toolName' in p && ('toolArgs' in p || 'sessionId' in p)) return 'copilot-cli';
  if (event === 'BeforeTool') return 'gemini';
  if ('turn_id' in p || ('model' in p && 'tool_name' in p)) return 'codex';
  const tool = str(p.tool_name);
  if ('hookEventName' in p || ('sessionId' in p && tool !== undefined) || (tool !== undefined && isVscodeTool(tool)) || isVscodeEnvelope(p)) return 'vscode';
  if (tool !== undefined || 'tool_input' in p) return 'claude';
  return 'unknown';
}
