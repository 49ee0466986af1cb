// Shared helpers for suites running inside the real extension host.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CountersignApi } from '../../src/extension/ctx';
import type { ReviewItem } from '../../src/protocol/gateLsp';

export const EXTENSION_ID = 'countersign.countersign';

export async function activeApi(): Promise<{ api: CountersignApi; extensionPath: string }> {
  const ext = vscode.extensions.getExtension<CountersignApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  const api = await ext.activate();
  return { api, extensionPath: ext.extensionPath };
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need a workspace folder');
  return folder.uri.fsPath;
}

export interface HookRun {
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  kill(): void;
}

/** Runs the real CLI as an agent would: payload on stdin, answer on stdout. */
export function runHook(extensionPath: string, agent: string, payload: unknown, extraArgs: string[] = []): HookRun {
  // process.execPath is Node under code-server and Electron under desktop VS Code: make both act as Node.
  const child = spawn(process.execPath, [join(extensionPath, 'dist', 'cli.js'), 'hook', '--agent', agent, ...extraArgs], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(typeof payload === "string" ? payload : JSON.stringify(payload));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { done, kill: () => child.kill('SIGKILL') };
}

/** Resolves when the queue satisfies `predicate`: event-driven, no polling. */
export function whenPending(api: CountersignApi, predicate: (items: ReviewItem[]) => boolean, what: string, ms = 20_000): Promise<ReviewItem[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const items = api.pending();
      if (predicate(items)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(items);
      }
    };
    const sub = api.onDidChangePending(check);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for: ${what}`));
    }, ms);
    check();
  });
}

export function claudeBash(cwd: string, command: string): Record<string, unknown> {
  return {
    session_id: 'it-session',
    transcript_path: join(cwd, '.transcript.jsonl'),
    cwd,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command, description: 'Make the deploy script executable' },
    tool_use_id: `toolu_${Math.random().toString(36).slice(2)}`,
  };
}
