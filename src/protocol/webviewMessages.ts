// Messages between the review panel (webview) and the extension: discriminated unions on `type`.
// Nothing the webview sends is trusted beyond "a human clicked this on this card": ids are re-checked, and the
// extension refuses an approval of a sensitive action unless the panel reported the click-through first.
import type { ReviewItem } from './gateLsp';
import type { AuditRow, DecisionRecord, RequestRecord } from '../audit/schema';

/** How one agent is wired to Countersign, for the panel's Agents section (filled by Connect Agents). */
export interface AgentConnectionView {
  agent: string;
  label: string;
  /** Present on this machine (config folder or binary found). */
  detected: boolean;
  /** Countersign's hook is in at least one of the agent's config files. */
  connected: boolean;
  /** Config files holding Countersign's hook, and anything the user still has to do (e.g. trust the hook in Codex). */
  files: string[];
  note?: string;
  /** Connected, and the doctor found nothing that keeps the hook from running (absent: not checked yet). */
  guarded?: boolean;
  /** Settings that switch the hook off (`disables`) or loosen approval, each named by file and setting. */
  problems?: GuardProblemView[];
  /** Whether the commands this agent runs after an allow run in Countersign's sandbox, and why not. */
  sandbox?: { sandboxed: boolean; text: string };
}

export interface GuardProblemView {
  file: string;
  setting: string;
  message: string;
  disables: boolean;
}

/** The gate's state, for the Agents section: stopped means no agent action is reviewed (hooks deny). */
export type GateStateView = 'starting' | 'running' | 'stopped';

/** This machine's sandbox (src/sandbox/status.ts): on, switched off, or why there is none. */
export interface SandboxStatusView {
  state: 'on' | 'off' | 'missing' | 'cannot-run' | 'unsupported';
  text: string;
}

/** One line of an inline diff. Numbers are 1-based; absent on the side a line does not exist in. */
export interface DiffLineView {
  kind: 'add' | 'del' | 'ctx';
  text: string;
  oldNo?: number;
  newNo?: number;
}

export interface DiffHunkView {
  header: string;
  lines: DiffLineView[];
}

/** A file the action would change, as a compact diff. `index` names it in `openDiff`. */
export interface FileDiffView {
  index: number;
  /** Workspace-relative when the file lies in the workspace, else absolute. */
  path: string;
  op: 'add' | 'update' | 'delete';
  hunks: DiffHunkView[];
  added: number;
  removed: number;
  /** The inline diff was cut short; the native diff editor shows everything. */
  truncated: boolean;
  /** A plain sentence when the proposed text could not be computed exactly (shown instead of, or above, the diff). */
  note?: string;
  /** Both sides are known, so "Open diff" can show them in VS Code's diff editor. */
  canOpen: boolean;
}

/** What a shell command would do to files, where Countersign can compute it. */
export type EffectRowView =
  | { kind: 'mode'; path: string; before: string; after: string }
  | { kind: 'owner'; path: string; before: string; after: string }
  | { kind: 'note'; text: string };

export interface DetailsView {
  effects: EffectRowView[];
  diffs: FileDiffView[];
}

/** The text a reviewer must read first: the command, the path, the patched files or the tool input. */
export interface SubjectView {
  label: string;
  text: string;
  /** Which Span field offsets into `text` (spans of other fields are listed with their reasons instead). */
  field: 'command' | 'path' | 'content' | 'input';
  /** `text` was cut for the panel; the details say so. */
  clipped: boolean;
  /** Characters dropped from the front of the field (a path shown workspace-relative); spans shift by this much. */
  offset?: number;
}

/** A pending action as the panel shows it. Large file texts in `item.action` are trimmed. */
export interface PendingView {
  item: ReviewItem;
  subject: SubjectView;
  /** Display name of the workspace folder, when the action lies in one. */
  workspaceName?: string;
  /** Sensitive actions: the statement the reviewer ticks before Approve unlocks, naming what is touched. */
  confirmation?: string;
  /** Non-sensitive actions: the scopes "Allow similar" offers, each saying what it would allow (or why none). */
  similar?: SimilarView;
  /** Effect preview and diffs; absent while the extension is still reading the files. */
  details?: DetailsView;
  /** Too long to show whole in the card: Approve stays disabled until it was opened whole in an editor (src/review). */
  wholeInEditor?: { what: string; diffCounts: boolean };
}

/** How long an "Allow similar" rule lasts: this agent session (in memory), or this workspace until revoked. */
export type RuleScope = 'session' | 'workspace';
/** What the reviewer picks on the card; `once` approves just this action and remembers nothing. */
export type ScopeChoice = 'once' | RuleScope;

export interface SimilarOptionView {
  scope: ScopeChoice;
  /** Short label for the choice ("This session"). */
  label: string;
  /** What choosing it allows, in plain words. */
  sentence: string;
  /** Why this scope cannot be chosen for this card (e.g. the agent sent no session id). */
  unavailable?: string;
}

export type SimilarView = { options: SimilarOptionView[] } | { unavailable: string };

export interface AllowRuleView {
  id: string;
  scope: RuleScope;
  /** What the rule allows, in a sentence (its scope included). */
  description: string;
  /** The workspace folder's name. */
  where: string;
  createdAt: number;
  /** How many requests it has answered since. */
  matched: number;
}

export type DecidedByView = 'human' | 'rule' | 'timeout' | 'cancelled' | 'shutdown';

/**
 * A decided request as the panel's History lists it: the audit row (audit/schema.ts AuditRow) flattened, its
 * fields typed from the row's records, so a row read back from the log and one settled in this session agree.
 */
export interface HistoryEntryView extends Pick<RequestRecord, 'risk' | 'tool' | 'summary'>, Pick<DecisionRecord, 'decision' | 'sandboxed'> {
  id: AuditRow['id'];
  agent: string;
  decidedBy: DecidedByView;
  reason?: string;
  receivedAt: number;
  decidedAt: number;
}

export type ToWebview =
  /**
   * The queue, newest first. `order` is authoritative every time; `views` carries only cards the panel has not been
   * sent yet or that changed (details arrived), so 500 pending actions do not mean 500 cards per message.
   */
  | { type: 'queue'; order: string[]; views: PendingView[]; now: number; reset: boolean }
  | { type: 'rules'; rules: AllowRuleView[] }
  | { type: 'history'; entries: HistoryEntryView[] }
  | { type: 'agents'; agents: AgentConnectionView[]; gate?: GateStateView; sandbox?: SandboxStatusView }
  /** The extension refused a decision (e.g. approving a sensitive action without the click-through). */
  | { type: 'refused'; id: string; why: string }
  /** Bring this card into view and focus it (after "Review" in a notification). */
  | { type: 'focus'; id: string };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'decide'; id: string; decision: 'allow' | 'deny'; reason?: string }
  /** The reviewer expanded the card: `rendered` is the text the subject box then showed and `overflow` whether the box
   * had to scroll; the extension counts the details as seen only when that is the whole subject it sent. */
  | { type: 'opened'; id: string; rendered?: string; overflow?: boolean }
  /** Open the whole command or content in a read-only editor. */
  | { type: 'openDetails'; id: string }
  /** The reviewer ticked (or unticked) the confirmation of this sensitive card. */
  | { type: 'confirm'; id: string; checked: boolean }
  | { type: 'openDiff'; id: string; index: number }
  /** "Allow similar" with the scope the reviewer chose (the extension re-checks that the card may have a rule). */
  | { type: 'allowSimilar'; id: string; scope: ScopeChoice }
  | { type: 'revokeRule'; ruleId: string }
  /** Deny every card the reviewer could see when clicking. */
  | { type: 'denyAll'; ids: string[] }
  /** The Agents section's button: run Connect Agents (which asks before writing anything). */
  | { type: 'connectAgents' }
  /** The Agents section's button when the gate stopped. */
  | { type: 'restartGate' }
  /** The Agents section's button on an agent that is not guarded: show the fix (a diff; nothing is written unasked). */
  | { type: 'reviewGuardFix'; agent: string };

const isStr = (v: unknown): v is string => typeof v === 'string';

export function isFromWebview(v: unknown): v is FromWebview {
  const m = v as FromWebview;
  if (typeof m !== 'object' || m === null) return false;
  switch (m.type) {
    case 'ready':
    case 'connectAgents':
    case 'restartGate':
      return true;
    case 'reviewGuardFix':
      return isStr(m.agent);
    case 'decide':
      return isStr(m.id) && (m.decision === 'allow' || m.decision === 'deny') && (m.reason === undefined || isStr(m.reason));
    case 'opened':
      return isStr(m.id) && (m.rendered === undefined || isStr(m.rendered)) && (m.overflow === undefined || typeof m.overflow === 'boolean');
    case 'openDetails':
      return isStr(m.id);
    case 'allowSimilar':
      return isStr(m.id) && (m.scope === 'once' || m.scope === 'session' || m.scope === 'workspace');
    case 'confirm':
      return isStr(m.id) && typeof m.checked === 'boolean';
    case 'openDiff':
      return isStr(m.id) && Number.isInteger(m.index) && m.index >= 0;
    case 'revokeRule':
      return isStr(m.ruleId);
    case 'denyAll':
      return Array.isArray(m.ids) && m.ids.every(isStr);
    default:
      return false;
  }
}

const AGENT_LABELS: Record<string, string> = {
  claude: 'Claude Code', vscode: 'VS Code agent', 'copilot-cli': 'Copilot CLI', cursor: 'Cursor', gemini: 'Gemini CLI', codex: 'Codex CLI', cline: 'Cline', unknown: 'Unknown agent',
};

/** The name people know an agent by; both ends of the panel use it. */
export function agentLabel(agent: string): string {
  return AGENT_LABELS[agent] ?? agent;
}
