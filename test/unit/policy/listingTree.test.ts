// Listing names by a pattern that could match a secret file is judged against the folder on disk: quiet where the
// folder holds no secret file (or is not there), a look where it does, and always a look from home or a system root.
// In all seven agents' formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPolicy, type AgentName, type Verdict } from '../../../src/policy';
import { AGENTS, SHELL_FORMATS } from '../adversarial/agentFormats';

async function judge(ws: string, agent: AgentName, command: string): Promise<Verdict> {
  const policy = await createPolicy({ workspaceFolders: [ws], sensitivePaths: [], allowedPaths: [], home: '/home/dev' });
  // Every format's builder uses the corpus folder; the shell runs in this scratch project instead.
  const payload = JSON.parse(JSON.stringify(SHELL_FORMATS[agent](command)).split('/home/dev/proj').join(ws)) as unknown;
  return policy.evaluate(payload, agent);
}

test('find -name over a project folder with no secret file is quiet; with one it is a look', async () => {
  const base = mkdtempSync(join(tmpdir(), 'cs-list-'));
  try {
    const clean = join(base, 'clean');
    const holds = join(base, 'holds');
    mkdirSync(join(clean, 'tests'), { recursive: true });
    writeFileSync(join(clean, 'tests', 'test_admin.py'), 'x = 1\n');
    mkdirSync(join(holds, 'config'), { recursive: true });
    writeFileSync(join(holds, 'config', 'firebase-adminsdk.json'), '{}\n');
    for (const agent of AGENTS) {
      for (const c of ['find . -name "*admin*" -type f', 'find ./tests -name "*admin*"', 'find missing -name "*key*"']) {
        const v = await judge(clean, agent, c);
        assert.equal(v.risk, 'safe', `${agent} ${c}: ${JSON.stringify(v.reasons)}`);
      }
      const v = await judge(holds, agent, 'find . -name "*admin*" -type f');
      assert.notEqual(v.risk, 'safe', `${agent}: a folder holding firebase-adminsdk.json`);
      const home = await judge(clean, agent, 'find ~ -name "id_*"');
      assert.notEqual(home.risk, 'safe', `${agent}: listing from home`);
      const made = await judge(clean, agent, 'mkdir out && cp -r /srv/keys out && find out -name "*.pem"');
      assert.notEqual(made.risk, 'safe', `${agent}: a folder made earlier on the line`);
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
});
