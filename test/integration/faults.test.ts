// Faults with a human in the loop, inside the real extension host: the gate restarted (what a reload does to it)
// or killed while a card waits, and nobody deciding before the hook timeout. Each case checks the agent's answer,
// the panel, and the audit log. (Closing the window or deactivating the extension cannot be driven from inside the
// host that would be closed; the unit suite covers the gate's side with an LSP shutdown, and queue.test.ts the
// panel's deny-all on dispose.)
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { listLogs, type AuditEntry } from '../../src/audit';
import type { CountersignApi } from '../../src/extension/ctx';
import { activeApi, claudeBash, whenPending, workspaceDir } from './helpers';

interface Out {
  code: number | null;
  stdout: string;
  ms: number;
}

/** The real CLI, with its offline log kept in `home` so a fail-closed answer can be found afterwards. */
function hook(extensionPath: string, payload: unknown, home: string, extra: string[] = []): { done: Promise<Out> } {
  const t0 = Date.now();
  const child = spawn(process.execPath, [join(extensionPath, 'dist', 'cli.js'), 'hook', '--agent', 'claude', ...extra], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', COUNTERSIGN_HOME: home },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stdin.end(JSON.stringify(payload));
  return { done: new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, ms: Date.now() - t0 }))) };
}

function decisionOf(out: Out): { permissionDecision: string; permissionDecisionReason: string } {
  return (JSON.parse(out.stdout) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } }).hookSpecificOutput;
}

async function entries(dir: string): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (const files of (await listLogs(dir)).values()) for (const f of files) for (const l of readFileSync(f, 'utf8').split('\n')) if (l) out.push(JSON.parse(l) as AuditEntry);
  return out;
}

/** Polls (the log is written by another process) until `check` passes or the time is up. */
async function eventually(check: () => Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

function cardFor(api: CountersignApi, command: string) {
  return whenPending(api, (items) => items.some((i) => i.action.kind === 'shell' && i.action.command === command), `the card for ${command}`).then((items) => items.find((i) => i.action.kind === 'shell' && i.action.command === command)!);
}

describe('faults with a card pending (real extension host)', () => {
  let home: string;
  before(() => {
    home = mkdtempSync(join(tmpdir(), 'cs-it-faults-'));
  });
  after(() => rmSync(home, { recursive: true, force: true }));

  it('gate restarted (as on reload) while a card waits: the agent is denied, the card goes, the deny is logged, the new gate serves', async () => {
    const { api, extensionPath } = await activeApi();
    const command = 'chmod 700 restart-me.sh';
    const run = hook(extensionPath, claudeBash(workspaceDir(), command), home);
    const card = await cardFor(api, command);
    const before = api.gateStatus()?.pid;
    await vscode.commands.executeCommand('countersign.restartGate');
    const out = await run.done;
    assert.equal(decisionOf(out).permissionDecision, 'deny', out.stdout);
    await whenPending(api, (items) => !items.some((i) => i.id === card.id), 'the stale card to leave the panel');
    assert.notEqual(api.gateStatus()?.pid, before, 'a new gate process serves');
    await eventually(async () => (await entries(api.auditDir())).some((e) => e.type === 'decision' && e.id === card.id && e.decision.decision === 'deny'), 'a logged deny for the pending card');
    assert.ok((await entries(api.auditDir())).some((e) => e.type === 'request' && e.id === card.id), 'the request was logged when the card was shown');

    // The new gate answers the next request.
    const next = hook(extensionPath, claudeBash(workspaceDir(), 'chmod 700 after-restart.sh'), home);
    const again = await cardFor(api, 'chmod 700 after-restart.sh');
    assert.ok(api.testing?.decide(again.id, 'deny'));
    assert.match(decisionOf(await next.done).permissionDecisionReason, /denied by the reviewer/);
  });

  it('gate process killed (SIGKILL) while a card waits: the agent is denied and the denial is in the offline log', async () => {
    const { api, extensionPath } = await activeApi();
    const command = 'chmod 700 kill-me.sh';
    const run = hook(extensionPath, claudeBash(workspaceDir(), command), home);
    await cardFor(api, command);
    const pid = api.gateStatus()?.pid;
    assert.ok(pid, 'a gate is running');
    process.kill(pid, 'SIGKILL');
    const out = await run.done;
    const d = decisionOf(out);
    assert.equal(d.permissionDecision, 'deny');
    assert.match(d.permissionDecisionReason, /could not be reached|no review gate/);
    const offline = await entries(join(home, 'audit', 'offline'));
    assert.ok(offline.some((e) => e.type === 'decision' && e.decision.decision === 'deny' && e.request?.summary.includes('kill-me.sh')), JSON.stringify(offline.slice(-2)));
    // Bring a gate back for the suites that follow.
    await vscode.commands.executeCommand('countersign.restartGate');
    assert.notEqual(api.gateStatus()?.pid, pid);
    const next = hook(extensionPath, claudeBash(workspaceDir(), 'chmod 700 after-kill.sh'), home);
    const again = await cardFor(api, 'chmod 700 after-kill.sh');
    assert.ok(api.testing?.decide(again.id, 'deny'));
    assert.equal(decisionOf(await next.done).permissionDecision, 'deny');
  });

  // Found by this suite: a dead gate's cards used to stay in the panel although their agent had been denied.
  // The gate client now withdraws them when the language client leaves the Running state. Its own card and its own
  // kill, so it holds alone; the card must leave before anyone asks for a restart.
  it('the card of a killed gate leaves the panel', async () => {
    const { api, extensionPath } = await activeApi();
    const command = 'chmod 700 orphan.sh';
    const run = hook(extensionPath, claudeBash(workspaceDir(), command), home);
    const card = await cardFor(api, command);
    const pid = api.gateStatus()?.pid;
    assert.ok(pid, 'a gate is running');
    process.kill(pid, 'SIGKILL');
    assert.equal(decisionOf(await run.done).permissionDecision, 'deny');
    await whenPending(api, (items) => !items.some((i) => i.id === card.id), 'the orphaned card to leave the panel');
    await vscode.commands.executeCommand('countersign.restartGate');
    assert.notEqual(api.gateStatus()?.pid, pid, 'a new gate serves the suites that follow');
  });

  it('nobody decides before the hook timeout: denied before it, the card withdrawn, the timeout logged', async () => {
    const { api, extensionPath } = await activeApi();
    const command = 'chmod 700 slow-human.sh';
    const run = hook(extensionPath, claudeBash(workspaceDir(), command), home, ['--timeout', '4']);
    const card = await cardFor(api, command);
    const out = await run.done;
    assert.equal(decisionOf(out).permissionDecision, 'deny');
    assert.ok(out.ms < 4000, `answered after ${out.ms} ms, past the 4 s hook timeout`);
    await whenPending(api, (items) => !items.some((i) => i.id === card.id), 'the expired card to leave');
    await eventually(async () => (await entries(api.auditDir())).some((e) => e.type === 'decision' && e.id === card.id && e.decision.decidedBy === 'timeout'), 'the logged timeout');
  });
});
