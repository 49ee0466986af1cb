// Custom LSP messages between the extension (client) and the gate (server), declared once for both sides.
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { Action, Effect, FileChange, PolicyConfig, Reason, Risk } from '../policy/types';
import type { Decision, SandboxPlan } from './hookWire';

/** An action waiting for a human, as the panel shows it. */
export interface ReviewItem {
  id: string;
  risk: Risk;
  reasons: Reason[];
  /** What the action would do (absent from gates older than the effect model). */
  effects?: Effect[];
  /** The exact proposed change of each file, as the policy computed it (the card and diff editor show only this). */
  changes?: FileChange[];
  action: Action;
  /** Workspace folder the action belongs to, when the cwd lies in one. */
  workspaceFolder?: string;
  receivedAt: number;
  /** Epoch ms at which the gate denies automatically (shortly before the agent's hook timeout). */
  deadline: number;
  /** Where the action runs if allowed: inside the sandbox, or not and why (absent from older gates). */
  sandbox?: SandboxPlan;
}

export interface ReviewAnswer {
  decision: Decision;
  /** Optional reviewer text passed back to the agent. */
  reason?: string;
  /** 'rule' when a session rule the reviewer created answered (never for sensitive actions); default 'human'. */
  decidedBy?: 'human' | 'rule';
  /** What the reviewer was seen to do before deciding (the review queue fills it, never the webview). The gate denies
   * a human allow of a sensitive action, or of one too long for the card, without the steps it needs. */
  clickThrough?: ClickThroughEvidence;
  /** With decidedBy 'rule': which rule, and its scope, for the audit log. */
  rule?: RuleRef;
}

/** Where the extension itself saw the whole details: the card's expanded details (their rendered text checked
 * against what was sent), its read-only details editor, or the native diff editor. */
export type DetailsSeenIn = 'card' | 'editor' | 'diff';

/** The click-through as the extension observed it, sent with a human's answer and kept in the audit log. */
export interface ClickThroughEvidence {
  detailsOpened: boolean;
  openedVia: DetailsSeenIn[];
  confirmed: boolean;
  /** The confirmation sentence the reviewer ticked (sensitive actions). */
  confirmation?: string;
  /** The whole command or content was on screen: in the card when it fits there, else in an editor. */
  shownWhole: boolean;
  /** The text that had to be seen whole (the command, tool input, written content or patch): its SHA-256 and size,
   * so the approval is tied to exactly what runs. */
  shown: { sha256: string; chars: number; lines: number };
}

/** An "Allow similar" rule as the audit log names it. */
export interface RuleRef {
  id: string;
  scope: 'session' | 'workspace';
}

export interface GateStatus {
  pid: number;
  socket: string;
  runtimeDir: string;
}

/** What a review-level action gets when nobody can be asked (countersign.whenUnreachable). */
export type ReviewDefault = 'deny' | 'allow';

/** The user's settings as the gate needs them. */
export interface GateSettings {
  policy: PolicyConfig;
  reviewDefault: ReviewDefault;
  /** `countersign.sandbox` from user settings (absent: `auto`). */
  sandbox?: 'auto' | 'off';
}

/** Initialization options the extension passes when it starts the gate. */
export interface GateInitOptions {
  settings: GateSettings;
  runtimeDir: string;
  /** Audit log directory for this window's workspace; no log when absent. */
  auditDir?: string;
}

/** gate -> extension: ask the human. Cancelled by the gate when the hook goes away or the deadline passes. */
export const ReviewRequest = new RequestType<ReviewItem, ReviewAnswer, void>('countersign/review');
/** extension -> gate: where the hook socket is. */
export const GateStatusRequest = new RequestType0<GateStatus, void>('countersign/status');
/** extension -> gate: settings or workspace folders changed. */
export const SettingsNotification = new NotificationType<GateSettings>('countersign/settings');

/** The audit log's newest entry, as the gate last wrote it. */
export interface AuditHead {
  dir: string;
  /** The log file holding the entry (its name says which chain). */
  file: string;
  seq: number;
  hash: string;
}

/** gate -> extension: kept outside the log, so cutting off the newest entries is detectable (verify's anchor). */
export const AuditHeadNotification = new NotificationType<AuditHead>('countersign/auditHead');
