// One policy per home `~` may mean (the account's, and $HOME when it differs: runtimeDir.ts policyHomes), and the
// riskiest verdict counts: an agent started with another $HOME can only make an action look riskier, never safer.
import type { Policy, PolicyConfig } from '../policy';
import type { Risk, Verdict } from '../policy/types';

const RANK: Record<Risk, number> = { safe: 0, review: 1, sensitive: 2, blocked: 3 };

export async function policyForHomes(create: (config: PolicyConfig) => Promise<Policy>, config: Omit<PolicyConfig, 'home'>, homes: readonly string[]): Promise<Policy> {
  const policies = await Promise.all(homes.map((home) => create({ ...config, home })));
  if (policies.length === 1) return policies[0]!;
  return {
    prepare(payload, agent) {
      const loading = policies.map((p) => p.prepare?.(payload, agent)).filter((l) => l !== undefined);
      return loading.length ? Promise.all(loading).then(() => undefined) : undefined;
    },
    evaluate(payload, agent) {
      let worst: Verdict | undefined;
      for (const p of policies) {
        const v = p.evaluate(payload, agent);
        if (!worst || RANK[v.risk] > RANK[worst.risk]) worst = v;
      }
      return worst!;
    },
  };
}
