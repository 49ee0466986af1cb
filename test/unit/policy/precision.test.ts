// Issue 12 item 11: ordinary work stays quiet. Code in folders or modules named `secrets/`, made-up or public sample
// tokens in tests and fixtures, templates and placeholders, and commands that only list keys or print a user name
// are not sensitive; real-looking keys and real secret files still are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AgentName } from '../../../src/policy';
import { findSecrets } from '../../../src/policy/content/secrets';
import { AGENTS, CWD, READ_FORMATS, SHELL_FORMATS } from '../adversarial/agentFormats';
import { evaluate } from './policyHarness';

let n = 0;
const id = () => `prec-${++n}`;

/** Writing a whole file in each agent's format (Cursor has no pre-write hook: its after-edit event). */
const WRITE_FORMATS: Record<AgentName, (path: string, content: string) => Record<string, unknown>> = {
  claude: (path, content) => ({ session_id: id(), cwd: CWD, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: path, content } }),
  codex: (path, content) => ({ session_id: id(), turn_id: id(), cwd: CWD, hook_event_name: 'PreToolUse', model: 'gpt-5.5', tool_name: 'apply_patch', tool_input: { input: `*** Begin Patch\n*** Add File: ${path}\n${content.split('\n').map((l) => `+${l}`).join('\n')}\n*** End Patch\n` } }),
  gemini: (path, content) => ({ session_id: id(), cwd: CWD, hook_event_name: 'BeforeTool', tool_name: 'write_file', tool_input: { file_path: path, content } }),
  vscode: (path, content) => ({ timestamp: '2026-01-01T00:00:00Z', cwd: CWD, sessionId: id(), hookEventName: 'PreToolUse', tool_name: 'create_file', tool_input: { filePath: path, content }, tool_use_id: id() }),
  'copilot-cli': (path, content) => ({ sessionId: id(), timestamp: 1795240490528, cwd: CWD, toolName: 'create', toolArgs: { path, file_text: content } }),
  cursor: (path, content) => ({ conversation_id: id(), generation_id: id(), hook_event_name: 'afterFileEdit', workspace_roots: [CWD], file_path: path, edits: [{ old_string: '', new_string: content }] }),
  cline: (path, content) => ({ taskId: id(), workspaceRoots: [CWD], hookName: 'PreToolUse', preToolUse: { toolName: 'write_to_file', parameters: { path, content } } }),
};

const SEVERE = new Set(['sensitive', 'blocked']);

async function severeIn(agentPayloads: [AgentName, Record<string, unknown>][]): Promise<string[]> {
  const out: string[] = [];
  for (const [agent, payload] of agentPayloads) {
    const v = await evaluate(payload, agent);
    if (SEVERE.has(v.risk)) out.push(`${agent}: ${v.reasons.filter((r) => SEVERE.has(r.risk)).map((r) => r.message).join(' | ')}`);
  }
  return out;
}

test('code and docs in folders or modules named secrets/ (credentials/, kubeconfig/) are not secret files', async () => {
  const reads = ['src/secrets/manager.ts', 'app/secrets/__init__.py', 'internal/secrets/secrets_test.go', 'lib/secrets/README.md', 'src/credentials/provider.ts', 'pkg/kubeconfig/loader.go', 'secrets_test.go'];
  const alarms: string[] = [];
  for (const p of reads) alarms.push(...(await severeIn(AGENTS.map((a) => [a, READ_FORMATS[a](`${CWD}/${p}`)]))).map((x) => `read ${p} ${x}`));
  for (const c of ['ls secrets/', 'ls -la src/secrets', 'cat src/secrets/*.ts', 'vim app/secrets/__init__.py', 'go test ./internal/secrets/...', 'sed -n 1,40p src/secrets/manager.ts', 'git diff src/secrets/']) {
    alarms.push(...(await severeIn(AGENTS.map((a) => [a, SHELL_FORMATS[a](c)]))).map((x) => `${c} ${x}`));
  }
  alarms.push(...(await severeIn(AGENTS.map((a) => [a, WRITE_FORMATS[a](`${CWD}/src/secrets/manager.ts`, 'export function load(name: string) {\n  return vault.read(name);\n}\n')]))).map((x) => `write manager.ts ${x}`));
  assert.deepEqual(alarms, []);
});

test('data files in a secrets/ folder, and the folder read whole, stay sensitive', async () => {
  for (const p of ['secrets/prod.yaml', 'deploy/secrets/db.json', 'secrets/api-key', 'k8s/secrets/.env']) {
    for (const a of AGENTS) assert.equal((await evaluate(READ_FORMATS[a](`${CWD}/${p}`), a)).risk, 'sensitive', `${a} ${p}`);
  }
  for (const c of ['cat secrets/*', 'grep -r token secrets/', 'tar czf s.tgz secrets/', 'cp -r secrets /tmp/x']) {
    for (const a of AGENTS) assert.equal((await evaluate(SHELL_FORMATS[a](c), a)).risk, 'sensitive', `${a} ${c}`);
  }
});

const FIXTURE = [
  "const stripe = new Stripe('sk_test_4eC39HqLyjWDarjtT1zdp7dc');",
  "const stripeKey = 'sk_test_51H8xYzAbCdEfGhIjKlMnOpQrStUvWxYz';",
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'SLACK_BOT_TOKEN=xoxb-000000000000-000000000000-000000000000000000000000',
  'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  'token: "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"',
  'password: "changeme"',
  'password: "password"',
  "db_password = 'test'",
  'DB_PASSWORD=example',
  "const api = 'http://user:pass@example.com/api';",
  "hash: '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy'",
  'API_KEY=<YOUR_API_KEY>',
  'api_key: ${API_KEY}',
  'password = "%s"',
  'password: {{ .Values.password }}',
  "SECRET_KEY = 'django-insecure-abc123def456ghi789jkl012mno345pqr678'",
  'DATABASE_URL=postgres://postgres:postgres@localhost:5432/test',
  "const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';",
];

test('made-up and public sample credentials in tests and fixtures are not secret literals, in every agent format', async () => {
  const alarms: string[] = [];
  for (const line of FIXTURE) {
    for (const file of ['test/fixtures/config.ts', 'tests/test_payments.py', 'src/payments.test.ts', 'spec/fixtures/app.env.sample.yml']) {
      alarms.push(...(await severeIn(AGENTS.map((a) => [a, WRITE_FORMATS[a](`${CWD}/${file}`, `${line}\n`)]))).map((x) => `${file} <- ${line}: ${x}`));
    }
  }
  assert.deepEqual(alarms, []);
});

test('placeholders and documented samples are not secrets anywhere, even in source', () => {
  const anywhere = FIXTURE.filter((l) => !/sk_test_51H8/.test(l));
  for (const line of anywhere) assert.deepEqual(findSecrets(line), [], line);
});

test('real-looking keys stay sensitive, in source and in tests', async () => {
  const real = [
    ['src/config.ts', "export const AWS_SECRET = 'Zr8Kp2Qw9xLm4Nv7Bt1Yc6Hd3Jf5Gs0Ae2Ru8Ti';"],
    ['src/config.ts', 'aws_secret_access_key = "Zr8Kp2Qw9xLm4Nv7Bt1Yc6Hd3Jf5Gs0Ae2Ru8Ti"'],
    ['src/config.ts', "const key = 'AKIAQYLPMN5HHHFPZAM2';"],
    ['src/billing.ts', "const stripe = 'sk_live_51HqLyjWDarjtT1zdp7dcXYZ0abcdEFGH';"],
    ['src/billing.ts', "const stripe = 'sk_test_51H8xYzAbCdEfGhIjKlMnOpQrStUvWxYz';"],
    ['test/fixtures/gh.ts', "const token = 'ghp_aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gI3kM5';"],
    ['test/e2e/slack.ts', "const t = 'xoxb-2381939123-8372917263-AbCdEfGhIjKlMnOpQrStUvWx';"],
    ['.env', 'DB_PASSWORD=hunter2'],
  ];
  const misses: string[] = [];
  for (const [file, line] of real) {
    for (const a of AGENTS) {
      const v = await evaluate(WRITE_FORMATS[a](`${CWD}/${file!}`, `${line!}\n`), a);
      if (!SEVERE.has(v.risk)) misses.push(`${a} ${file!} <- ${line!}: ${v.risk}`);
    }
  }
  assert.deepEqual(misses, []);
});

test('ssh-add -l/-L, npm whoami and gh auth status only list or name; loading keys and printing tokens stay sensitive', async () => {
  const alarms: string[] = [];
  for (const c of ['ssh-add -l', 'ssh-add -L', 'ssh-add -l -E md5', 'npm whoami', 'yarn whoami', 'pnpm whoami', 'gh auth status', 'npm whoami --registry https://registry.npmjs.org']) {
    alarms.push(...(await severeIn(AGENTS.map((a) => [a, SHELL_FORMATS[a](c)]))).map((x) => `${c} ${x}`));
  }
  assert.deepEqual(alarms, []);
  for (const c of ['ssh-add ~/.ssh/id_rsa', 'ssh-add', 'ssh-add -D', 'ssh-add -l; ssh-add ~/.ssh/id_ed25519', 'gh auth token', 'gh auth status -t', 'npm token list']) {
    for (const a of AGENTS) assert.equal((await evaluate(SHELL_FORMATS[a](c), a)).risk, 'sensitive', `${a} ${c}`);
  }
});
