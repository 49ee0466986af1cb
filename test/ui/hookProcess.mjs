// Runs the real `countersign hook` CLI the way an agent does, for the browser tests.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export function claudeBashPayload(cwd, command, description = 'Make the deploy script executable') {
  return {
    session_id: 'ui-session',
    transcript_path: join(cwd, '.transcript.jsonl'),
    cwd,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command, description },
    tool_use_id: `toolu_${Math.random().toString(36).slice(2)}`,
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
