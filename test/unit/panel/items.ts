// ReviewItems shaped like the gate sends them, for the panel's unit tests.
import type { Action, Reason, Risk } from '../../../src/policy/types';
import type { ReviewItem } from '../../../src/protocol/gateLsp';

let n = 0;

export function item(action: Partial<Action> & Pick<Action, 'kind'>, risk: Risk = 'review', reasons: Reason[] = []): ReviewItem {
  const base = { agent: 'claude', tool: 'Bash', cwd: '/home/dev/proj', ...action } as Action;
  return {
    id: `item-${++n}`,
    risk,
    reasons: reasons.length ? reasons : [{ rule: risk === 'review' ? 'exec.unknown-command' : 'perm.mode', risk, message: 'A reason.' }],
    action: base,
    workspaceFolder: '/home/dev/proj',
    receivedAt: 1_000 + n,
    deadline: 600_000,
  };
}

export const shell = (command: string, risk: Risk = 'review', reasons: Reason[] = []) => item({ kind: 'shell', command }, risk, reasons);
