// No gate to ask (VS Code closed, gate crashed, stale or forged socket): the CLI applies the same policy
// itself. Sensitive and blocked are denied with how to approve, review follows whenUnreachable, safe is allowed.
import { homedir } from 'node:os';
import type { AgentName } from '../policy/types';
import { readSnapshot } from '../ipc/settingsSnapshot';
import { unattendedDecision, type UnattendedDecision } from '../gate/unattended';
import { loadPolicy } from './lazyBundles';
import { policyConfigFromEnv } from './policyConfigFromEnv';

export async function decideWithoutGate(agent: AgentName, payload: unknown, cwd: string, why: string): Promise<UnattendedDecision> {
  try {
    const snapshot = readSnapshot(process.env.COUNTERSIGN_HOME);
    const fromEnv = policyConfigFromEnv();
    const { createPolicy } = loadPolicy();
    const policy = await createPolicy({
      ...fromEnv,
      sensitivePaths: [...snapshot.sensitivePaths, ...fromEnv.sensitivePaths],
      allowedPaths: [...snapshot.allowedPaths, ...fromEnv.allowedPaths],
      protectedPaths: snapshot.protectedPaths,
      workspaceFolders: [cwd],
      home: homedir(),
    });
    const verdict = policy.evaluate(payload, agent);
    return unattendedDecision(verdict.risk, snapshot.reviewDefault, why, verdict.reasons.map((r) => r.message).join(' '));
  } catch (err) {
    return { decision: 'deny', reason: `Countersign: ${why}, and the policy could not be evaluated here (${(err as Error).message}); denied.` };
  }
}
