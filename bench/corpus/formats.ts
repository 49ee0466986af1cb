// Every case in each of the seven agents' own hook payload formats (as the real binaries send them; see
// test/fixtures/agent-samples and test/corpus/formats.mjs). Shell and read envelopes are the adversarial suite's
// builders; write/edit/patch/MCP follow the same samples.
import type { AgentName } from '../../src/policy';
import { AGENTS, READ_FORMATS, SHELL_FORMATS } from '../../test/unit/adversarial/agentFormats';
import { CWD, type Case } from './types';

export { AGENTS };

type Payload = Record<string, unknown>;
let n = 0;
const id = () => `held-${++n}`;
const TS = '2026-01-01T00:00:00Z';
const rel = (path: string) => (path.startsWith(`${CWD}/`) ? path.slice(CWD.length + 1) : path);

const claudeLike = (tool: string, input: unknown): Payload => ({ session_id: id(), transcript_path: '/t.jsonl', cwd: CWD, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: id() });
const codexLike = (tool: string, input: unknown): Payload => ({ session_id: id(), turn_id: id(), transcript_path: '/t.jsonl', cwd: CWD, hook_event_name: 'PreToolUse', model: 'gpt-5.5', permission_mode: 'default', tool_name: tool, tool_input: input, tool_use_id: id() });
const geminiLike = (tool: string, input: unknown): Payload => ({ session_id: id(), transcript_path: '/t.jsonl', cwd: CWD, hook_event_name: 'BeforeTool', timestamp: TS, tool_name: tool, tool_input: input });
const vscodeLike = (tool: string, input: unknown): Payload => ({ timestamp: TS, cwd: CWD, sessionId: id(), hookEventName: 'PreToolUse', transcript_path: '/t.json', tool_name: tool, tool_input: input, tool_use_id: id() });
const copilotLike = (tool: string, args: unknown): Payload => ({ sessionId: id(), timestamp: 1795240490528, cwd: CWD, toolName: tool, toolArgs: args });
const cursorLike = (event: string, rest: Payload): Payload => ({ conversation_id: id(), generation_id: id(), hook_event_name: event, workspace_roots: [CWD], ...rest });
const clineLike = (tool: string, input: Record<string, unknown>): Payload => ({
  clineVersion: '',
  timestamp: TS,
  taskId: id(),
  workspaceRoots: [CWD],
  hookName: 'PreToolUse',
  tool_call: { id: 'c1', name: tool, input },
  preToolUse: { toolName: tool, parameters: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) },
});

const lines = (prefix: string, text: string) => text.split('\n').map((l) => `${prefix}${l}`).join('\n');
const addPatch = (path: string, content: string) => `*** Begin Patch\n*** Add File: ${rel(path)}\n${lines('+', content)}\n*** End Patch\n`;
const updatePatch = (path: string, oldText: string, newText: string) =>
  `*** Begin Patch\n*** Update File: ${rel(path)}\n@@\n${oldText ? `${lines('-', oldText)}\n` : ''}${lines('+', newText)}\n*** End Patch\n`;
const clineDiff = (oldText: string, newText: string) => `------- SEARCH\n${oldText}\n=======\n${newText}\n+++++++ REPLACE`;

const WRITE: Record<AgentName, (path: string, content: string) => Payload> = {
  claude: (path, content) => claudeLike('Write', { file_path: path, content }),
  codex: (path, content) => codexLike('apply_patch', { command: addPatch(path, content) }),
  gemini: (path, content) => geminiLike('write_file', { file_path: path, content }),
  vscode: (path, content) => vscodeLike('create_file', { filePath: path, content }),
  'copilot-cli': (path, content) => copilotLike('create', { path, file_text: content }),
  cursor: (path, content) => cursorLike('afterFileEdit', { file_path: path, edits: [{ old_string: '', new_string: content }] }),
  cline: (path, content) => clineLike('write_to_file', { path: rel(path), content }),
};

const EDIT: Record<AgentName, (path: string, oldText: string, newText: string) => Payload> = {
  claude: (path, o, nw) => claudeLike('Edit', { file_path: path, old_string: o, new_string: nw, replace_all: false }),
  codex: (path, o, nw) => codexLike('apply_patch', { command: updatePatch(path, o, nw) }),
  gemini: (path, o, nw) => geminiLike('replace', { file_path: path, old_string: o, new_string: nw, instruction: 'update' }),
  vscode: (path, o, nw) => vscodeLike('replace_string_in_file', { filePath: path, oldString: o, newString: nw, explanation: 'update' }),
  'copilot-cli': (path, o, nw) => copilotLike('edit', { path, old_str: o, new_str: nw }),
  cursor: (path, o, nw) => cursorLike('afterFileEdit', { file_path: path, edits: [{ old_string: o, new_string: nw }] }),
  cline: (path, o, nw) => clineLike('replace_in_file', { path: rel(path), diff: clineDiff(o, nw) }),
};

/** A patch: the agents with a patch tool send the patch text (Codex, VS Code); the others edit the file. */
const PATCH: Record<AgentName, (path: string, oldText: string, newText: string) => Payload> = {
  ...EDIT,
  codex: (path, o, nw) => codexLike('apply_patch', { input: updatePatch(path, o, nw) }),
  vscode: (path, o, nw) => vscodeLike('apply_patch', { input: updatePatch(path, o, nw), explanation: 'update' }),
};

/** MCP tools as each agent names them. */
const MCP: Record<AgentName, (server: string, tool: string, input: Record<string, unknown>) => Payload> = {
  claude: (s, t, input) => claudeLike(`mcp__${s}__${t}`, input),
  codex: (s, t, input) => codexLike(`mcp__${s}__${t}`, input),
  gemini: (s, t, input) => geminiLike(`${s}__${t}`, input),
  vscode: (s, t, input) => vscodeLike(`mcp_${s}_${t}`, input),
  'copilot-cli': (s, t, input) => copilotLike(`${s}-${t}`, input),
  cursor: (_s, t, input) => cursorLike('beforeMCPExecution', { tool_name: t, tool_input: JSON.stringify(input), url: 'http://localhost:3845/mcp' }),
  // Cline's use_mcp_tool: structured in tool_call.input, JSON text in preToolUse.parameters (as for run_commands).
  cline: (s, t, input) => clineLike('use_mcp_tool', { server_name: s, tool_name: t, arguments: input }),
};

/** The case as the given agent's hook would receive it. */
export function payloadFor(c: Case, agent: AgentName): Payload {
  switch (c.kind) {
    case 'shell':
      return SHELL_FORMATS[agent](c.command);
    case 'read':
      return READ_FORMATS[agent](c.path);
    case 'write':
      return WRITE[agent](c.path, c.content);
    case 'edit':
      return EDIT[agent](c.path, c.old, c.new);
    case 'patch':
      return PATCH[agent](c.path, c.old, c.new);
    case 'mcp':
      return MCP[agent](c.server, c.tool, c.input);
  }
}
