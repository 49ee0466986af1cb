// What doctor and the Agents section say about the sandbox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agentSandboxed, sandboxStatus } from '../../../src/sandbox/status';
import { REWRITTEN_AGENTS } from '../../../src/agents/sandboxRewrite';
import { cannotRunReason, probeSandbox } from '../../../src/sandbox/probe';
import { sandboxSettingOf } from '../../../src/sandbox/types';

test('missing bubblewrap names the package to install; Windows says there is no sandbox; off says so', () => {
  assert.equal(probeSandbox('win32').state, 'unsupported');
  assert.match(sandboxStatus(probeSandbox('win32'), 'auto').text, /Windows has no sandbox/);
  const missing = sandboxStatus({ state: 'missing', mechanism: 'bubblewrap', detail: 'bubblewrap (bwrap) is not installed: install bubblewrap: sudo apt-get install bubblewrap' }, 'auto');
  assert.equal(missing.state, 'missing');
  assert.match(missing.text, /apt-get install bubblewrap/);
  const on = { state: 'available', mechanism: 'bubblewrap', path: '/usr/bin/bwrap', detail: '' } as const;
  assert.equal(sandboxStatus(on, 'off').state, 'off');
  assert.equal(sandboxStatus(on, 'auto').state, 'on');
  assert.match(sandboxStatus({ ...on, mechanism: 'sandbox-exec' }, 'auto').text, /not exercised on macOS in CI/);
});

test('a bwrap that cannot create namespaces is explained plainly', () => {
  assert.match(cannotRunReason('bwrap: No permissions to creating new namespace, likely because the kernel does not allow non-privileged user namespaces'), /user namespaces are probably disabled/);
  assert.match(cannotRunReason('bwrap: setting up uid map: Permission denied'), /cannot create a sandbox here/);
});

test('per agent: sandboxed only when connected, the sandbox is on and its hook can rewrite the command', () => {
  const probe = { state: 'available', mechanism: 'bubblewrap', path: '/usr/bin/bwrap', detail: '' } as const;
  const on = sandboxStatus(probe, 'auto');
  assert.deepEqual(agentSandboxed('claude', true, on, REWRITTEN_AGENTS), { sandboxed: true, text: 'commands sandboxed' });
  assert.equal(agentSandboxed('claude', false, on, REWRITTEN_AGENTS).sandboxed, false);
  assert.match(agentSandboxed('cursor', true, on, REWRITTEN_AGENTS).text, /cannot rewrite/);
  assert.match(agentSandboxed('claude', true, sandboxStatus(probe, 'off'), REWRITTEN_AGENTS).text, /switched off/);
});

test('the setting: only an explicit "off" switches the sandbox off', () => {
  assert.equal(sandboxSettingOf('off'), 'off');
  for (const v of ['auto', undefined, null, 'OFF', 0, false, {}]) assert.equal(sandboxSettingOf(v), 'auto');
});
