// The sandbox as the gate finds it: the user's `countersign.sandbox` setting (user or machine scope: from the
// extension's settings, or the user-only snapshot for a headless gate, so a repository cannot turn it off) and
// whether a sandbox works here (src/sandbox/probe.ts, probed once per gate process).
import { readSnapshot, sandboxSettingOf } from '../ipc/settingsSnapshot';
import { policyHomes } from '../ipc/runtimeDir';
import { probeSandbox } from '../sandbox/probe';
import type { SandboxContext, SandboxSetting } from './sandboxPlan';

/** For GateOptions.sandbox. `setting` is read on every decision: it can change while the gate runs. */
export function liveSandboxEnv(setting: () => SandboxSetting = () => readSnapshot().sandbox ?? 'auto'): () => Omit<SandboxContext, 'folders'> {
  return () => ({ setting: sandboxSettingOf(setting()), available: probeSandbox().state === 'available', homes: policyHomes() });
}
