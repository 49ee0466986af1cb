// Secret environment variables never reach a sandboxed command; ordinary ones do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sandboxEnv } from '../../../src/sandbox/env';
import { isCredentialPathName, isSecretEnvName } from '../../../src/policy/secrets/envNames';

const classes = { isSecretEnvName, isCredentialPathName };

test('secret, credential-path, key-agent and Countersign variables are removed; PATH, HOME, NODE_ENV, LANG stay', () => {
  const secret = ['GITHUB_TOKEN', 'GH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'DATABASE_URL', 'PGPASSWORD', 'NPM_TOKEN', 'STRIPE_SECRET_KEY', 'SSH_AUTH_SOCK', 'KUBECONFIG', 'GOOGLE_APPLICATION_CREDENTIALS', 'COUNTERSIGN_SOCKET', 'COUNTERSIGN_RUNTIME_DIR', 'VAULT_TOKEN', 'SLACK_WEBHOOK_URL'];
  const ordinary = ['PATH', 'HOME', 'NODE_ENV', 'LANG', 'TERM', 'USER', 'SHELL', 'PWD', 'TMPDIR', 'AWS_REGION', 'GOPATH', 'VIRTUAL_ENV', 'CI'];
  const env = Object.fromEntries([...secret, ...ordinary].map((n) => [n, `value-of-${n}`]));
  const out = sandboxEnv(env, classes);
  assert.deepEqual(out.removed, [...secret].sort());
  assert.deepEqual(Object.keys(out.env).sort(), [...ordinary].sort());
});
