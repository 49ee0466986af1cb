// Each agent's exact hook payload format (as the real binaries send it: see test/corpus/samples/), for one
// action. The corpus generator uses these to put every case into a real agent envelope.

export const CWD = '/home/dev/proj';
const TS = '2026-11-21T05:19:05.468Z';
let n = 0;
const id = () => `0d1f02ee-2210-4fb9-a78c-${String(++n).padStart(12, '0')}`;

/** A shell command in each agent's format. */
export const shell = {
  claude: (command, cwd = CWD) => ({ session_id: id(), transcript_path: `/home/dev/.claude/projects/-home-dev-proj/${n}.jsonl`, cwd, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, description: 'Run a command' }, tool_use_id: `toolu_${n}` }),
  codex: (command, cwd = CWD) => ({ session_id: id(), turn_id: id(), transcript_path: `/home/dev/sessions/rollout-${n}.jsonl`, cwd, hook_event_name: 'PreToolUse', model: 'gpt-5.5', permission_mode: 'bypassPermissions', tool_name: 'Bash', tool_input: { command }, tool_use_id: `call_${n}` }),
  gemini: (command, cwd = CWD) => ({ session_id: id(), transcript_path: `/home/dev/.gemini/tmp/proj/chats/session-${n}.jsonl`, cwd, hook_event_name: 'BeforeTool', timestamp: TS, tool_name: 'run_shell_command', tool_input: { command, description: 'run it' } }),
  vscode: (command, cwd = CWD) => ({ timestamp: TS, cwd, sessionId: id(), hookEventName: 'PreToolUse', transcript_path: `/home/dev/.vscode/transcripts/${n}.json`, tool_name: 'run_in_terminal', tool_input: { command, explanation: 'Run a command', isBackground: false }, tool_use_id: `call_${n}` }),
  'copilot-cli': (command, cwd = CWD) => ({ sessionId: id(), timestamp: 1795240490528 + n, cwd, toolName: 'bash', toolArgs: { command, description: 'Run a command' } }),
  cursor: (command, cwd = CWD) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'beforeShellExecution', workspace_roots: [CWD], command, cwd }),
  cline: (command, cwd = CWD) => ({ clineVersion: '', timestamp: TS, taskId: `conv_${n}`, workspaceRoots: [cwd], hookName: 'tool_call', tool_call: { id: 'call_1', name: 'run_commands', input: { commands: [command] } }, preToolUse: { toolName: 'run_commands', parameters: { commands: JSON.stringify([command]) } } }),
};

const claudeLike = (tool, input, cwd = CWD) => ({ session_id: id(), transcript_path: `/home/dev/.claude/projects/-home-dev-proj/${n}.jsonl`, cwd, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: `toolu_${n}` });
const geminiLike = (tool, input) => ({ session_id: id(), transcript_path: `/home/dev/.gemini/tmp/proj/chats/session-${n}.jsonl`, cwd: CWD, hook_event_name: 'BeforeTool', timestamp: TS, tool_name: tool, tool_input: input });
const vscodeLike = (tool, input) => ({ timestamp: TS, cwd: CWD, sessionId: id(), hookEventName: 'PreToolUse', transcript_path: `/home/dev/.vscode/t/${n}.json`, tool_name: tool, tool_input: input, tool_use_id: `call_${n}` });
const copilotLike = (tool, args) => ({ sessionId: id(), timestamp: 1795240490528 + n, cwd: CWD, toolName: tool, toolArgs: args });
const clineLike = (tool, input) => ({
  clineVersion: '',
  timestamp: TS,
  taskId: `conv_${n}`,
  workspaceRoots: [CWD],
  hookName: 'tool_call',
  tool_call: { id: 'call_1', name: tool, input },
  preToolUse: { toolName: tool, parameters: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) },
});
const codexLike = (tool, input) => ({ session_id: id(), turn_id: id(), transcript_path: `/home/dev/sessions/r-${n}.jsonl`, cwd: CWD, hook_event_name: 'PreToolUse', model: 'gpt-5.5', permission_mode: 'bypassPermissions', tool_name: tool, tool_input: input, tool_use_id: `call_${n}` });

const rel = (p) => (p.startsWith(`${CWD}/`) ? p.slice(CWD.length + 1) : p);

/** Reading a file (absolute path). Codex has no read tool; it reads with the shell. */
export const read = {
  claude: (path) => claudeLike('Read', { file_path: path }),
  gemini: (path) => geminiLike('read_file', { file_path: path }),
  vscode: (path) => vscodeLike('read_file', { filePath: path, startLine: 1, endLine: 200 }),
  'copilot-cli': (path) => copilotLike('view', { path }),
  cursor: (path) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'beforeReadFile', workspace_roots: [CWD], file_path: path, content: '(file content)' }),
  cline: (path) => clineLike('read_file', { path: rel(path) }),
  codex: (path) => shell.codex(`cat ${rel(path)}`),
};

/** Writing a whole file. */
export const write = {
  claude: (path, content) => claudeLike('Write', { file_path: path, content }),
  gemini: (path, content) => geminiLike('write_file', { file_path: path, content }),
  vscode: (path, content) => vscodeLike('create_file', { filePath: path, content }),
  'copilot-cli': (path, content) => copilotLike('create', { path, file_text: content }),
  cline: (path, content) => clineLike('write_to_file', { path: rel(path), content }),
  codex: (path, content) => codexLike('apply_patch', { command: `*** Begin Patch\n*** Add File: ${rel(path)}\n${content.split('\n').map((l) => `+${l}`).join('\n')}\n*** End Patch\n` }),
  cursor: (path, content) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'afterFileEdit', workspace_roots: [CWD], file_path: path, edits: [{ old_string: '', new_string: content }] }),
};

/** Replacing one fragment of a file. */
export const edit = {
  claude: (path, oldText, newText) => claudeLike('Edit', { file_path: path, old_string: oldText, new_string: newText, replace_all: false }),
  gemini: (path, oldText, newText) => geminiLike('replace', { file_path: path, old_string: oldText, new_string: newText, instruction: 'update' }),
  vscode: (path, oldText, newText) => vscodeLike('replace_string_in_file', { filePath: path, oldString: oldText, newString: newText, explanation: 'update' }),
  'copilot-cli': (path, oldText, newText) => copilotLike('edit', { path, old_str: oldText, new_str: newText }),
  cline: (path, oldText, newText) => clineLike('replace_in_file', { path: rel(path), diff: `------- SEARCH\n${oldText}\n=======\n${newText}\n+++++++ REPLACE` }),
  codex: (path, oldText, newText) => codexLike('apply_patch', { command: `*** Begin Patch\n*** Update File: ${rel(path)}\n@@\n${oldText.split('\n').map((l) => `-${l}`).join('\n')}\n${newText.split('\n').map((l) => `+${l}`).join('\n')}\n*** End Patch\n` }),
  cursor: (path, oldText, newText) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'afterFileEdit', workspace_roots: [CWD], file_path: path, edits: [{ old_string: oldText, new_string: newText }] }),
};

/** Any other tool, in the agent's own envelope. */
export const tool = {
  claude: (name, input) => claudeLike(name, input),
  gemini: (name, input) => geminiLike(name, input),
  vscode: (name, input) => vscodeLike(name, input),
  'copilot-cli': (name, input) => copilotLike(name, input),
  cline: (name, input) => clineLike(name, input),
  codex: (name, input) => codexLike(name, input),
  cursor: (name, input) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'beforeMCPExecution', workspace_roots: [CWD], tool_name: name, tool_input: JSON.stringify(input), url: 'http://localhost:3845/mcp' }),
};

export const AGENTS = ['claude', 'codex', 'gemini', 'vscode', 'copilot-cli', 'cursor', 'cline'];
