// What happens when no human can be asked: the headless gate, and the CLI when no gate is reachable.
// Sensitive and blocked are always denied; safe is allowed; review follows the user's setting (default deny).
import type { Risk } from '../policy/types';
import type { Decision } from '../protocol/hookWire';

import type { ReviewDefault } from '../protocol/gateLsp';

export type { ReviewDefault };

export function isReviewDefault(v: unknown): v is ReviewDefault {
  return v === 'deny' || v === 'allow';
}

export interface UnattendedDecision {
  decision: Decision;
  reason: string;
}

/** `why` says why nobody can be asked, e.g. "no review gate is running for /repo". */
export function unattendedDecision(risk: Risk, reviewDefault: ReviewDefault, why: string, summary: string): UnattendedDecision {
  const detail = summary ? ` ${summary}` : '';
  switch (risk) {
    case 'safe':
      return { decision: 'allow', reason: 'Countersign: allowed by policy.' };
    case 'blocked':
      return { decision: 'deny', reason: `Countersign: blocked by policy.${detail}` };
    case 'sensitive':
      return {
        decision: 'deny',
        reason: `Countersign: this action touches permissions or secrets and needs your explicit approval, but ${why}; denied.${detail} To approve it, open this folder in VS Code with Countersign, then retry.`,
      };
    case 'review':
      return reviewDefault === 'allow'
        ? { decision: 'allow', reason: `Countersign: allowed without review because ${why} (countersign.whenUnreachable is "allow").` }
        : {
            decision: 'deny',
            reason: `Countersign: this action needs a review, but ${why}; denied.${detail} Open this folder in VS Code with Countersign to review it, or set countersign.whenUnreachable.`,
          };
  }
}
