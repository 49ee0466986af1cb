// One MCP tool call in each agent's own hook payload format: Claude Code and Codex name MCP tools
// `mcp__server__tool`, the VS Code agent `mcp_server_tool`, Copilot CLI `server-tool` with toolArgs as JSON text,
// Gemini CLI `server__tool`, Cursor sends beforeMCPExecution {tool_name, tool_input as JSON text}, Cline
// use_mcp_tool {server_name, tool_name, arguments as JSON text}.
import type { AgentName } from '../../../src/policy';

export const CWD = '/home/dev/proj';
let n = 0;
const id = () => `mcp-${++n}`;

export const MCP_FORMATS: Record<AgentName, (server: string, tool: string, args: Record<string, unknown>) => Record<string, unknown>> = {
  claude: (s, t, args) => ({ session_id: id(), transcript_path: '/t.jsonl', cwd: CWD, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: `mcp__${s}__${t}`, tool_input: args, tool_use_id: id() }),
  codex: (s, t, args) => ({ session_id: id(), turn_id: id(), transcript_path: '/t.jsonl', cwd: CWD, hook_event_name: 'PreToolUse', model: 'gpt-5.5', permission_mode: 'default', tool_name: `mcp__${s}__${t}`, tool_input: args, tool_use_id: id() }),
  gemini: (s, t, args) => ({ session_id: id(), transcript_path: '/t.jsonl', cwd: CWD, hook_event_name: 'BeforeTool', timestamp: '2026-01-01T00:00:00Z', tool_name: `${s}__${t}`, tool_input: args }),
  vscode: (s, t, args) => ({ timestamp: '2026-01-01T00:00:00Z', cwd: CWD, sessionId: id(), hookEventName: 'PreToolUse', transcript_path: '/t.json', tool_name: `mcp_${s}_${t}`, tool_input: args, tool_use_id: id() }),
  'copilot-cli': (s, t, args) => ({ sessionId: id(), timestamp: 1795240490528, cwd: CWD, toolName: `${s}-${t}`, toolArgs: JSON.stringify(args) }),
  cursor: (s, t, args) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'beforeMCPExecution', workspace_roots: [CWD], tool_name: t, tool_input: JSON.stringify(args), command: `npx -y @acme/${s}-mcp@1.2.0` }),
  cline: (s, t, args) => ({
    clineVersion: '',
    timestamp: '2026-01-01T00:00:00Z',
    taskId: id(),
    workspaceRoots: [CWD],
    hookName: 'PreToolUse',
    preToolUse: { toolName: 'use_mcp_tool', parameters: { server_name: s, tool_name: t, arguments: JSON.stringify(args) } },
  }),
};

export const MCP_AGENTS = Object.keys(MCP_FORMATS) as AgentName[];
