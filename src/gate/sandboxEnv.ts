// The sandbox as the gate finds it: the user's `countersign.sandbox` setting (from the user-only settings snapshot,
// so a repository cannot turn it off) and whether a sandbox works here (probed once per gate process).
import { readSnapshot } from '../ipc/settingsSnapshot';
import { policyHomes } from '../ipc/runtimeDir';
import { spawnSync } from 'node:child_process';
import type { SandboxContext, SandboxSetting } from './sandboxPlan';

/** `off` only when the user's own snapshot says so; anything else (missing, damaged) is the default, `auto`. */
export function sandboxSetting(): SandboxSetting {
  const s = readSnapshot() as { sandbox?: unknown };
  return s.sandbox === 'off' ? 'off' : 'auto';
}

// TEMPORARY until s4-sandbox lands: src/sandbox/probe.ts probeSandbox().
let probed: boolean | undefined;
function probeSandbox(): { state: string } {
  probed ??= process.platform === 'linux' && spawnSync('/usr/bin/bwrap', ['--ro-bind', '/', '/', '--', 'true']).status === 0;
  return { state: probed ? 'available' : 'missing' };
}

/** For GateOptions.sandbox: read on every decision (the setting can change while the gate runs). */
export function liveSandboxEnv(): Omit<SandboxContext, 'folders'> {
  return { setting: sandboxSetting(), available: probeSandbox().state === 'available', homes: policyHomes() };
}
