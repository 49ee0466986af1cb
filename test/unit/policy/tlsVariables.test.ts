// TLS checks turned off, or the trusted authorities replaced, through the environment. Set in the shell (`export`, a
// plain assignment) it holds for every later command there, as `npm config set strict-ssl false` does: sensitive.
// Set for one command it is that command's transfer only (an internal host with its own certificate): a review that
// names it, never a silent allow. The same variables at their safe values, and ordinary variables, are neither.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENTS, SHELL_FORMATS } from '../adversarial/agentFormats';
import { tlsVariableEffect } from '../../../src/policy/shell/tlsVariables';
import { policy } from './policyHarness';

type Verdict = { risk: string; rules: string[] };

/** Each command judged in every agent's format; those where `wrong` holds for some agent, with what they got. */
async function misjudged(commands: string[], wrong: (v: Verdict) => boolean): Promise<string[]> {
  const p = await policy();
  const out: string[] = [];
  for (const c of commands) {
    const v: Verdict[] = AGENTS.map((agent) => {
      const r = p.evaluate(SHELL_FORMATS[agent](c), agent);
      return { risk: r.risk, rules: r.reasons.filter((x) => /TLS|certificate/.test(x.message)).map((x) => x.rule) };
    });
    if (v.some(wrong)) out.push(`${c} → ${v.map((x) => `${x.risk} ${x.rules.join('+')}`).join(',')}`);
  }
  return out;
}

test('TLS checks turned off or trust replaced in the shell, for later commands, are sensitive', async () => {
  const wrong = await misjudged(
    [
      'export NODE_TLS_REJECT_UNAUTHORIZED=0 && npm install left-pad',
      'export GIT_SSL_NO_VERIFY=true',
      'export PYTHONHTTPSVERIFY=0; python3 download.py',
      'export REQUESTS_CA_BUNDLE=/tmp/proxy-ca.pem',
      'NPM_CONFIG_STRICT_SSL=false; export NPM_CONFIG_STRICT_SSL',
      'V=0; export NODE_TLS_REJECT_UNAUTHORIZED=$V',
      'export NODE_TLS_REJECT_UNAUTHORIZED="$(cat flag)"',
      'declare -x GOINSECURE=example.com',
    ],
    (x) => x.risk !== 'sensitive' || !x.rules.includes('perm.tls'),
  );
  assert.deepEqual(wrong, []);
});

test('the same for one command is a review that names it, never a silent allow', async () => {
  const wrong = await misjudged(
    [
      'NODE_TLS_REJECT_UNAUTHORIZED=0 npm install',
      'NODE_TLS_REJECT_UNAUTHORIZED=0 npm test',
      'env NODE_TLS_REJECT_UNAUTHORIZED=0 node scripts/fetch.js',
      'GIT_SSL_NO_VERIFY=1 git clone https://git.example.com/team/repo.git',
      'npm_config_strict_ssl=false npm ci',
      'PIP_TRUSTED_HOST=pypi.example.net pip install internal-lib',
      'NODE_EXTRA_CA_CERTS=./mitm.pem npm ls',
      'CURL_CA_BUNDLE= python3 fetch.py',
    ],
    (x) => x.risk === 'safe' || x.rules.length === 0,
  );
  assert.deepEqual(wrong, []);
});

test('the same variables at their safe values, and ordinary variables, do not count as TLS changes', async () => {
  const wrong = await misjudged(
    ['NODE_TLS_REJECT_UNAUTHORIZED=1 npm test', 'export NODE_ENV=production', 'PYTHONHTTPSVERIFY=1 python3 -m pytest', 'npm_config_strict_ssl=true npm ci', 'CARGO_HTTP_CHECK_REVOKE=true cargo build', 'export CI=true'],
    (x) => x.rules.length > 0,
  );
  assert.deepEqual(wrong, []);
  assert.equal(tlsVariableEffect('NODE_TLS_REJECT_UNAUTHORIZED', '0 '), 'Sets NODE_TLS_REJECT_UNAUTHORIZED to "0 ", which turns off TLS certificate checks');
  assert.equal(tlsVariableEffect('HOME', '/tmp'), undefined);
});
