// Path matching: defaults, user globs, exceptions, protected directories, write-only system paths, `~`/`$HOME`/`..`
// resolution, and shell globs that could expand to a secret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PathPolicy } from '../../../src/policy/paths/pathPolicy';
import { expandBraces } from '../../../src/policy/paths/braces';
import { expandHome, resolvePath } from '../../../src/policy/paths/resolve';
import { defaultSensitiveGlobs } from '../../../src/policy';
import { CONFIG } from './policyHarness';

const policy = new PathPolicy(CONFIG);
const category = (p: string, access: 'read' | 'write' | 'meta' = 'read') => policy.match(p, access)?.category;

test('resolving ~, ~user, $HOME, ${HOME}, .. and relative paths', () => {
  assert.equal(expandHome('~/.ssh/id_rsa', '/home/dev'), '/home/dev/.ssh/id_rsa');
  assert.equal(expandHome('~root/.ssh', '/home/dev'), '/root/.ssh');
  assert.equal(expandHome('$HOME/.aws', '/home/dev'), '/home/dev/.aws');
  assert.equal(expandHome('${HOME}/.aws', '/home/dev'), '/home/dev/.aws');
  assert.equal(resolvePath('src/../.env', '/home/dev/proj', '/home/dev'), '/home/dev/proj/.env');
  assert.equal(resolvePath('../../../home/dev/.ssh/id_rsa', '/home/dev/proj', '/home/dev'), '/home/dev/.ssh/id_rsa');
  assert.equal(resolvePath('.env', undefined, '/home/dev'), undefined);
  assert.equal(resolvePath('C:\\Users\\dev\\.ssh\\id_rsa', undefined, '/home/dev'), 'C:/Users/dev/.ssh/id_rsa');
});

test('secret files by default, anywhere, case-insensitively', () => {
  for (const p of [
    '/home/dev/proj/.env',
    '/home/dev/proj/.env.local',
    '/home/dev/proj/api/.ENV.production',
    '/home/dev/proj/prod.env',
    '/home/dev/.ssh/id_rsa',
    '/root/.ssh/authorized_keys',
    '/home/dev/.aws/credentials',
    '/home/dev/.kube/config',
    '/home/dev/.docker/config.json',
    '/home/dev/proj/certs/tls.key',
    '/home/dev/proj/terraform.tfstate',
    '/home/dev/.npmrc',
    '/home/dev/.git-credentials',
    '/etc/shadow',
    '/home/dev/proj/credentials.json',
    '/home/dev/.zsh_history',
    'C:/Users/dev/.aws/credentials',
  ]) {
    assert.equal(category(p), 'secret', p);
  }
});

test('exceptions: templates and public keys are not secrets; allowedPaths never loosen self-protection', () => {
  assert.equal(category('/home/dev/proj/.env.example'), undefined);
  assert.equal(category('/home/dev/proj/.env.sample'), undefined);
  assert.equal(category('/home/dev/proj/.env.test.example'), undefined);
  assert.equal(category('/home/dev/.ssh/id_ed25519.pub'), undefined);
  const loose = new PathPolicy({ ...CONFIG, allowedPaths: ['**/*.json', '**/.git/**'] });
  assert.equal(loose.match('/home/dev/proj/.claude/settings.json', 'read')?.category, 'self');
  assert.equal(loose.match('/home/dev/proj/.git/hooks/pre-commit', 'write')?.category, 'self');
});

test("user globs add to the defaults; Countersign's own directories are protected", () => {
  assert.equal(category('/home/dev/proj/config/prod-secrets.yml'), 'secret');
  assert.equal(category('/home/dev/.config/Code/User/globalStorage/countersign.countersign/audit/log.jsonl'), 'protected');
  assert.equal(category('/run/user/1000/countersign/abcd.gate.json'), 'protected');
  assert.ok(defaultSensitiveGlobs().includes('**/.env'));
});

test('self-protection: agent hook configs, editor settings, git hooks; git config only when written', () => {
  for (const p of [
    '/home/dev/proj/.claude/settings.json',
    '/home/dev/.claude/settings.local.json',
    '/home/dev/proj/.github/hooks/countersign.json',
    '/home/dev/.copilot/hooks/hooks.json',
    '/home/dev/proj/.cursor/hooks.json',
    '/home/dev/.gemini/settings.json',
    '/home/dev/.codex/hooks.json',
    '/home/dev/proj/.clinerules/hooks/PreToolUse',
    '/home/dev/proj/.vscode/settings.json',
    '/home/dev/.config/Code/User/settings.json',
    '/home/dev/.config/Code - Insiders/User/settings.json',
    '/home/dev/Library/Application Support/VSCodium/User/settings.json',
    '/home/dev/.local/share/code-server/User/settings.json',
    '/home/dev/proj/.git/hooks/pre-commit',
    '/home/dev/.vscode/extensions/countersign.countersign-0.1.0',
  ]) {
    assert.equal(category(p), 'self', p);
  }
  assert.equal(category('/home/dev/proj/.git/config', 'read'), undefined);
  assert.equal(category('/home/dev/proj/.git/config', 'write'), 'self');
});

test('system and start-up files count only when written', () => {
  assert.equal(category('/etc/hosts', 'read'), undefined);
  assert.equal(category('/etc/hosts', 'write'), 'system');
  assert.equal(category('/home/dev/.bashrc', 'write'), 'system');
  assert.equal(category('/home/dev/.bashrc', 'read'), undefined);
});

test('ordinary project files are not sensitive', () => {
  for (const p of ['/home/dev/proj/src/index.ts', '/home/dev/proj/README.md', '/home/dev/proj/src/auth/credentials.ts', '/home/dev/proj/docs/secrets-management.md', '/home/dev/proj/environment.ts']) {
    assert.equal(category(p), undefined, p);
  }
});

test('shell globs that can expand to a secret count; broad or unrelated globs do not', () => {
  const g = (glob: string, hidesDot = true, dotglob = false) => policy.matchGlob(glob, 'read', hidesDot, dotglob)?.glob;
  assert.equal(g('/home/dev/proj/.en*'), '**/.env');
  assert.equal(g('/home/dev/proj/.e?v'), '**/.env');
  assert.equal(g('/home/dev/proj/.[e]nv'), '**/.env');
  assert.equal(g('/home/dev/proj/*.pem'), '**/*.pem');
  assert.equal(g('/home/dev/.ssh/id_*'), '**/id_rsa*');
  assert.equal(g('/home/dev/.aws/cred*') !== undefined, true);
  assert.equal(g('/home/dev/.ssh/*') !== undefined, true);
  assert.equal(g('/home/*/.ssh/id_rsa') !== undefined, true);
  assert.equal(g('/home/dev/proj/.e{n,x}v'), '**/.env');
  assert.equal(g('/home/dev/proj/*'), undefined);
  assert.equal(g('/home/dev/proj/src/*.ts'), undefined);
  assert.equal(g('/home/dev/proj/src/*.test.ts', false), undefined);
  assert.equal(g('/home/dev/proj/**/*.json', false), undefined);
  assert.equal(g('/home/dev/proj/.github/workflows/*.yml'), undefined);
  // With dotglob, a bare * expands to dot files too.
  assert.notEqual(g('/home/dev/proj/*', false, true), undefined);
  // Without dotglob, a leading wildcard never produces a leading dot (find's patterns do).
  assert.equal(g('/home/dev/proj/?env'), undefined);
  assert.equal(g('/home/dev/proj/?env', false), '**/.env');
});

test('brace expansion, with escapes and ranges', () => {
  assert.deepEqual(expandBraces('.e{n,x}v').sort(), ['.env', '.exv']);
  assert.deepEqual(expandBraces('a\\{b,c\\}'), ['a\\{b,c\\}']);
  assert.deepEqual(expandBraces('f{1..3}').sort(), ['f1', 'f2', 'f3']);
  assert.equal(expandBraces('{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}', 8).length <= 9, true);
});

test('the workspace: folders, the agent cwd when it is a project, temp dirs', () => {
  assert.ok(policy.inWorkspace('/home/dev/proj/src/a.ts', undefined));
  assert.ok(policy.inWorkspace('/work/other/a.ts', '/work/other'));
  assert.ok(!policy.inWorkspace('/home/dev/notes.txt', '/home/dev'));
  assert.ok(!policy.inWorkspace('/etc/hosts', '/'));
  assert.ok(policy.isTemp('/tmp/x'));
  assert.ok(!policy.isTemp('/home/dev/tmp/x'));
});

test("package.json shows the built-in list as the default of countersign.sensitivePaths", () => {
  let dir = __dirname;
  while (dir !== dirname(dir) && !existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } };
  assert.deepEqual(pkg.contributes.configuration.properties['countersign.sensitivePaths']?.default, defaultSensitiveGlobs());
});
