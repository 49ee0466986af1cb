// Codex hook trust: the hash and key must be exactly what Codex computes, or the hook is skipped silently.
// The expected hashes below are what `codex app-server` hooks/list (Codex 0.169.0) reported for these entries;
// the conformance suite re-checks the live binary on every run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codexHookHash, codexHookKey, codexHookRefs, rekeyCodexHookStates, trustCodexHooks, untrustCodexHooks } from '../../../src/agents/codexTrust';
import { applyChanges, planConnection, planDisconnection } from '../../../src/agents/connect';

test('hash matches what Codex 0.169 reports (defaults, explicit timeout, quoted shim path)', () => {
  assert.equal(codexHookHash({ command: '/tmp/dev/codex/hook.sh', timeout: 600, matcher: '*' }), 'sha256:9814b72389d2c9f3bfddc5f198e108f46871b94a7d42424adcc3b8d1b9ded1e8');
  assert.equal(codexHookHash({ command: '/tmp/dev/codex/hook.sh', timeout: 77, matcher: '*' }), 'sha256:89d577196b4ccc710219b826a52aa18ad6f46c90199312a7cdebf74ebac3c0af');
  // No timeout in the file: Codex hashes its default of 600.
  assert.equal(codexHookHash({ command: 'echo other', matcher: 'Bash' }), 'sha256:78a9a9a481e7a284c677cddd72baca5e9eced6215f0a24868e2c8390a719c267');
  const shim = "'/home/me/.config/Code/User/globalStorage/countersign.countersign/bin/count ersign' hook --agent codex --timeout 600";
  assert.equal(codexHookHash({ command: shim, timeout: 600, matcher: '*' }), 'sha256:3bbb992797af8871db65d185e724f30aaa2d2fdfc2bd057a17ea027cf0006add');
});

test('refs: only Countersign hooks, keyed by matcher-group and handler position', () => {
  const file = '/ch/hooks.json';
  const json = JSON.stringify({
    hooks: {
      PreToolUse: [
        { matcher: 'Bash', hooks: [{ type: 'command', command: 'echo other' }] },
        { matcher: '*', hooks: [{ type: 'command', command: "'/g/bin/countersign' hook --agent codex --timeout 600", timeout: 600 }] },
      ],
    },
  });
  const refs = codexHookRefs(file, json);
  assert.deepEqual(
    refs.map((r) => r.key),
    [codexHookKey(file, 1, 0)],
  );
  assert.equal(refs[0]!.key, '/ch/hooks.json:pre_tool_use:1:0');
  assert.deepEqual(codexHookRefs(file, undefined), []);
  assert.deepEqual(codexHookRefs(file, '{}'), []);
});

const ref = { key: '/ch/hooks.json:pre_tool_use:0:0', hash: 'sha256:abc' };

test('trust: appended as its own table, idempotent, updated in place when the hash changes', () => {
  const before = 'model = "gpt-5.5"\n\n[projects."/repo"]\ntrust_level = "trusted"\n';
  const once = trustCodexHooks(before, [ref]);
  assert.equal(once.text, `${before}\n[hooks.state."/ch/hooks.json:pre_tool_use:0:0"]\ntrusted_hash = "sha256:abc"\n`);
  assert.equal(trustCodexHooks(once.text, [ref]).text, once.text);
  const updated = trustCodexHooks(once.text, [{ ...ref, hash: 'sha256:def' }]).text!;
  assert.match(updated, /trusted_hash = "sha256:def"/);
  assert.doesNotMatch(updated, /sha256:abc/);
  assert.equal(trustCodexHooks(undefined, [ref]).text, '[hooks.state."/ch/hooks.json:pre_tool_use:0:0"]\ntrusted_hash = "sha256:abc"\n');
});

test('trust: keeps a user setting in the same table; paths with quotes and backslashes are escaped', () => {
  const withEnabled = '[hooks.state."/ch/hooks.json:pre_tool_use:0:0"]\nenabled = true\n';
  assert.equal(trustCodexHooks(withEnabled, [ref]).text, '[hooks.state."/ch/hooks.json:pre_tool_use:0:0"]\ntrusted_hash = "sha256:abc"\nenabled = true\n');
  const odd = { key: 'C:\\Users\\a "b"\\.codex\\hooks.json:pre_tool_use:0:0', hash: 'sha256:1' };
  const text = trustCodexHooks('', [odd]).text!;
  assert.equal(text.split('\n')[0], '[hooks.state."C:\\\\Users\\\\a \\"b\\"\\\\.codex\\\\hooks.json:pre_tool_use:0:0"]');
  assert.equal(trustCodexHooks(text, [odd]).text, text, 'finds its own escaped header again');
});

test('trust: refuses shapes it cannot extend without breaking the TOML', () => {
  assert.ok(trustCodexHooks('hooks = { state = {} }\n', [ref]).problem);
  assert.ok(trustCodexHooks('[hooks]\nstate = { }\n', [ref]).problem);
  assert.ok(trustCodexHooks(`[hooks.state]\n"${ref.key}" = { trusted_hash = "x" }\n`, [ref]).problem);
  // A [hooks.state] table of other hooks is fine to extend.
  assert.equal(trustCodexHooks('[hooks.state."/other:pre_tool_use:0:0"]\nenabled = false\n', [ref]).problem, undefined);
});

test('untrust: removes the table Connect wrote, keeps a user setting, leaves other tables alone', () => {
  const base = 'model = "x"\n';
  const trusted = trustCodexHooks(base, [ref]).text!;
  assert.equal(untrustCodexHooks(trusted, [ref.key]), base);
  const mixed = '[hooks.state."/ch/hooks.json:pre_tool_use:0:0"]\ntrusted_hash = "sha256:abc"\nenabled = false\n\n[other]\na = 1\n';
  assert.equal(untrustCodexHooks(mixed, [ref.key]), '[hooks.state."/ch/hooks.json:pre_tool_use:0:0"]\nenabled = false\n\n[other]\na = 1\n');
  assert.equal(untrustCodexHooks(base, [ref.key]), base);
});

test('Connect Agents trusts the Codex hook it writes; Disconnect takes the trust away again', () => {
  const home = mkdtempSync(join(tmpdir(), 'cs-codex-trust-'));
  try {
    const codexHome = join(home, 'codex');
    mkdirSync(codexHome);
    writeFileSync(join(codexHome, 'config.toml'), 'model = "gpt-5.5"\n');
    const where = { home, codexHome };
    const plans = planConnection(['codex'], 'user', where, '/g/bin/countersign');
    assert.deepEqual(
      plans.map((p) => p.target.file),
      [join(codexHome, 'hooks.json'), join(codexHome, 'config.toml')],
    );
    applyChanges(plans);
    const hooks = readFileSync(join(codexHome, 'hooks.json'), 'utf8');
    const [expected] = codexHookRefs(join(codexHome, 'hooks.json'), hooks);
    const config = readFileSync(join(codexHome, 'config.toml'), 'utf8');
    assert.match(config, /^model = "gpt-5\.5"\n/);
    assert.ok(config.includes(`[hooks.state.${JSON.stringify(expected!.key)}]\ntrusted_hash = "${expected!.hash}"`), config);
    // Connecting again changes nothing.
    assert.ok(planConnection(['codex'], 'user', where, '/g/bin/countersign').every((p) => p.before === p.after));
    applyChanges(planDisconnection(['codex'], where, () => []));
    assert.equal(readFileSync(join(codexHome, 'config.toml'), 'utf8'), 'model = "gpt-5.5"\n');
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('both scopes connected: one config.toml change trusts both hook files', () => {
  const home = mkdtempSync(join(tmpdir(), 'cs-codex-trust-'));
  try {
    const where = { home, workspace: join(home, 'repo') };
    applyChanges(planConnection(['codex'], 'user', where, '/g/bin/countersign'));
    applyChanges(planConnection(['codex'], 'workspace', where, '/g/bin/countersign'));
    const config = readFileSync(join(home, '.codex', 'config.toml'), 'utf8');
    assert.match(config, /\.codex\/hooks\.json:pre_tool_use:0:0/);
    assert.match(config, /repo\/\.codex\/hooks\.json:pre_tool_use:0:0/);
    const plans = planDisconnection(['codex'], where, () => []);
    assert.equal(plans.filter((p) => p.target.file.endsWith('config.toml')).length, 1);
    applyChanges(plans);
    assert.doesNotMatch(readFileSync(join(home, '.codex', 'config.toml'), 'utf8'), /hooks\.state/);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test("Disconnect keeps the user's later Codex hooks trusted: their trust moves with their new positions", () => {
  const home = mkdtempSync(join(tmpdir(), 'cs-codex-trust-'));
  try {
    const codexHome = join(home, 'codex');
    const hooksFile = join(codexHome, 'hooks.json');
    const where = { home, codexHome };
    applyChanges(planConnection(['codex'], 'user', where, '/g/bin/countersign'));
    // The user adds their own hook after Countersign's and trusts it (as Codex's /hooks would).
    const withMine = JSON.parse(readFileSync(hooksFile, 'utf8')) as { hooks: { PreToolUse: unknown[] } };
    withMine.hooks.PreToolUse.push({ matcher: 'Bash', hooks: [{ type: 'command', command: './my-guard.sh', timeout: 30 }] });
    writeFileSync(hooksFile, JSON.stringify(withMine, null, 2));
    const mine = codexHookHash({ command: './my-guard.sh', timeout: 30, matcher: 'Bash' });
    const config = join(codexHome, 'config.toml');
    writeFileSync(config, `${readFileSync(config, 'utf8')}\n[hooks.state.${JSON.stringify(codexHookKey(hooksFile, 1, 0))}]\ntrusted_hash = "${mine}"\n`);

    applyChanges(planDisconnection(['codex'], where, () => []));
    const after = readFileSync(config, 'utf8');
    assert.equal(after, `[hooks.state.${JSON.stringify(codexHookKey(hooksFile, 0, 0))}]\ntrusted_hash = "${mine}"\n`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('rekey renames only the moved tables, all at once', () => {
  const text = '[hooks.state."f:pre_tool_use:1:0"]\ntrusted_hash = "a"\n\n[hooks.state."f:pre_tool_use:2:0"]\ntrusted_hash = "b"\n\n[other]\nx = 1\n';
  const moved = new Map([
    ['f:pre_tool_use:1:0', 'f:pre_tool_use:0:0'],
    ['f:pre_tool_use:2:0', 'f:pre_tool_use:1:0'],
  ]);
  assert.equal(rekeyCodexHookStates(text, moved), '[hooks.state."f:pre_tool_use:0:0"]\ntrusted_hash = "a"\n\n[hooks.state."f:pre_tool_use:1:0"]\ntrusted_hash = "b"\n\n[other]\nx = 1\n');
});
