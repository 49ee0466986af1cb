// The doctor reads Codex's config.toml as TOML (a parser, not line patterns): trust, approval and project settings
// are found in every spelling TOML allows, and Connect refuses to record trust in a file that is not TOML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codexHookState, codexProjectTrust, codexTopLevel, trustCodexHooks } from '../../../src/agents/codexTrust';

const KEY = '/home/me/.codex/hooks.json:pre_tool_use:0:0';

test('hook trust written as inline tables or dotted keys is read like a [hooks.state."…"] table', () => {
  assert.deepEqual(codexHookState(`[hooks]\nstate = { "${KEY}" = { trusted_hash = "sha256:1", enabled = false } }\n`, KEY), { trustedHash: 'sha256:1', enabled: false });
  assert.deepEqual(codexHookState(`hooks.state."${KEY}".trusted_hash = "sha256:2"\n`, KEY), { trustedHash: 'sha256:2', enabled: true });
  assert.deepEqual(codexHookState(`[hooks.state."${KEY}"]\ntrusted_hash = 'sha256:3' # literal string\n`, KEY), { trustedHash: 'sha256:3', enabled: true });
  assert.deepEqual(codexHookState('not = [toml\n', KEY), { enabled: true }, 'a file that does not parse trusts nothing');
});

test('top-level settings are read wherever TOML puts them, and a table key is not top-level', () => {
  assert.equal(codexTopLevel('approval_policy = "never" # yolo\n', 'approval_policy'), 'never');
  assert.equal(codexTopLevel("approval_policy='never'\n", 'approval_policy'), 'never');
  assert.equal(codexTopLevel('[profiles.fast]\napproval_policy = "never"\n', 'approval_policy'), undefined);
  assert.equal(codexTopLevel('"sandbox_mode" = "danger-full-access"\n', 'sandbox_mode'), 'danger-full-access');
});

test('project trust is found as an inline table too', () => {
  assert.equal(codexProjectTrust('[projects]\n"/repo" = { trust_level = "trusted" }\n', '/repo'), 'trusted');
  assert.equal(codexProjectTrust('[projects."/repo/"]\ntrust_level = "untrusted"\n', '/repo'), 'untrusted');
  assert.equal(codexProjectTrust('[projects."/other"]\ntrust_level = "trusted"\n', '/repo'), undefined);
});

test('Connect records no trust in a config.toml that is not TOML (nothing written, the reason given)', () => {
  const edit = trustCodexHooks('model = "gpt-5.5\n', [{ key: KEY, hash: 'sha256:abc' }]);
  assert.equal(edit.text, undefined);
  assert.match(edit.problem ?? '', /valid TOML/);
});
