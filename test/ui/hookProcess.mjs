// Runs the real `countersign hook` CLI the way an agent does, for the browser tests. Payloads follow what the real
// agents sent (see /work/shared/real-agents/samples).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const toolUseId = () => `toolu_${Math.random().toString(36).slice(2)}`;

function claudeBase(cwd) {
  return {
    session_id: '67c86a11-a874-4e57-9149-ef2da153db0a',
    transcript_path: join(cwd, '.transcript.jsonl'),
    cwd,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_use_id: toolUseId(),
  };
}

export function claudeBashPayload(cwd, command, description = 'Make the deploy script executable') {
  return { ...claudeBase(cwd), tool_name: 'Bash', tool_input: { command, description } };
}

export function claudeEditPayload(cwd, filePath, oldString, newString) {
  return { ...claudeBase(cwd), tool_name: 'Edit', tool_input: { file_path: filePath, old_string: oldString, new_string: newString, replace_all: false } };
}

export function claudeWritePayload(cwd, filePath, content) {
  return { ...claudeBase(cwd), tool_name: 'Write', tool_input: { file_path: filePath, content } };
}

export function claudeReadPayload(cwd, filePath) {
  return { ...claudeBase(cwd), tool_name: 'Read', tool_input: { file_path: filePath } };
}

/** Codex CLI: Claude-style envelope with turn_id and model; apply_patch carries the raw patch in `command`. */
export function codexPatchPayload(cwd, patch) {
  return {
    session_id: '01a1fc8a-246e-7731-a5de-811d7a9ef5a0',
    turn_id: '01a1fc8a-248f-7b90-84ff-94ac3c62a245',
    transcript_path: join(cwd, 'rollout.jsonl'),
    cwd,
    hook_event_name: 'PreToolUse',
    model: 'gpt-5.5',
    permission_mode: 'bypassPermissions',
    tool_name: 'apply_patch',
    tool_input: { command: patch },
    tool_use_id: 'call_1',
  };
}

export function geminiShellPayload(cwd, command, description) {
  return {
    session_id: 'c0d6e1f2-gemini',
    transcript_path: join(cwd, '.gemini-transcript.json'),
    cwd,
    hook_event_name: 'BeforeTool',
    timestamp: new Date().toISOString(),
    tool_name: 'run_shell_command',
    tool_input: { command, description },
  };
}

export function runHook(repo, env, agent, payload) {
  const child = spawn(process.execPath, [join(repo, 'dist/cli.js'), 'hook', '--agent', agent], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(JSON.stringify(payload));
  const done = new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { done, kill: () => child.kill('SIGKILL') };
}

/** The decision in an agent's answer, whatever its format. */
export function decisionOf(out) {
  if (!out.stdout.trim()) return 'allow'; // Codex: no output lets the tool run
  const a = JSON.parse(out.stdout);
  return a.hookSpecificOutput?.permissionDecision ?? a.decision ?? a.permissionDecision ?? a.permission;
}
