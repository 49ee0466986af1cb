// One agent action along the whole path: CLI -> socket -> gate -> LSP -> extension queue -> decision -> CLI.
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { activeApi, claudeBash, runHook, whenPending, workspaceDir } from './helpers';

interface ClaudeAnswer {
  decision?: string;
  hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string };
}

describe('gate path (real extension host)', () => {
  it('starts a gate on a user-only socket and exports its status', async () => {
    const { api } = await activeApi();
    const status = api.gateStatus();
    assert.ok(status, 'gate status is available after activation');
    assert.ok(existsSync(status.socket), `socket ${status.socket} exists`);
    assert.equal(statSync(dirname(status.socket)).mode & 0o077, 0, 'socket directory is user-only');
    assert.equal(api.testing !== undefined, true, 'test hooks exist only in ExtensionMode.Test');
  });

  it('a denied chmod 777 reaches the queue and the CLI prints Claude Code deny', async () => {
    const { api, extensionPath } = await activeApi();
    const hook = runHook(extensionPath, 'claude', claudeBash(workspaceDir(), 'chmod 777 deploy.sh'));
    const [item] = await whenPending(api, (items) => items.some((i) => i.action.kind === 'shell'), 'the chmod card');
    assert.ok(item);
    assert.equal(item.risk, 'sensitive');
    assert.equal(item.action.agent, 'claude');
    assert.equal(item.workspaceFolder, workspaceDir());
    assert.ok(item.action.kind === 'shell' && item.action.command === 'chmod 777 deploy.sh');
    assert.ok(api.testing?.decide(item.id, 'deny'));
    const out = await hook.done;
    assert.equal(out.code, 0, out.stderr);
    const answer = JSON.parse(out.stdout) as ClaudeAnswer;
    assert.equal(answer.hookSpecificOutput.permissionDecision, 'deny');
    assert.equal(answer.decision, 'block');
    assert.match(answer.hookSpecificOutput.permissionDecisionReason, /denied by the reviewer/);
    assert.equal(api.pending().length, 0);
  });

  // A review-level action: one click approves it. A sensitive one is approved only by clicking through the panel
  // (test/ui/reviewPanel.ui.mjs); here the seam's approval of it is refused.
  it('an approved action makes the CLI print Claude Code allow; the seam cannot approve a sensitive one', async () => {
    const { api, extensionPath } = await activeApi();
    const sensitive = runHook(extensionPath, 'claude', claudeBash(workspaceDir(), 'chmod 777 deploy.sh'));
    const [chmod] = await whenPending(api, (items) => items.length === 1, 'the chmod card');
    assert.ok(chmod?.risk === 'sensitive');
    assert.equal(api.testing?.decide(chmod.id, 'allow'), false, 'no approval without the click-through');
    assert.ok(api.testing?.decide(chmod.id, 'deny'));
    assert.equal((JSON.parse((await sensitive.done).stdout) as ClaudeAnswer).hookSpecificOutput.permissionDecision, 'deny');

    const hook = runHook(extensionPath, 'claude', claudeBash(workspaceDir(), 'npm install left-pad'));
    const [item] = await whenPending(api, (items) => items.length === 1, 'the npm install card');
    assert.equal(item?.risk, 'review');
    assert.ok(item && api.testing?.decide(item.id, 'allow'));
    const out = await hook.done;
    const answer = JSON.parse(out.stdout) as ClaudeAnswer;
    assert.equal(answer.hookSpecificOutput.permissionDecision, 'allow');
    assert.equal(out.code, 0);
  });

  it('removes the card when the agent goes away, and a forged id decides nothing', async () => {
    const { api, extensionPath } = await activeApi();
    const hook = runHook(extensionPath, 'claude', claudeBash(workspaceDir(), 'sudo rm -rf /tmp/x'));
    await whenPending(api, (items) => items.length === 1, 'the sudo card');
    assert.equal(api.testing?.decide('not-a-real-id', 'allow'), false);
    hook.kill();
    await whenPending(api, (items) => items.length === 0, 'the card to disappear');
  });

  it('denies at the deadline when nobody decides', async () => {
    const { api, extensionPath } = await activeApi();
    const hook = runHook(extensionPath, 'claude', claudeBash(workspaceDir(), 'chmod 600 deploy.sh'), ['--timeout', '3']);
    await whenPending(api, (items) => items.length === 1, 'the card');
    const out = await hook.done;
    const answer = JSON.parse(out.stdout) as ClaudeAnswer;
    assert.equal(answer.hookSpecificOutput.permissionDecision, 'deny');
    assert.match(answer.hookSpecificOutput.permissionDecisionReason, /nobody decided/);
    await whenPending(api, (items) => items.length === 0, 'the expired card to disappear');
  });

  it('malformed stdin is denied with exit 2 and never reaches the panel', async () => {
    const { api, extensionPath } = await activeApi();
    const out = await runHook(extensionPath, 'claude', '{"tool_name": "Bash", "tool_input": ').done;
    assert.equal(out.code, 2);
    assert.match(out.stderr, /countersign:/);
    assert.equal(api.pending().length, 0);
  });
});
