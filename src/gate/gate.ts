// The decision core: policy first, then a human for anything not plainly safe, and an audit entry, fsync'd,
// before any answer leaves. Pure of transport: the LSP gate and the headless gate both drive it.
import { randomUUID } from 'node:crypto';
import { relative, isAbsolute } from 'node:path';
import type { Policy } from '../policy';
import type { AgentName, Verdict } from '../policy/types';
import type { DecidedBy, Decision, SandboxPlan } from '../protocol/hookWire';
import type { ClickThroughEvidence, ReviewAnswer, ReviewItem, RuleRef } from '../protocol/gateLsp';
import { clickThroughProblem } from '../review/clickThrough';
import { requestRecord, unparsedRequest, type AppendableEvent, type AuditClickThrough, type RequestRecord, type ReusedAnswer } from '../audit';
import type { Reviewer } from './reviewer';
import { actionFingerprint } from './fingerprint';
import { unattendedDecision, type ReviewDefault } from './unattended';
import { RecentAnswers, sameCallKey } from './sameCall';
import { auditSandboxFields, sandboxPlan, type SandboxContext } from './sandboxPlan';

export interface GateDecision {
  id: string;
  decision: Decision;
  decidedBy: DecidedBy;
  risk: Verdict['risk'];
  reason: string;
  /** With an allow: whether and how the hook runs the action inside the sandbox. */
  sandbox?: SandboxPlan;
}

export interface GateRequest {
  agent: AgentName;
  payload: string;
  deadline: number;
}

/** Where the gate records requests and decisions. append() resolves only once the entry is durable. */
export interface AuditSink {
  append(event: AppendableEvent): Promise<unknown>;
}

export interface GateOptions {
  policy: Policy;
  /** Who to ask; undefined for a headless gate (nobody to ask: unattended rules apply). */
  reviewer?: Reviewer;
  folders: readonly string[];
  audit?: AuditSink;
  /** What a review-level action gets when nobody can be asked. */
  reviewDefault: ReviewDefault;
  /**
   * The sandbox as it stands now (the user's setting, the probe, the homes); the folders come from `folders`.
   * Without it nothing is sandboxed and allows are recorded as `unavailable`.
   */
  sandbox?: () => Omit<SandboxContext, 'folders'>;
}

/** The evidence as the log keeps it: only the known fields, whatever else a reviewer sent. */
function auditEvidence(e: ClickThroughEvidence | undefined): AuditClickThrough | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const shown = e.shown as Partial<ClickThroughEvidence['shown']> | undefined;
  return {
    detailsOpened: e.detailsOpened === true,
    openedVia: Array.isArray(e.openedVia) ? e.openedVia.filter((v) => v === 'card' || v === 'editor' || v === 'diff') : [],
    confirmed: e.confirmed === true,
    ...(typeof e.confirmation === 'string' ? { confirmation: e.confirmation } : {}),
    shownWhole: e.shownWhole === true,
    ...(shown && typeof shown.sha256 === 'string' && typeof shown.chars === 'number' && typeof shown.lines === 'number'
      ? { shown: { sha256: shown.sha256, chars: shown.chars, lines: shown.lines } }
      : {}),
  };
}

/** A call's answer kept for its repeats, with the decision entry that recorded it (named by the repeat's entry). */
interface Remembered {
  outcome: ReviewAnswer | 'deadline';
  from: ReusedAnswer;
}

/** The seq the sink reported for an appended entry (AuditLog.append resolves to the entry), if any. */
function seqOf(written: unknown): number | undefined {
  const seq = (written as { seq?: unknown } | undefined)?.seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : undefined;
}

export class DeadlineExceeded extends Error {}
class AuditFailed extends Error {}

function folderOf(folders: readonly string[], cwd: string): string | undefined {
  return folders.find((f) => {
    const rel = relative(f, cwd);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

/** The rule named in a panel's answer, kept only when well formed (ids are short, scopes are two words). */
function ruleRefOf(v: unknown): RuleRef | undefined {
  const r = v as RuleRef | undefined;
  if (typeof r !== 'object' || r === null || typeof r.id !== 'string' || r.id.length > 100) return undefined;
  return r.scope === 'session' || r.scope === 'workspace' ? { id: r.id, scope: r.scope } : undefined;
}

/** What a decision entry records beyond the answer: the click-through seen, the rule that answered, or the reuse. */
interface How {
  clickThrough?: AuditClickThrough;
  rule?: RuleRef;
  reused?: ReusedAnswer;
}

function summary(verdict: Verdict): string {
  return verdict.reasons.map((r) => r.message).join(' ');
}

export class Gate {
  /** Reviews in flight by action fingerprint: a duplicate hook for the same action joins the same card. */
  private readonly inFlight = new Map<string, Promise<ReviewAnswer>>();
  /** Answers to calls decided a moment ago: a repeat hook run of the same call gets the same answer, no new card. */
  private readonly recent = new RecentAnswers<Remembered>();

  constructor(private options: GateOptions) {}

  update(changes: Partial<GateOptions>): void {
    this.options = { ...this.options, ...changes };
  }

  /** Decides one hook call. `signal` aborts when the hook goes away; the deadline denies. Never throws. */
  async decide(request: GateRequest, signal: AbortSignal): Promise<GateDecision> {
    const id = randomUUID();
    try {
      return await this.decideAudited(id, request, signal);
    } catch (err) {
      const why = err instanceof AuditFailed ? `could not write its audit log (${err.message})` : `failed (${(err as Error).message})`;
      return { id, decision: 'deny', decidedBy: 'fail-closed', risk: 'blocked', reason: `Countersign ${why}; denied.` };
    }
  }

  /** Appends and waits until durable; the entry's seq when the sink reports it. */
  private async record(event: AppendableEvent): Promise<number | undefined> {
    if (!this.options.audit) return undefined;
    try {
      return seqOf(await this.options.audit.append(event));
    } catch (err) {
      throw new AuditFailed((err as Error).message);
    }
  }

  private async finish(id: string, d: Omit<GateDecision, 'id'>, request?: RequestRecord, how?: How): Promise<GateDecision> {
    return (await this.finishRecorded(id, d, request, how)).decision;
  }

  /** Logs the decision (durable before any answer leaves) and returns it with its entry's seq. */
  private async finishRecorded(id: string, d: Omit<GateDecision, 'id'>, request?: RequestRecord, how?: How): Promise<{ decision: GateDecision; seq?: number }> {
    // Only an allow runs anything; the plan a deny carried (the review preview) is dropped.
    const sandbox = d.decision === 'allow' ? d.sandbox : undefined;
    const decision = {
      decision: d.decision,
      decidedBy: d.decidedBy,
      reason: d.reason,
      ...(how?.clickThrough ? { clickThrough: how.clickThrough } : {}),
      ...(how?.rule ? { rule: how.rule } : {}),
      ...auditSandboxFields(sandbox),
      ...(how?.reused ? { reused: how.reused } : {}),
    };
    const seq = await this.record({ type: 'decision', id, ...(request ? { request } : {}), decision });
    return { decision: { id, ...d, sandbox }, ...(seq === undefined ? {} : { seq }) };
  }

  /** What an allow of this verdict would run in: decided before any review, so the card and history can say it. */
  private plan(verdict: Verdict, agent: AgentName, payload: unknown): SandboxPlan {
    const env = this.options.sandbox?.();
    if (!env) return verdict.action.kind === 'shell' ? { run: false, why: 'unavailable' } : { run: false, why: 'not-shell' };
    return sandboxPlan(verdict, agent, payload, { ...env, folders: this.options.folders });
  }

  private async decideAudited(id: string, request: GateRequest, signal: AbortSignal): Promise<GateDecision> {
    let payload: unknown;
    try {
      payload = JSON.parse(request.payload);
    } catch {
      const reason = 'Countersign: the hook payload is not valid JSON; denied.';
      return this.finish(id, { decision: 'deny', decidedBy: 'policy', risk: 'blocked', reason }, unparsedRequest(request.agent, 'payload is not JSON'));
    }
    // Only the first PowerShell command waits (for its grammar); every other request stays synchronous. The same
    // policy prepares and judges, even if settings replace it meanwhile.
    const policy = this.options.policy;
    const loading = policy.prepare?.(payload, request.agent);
    if (loading) await loading;
    const verdict = policy.evaluate(payload, request.agent);
    const record = requestRecord(verdict);
    const { risk } = verdict;
    const sandbox = risk === 'blocked' ? undefined : this.plan(verdict, request.agent, payload);
    if (risk === 'safe' || risk === 'blocked' || !this.options.reviewer) {
      const d = unattendedDecision(risk, this.options.reviewDefault, 'this gate runs headless with no reviewer', summary(verdict));
      return this.finish(id, { ...d, decidedBy: 'policy', risk, sandbox }, record);
    }

    const callKey = sameCallKey(request.agent, payload, verdict.action);
    const earlier = this.recent.get(callKey);
    // A repeat of a call answered a moment ago: nobody is asked, and the log says whose answer it got (one entry).
    if (earlier) return this.answer(id, verdict, earlier.outcome, sandbox, record, earlier.from);

    await this.record({ type: 'request', id, request: record });
    const item: ReviewItem = {
      id,
      risk,
      reasons: verdict.reasons,
      effects: verdict.effects,
      changes: verdict.changes ?? [],
      action: verdict.action,
      workspaceFolder: folderOf(this.options.folders, verdict.action.cwd),
      receivedAt: Date.now(),
      deadline: request.deadline,
      ...(sandbox ? { sandbox } : {}),
    };
    const outcome = await this.ask(this.options.reviewer, item, request.deadline, signal);
    // A hook that went away decided nothing.
    if (outcome instanceof Error) {
      return this.finish(id, { decision: 'deny', decidedBy: 'fail-closed', risk, reason: `Countersign: no reviewer could answer (${outcome.message}); denied.` });
    }
    return this.answer(id, verdict, outcome, sandbox, undefined, undefined, callKey);
  }

  /**
   * Turns an answer (a reviewer's, the deadline's, or one reused for a repeat: `reused`) into the decision and logs it.
   * `rememberAs`: keep this answer for the call's repeats, pointing at the entry just written.
   */
  private async answer(
    id: string,
    verdict: Verdict,
    outcome: ReviewAnswer | 'deadline',
    sandbox: SandboxPlan | undefined,
    request: RequestRecord | undefined,
    reused: ReusedAnswer | undefined,
    rememberAs?: string,
  ): Promise<GateDecision> {
    // Remembered at once (a repeat may follow within the fsync); the entry's seq is filled in once it is written.
    const from: ReusedAnswer = { id };
    if (rememberAs !== undefined) this.recent.remember(rememberAs, { outcome, from });
    const done = await this.decideAnswer(id, verdict, outcome, sandbox, request, reused);
    if (done.seq !== undefined) from.seq = done.seq;
    return done.decision;
  }

  private async decideAnswer(
    id: string,
    verdict: Verdict,
    outcome: ReviewAnswer | 'deadline',
    sandbox: SandboxPlan | undefined,
    request: RequestRecord | undefined,
    reused: ReusedAnswer | undefined,
  ): Promise<{ decision: GateDecision; seq?: number }> {
    const { risk } = verdict;
    const mark = reused ? { reused } : {};
    if (outcome === 'deadline') {
      return this.finishRecorded(id, { decision: 'deny', decidedBy: 'timeout', risk, reason: 'Countersign: nobody decided before the hook timeout; denied.' }, request, mark);
    }
    // A remembered rule may only ever answer review-level actions; anything else is a bug, so deny.
    const byRule = outcome.decidedBy === 'rule';
    if (byRule && risk !== 'review') {
      return this.finishRecorded(id, { decision: 'deny', decidedBy: 'fail-closed', risk, reason: 'Countersign: a remembered rule cannot approve a sensitive action; denied.' }, request, mark);
    }
    // Every reviewer, not only the panel: a human approval counts only with the click-through this action needs
    // (src/review/clickThrough.ts), checked against the gate's own copy of the action, a reused answer included.
    const evidence = byRule ? undefined : auditEvidence(outcome.clickThrough);
    // A reused answer's evidence is in the entry it names; logging it again would count one look twice.
    const logged = reused ? undefined : evidence;
    if (!byRule && outcome.decision === 'allow') {
      const problem = clickThroughProblem(verdict.action, risk, evidence);
      if (problem) return this.finishRecorded(id, { decision: 'deny', decidedBy: 'fail-closed', risk, reason: `Countersign: ${problem}; denied.` }, request, { clickThrough: logged, ...mark });
    }
    const rule = byRule ? ruleRefOf(outcome.rule) : undefined;
    const who = byRule ? `a rule the reviewer made${rule ? ` for this ${rule.scope}` : ''}` : 'the reviewer';
    const note = outcome.reason && !byRule ? ` Reviewer: ${outcome.reason}` : '';
    const reason = outcome.decision === 'allow' ? `Countersign: approved by ${who}.${note}` : `Countersign: denied by ${who}.${note}`;
    return this.finishRecorded(id, { decision: outcome.decision, decidedBy: byRule ? 'rule' : 'human', risk, reason, sandbox }, request, { clickThrough: logged, rule, ...mark });
  }

  /** Asks the reviewer, sharing one card among identical in-flight actions; bounded by the deadline and the hook. */
  private async ask(reviewer: Reviewer, item: ReviewItem, deadline: number, signal: AbortSignal): Promise<ReviewAnswer | 'deadline' | Error> {
    const key = actionFingerprint(item.action);
    let shared = this.inFlight.get(key);
    let review: AbortController | undefined;
    if (!shared) {
      review = new AbortController();
      shared = reviewer.review(item, review.signal);
      this.inFlight.set(key, shared);
      const owned = shared;
      void owned.finally(() => this.inFlight.get(key) === owned && this.inFlight.delete(key)).catch(() => undefined);
    }
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<'deadline' | Error>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), Math.max(0, deadline - Date.now()));
      onAbort = () => resolve(new Error('the hook disconnected'));
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort);
    });
    try {
      return await Promise.race([shared.catch((err: unknown) => (err instanceof Error ? err : new Error(String(err)))), stop]);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal.removeEventListener('abort', onAbort);
      // The owner withdraws the card when it stops waiting (decided, expired or gone); joiners leave it be.
      review?.abort();
    }
  }
}
