// "Countersign: Try a Sample Action": one harmless hook call through the real path (CLI → gate → panel), so a
// newcomer sees a sensitive card and what the agent would be told. Nothing is ever executed.
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';

function samplePayload(cwd: string): string {
  return JSON.stringify({
    session_id: 'countersign-sample',
    cwd,
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: 'chmod 777 deploy.sh', description: 'Sample: make the deploy script executable by everyone' },
    tool_use_id: `sample-${Date.now()}`,
  });
}

export async function trySampleAction(extensionPath: string, reveal: () => Promise<void>): Promise<void> {
  const cwd = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath ?? homedir();
  const child = spawn(process.execPath, [join(extensionPath, 'dist', 'cli.js'), 'hook', '--agent', 'claude'], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stdin.end(samplePayload(cwd));
  // Not awaited: the answer arrives when the reviewer decides, whatever the view is doing.
  reveal().catch(() => undefined);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  let decision = 'deny';
  let reason: string;
  try {
    const answer = JSON.parse(stdout) as { hookSpecificOutput?: { permissionDecision?: string; permissionDecisionReason?: string } };
    decision = answer.hookSpecificOutput?.permissionDecision ?? 'deny';
    reason = answer.hookSpecificOutput?.permissionDecisionReason ?? '';
  } catch {
    reason = `the hook exited with ${code}`;
  }
  void vscode.window.showInformationMessage(`Countersign sample: Claude Code would be told "${decision}". ${reason} (Nothing was run.)`);
}
