// The policy sees the disk only through its World: links on disk are followed to what they really name, and a
// world with nothing in it reads nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPolicy } from '../../../src/policy';
import { AGENTS, READ_FORMATS, SHELL_FORMATS } from '../adversarial/agentFormats';

function scratch(): { home: string; proj: string; done: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'cs-world-'));
  const proj = join(home, 'proj');
  mkdirSync(join(home, '.aws'), { recursive: true });
  mkdirSync(proj);
  writeFileSync(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIAEXAMPLE\n');
  writeFileSync(join(home, '.aws', 'config'), '[default]\nregion = eu-west-1\n');
  writeFileSync(join(proj, 'notes.txt'), 'plain notes\n');
  symlinkSync(join(home, '.aws', 'credentials'), join(proj, 'creds.txt'));
  symlinkSync(join(home, '.aws'), join(proj, 'cfg'));
  symlinkSync(join(proj, 'notes.txt'), join(proj, 'readme-link.txt'));
  return { home, proj, done: () => rmSync(home, { recursive: true, force: true }) };
}

test('a symlink in the project that points at a secret is read as that secret, in every agent format', async () => {
  const { home, proj, done } = scratch();
  try {
    const policy = await createPolicy({ sensitivePaths: [], allowedPaths: [], workspaceFolders: [proj], home });
    const rebase = (p: Record<string, unknown>): Record<string, unknown> => JSON.parse(JSON.stringify(p).replaceAll('/home/dev/proj', proj).replaceAll('/home/dev', home)) as Record<string, unknown>;
    for (const agent of AGENTS) {
      for (const command of ['cat creds.txt', 'head -n 3 ./creds.txt', 'cp cfg/config /tmp/x', `grep key ${proj}/creds.txt`]) {
        const v = policy.evaluate(rebase(SHELL_FORMATS[agent](command)));
        assert.equal(v.risk, 'sensitive', `${agent}: ${command} → ${v.risk} ${v.reasons.map((r) => r.rule).join(',')}`);
        assert.match(v.reasons[0]!.message, /through a link to/);
      }
      const read = policy.evaluate(rebase(READ_FORMATS[agent](join(proj, 'creds.txt'))));
      assert.equal(read.risk, 'sensitive', `${agent}: read creds.txt`);
      // A link to an ordinary file is an ordinary file.
      assert.equal(policy.evaluate(rebase(SHELL_FORMATS[agent]('cat readme-link.txt'))).risk, 'safe', `${agent}: cat readme-link.txt`);
    }
  } finally {
    done();
  }
});

test('a recursive read is judged by the secret files the folder really holds', async () => {
  const { home, done } = scratch();
  try {
    // A project of its own (the shared scratch project holds links to secrets, which a recursive read does read).
    const proj = join(home, 'work');
    mkdirSync(join(proj, 'src', 'lib'), { recursive: true });
    writeFileSync(join(proj, 'src', 'lib', 'a.ts'), 'export const KEY_NAME = "x";\n');
    mkdirSync(join(proj, 'config'));
    const policy = await createPolicy({ sensitivePaths: [], allowedPaths: [], workspaceFolders: [proj], home });
    const rebase = (p: Record<string, unknown>): Record<string, unknown> => JSON.parse(JSON.stringify(p).replaceAll('/home/dev/proj', proj).replaceAll('/home/dev', home)) as Record<string, unknown>;
    const broad = ['grep -rn KEY .', 'grep -R token', 'rg -n secret', 'tar czf /tmp/out.tgz .', 'zip -r /tmp/out.zip .', 'cp -r . /tmp/copy', 'grep -rn KEY config'];
    // Nothing secret on disk yet: ordinary searches and copies.
    for (const command of broad) assert.notEqual(policy.evaluate(rebase(SHELL_FORMATS.claude(command))).risk, 'sensitive', `clean: ${command}`);
    writeFileSync(join(proj, 'config', '.env'), 'DB_PASSWORD=hunter2\n');
    for (const agent of AGENTS) {
      for (const command of broad) {
        const v = policy.evaluate(rebase(SHELL_FORMATS[agent](command)));
        assert.equal(v.risk, 'sensitive', `${agent}: ${command} → ${v.risk}`);
        assert.match(v.reasons[0]!.message, /\.env/);
      }
      // A folder without the secret stays ordinary, and a plain (non-recursive) grep names its files.
      assert.notEqual(policy.evaluate(rebase(SHELL_FORMATS[agent]('grep -rn KEY src'))).risk, 'sensitive', agent);
      assert.notEqual(policy.evaluate(rebase(SHELL_FORMATS[agent]('grep -n KEY src/lib/a.ts'))).risk, 'sensitive', agent);
    }
  } finally {
    done();
  }
});
