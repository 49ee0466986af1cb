import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSecretName, redact, redactString } from '../../../src/audit/redact';

// Test tokens are assembled at run time so no secret-looking literal sits in the repository.
const r = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n);

const CASES: [string, string, string][] = [
  ['AWS access key id', `aws s3 ls --profile x # AKIA${r('IOSFODNN7EXAMPL', 16)}`, 'aws s3 ls --profile x # AKIA[REDACTED]'],
  ['AWS temporary key id', `ASIA${r('Q3EGQZX7ABCD', 16)}`, 'ASIA[REDACTED]'],
  ['AWS secret after its name', `aws configure set aws_secret_access_key ${r('wJalrXUtnFEMI/K7MDENG/bPxRfiCY', 40)}`, 'aws configure set aws_secret_access_key [REDACTED]'],
  ['AWS secret in CLI JSON output', `{"SecretAccessKey": "${r('wJalrXUtnFEMI/K7MDENG+bPxRfiCY', 40)}"}`, '{"SecretAccessKey": "[REDACTED]"}'],
  ['AWS-style secret on its own', `echo ${r('wJalrXUtnFEMIK7MDENGbPxRfiCY9', 40)}`, 'echo [REDACTED]'],
  ['GitHub classic token', `gh auth login ${'ghp_' + r('aB3dE5gH7jK9', 36)}`, 'gh auth login ghp_[REDACTED]'],
  ['GitHub OAuth token', `gho_${r('Zy9Xw8Vu7', 36)}`, 'gho_[REDACTED]'],
  ['GitHub fine-grained token', `github_pat_${r('11ABCDEFG0_abcdef', 82)}`, 'github_pat_[REDACTED]'],
  ['Slack bot token', `curl -d token=xoxb-${r('1234567890-', 40)}`, 'curl -d token=xoxb-[REDACTED]'],
  ['Slack user token', `xoxp-${r('98765-abc-', 30)}`, 'xoxp-[REDACTED]'],
  ['Stripe live secret key', `stripe --api-key sk_live_${r('51Habc9XyZ', 30)}`, 'stripe --api-key sk_live_[REDACTED]'],
  ['Stripe restricted key', `rk_live_${r('51Habc9XyZ', 30)}`, 'rk_live_[REDACTED]'],
  ['Google API key', `https://maps.googleapis.com/x?key=AIza${r('SyD9-abcXYZ_123', 35)}`, 'https://maps.googleapis.com/x?key=AIza[REDACTED]'],
  ['OpenAI project key', `OPENAI=sk-proj-${r('Ab1Cd2Ef3_-', 60)}`, 'OPENAI=sk-proj-[REDACTED]'],
  ['OpenAI legacy key', `sk-${r('T3BlbkFJ9abc', 48)}`, 'sk-[REDACTED]'],
  ['Anthropic key', `x-api-key: sk-ant-api03-${r('Zz9_Yy8-', 90)}`, 'x-api-key: sk-ant-[REDACTED]'],
  ['JWT', `curl -H "Authorization: Bearer eyJ${r('hbGciOiJIUzI1NiJ9', 20)}.eyJ${r('zdWIiOiIxMjM0NTY3', 30)}.${r('SflKxwRJSMeKKF2QT4', 43)}"`, 'curl -H "Authorization: Bearer eyJ[REDACTED]"'],
  ['Bearer token', `Authorization: Bearer ${r('abc123def456', 32)}`, 'Authorization: Bearer [REDACTED]'],
  ['Basic credentials', `Authorization: Basic ${Buffer.from('user:pass1').toString('base64')}`, 'Authorization: Basic [REDACTED]'],
  [
    'PEM private key',
    `cat > key.pem <<EOF\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow${r('IBAAKCAQ', 60)}\n${r('xyz', 64)}\n-----END RSA PRIVATE KEY-----\nEOF`,
    'cat > key.pem <<EOF\n-----BEGIN RSA PRIVATE KEY-----[REDACTED]-----END RSA PRIVATE KEY-----\nEOF',
  ],
  ['OpenSSH private key cut short', `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA`, '-----BEGIN OPENSSH PRIVATE KEY-----[REDACTED]-----END OPENSSH PRIVATE KEY-----'],
  ['URL userinfo password', 'git clone https://alice:s3cr3tPass@github.com/o/r.git', 'git clone https://alice:[REDACTED]@github.com/o/r.git'],
  ['database URL', 'psql postgres://app:pa55w0rd@db:5432/prod', 'psql postgres://app:[REDACTED]@db:5432/prod'],
  ['env assignment', 'export DATABASE_PASSWORD=hunter2 && run', 'export DATABASE_PASSWORD=[REDACTED] && run'],
  ['dotenv line', 'API_KEY="abc def"', 'API_KEY="[REDACTED]"'],
  ['YAML', 'client_secret: abc123\nname: app', 'client_secret: [REDACTED]\nname: app'],
  ['JSON', '{"token":"abc","user":"bob"}', '{"token":"[REDACTED]","user":"bob"}'],
  ['escaped JSON in a command', 'curl -d "{\\"password\\":\\"hunter2\\"}" x', 'curl -d "{\\"password\\":\\"[REDACTED]\\"}" x'],
  ['camelCase key', "const cfg = { secretKey: 'abc123' }", "const cfg = { secretKey: '[REDACTED]' }"],
  ['CLI flag with =', 'mysql --password=hunter2 db', 'mysql --password=[REDACTED] db'],
  ['CLI flag with space', 'vault login --token s.abcdef123', 'vault login --token [REDACTED]'],
  ['PGPASSWORD', 'PGPASSWORD=x psql', 'PGPASSWORD=[REDACTED] psql'],
];

for (const [name, input, expected] of CASES) {
  test(`redacts ${name}`, () => {
    assert.equal(redactString(input), expected);
    assert.equal(redactString(expected), expected, 'idempotent');
  });
}

const ORDINARY = [
  'git checkout 3f786850e387550fdab836ed7e6dc881de23001b',
  'git log 3f78685 --oneline',
  'id=123e4567-e89b-12d3-a456-426614174000',
  'docker run sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'grep chmod src/',
  'git commit -m "fix sudo docs"',
  'cat .env.example',
  'npm test -- --grep "token refresh"',
  'python train.py --max_tokens=1000 --learning-rate 0.1',
  'author: Jane Doe',
  'export PATH=/usr/local/bin:$PATH',
  'export GITHUB_TOKEN=$(gh auth token)',
  'env: { NODE_TOKEN: ${{ secrets.NODE_TOKEN }} }',
  'const token = getToken()',
  'ls /home/user/projects/SomeLongComponentName/src/index',
  'https://github.com/user/repo.git',
  'ssh git@github.com',
  'primary_key=True',
  'sk-learn-style-package-name-here',
  '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkq\n-----END PUBLIC KEY-----',
  'Read the Basic authentication docs',
];

test('ordinary text is left alone (hashes, UUIDs, paths, variable references, prose)', () => {
  for (const s of ORDINARY) assert.equal(redactString(s), s, s);
});

test('redact walks objects and arrays deeply, masks values under secret-named keys, and copies', () => {
  const token = `ghp_${r('aB3dE5gH7jK9', 36)}`;
  const input = {
    summary: `push with ${token}`,
    rules: ['secret.path', 'perm.chmod'],
    nested: [{ env: { AWS_SECRET_ACCESS_KEY: 'plain', HOME: '/home/u' } }, 42, null, true],
    apiKey: 'abc',
    password: '$DB_PASSWORD',
    tokenCount: 7,
  };
  const out = redact(input);
  assert.deepEqual(out, {
    summary: 'push with ghp_[REDACTED]',
    rules: ['secret.path', 'perm.chmod'],
    nested: [{ env: { AWS_SECRET_ACCESS_KEY: '[REDACTED]', HOME: '/home/u' } }, 42, null, true],
    apiKey: '[REDACTED]',
    password: '$DB_PASSWORD',
    tokenCount: 7,
  });
  assert.equal(input.summary, `push with ${token}`, 'input not mutated');
  assert.equal(redact('plain'), 'plain');
  assert.equal(redact(5), 5);
});

test('secret names: words that name secrets, not words that merely contain them', () => {
  for (const n of ['password', 'DB_PASSWORD', 'client_secret', 'GITHUB_TOKEN', 'sessionToken', 'API_KEY', 'apiKey', 'private_key', 'KEY', 'pwd', 'passphrase', 'credentials']) {
    assert.ok(isSecretName(n), n);
  }
  for (const n of ['max_tokens', 'tokenizer', 'author', 'keyboard', 'monkey', 'public_key', 'primary_key', 'cwd', 'path', 'name']) {
    assert.ok(!isSecretName(n), n);
  }
});
