// Verdict for an Action. (Foundation stub: permission-changing commands are sensitive, the rest needs review.)
import type { Action, PolicyConfig, Reason, Verdict } from './types';

const PERMISSION_COMMAND = /\b(chmod|chown|chgrp|sudo)\b/;

export function classify(action: Action, _config: PolicyConfig): Verdict {
  const reasons: Reason[] = [];
  if (action.kind === 'shell') {
    const m = PERMISSION_COMMAND.exec(action.command);
    if (m) {
      reasons.push({
        rule: 'perm.command',
        risk: 'sensitive',
        message: `Changes permissions with ${m[1]}.`,
        span: { field: 'command', start: m.index, end: m.index + m[0].length, text: m[0] },
      });
      return { risk: 'sensitive', reasons, action };
    }
  }
  reasons.push({ rule: 'default.review', risk: 'review', message: 'Not known to be safe.' });
  return { risk: 'review', reasons, action };
}
