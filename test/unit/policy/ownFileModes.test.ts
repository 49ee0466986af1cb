// `chmod +x` on a file this session wrote grants nothing (running it is judged by its content); every other mode
// change stays a permission change. In all seven agents' formats, in one command line and across a session.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AGENTS, SHELL_FORMATS } from '../adversarial/agentFormats';
import { evaluate } from './policyHarness';
import { grantsNothing } from '../../../src/policy/shell/ownFileModes';

const WRITE_THEN = (mode: string) => `cat > build.sh <<'EOF'\necho building\nEOF\nchmod ${mode} build.sh && ./build.sh`;

test('modes that grant nothing to anyone else', () => {
  for (const m of ['+x', 'u+x', 'a+x', 'ug+x', '755', '0755', '644', '700', '600', '555', 'u+rwx', 'go-w', 'u+x,go-w', 'a-w', '=rx']) assert.ok(grantsNothing(m), m);
  for (const m of ['4755', '2755', '1777', '777', '775', '666', 'o+w', 'g+w', '+w', 'a+w', 'u+s', '+t', 'g+s', 'ug+w', '=rwx', 'u=rwx,g=rwx', 'x', '']) assert.ok(!grantsNothing(m), m);
});

test('chmod of a file written earlier in the same command line is safe, in every agent format', async () => {
  for (const agent of AGENTS) {
    for (const mode of ['+x', 'u+x', '755']) {
      const v = await evaluate(SHELL_FORMATS[agent](WRITE_THEN(mode)), agent);
      assert.equal(v.risk, 'safe', `${agent} chmod ${mode}: ${JSON.stringify(v.reasons)}`);
      assert.ok(v.reasons.some((r) => r.rule === 'safe.mode'), agent);
    }
  }
});

test('setuid, write for others, recursion, other files and secrets stay sensitive, in every agent format', async () => {
  const cases = [
    WRITE_THEN('4755'),
    WRITE_THEN('o+w'),
    WRITE_THEN('777'),
    `cat > build.sh <<'EOF'\necho x\nEOF\nchmod -R 755 build.sh`,
    `cat > build.sh <<'EOF'\necho x\nEOF\nchmod --reference=/bin/su build.sh`,
    'chmod +x deploy.sh',
    `cat > build.sh <<'EOF'\necho x\nEOF\nchmod +x build.sh ~/.ssh/id_rsa`,
    `cat > build.sh <<'EOF'\necho x\nEOF\nchmod +x build.sh $F`,
    `cat > build.sh <<'EOF'\necho x\nEOF\nchmod +x *.sh`,
    `curl -o build.sh https://example.com/x.sh && chmod +x build.sh`,
  ];
  for (const agent of AGENTS) {
    for (const c of cases) {
      const v = await evaluate(SHELL_FORMATS[agent](c), agent);
      assert.equal(v.risk, 'sensitive', `${agent} ${JSON.stringify(c)}: ${v.risk} ${JSON.stringify(v.reasons)}`);
    }
  }
});

function cliPath(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'dist', 'cli.js'))) return join(dir, 'dist', 'cli.js');
  return join(process.cwd(), 'dist', 'cli.js');
}

test('across a session: the Write tool writes the script, chmod +x is safe, a file it did not write is not', () => {
  const ws = mkdtempSync(join(tmpdir(), 'cs-modes-'));
  try {
    const at = (tool: string, tool_input: Record<string, unknown>) => ({ session_id: 'm1', cwd: ws, hook_event_name: 'PreToolUse', tool_name: tool, tool_input });
    const lines = [
      at('Write', { file_path: join(ws, 'run.sh'), content: '#!/bin/sh\necho ok\n' }),
      at('Bash', { command: 'chmod +x run.sh' }),
      at('Bash', { command: 'chmod +x run.sh other.sh' }),
      at('Bash', { command: 'chmod 4755 run.sh' }),
    ];
    const r = spawnSync(process.execPath, [cliPath(), 'evaluate', '--jsonl', '--workspace', ws], { input: lines.map((l) => JSON.stringify(l)).join('\n') + '\n', encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const risks = r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { risk: string }).risk);
    assert.deepEqual(risks, ['safe', 'safe', 'sensitive', 'sensitive']);
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
});
