// A replayed step in one agent's exact hook payload format (as the real binaries send them; see
// test/fixtures/agent-samples), with the task's own session id and working directory, so the gate's session
// memory sees one session per task, as it would live.
import type { AgentName } from '../../src/policy';

export type Step =
  | { k: 'sh'; c: string }
  | { k: 'w'; p: string; t: string }
  | { k: 'e'; p: string; o: string; n: string }
  | { k: 'r'; p: string };

type Payload = Record<string, unknown>;
const TS = '2026-01-01T00:00:00Z';

const lines = (prefix: string, text: string) => text.split('\n').map((l) => `${prefix}${l}`).join('\n');

/** Builds one agent's payloads for one session in one working directory. */
export function sessionPayloads(agent: AgentName, session: string, cwd: string): (step: Step, n: number) => Payload {
  const rel = (path: string) => (path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path);
  const claude = (tool: string, input: unknown, n: number): Payload => ({ session_id: session, transcript_path: '/t.jsonl', cwd, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: tool, tool_input: input, tool_use_id: `${session}-${n}` });
  const codex = (tool: string, input: unknown, n: number): Payload => ({ session_id: session, turn_id: `${session}-t${n}`, transcript_path: '/t.jsonl', cwd, hook_event_name: 'PreToolUse', model: 'gpt-5.5', permission_mode: 'default', tool_name: tool, tool_input: input, tool_use_id: `${session}-${n}` });
  const gemini = (tool: string, input: unknown): Payload => ({ session_id: session, transcript_path: '/t.jsonl', cwd, hook_event_name: 'BeforeTool', timestamp: TS, tool_name: tool, tool_input: input });
  const vscode = (tool: string, input: unknown, n: number): Payload => ({ timestamp: TS, cwd, session_id: session, hook_event_name: 'PreToolUse', transcript_path: '/t.json', tool_name: tool, tool_input: input, tool_use_id: `${session}-${n}` });
  const copilot = (tool: string, args: unknown): Payload => ({ sessionId: session, timestamp: 1795240490528, cwd, toolName: tool, toolArgs: args });
  const cursor = (event: string, rest: Payload, n: number): Payload => ({ conversation_id: session, generation_id: `${session}-${n}`, hook_event_name: event, workspace_roots: [cwd], ...rest });
  const cline = (tool: string, input: Record<string, unknown>, n: number): Payload => ({
    clineVersion: '',
    timestamp: TS,
    taskId: session,
    workspaceRoots: [cwd],
    hookName: 'PreToolUse',
    tool_call: { id: `c${n}`, name: tool, input },
    preToolUse: { toolName: tool, parameters: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) },
  });
  const addPatch = (path: string, content: string) => `*** Begin Patch\n*** Add File: ${rel(path)}\n${lines('+', content)}\n*** End Patch\n`;
  const updatePatch = (path: string, o: string, nw: string) => `*** Begin Patch\n*** Update File: ${rel(path)}\n@@\n${o ? `${lines('-', o)}\n` : ''}${lines('+', nw)}\n*** End Patch\n`;

  return (step, n) => {
    switch (step.k) {
      case 'sh':
        switch (agent) {
          case 'claude': return claude('Bash', { command: step.c, description: 'run' }, n);
          case 'codex': return codex('Bash', { command: step.c }, n);
          case 'gemini': return gemini('run_shell_command', { command: step.c, description: 'run' });
          case 'vscode': return vscode('run_in_terminal', { command: step.c, explanation: 'run', goal: 'run', mode: 'sync' }, n);
          case 'copilot-cli': return copilot('bash', { command: step.c, description: 'run' });
          case 'cursor': return cursor('beforeShellExecution', { command: step.c, cwd }, n);
          case 'cline': return cline('run_commands', { commands: [step.c] }, n);
        }
        break;
      case 'w':
        switch (agent) {
          case 'claude': return claude('Write', { file_path: step.p, content: step.t }, n);
          case 'codex': return codex('apply_patch', { command: addPatch(step.p, step.t) }, n);
          case 'gemini': return gemini('write_file', { file_path: step.p, content: step.t });
          case 'vscode': return vscode('create_file', { filePath: step.p, content: step.t }, n);
          case 'copilot-cli': return copilot('create', { path: step.p, file_text: step.t });
          case 'cursor': return cursor('afterFileEdit', { file_path: step.p, edits: [{ old_string: '', new_string: step.t }] }, n);
          case 'cline': return cline('write_to_file', { path: rel(step.p), content: step.t }, n);
        }
        break;
      case 'e':
        switch (agent) {
          case 'claude': return claude('Edit', { file_path: step.p, old_string: step.o, new_string: step.n, replace_all: false }, n);
          case 'codex': return codex('apply_patch', { command: updatePatch(step.p, step.o, step.n) }, n);
          case 'gemini': return gemini('replace', { file_path: step.p, old_string: step.o, new_string: step.n, instruction: 'update' });
          case 'vscode': return vscode('replace_string_in_file', { filePath: step.p, oldString: step.o, newString: step.n, explanation: 'update' }, n);
          case 'copilot-cli': return copilot('edit', { path: step.p, old_str: step.o, new_str: step.n });
          case 'cursor': return cursor('afterFileEdit', { file_path: step.p, edits: [{ old_string: step.o, new_string: step.n }] }, n);
          case 'cline': return cline('replace_in_file', { path: rel(step.p), diff: `------- SEARCH\n${step.o}\n=======\n${step.n}\n+++++++ REPLACE` }, n);
        }
        break;
      case 'r':
        switch (agent) {
          case 'claude': return claude('Read', { file_path: step.p }, n);
          case 'codex': return codex('Bash', { command: `cat '${step.p.replace(/'/g, `'\\''`)}'` }, n);
          case 'gemini': return gemini('read_file', { file_path: step.p });
          case 'vscode': return vscode('read_file', { filePath: step.p, startLine: 1, endLine: 200 }, n);
          case 'copilot-cli': return copilot('view', { path: step.p });
          case 'cursor': return cursor('beforeReadFile', { file_path: step.p, content: '' }, n);
          case 'cline': return cline('read_file', { path: step.p }, n);
        }
        break;
    }
    throw new Error(`no payload for ${agent} ${step.k}`);
  };
}
