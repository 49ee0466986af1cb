// The normalized vocabulary every part of Countersign speaks: one Action per agent tool call, one Verdict per Action.
// Pure data: no vscode, no I/O. The gate, the CLI and the panel all consume these shapes.
import type { FileChange } from './changes/types';
import type { Effect } from './effects';

export type { Effect, EffectKind, ProgramRun } from './effects';
export type { FileChange } from './changes/types';

// The agent names live in protocol/agentNames.ts (one list for every layer); re-exported for the policy's readers.
import type { AgentName } from '../protocol/agentNames';
export { AGENT_NAMES, isAgentName, type AgentName } from '../protocol/agentNames';

/** safe: auto-allowed; review: one click; sensitive: explicit click-through, never remembered; blocked: never. */
export type Risk = 'safe' | 'review' | 'sensitive' | 'blocked';
export const RISK_ORDER: Record<Risk, number> = { safe: 0, review: 1, sensitive: 2, blocked: 3 };

export function maxRisk(a: Risk, b: Risk): Risk {
  return RISK_ORDER[a] >= RISK_ORDER[b] ? a : b;
}

/**
 * Where in the action a reason was triggered, so the panel can highlight it. Offsets are UTF-16 indices into `field`:
 * - `command`: ShellAction.command;
 * - `path`: the action's `path` (read, write, edit);
 * - `content`: WriteAction.content; for an EditAction, `edits[index].newText`; for a PatchAction, `patch`;
 * - `input`: `JSON.stringify(ToolAction.input, null, 2)` (the same text the panel shows).
 */
export interface Span {
  field: 'command' | 'path' | 'content' | 'input';
  start: number;
  end: number;
  text: string;
  /** EditAction only: which entry of `edits` the `content` span indexes. */
  index?: number;
}

export interface Reason {
  /** Stable rule id, e.g. `perm.chmod`, `secret.path`. */
  rule: string;
  risk: Risk;
  /** One plain sentence a reviewer understands. */
  message: string;
  span?: Span;
}

interface ActionBase {
  agent: AgentName | 'unknown';
  /** The agent's own tool name (Bash, run_shell_command, apply_patch, mcp__srv__tool …). */
  tool: string;
  cwd: string;
  /** The agent's own explanation of the action, when it gave one. */
  explanation?: string;
  sessionId?: string;
}

/** The shell a command line is for: bash (and other POSIX shells), PowerShell, or cmd.exe. */
export type ShellDialect = 'bash' | 'powershell' | 'cmd';

/** The operating system a payload is judged for (`countersign evaluate --platform`); never read from the host here. */
export type Platform = 'win32' | 'linux' | 'darwin';

export interface ShellAction extends ActionBase {
  kind: 'shell';
  command: string;
  /** Which shell runs it (absent: bash). Read off the agent's tool and the platform (normalize/shellDialect.ts). */
  shell?: ShellDialect;
}

export interface EditAction extends ActionBase {
  kind: 'edit';
  /** Absolute path. */
  path: string;
  /** File text before the edit, when known (an agent's payload rarely carries the whole file). */
  before?: string;
  /** File text after the edit, when it could be computed. */
  after?: string;
  /**
   * The replaced fragments, as the agent sent them, in order: `all` replaces every occurrence (replace_all),
   * `expected` is how many occurrences the agent expects (Gemini's expected_replacements).
   */
  edits: { oldText: string; newText: string; all?: boolean; expected?: number }[];
}

export interface WriteAction extends ActionBase {
  kind: 'write';
  path: string;
  content: string;
  /** Text of the file being replaced, when known. */
  before?: string;
}

export interface ReadAction extends ActionBase {
  kind: 'read';
  path: string;
}

export interface PatchAction extends ActionBase {
  kind: 'patch';
  /** The raw patch text (Codex apply_patch, VS Code apply_patch). */
  patch: string;
  files: { path: string; op: 'add' | 'update' | 'delete'; before?: string; after?: string }[];
  /** The agent's own replacements per file, when the patch text was built from them (multi_replace_string_in_file). */
  edits?: { path: string; edits: EditAction['edits'] }[];
}

export interface ToolAction extends ActionBase {
  kind: 'tool';
  input: unknown;
  /** The MCP server the call goes to, when the envelope names it apart from the tool (Cursor). */
  server?: string;
}

export type Action = ShellAction | EditAction | WriteAction | ReadAction | PatchAction | ToolAction;

export interface Verdict {
  /** The highest risk among `effects`. */
  risk: Risk;
  /** Why: each finding with the rule that made it and where in the action it was found. */
  reasons: Reason[];
  /** What the action would do (files, programs, network, credentials, privileges, config), each with its risk. */
  effects: Effect[];
  action: Action;
  /** The exact proposed change of every file the action edits, writes or patches (changes/). */
  changes?: FileChange[];
}

/** What the policy needs to know about the user's set-up. */
export interface PolicyConfig {
  /** Extra sensitive globs, added to the built-in defaults. */
  sensitivePaths: string[];
  /** Exceptions (templates such as `.env.example`); only ever from user-level settings. */
  allowedPaths: string[];
  /** Absolute workspace folder paths; globs are matched relative to them too. */
  workspaceFolders: string[];
  /** The user's home directory, for `~` and `$HOME`. */
  home: string;
  /**
   * Absolute directories that are always sensitive to read or write, whatever the allowed paths say
   * (Countersign's global storage, the gate runtime dir with its tokens). Optional: older callers omit it.
   */
  protectedPaths?: string[];
  /** The operating system the agents run on (absent: POSIX). Decides which shell an agent's command is for. */
  platform?: Platform;
}
