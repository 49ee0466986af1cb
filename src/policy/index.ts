// Public face of the policy engine. Everything under src/policy is pure: no vscode, no network, no files written.
import type { AgentName, PolicyConfig, Verdict } from './types';
import { normalize } from './normalize';
import { classify } from './classify';

export * from './types';

export interface Policy {
  /** Classify one hook payload (already JSON-parsed). Never throws: bad input yields a non-safe verdict. */
  evaluate(payload: unknown, agent?: AgentName): Verdict;
}

/** Async because the shell parser (WASM) loads once; evaluate() is synchronous after that. */
export async function createPolicy(config: PolicyConfig): Promise<Policy> {
  await Promise.resolve();
  return {
    evaluate(payload, agent) {
      const action = normalize(payload, agent);
      return classify(action, config);
    },
  };
}
