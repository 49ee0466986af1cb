// The audit entry schema: what one line of the log says, and a structural check for lines read back.
// Pure data. Every entry is one JSON object on one line; `hash` is always its last key (see hash.ts).
import type { AgentName, Action, Risk } from '../policy/types';
import { SANDBOX_SKIPS, type DecidedBy, type Decision, type SandboxSkip } from '../protocol/hookWire';

export const AUDIT_VERSION = 1;
/** `prev` of the first entry of a chain (64 zeros: recognisable, and no entry can hash to it). */
export const GENESIS = '0'.repeat(64);

/** What was asked, as the log keeps it: a redacted summary, never file contents. */
export interface RequestRecord {
  agent: AgentName | 'unknown';
  /** The agent's own tool name (Bash, apply_patch, mcp__srv__tool …). */
  tool: string;
  /** The normalized action kind, or 'unparsed' when the payload could not be read. */
  kind: Action['kind'] | 'unparsed';
  /** One line a reviewer recognises: the command, the path, the patched files, the MCP tool. Redacted, capped. */
  summary: string;
  risk: Risk;
  /** Rule ids of the verdict's reasons (e.g. `perm.chmod`), in the verdict's order. */
  rules: string[];
  /** What the action would do (the verdict's effects): kind, risk and, where known, a redacted target. */
  effects?: AuditEffect[];
  cwd?: string;
  sessionId?: string;
}

export interface AuditEffect {
  kind: string;
  risk: Risk;
  target?: string;
}

/** How a request ended. */
export interface DecisionRecord {
  decision: Decision;
  decidedBy: DecidedBy;
  /** The text the agent was given. */
  reason: string;
  /** A human's answer: the click-through the extension saw (absent in logs written before it was recorded). */
  clickThrough?: AuditClickThrough;
  /** With decidedBy 'rule': the "Allow similar" rule that answered, and how long it lasts. */
  rule?: { id: string; scope: 'session' | 'workspace' };
  /**
   * With an allow: whether the action ran inside `countersign sandbox` (absent in logs written before the sandbox, and
   * with a deny).
   */
  sandboxed?: boolean;
  /** Not sandboxed: why (hookWire.ts SandboxSkip: unavailable, off, not-shell, agent, unexpressible). */
  sandbox?: SandboxSkip;
  /** Sandboxed sensitive action: the approved paths made visible inside. */
  sandboxPaths?: string[];
  /**
   * Nobody decided this request: it repeated a call answered a moment ago (src/gate/sameCall.ts: same agent family,
   * session, tool-use id and action), which got that answer again. `id` and `seq` name the decision entry whose answer
   * it reused (that entry holds the click-through); `decidedBy` stays the original deciding party. Absent in logs
   * written before reuse was marked.
   */
  reused?: ReusedAnswer;
}

/** The earlier decision a repeated call was given (DecisionRecord.reused). */
export interface ReusedAnswer {
  /** The request id of the earlier decision. */
  id: string;
  /** Its decision entry's seq in this chain (absent only when the sink did not report one). */
  seq?: number;
}

/** What the reviewer was seen to do before a human decision (src/review/clickThrough.ts). */
export interface AuditClickThrough {
  detailsOpened: boolean;
  /** Where the whole details were seen: the card, the read-only details editor, the diff editor. */
  openedVia: ('card' | 'editor' | 'diff')[];
  confirmed: boolean;
  /** The confirmation sentence ticked (redacted like everything in the log). */
  confirmation?: string;
  /** The whole command or content was on screen (in the card when it fits there, else in an editor). */
  shownWhole: boolean;
  /** SHA-256 and size of the text that had to be seen: ties the decision to exactly what would run. */
  shown?: { sha256: string; chars: number; lines: number };
}

/** A new file begins: the first entry of every file. `prev` carries the last hash of the file before it. */
export interface SegmentEvent {
  type: 'segment';
  /** new: first file of a chain; rotate: size limit reached; after-damage / file-missing: the writer could not continue the previous file in place. */
  reason: 'new' | 'rotate' | 'after-damage' | 'file-missing';
  detail?: string;
}

/** A request that waits for a human is logged before the panel shows it, so a hang or crash still leaves a trace. */
export interface RequestEvent {
  type: 'request';
  /** The gate's request id; the matching `decision` entry carries the same id. */
  id: string;
  request: RequestRecord;
}

/**
 * The answer, logged (and fsync'd) before the agent receives it. Decisions taken without a human (policy, timeout
 * before any review, malformed payload) carry `request` inline instead of a separate request entry: one fsync on
 * the fast path.
 */
export interface DecisionEvent {
  type: 'decision';
  id: string;
  decision: DecisionRecord;
  request?: RequestRecord;
}

/** Written by the writer itself on reopen after a crash left an incomplete last line, which it cut off. */
export interface RecoveredEvent {
  type: 'recovered';
  torn: {
    /** 1-based line number the torn bytes occupied in `file`. */
    line: number;
    file: string;
    bytes: number;
    /** SHA-256 (hex) of the torn bytes, so the evidence can be matched against a backup. */
    sha256: string;
    /** The torn bytes as text (lossy UTF-8, capped): they are a prefix of an already redacted line. */
    text: string;
  };
}

/** Anything else worth keeping in the chain: gate started/stopped, policy reloaded… */
export interface NoteEvent {
  type: 'note';
  topic: string;
  message: string;
  data?: Record<string, unknown>;
}

export type AuditEvent = SegmentEvent | RequestEvent | DecisionEvent | RecoveredEvent | NoteEvent;
export type AuditEventType = AuditEvent['type'];

export interface EntryHeader {
  v: typeof AUDIT_VERSION;
  /** 0 at genesis, +1 per entry across the whole chain (rotation does not restart it). */
  seq: number;
  /** ISO 8601 UTC with milliseconds, from the writer's clock. */
  ts: string;
  /** Hash of the previous entry, or GENESIS. */
  prev: string;
}

/** One line of the log, parsed. `hash` is the SHA-256 of the line's own bytes without the hash member (hash.ts). */
export type AuditEntry = EntryHeader & AuditEvent & { hash: string };

/**
 * One request and its decision joined by id: THE row of the log as every reader lists it (history.ts builds it; the
 * Audit Log view receives it through protocol/auditLogMessages.ts; the panel's history and the CSV export read their
 * columns from it). Derived from the entries, never stored.
 */
export interface AuditRow {
  /** The gate's request id. */
  id: string;
  /** Undefined only when the request entry lies in a file that was not read. */
  request?: RequestRecord;
  /** Undefined while pending (or when the gate stopped before deciding). */
  decision?: DecisionRecord;
  /** `ts` of the entry that carried the request, and of the one that carried the decision. */
  receivedAt?: string;
  decidedAt?: string;
  /** seq of the row's newest entry: a stable sort key and a pointer into the log. */
  seq: number;
  /** The chain (file prefix) it was read from, when read from a directory holding several. */
  chain?: string;
}

/** Which rows a reader wants (history view, `audit export`, the Audit Log view): every given criterion must match. */
export interface AuditFilter {
  agents?: readonly string[];
  risks?: readonly Risk[];
  /** 'pending' matches requests with no decision yet. */
  decisions?: readonly (Decision | 'pending')[];
}

const HEX64 = /^[0-9a-f]{64}$/;
const RISKS: readonly string[] = ['safe', 'review', 'sensitive', 'blocked'];
const DECISIONS: readonly string[] = ['allow', 'deny'];
const DECIDED_BY: readonly string[] = ['human', 'policy', 'rule', 'timeout', 'fail-closed'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isRequestRecord(v: unknown): v is RequestRecord {
  return (
    isObject(v) && typeof v.agent === 'string' && typeof v.tool === 'string' && typeof v.kind === 'string' &&
    typeof v.summary === 'string' && typeof v.risk === 'string' && RISKS.includes(v.risk) &&
    Array.isArray(v.rules) && v.rules.every((r) => typeof r === 'string') &&
    (v.effects === undefined || (Array.isArray(v.effects) && v.effects.every(isAuditEffect)))
  );
}

function isAuditEffect(v: unknown): boolean {
  return isObject(v) && typeof v.kind === 'string' && typeof v.risk === 'string' && RISKS.includes(v.risk) && (v.target === undefined || typeof v.target === 'string');
}

const SEEN_IN: readonly string[] = ['card', 'editor', 'diff'];

function isClickThrough(v: unknown): v is AuditClickThrough {
  if (!isObject(v)) return false;
  const s = v.shown;
  return (
    typeof v.detailsOpened === 'boolean' && typeof v.confirmed === 'boolean' && typeof v.shownWhole === 'boolean' &&
    Array.isArray(v.openedVia) && v.openedVia.every((w) => typeof w === 'string' && SEEN_IN.includes(w)) &&
    (v.confirmation === undefined || typeof v.confirmation === 'string') &&
    (s === undefined || (isObject(s) && typeof s.sha256 === 'string' && HEX64.test(s.sha256) && Number.isSafeInteger(s.chars) && Number.isSafeInteger(s.lines)))
  );
}

function isDecisionRecord(v: unknown): v is DecisionRecord {
  return (
    isObject(v) && typeof v.decision === 'string' && DECISIONS.includes(v.decision) &&
    typeof v.decidedBy === 'string' && DECIDED_BY.includes(v.decidedBy) && typeof v.reason === 'string' &&
    (v.clickThrough === undefined || isClickThrough(v.clickThrough)) &&
    (v.rule === undefined || (isObject(v.rule) && typeof v.rule.id === 'string' && (v.rule.scope === 'session' || v.rule.scope === 'workspace'))) &&
    (v.sandboxed === undefined || typeof v.sandboxed === 'boolean') &&
    (v.sandbox === undefined || (typeof v.sandbox === 'string' && (SANDBOX_SKIPS as readonly string[]).includes(v.sandbox))) &&
    (v.sandboxPaths === undefined || (Array.isArray(v.sandboxPaths) && v.sandboxPaths.every((p) => typeof p === 'string'))) &&
    (v.reused === undefined || (isObject(v.reused) && typeof v.reused.id === 'string' && (v.reused.seq === undefined || (Number.isSafeInteger(v.reused.seq) && (v.reused.seq as number) >= 0))))
  );
}

/** Why a parsed JSON value is not a well-formed entry, or undefined when it is. Hashes are checked elsewhere. */
export function entryProblem(v: unknown): string | undefined {
  if (!isObject(v)) return 'not a JSON object';
  if (v.v !== AUDIT_VERSION) return `unknown version ${JSON.stringify(v.v)}`;
  if (!Number.isSafeInteger(v.seq) || (v.seq as number) < 0) return 'seq is not a non-negative integer';
  if (typeof v.ts !== 'string' || Number.isNaN(Date.parse(v.ts))) return 'ts is not a timestamp';
  if (typeof v.prev !== 'string' || !HEX64.test(v.prev)) return 'prev is not a SHA-256 hex digest';
  if (typeof v.hash !== 'string' || !HEX64.test(v.hash)) return 'hash is not a SHA-256 hex digest';
  switch (v.type) {
    case 'segment':
      return typeof v.reason === 'string' ? undefined : 'segment without reason';
    case 'request':
      return typeof v.id === 'string' && isRequestRecord(v.request) ? undefined : 'malformed request entry';
    case 'decision':
      return typeof v.id === 'string' && isDecisionRecord(v.decision) && (v.request === undefined || isRequestRecord(v.request))
        ? undefined
        : 'malformed decision entry';
    case 'recovered':
      return isObject(v.torn) && typeof v.torn.bytes === 'number' && typeof v.torn.sha256 === 'string' ? undefined : 'malformed recovered entry';
    case 'note':
      return typeof v.topic === 'string' && typeof v.message === 'string' ? undefined : 'malformed note entry';
    default:
      return `unknown entry type ${JSON.stringify(v.type)}`;
  }
}
