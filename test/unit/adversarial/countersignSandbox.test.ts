// `countersign sandbox -- CMD` run by an agent is judged by what it runs (CMD, as typed directly) and by the paths it
// opens: `--allow-path P` as a read of P (a secret: sensitive), `--workspace DIR` as a write of DIR (outside the open
// folders: at least review). Before, the whole line was an unknown command (review) whatever CMD was: a blocked
// CMD slipped down to one click, a safe one cost a click. Every agent's own payload format.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AGENTS, SHELL_FORMATS } from './agentFormats';
import { policy as sharedPolicy } from '../policy/policyHarness';

const CASES: [command: string, risk: string, rule?: string][] = [
  ['countersign sandbox -- ls -la', 'safe'],
  ['countersign sandbox --workspace /home/dev/proj -- npm test', 'safe'],
  ['countersign sandbox -- git push origin main', 'review', 'git.remote'],
  ['countersign sandbox -- cat .env', 'sensitive', 'path.secret'],
  ['countersign sandbox --workspace /home/dev/proj -- rm -rf /', 'blocked', 'destroy.root'],
  ['countersign sandbox --allow-path /home/dev/.ssh/id_rsa -- ls', 'sensitive', 'path.secret'],
  ['countersign sandbox --allow-path=/home/dev/proj/.env -- true', 'sensitive', 'path.secret'],
  ['countersign sandbox --workspace /home/dev/other -- ls', 'review', 'fs.write-outside'],
  ['countersign sandbox --workspace=/home/dev/other -- ls', 'review', 'fs.write-outside'],
  // After `--` the words are CMD's own: `--allow-path` there is an argument of ls, not a sandbox option.
  ['countersign sandbox -- ls --allow-path /home/dev/.ssh/id_rsa', 'review', 'path.secret-listing'],
  // The other CLI-self rules stand: starting a gate or rewiring hooks is the guard's own configuration.
  ['countersign gate --headless --audit a.jsonl --review allow', 'sensitive', 'perm.guard'],
];

test('countersign sandbox is judged by its inner command and the paths it opens, in every agent format', async () => {
  const policy = await sharedPolicy();
  for (const agent of AGENTS) {
    for (const [command, risk, rule] of CASES) {
      const v = policy.evaluate(SHELL_FORMATS[agent](command), agent);
      const why = `${agent}: ${command} → ${v.risk} ${v.reasons.map((r) => r.rule).join(',')}`;
      assert.equal(v.risk, risk, why);
      if (rule) assert.ok(v.reasons.some((r) => r.rule === rule), why);
      assert.ok(!v.reasons.some((r) => r.rule === 'exec.unknown-command'), `${why}: still an unknown command`);
    }
  }
});
