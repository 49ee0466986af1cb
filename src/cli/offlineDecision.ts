// No gate to ask (VS Code closed, gate crashed, stale or forged socket): the CLI applies the same policy
// itself. Sensitive and blocked are denied with how to approve, review follows whenUnreachable, safe is allowed.
// Every such decision is logged before it is answered; if it cannot be logged, the answer is deny.
// Settings come from the user's snapshot only (the extension saves it; see settingsSnapshot.ts); no environment
// variable adds an allowed path or changes whenUnreachable.
import { randomUUID } from 'node:crypto';
import type { AgentName, Verdict } from '../policy/types';
import { readSnapshot, sandboxSettingOf } from '../ipc/settingsSnapshot';
import { probeSandbox } from '../sandbox/probe';
import { auditSandboxFields, sandboxPlan } from '../gate/sandboxPlan';
import type { SandboxPlan } from '../protocol/hookWire';
import { gateSearchDirs, policyHomes, stateDir } from '../ipc/runtimeDir';
import { unattendedDecision, type UnattendedDecision } from '../gate/unattended';
import { loadPolicy } from './lazyBundles';
import { recordOffline } from './offlineAudit';
import { policyForHomes } from '../gate/policyForHomes';
import { hostPlatform } from '../gate/hostPlatform';

async function evaluate(agent: AgentName, payload: unknown, cwd: string): Promise<{ verdict: Verdict; reviewDefault: 'deny' | 'allow' }> {
  const snapshot = readSnapshot();
  const policy = await policyForHomes(loadPolicy().createPolicy, {
    sensitivePaths: snapshot.sensitivePaths,
    allowedPaths: snapshot.allowedPaths,
    // Countersign's own state is always protected: the gate registries (tokens) and the snapshot with the offline log.
    protectedPaths: [...new Set([...gateSearchDirs(), stateDir(), ...snapshot.protectedPaths])],
    workspaceFolders: [cwd],
    platform: hostPlatform(),
  }, policyHomes());
  return { verdict: policy.evaluate(payload, agent), reviewDefault: snapshot.reviewDefault };
}

/** Where an offline allow runs: the same plan a gate makes, with the cwd as the workspace. */
function offlinePlan(verdict: Verdict, agent: AgentName, payload: unknown, cwd: string): SandboxPlan {
  const setting = sandboxSettingOf(readSnapshot().sandbox);
  return sandboxPlan(verdict, agent, payload, { setting, available: setting !== 'off' && probeSandbox().state === 'available', folders: [cwd], homes: policyHomes() });
}

export async function decideWithoutGate(agent: AgentName, payload: unknown, cwd: string, why: string): Promise<UnattendedDecision & { sandbox?: SandboxPlan }> {
  let verdict: Verdict | undefined;
  let answer: UnattendedDecision;
  let sandbox: SandboxPlan | undefined;
  try {
    const evaluated = await evaluate(agent, payload, cwd);
    verdict = evaluated.verdict;
    answer = unattendedDecision(verdict.risk, evaluated.reviewDefault, why, verdict.reasons.map((r) => r.message).join(' '));
    if (answer.decision === 'allow') sandbox = offlinePlan(verdict, agent, payload, cwd);
  } catch (err) {
    answer = { decision: 'deny', reason: `Countersign: ${why}, and the policy could not be evaluated here (${(err as Error).message}); denied.` };
  }
  try {
    await recordOffline(agent, verdict, { ...answer, decidedBy: verdict && verdict.risk !== 'sensitive' && verdict.risk !== 'review' ? 'policy' : 'fail-closed', ...auditSandboxFields(sandbox) }, randomUUID());
  } catch (err) {
    return { decision: 'deny', reason: `Countersign: ${why}, and the decision could not be written to the audit log (${(err as Error).message}); denied.` };
  }
  return { ...answer, ...(sandbox ? { sandbox } : {}) };
}
