// Connect Agents inside the real extension host: the shim in global storage runs the CLI with the editor's own
// runtime, and a hook written by the connect code reaches this window's panel.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { applyChanges, planConnection, planDisconnection } from '../../src/agents/connect';
import { activeApi, claudeBash, whenPending, workspaceDir } from './helpers';

/** Runs a hook command line the way an agent does: through sh, payload on stdin. */
function runCommandLine(commandLine: string, payload: unknown): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', commandLine], { env: { PATH: process.env.PATH, HOME: process.env.HOME, COUNTERSIGN_RUNTIME_DIR: process.env.COUNTERSIGN_RUNTIME_DIR } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(JSON.stringify(payload));
  });
}

describe('connect agents (real extension host)', () => {
  it('registers the Connect and Disconnect commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('countersign.connectAgents'));
    assert.ok(commands.includes('countersign.disconnectAgents'));
  });

  it('writes a user-only executable shim in global storage', async () => {
    const { api } = await activeApi();
    const st = statSync(api.shimPath());
    assert.ok(st.mode & 0o100, 'shim is executable');
    assert.equal(st.mode & 0o077, 0, 'shim is user-only');
    assert.match(readFileSync(api.shimPath(), 'utf8'), /ELECTRON_RUN_AS_NODE=1 /);
  });

  it("a Claude Code hook written by Connect reaches this window's panel through the shim, and Disconnect removes it", async () => {
    const { api } = await activeApi();
    const home = mkdtempSync(join(tmpdir(), 'cs-home-'));
    try {
      const applied = applyChanges(planConnection(['claude'], 'user', { home }, api.shimPath()));
      assert.equal(applied.length, 1);
      const settings = JSON.parse(readFileSync(join(home, '.claude', 'settings.json'), 'utf8')) as {
        hooks: { PreToolUse: { matcher: string; hooks: { command: string; timeout: number }[] }[] };
      };
      const entry = settings.hooks.PreToolUse[0]!.hooks[0]!;
      assert.equal(entry.timeout, 600);

      const run = runCommandLine(entry.command, claudeBash(workspaceDir(), 'chmod 777 deploy.sh'));
      const [item] = await whenPending(api, (items) => items.length === 1, 'the card from the shim');
      assert.ok(item && api.testing?.decide(item.id, 'deny'));
      const out = await run;
      assert.equal(out.code, 0, out.stderr);
      assert.equal((JSON.parse(out.stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision, 'deny');

      const removed = applyChanges(planDisconnection(['claude'], { home }, () => applied[0]!.plan.created));
      assert.equal(removed[0]?.action, 'deleted');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('reports each agent with its connection state', async () => {
    const { api } = await activeApi();
    const states = api.agentStates();
    assert.deepEqual(states.map((s) => s.agent).sort(), ['claude', 'cline', 'codex', 'copilot-cli', 'cursor', 'gemini', 'vscode']);
  });
});

describe('walkthrough (real extension host)', () => {
  it('"Try a Sample Action" sends a sensitive sample through the real path and reports the answer', async () => {
    const { api } = await activeApi();
    const done = vscode.commands.executeCommand('countersign.trySample');
    const [item] = await whenPending(api, (items) => items.some((i) => i.action.kind === 'shell' && i.action.command === 'chmod 777 deploy.sh'), 'the sample card');
    assert.equal(item?.risk, 'sensitive');
    assert.ok(item && api.testing?.decide(item.id, 'deny'));
    await done;
  });
});
