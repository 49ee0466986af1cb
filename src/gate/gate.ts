// The decision core: policy first, then a human for anything not plainly safe. Pure of transport.
import { randomUUID } from 'node:crypto';
import { relative, isAbsolute } from 'node:path';
import type { Policy } from '../policy';
import type { AgentName, Verdict } from '../policy/types';
import type { DecidedBy, Decision } from '../protocol/hookWire';
import type { ReviewItem } from '../protocol/gateLsp';
import type { Reviewer } from './reviewer';

export interface GateDecision {
  id: string;
  decision: Decision;
  decidedBy: DecidedBy;
  risk: Verdict['risk'];
  reason: string;
}

export interface GateRequest {
  agent: AgentName;
  payload: string;
  deadline: number;
}

export class DeadlineExceeded extends Error {}

function folderOf(folders: readonly string[], cwd: string): string | undefined {
  return folders.find((f) => {
    const rel = relative(f, cwd);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

function summary(verdict: Verdict): string {
  return verdict.reasons.map((r) => r.message).join(' ');
}

export class Gate {
  constructor(
    private policy: Policy,
    private readonly reviewer: Reviewer,
    private folders: readonly string[],
  ) {}

  update(policy: Policy, folders: readonly string[]): void {
    this.policy = policy;
    this.folders = folders;
  }

  /** Decides one hook call. `signal` aborts when the hook goes away; the deadline denies. Never throws. */
  async decide(request: GateRequest, signal: AbortSignal): Promise<GateDecision> {
    const id = randomUUID();
    let payload: unknown;
    try {
      payload = JSON.parse(request.payload);
    } catch {
      return { id, decision: 'deny', decidedBy: 'policy', risk: 'blocked', reason: 'Countersign: the hook payload is not valid JSON; denied.' };
    }
    const verdict = this.policy.evaluate(payload, request.agent);
    if (verdict.risk === 'safe') return { id, decision: 'allow', decidedBy: 'policy', risk: 'safe', reason: 'Countersign: allowed by policy.' };
    if (verdict.risk === 'blocked') {
      return { id, decision: 'deny', decidedBy: 'policy', risk: 'blocked', reason: `Countersign: blocked by policy. ${summary(verdict)}` };
    }

    const item: ReviewItem = {
      id,
      risk: verdict.risk,
      reasons: verdict.reasons,
      action: verdict.action,
      workspaceFolder: folderOf(this.folders, verdict.action.cwd),
      receivedAt: Date.now(),
      deadline: request.deadline,
    };
    const review = new AbortController();
    const onAbort = () => review.abort(signal.reason);
    signal.addEventListener('abort', onAbort);
    const timer = setTimeout(() => review.abort(new DeadlineExceeded()), Math.max(0, request.deadline - Date.now()));
    try {
      const answer = await this.reviewer.review(item, review.signal);
      // A remembered rule may only ever answer non-sensitive actions; anything else is a bug, so deny.
      const byRule = answer.decidedBy === 'rule';
      if (byRule && verdict.risk !== 'review') {
        return { id, decision: 'deny', decidedBy: 'fail-closed', risk: verdict.risk, reason: 'Countersign: a remembered rule cannot approve a sensitive action; denied.' };
      }
      const who = byRule ? 'a session rule' : 'the reviewer';
      const note = answer.reason ? ` Reviewer: ${answer.reason}` : '';
      return answer.decision === 'allow'
        ? { id, decision: 'allow', decidedBy: byRule ? 'rule' : 'human', risk: verdict.risk, reason: `Countersign: approved by ${who}.${note}` }
        : { id, decision: 'deny', decidedBy: byRule ? 'rule' : 'human', risk: verdict.risk, reason: `Countersign: denied by ${who}.${note}` };
    } catch (err) {
      if (review.signal.reason instanceof DeadlineExceeded) {
        return { id, decision: 'deny', decidedBy: 'timeout', risk: verdict.risk, reason: 'Countersign: nobody decided before the hook timeout; denied.' };
      }
      return { id, decision: 'deny', decidedBy: 'fail-closed', risk: verdict.risk, reason: `Countersign: no reviewer could answer (${(err as Error).message}); denied.` };
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }
}
