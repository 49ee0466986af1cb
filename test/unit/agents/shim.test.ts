// The POSIX shim agents run: it passes the CLI's answer through untouched, and denies on its own when the CLI
// cannot answer (a crashed hook lets Claude Code, Codex, Gemini CLI and Cline run the tool: the conformance
// suite's "hook crash" check shows it with the real binaries).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { posixShim } from '../../../src/agents/scripts';

/** Runs the shim with a stand-in runtime whose behaviour is `body` (a sh script fragment). */
function runShim(body: string, cliExists = true, env: NodeJS.ProcessEnv = process.env): { code: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cs-shim-'));
  try {
    const runtime = join(dir, 'runtime');
    const cli = join(dir, 'cli.js');
    writeFileSync(runtime, `#!/bin/sh\ncat > /dev/null\n${body}\n`, { mode: 0o700 });
    if (cliExists) writeFileSync(cli, '');
    const shim = join(dir, 'countersign');
    writeFileSync(shim, posixShim(runtime, cli), { mode: 0o700 });
    const r = spawnSync(shim, ['hook', '--agent', 'gemini'], { input: '{"tool_name":"x"}', encoding: 'utf8', env });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const isDeny = (stdout: string) => {
  const a = JSON.parse(stdout) as Record<string, unknown>;
  return a.decision === 'block' && a.permission === 'deny' && a.cancel === true && a.permissionDecision === 'deny';
};

test("the CLI's answer passes through untouched: allow, Codex's empty allow, and exit-2 deny", () => {
  assert.deepEqual(runShim(`echo '{"decision":"allow"}'; exit 0`), { code: 0, stdout: '{"decision":"allow"}\n', stderr: '' });
  assert.deepEqual(runShim('exit 0'), { code: 0, stdout: '', stderr: '' });
  const deny = runShim(`echo '{"decision":"deny"}'; echo why >&2; exit 2`);
  assert.deepEqual(deny, { code: 2, stdout: '{"decision":"deny"}\n', stderr: 'why\n' });
});

test('a runtime that dies is a deny every agent reads, with exit 2; partial output is dropped', () => {
  const crashed = runShim(`printf '{"decis'; exit 1`);
  assert.equal(crashed.code, 2);
  assert.ok(isDeny(crashed.stdout), crashed.stdout);
  assert.match(crashed.stderr, /failed to run \(exit 1\)/);
  const killed = runShim('kill -9 $$');
  assert.equal(killed.code, 2);
  assert.ok(isDeny(killed.stdout));
});

test('the CLI gone (extension uninstalled) is a deny too', () => {
  const gone = runShim('exit 0', false);
  assert.equal(gone.code, 2);
  assert.ok(isDeny(gone.stdout));
  assert.match(gone.stderr, /not installed any more/);
});

test('the runtime receives the CLI path, the arguments and ELECTRON_RUN_AS_NODE, and no Countersign variable', () => {
  const r = runShim(`echo "$ELECTRON_RUN_AS_NODE|\${COUNTERSIGN_HOME-unset}|$(basename "$1")|$2 $3 $4"`);
  assert.equal(r.stdout, '1|unset|cli.js|hook --agent gemini\n');
});

test("NODE_OPTIONS from the agent's environment never reaches the runtime (it could preload code into the hook)", () => {
  const r = runShim('echo "${NODE_OPTIONS-unset}|$PATH_SEEN"', true, { ...process.env, NODE_OPTIONS: '--require /tmp/evil.js', PATH_SEEN: 'kept' });
  assert.equal(r.stdout, 'unset|kept\n');
});
