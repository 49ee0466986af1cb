// One shell command in each agent's own hook payload format (as the real binaries send it; see
// test/fixtures/agent-samples), so every bypass is tried through every envelope the policy must read.
import type { AgentName } from '../../../src/policy';

export const CWD = '/home/dev/proj';
export const HOME = '/home/dev';

let n = 0;
const id = () => `adv-${++n}`;

export const SHELL_FORMATS: Record<AgentName, (command: string) => Record<string, unknown>> = {
  claude: (command) => ({ session_id: id(), transcript_path: '/t.jsonl', cwd: CWD, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, description: 'run' }, tool_use_id: id() }),
  codex: (command) => ({ session_id: id(), turn_id: id(), transcript_path: '/t.jsonl', cwd: CWD, hook_event_name: 'PreToolUse', model: 'gpt-5.5', permission_mode: 'default', tool_name: 'Bash', tool_input: { command }, tool_use_id: id() }),
  gemini: (command) => ({ session_id: id(), transcript_path: '/t.jsonl', cwd: CWD, hook_event_name: 'BeforeTool', timestamp: '2026-01-01T00:00:00Z', tool_name: 'run_shell_command', tool_input: { command, description: 'run' } }),
  vscode: (command) => ({ timestamp: '2026-01-01T00:00:00Z', cwd: CWD, sessionId: id(), hookEventName: 'PreToolUse', transcript_path: '/t.json', tool_name: 'run_in_terminal', tool_input: { command, explanation: 'run', isBackground: false }, tool_use_id: id() }),
  'copilot-cli': (command) => ({ sessionId: id(), timestamp: 1795240490528, cwd: CWD, toolName: 'bash', toolArgs: { command, description: 'run' } }),
  cursor: (command) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'beforeShellExecution', workspace_roots: [CWD], command, cwd: CWD }),
  cline: (command) => ({ clineVersion: '', timestamp: '2026-01-01T00:00:00Z', taskId: id(), workspaceRoots: [CWD], hookName: 'PreToolUse', tool_call: { id: 'c1', name: 'run_commands', input: { commands: [command] } }, preToolUse: { toolName: 'run_commands', parameters: { commands: JSON.stringify([command]) } } }),
};

export const AGENTS = Object.keys(SHELL_FORMATS) as AgentName[];

/** Reading a file (absolute or relative path as the agent sent it). Codex has no read tool: it uses the shell. */
export const READ_FORMATS: Record<AgentName, (path: string) => Record<string, unknown>> = {
  claude: (path) => ({ session_id: id(), cwd: CWD, hook_event_name: 'PreToolUse', tool_name: 'Read', tool_input: { file_path: path }, tool_use_id: id() }),
  codex: (path) => SHELL_FORMATS.codex(`cat '${path.replace(/'/g, `'\\''`)}'`),
  gemini: (path) => ({ session_id: id(), cwd: CWD, hook_event_name: 'BeforeTool', tool_name: 'read_file', tool_input: { file_path: path } }),
  vscode: (path) => ({ timestamp: '2026-01-01T00:00:00Z', cwd: CWD, sessionId: id(), hookEventName: 'PreToolUse', tool_name: 'read_file', tool_input: { filePath: path, startLine: 1, endLine: 100 }, tool_use_id: id() }),
  'copilot-cli': (path) => ({ sessionId: id(), timestamp: 1795240490528, cwd: CWD, toolName: 'view', toolArgs: { path } }),
  cursor: (path) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'beforeReadFile', workspace_roots: [CWD], file_path: path, content: '' }),
  cline: (path) => ({ taskId: id(), workspaceRoots: [CWD], hookName: 'PreToolUse', tool_call: { id: 'c1', name: 'read_file', input: { path } }, preToolUse: { toolName: 'read_file', parameters: { path } } }),
};
