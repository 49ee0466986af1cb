// `gate --headless --audit FILE` writes FILE, `audit verify FILE` checks the whole chain (rotated files beside it
// included), and the README's headless example runs as written (its `countersign` is the built dist/cli.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AuditLog } from '../../../src/audit';
import { decided } from './helpers';

const REPO = resolve(__dirname, '../../../..');
const CLI = join(REPO, 'dist', 'cli.js');

/** The fenced block under the README's `headless-example` marker. */
function readmeExample(): string {
  const m = /<!-- headless-example[^>]*-->\n```sh\n([\s\S]*?)```/.exec(readFileSync(join(REPO, 'README.md'), 'utf8'));
  assert.ok(m, 'the README has no headless-example block');
  return m[1]!;
}

test("the README's headless example: the gate writes ./audit/audit.jsonl, the hook is denied, verify says intact", () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-readme-'));
  try {
    // `countersign` as an installed command: an exec wrapper on PATH, so the example's `kill %1` reaches the gate itself
    // (a shell function would leave the gate running behind a killed subshell).
    const bin = join(dir, '.bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'countersign'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`, { mode: 0o755 });
    const script = `${readmeExample()}wait\n`;
    const r = spawnSync('bash', ['-c', script], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: process.env.HOME } });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const lines = r.stdout.trim().split('\n');
    const answer = JSON.parse(lines[0]!) as { decision: string; hookSpecificOutput: { permissionDecision: string } };
    assert.equal(answer.hookSpecificOutput.permissionDecision, 'deny');
    assert.match(lines[1]!, /^intact: \d+ entries in 1 file, seq 0\.\.\d+, head [0-9a-f]{64}$/);
    assert.ok(existsSync(join(dir, 'audit', 'audit.jsonl')), 'audit.jsonl was not written');
    assert.deepEqual(readdirSync(join(dir, 'audit')).filter((f) => f.endsWith('.jsonl')), ['audit.jsonl']);
    // The hook's request reached the gate (not the CLI's offline log): it is in the file.
    assert.match(readFileSync(join(dir, 'audit', 'audit.jsonl'), 'utf8'), /"decision":\{"decision":"deny"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('audit verify FILE checks every rotated file of its chain (FILE, FILE.1, …), and finds tampering in any', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-named-'));
  try {
    const log = await AuditLog.open({ dir, prefix: 'audit.jsonl', maxFileBytes: 1500 });
    for (let i = 0; i < 12; i++) await log.append(decided(i));
    await log.close();
    const files = readdirSync(dir).filter((f) => f.startsWith('audit.jsonl') && !f.endsWith('.lock')).sort();
    assert.ok(files.length >= 3 && files[0] === 'audit.jsonl' && files.includes('audit.jsonl.1'), files.join(', '));
    const verify = () => spawnSync(process.execPath, [CLI, 'audit', 'verify', join(dir, 'audit.jsonl')], { encoding: 'utf8' });
    const ok = verify();
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, new RegExp(`^intact: ${12 + files.length} entries in ${files.length} files`));
    const last = join(dir, `audit.jsonl.${files.length - 1}`);
    writeFileSync(last, readFileSync(last, 'utf8').replace(/"seq":(\d+)/, (_m, n: string) => `"seq":${Number(n) + 7}`));
    const bad = verify();
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout + bad.stderr, /broken: .*audit\.jsonl\.\d+ line 1/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
