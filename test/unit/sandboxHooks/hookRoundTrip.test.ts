// The real CLI and a real headless gate: a safe Claude Code command is allowed with an `updatedInput` that runs it
// through `countersign sandbox`; running that rewritten command for real (bubblewrap) prints what the original
// prints, while a secret the original could read stays hidden. Blocked and denied actions carry no rewrite.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { probeSandbox } from '../../../src/sandbox/probe';
import { chainsIntact, decisions, entriesIn } from '../hook/auditRead';
import { hook, sandbox, startHeadlessGate, type HeadlessGate, type Sandbox } from '../hook/harness';

const available = probeSandbox().state === 'available';

type Answer = { decision?: string; hookSpecificOutput?: { permissionDecision?: string; updatedInput?: Record<string, unknown> } };

describe('hook round trip: allowed commands run in the sandbox', { skip: available ? false : 'no working sandbox on this machine' }, () => {
  let box: Sandbox;
  let gate: HeadlessGate;
  let proj: string;
  const canary = `CANARY-${Math.random().toString(36).slice(2)}`;

  before(async () => {
    box = sandbox();
    proj = join(box.dir, 'proj');
    mkdirSync(proj);
    writeFileSync(join(proj, 'a.txt'), 'alpha\n');
    writeFileSync(join(proj, 'show.py'), "import os\nprint(sorted(os.listdir('.')))\n");
    mkdirSync(join(box.dir, '.aws'));
    writeFileSync(join(box.dir, '.aws', 'credentials'), `${canary}\n`);
    gate = await startHeadlessGate(box, ['--folder', proj]);
  });
  after(async () => {
    await gate?.stop();
    box?.cleanup();
  });

  const payload = (command: string) => ({ session_id: 's', transcript_path: '/t.jsonl', cwd: proj, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command, description: 'run', timeout: 120000 }, tool_use_id: 'tu1' });
  const run = (command: string) => spawnSync('/bin/sh', ['-c', command], { cwd: proj, encoding: 'utf8', env: box.env });

  test('safe: allow with updatedInput through the sandbox, same output as the original', async () => {
    const original = "ls -a; printf '%s\\n' \"it's\" 'x y'; python3 show.py; echo \"$(cat a.txt)\"";
    const out = await hook('claude', payload(original), box.env);
    assert.equal(out.code, 0, out.stderr);
    const answer = JSON.parse(out.stdout) as Answer;
    assert.equal(answer.hookSpecificOutput?.permissionDecision, 'allow');
    const updated = answer.hookSpecificOutput?.updatedInput;
    assert.ok(updated, `no updatedInput: ${out.stdout}`);
    assert.equal(updated.description, 'run');
    assert.equal(updated.timeout, 120000);
    const rewritten = String(updated.command);
    assert.match(rewritten, /'sandbox' '--workspace' '[^']*proj' '--' '\/bin\/(ba)?sh' '-c' '--' /);
    const inside = run(rewritten);
    const direct = run(original);
    assert.equal(inside.status, 0, inside.stderr);
    assert.equal(inside.stdout, direct.stdout);
    assert.match(direct.stdout, /it's\nx y\n/);
  });

  test('the exit code and stderr are the command\'s own', async () => {
    const original = 'echo out; echo err >&2; exit 3';
    const answer = JSON.parse((await hook('claude', payload(original), box.env)).stdout) as Answer;
    const r = run(String(answer.hookSpecificOutput?.updatedInput?.command));
    assert.equal(r.status, 3);
    assert.equal(r.stdout, 'out\n');
    assert.match(r.stderr, /err/);
  });

  test('a safe command reading a secret by a route the policy cannot see reads nothing inside', async () => {
    writeFileSync(join(proj, 'parts.txt'), '.aws/credentials');
    writeFileSync(join(proj, 'Makefile'), 'peek:\n\t@cat "$$HOME/$$(cat parts.txt)" 2>/dev/null || echo hidden\n');
    const original = 'make peek';
    assert.match(run(original).stdout, new RegExp(canary), 'control: outside the sandbox the route works');
    const out = await hook('claude', payload(original), box.env);
    const answer = JSON.parse(out.stdout) as Answer;
    assert.equal(answer.hookSpecificOutput?.permissionDecision, 'allow', out.stdout);
    const inside = run(String(answer.hookSpecificOutput?.updatedInput?.command));
    assert.ok(!inside.stdout.includes(canary), `the canary leaked: ${inside.stdout}`);
  });

  test('blocked and denied actions stay denied, with no rewrite', async () => {
    for (const command of ['rm -rf / --no-preserve-root', 'cat ~/.aws/credentials']) {
      const out = await hook('claude', payload(command), box.env);
      const answer = JSON.parse(out.stdout) as Answer;
      assert.equal(answer.hookSpecificOutput?.permissionDecision, 'deny', command);
      assert.equal(answer.hookSpecificOutput?.updatedInput, undefined, command);
      assert.ok(!out.stdout.includes("'sandbox'"), command);
    }
  });

  test('the audit log says which decisions ran sandboxed, and still verifies', async () => {
    const entries = decisions(await entriesIn(gate.auditDir));
    const allowed = entries.filter((e) => e.decision.decision === 'allow');
    const denied = entries.filter((e) => e.decision.decision === 'deny');
    assert.ok(allowed.length >= 3 && denied.length >= 2);
    for (const e of allowed) assert.equal(e.decision.sandboxed, true, JSON.stringify(e.decision));
    for (const e of denied) assert.equal(e.decision.sandboxed, undefined);
    assert.equal(await chainsIntact(gate.auditDir), 'intact');
  });
});
