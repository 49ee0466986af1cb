// Each agent's own answer format: what to print and which exit code that agent obeys.
// ../shared/real-agents/README.md records what the real binaries honour; an answer an agent ignores is an allow,
// so every deny below is in a form that agent was seen to obey.
import type { AgentName } from '../policy/types';
import type { Decision } from '../protocol/hookWire';

export interface HookAnswer {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Hook timeout (seconds) Countersign writes into each agent's config; the CLI answers shortly before it. */
export const HOOK_TIMEOUT_SECONDS: Record<AgentName, number> = {
  claude: 600,
  vscode: 600,
  'copilot-cli': 600,
  cursor: 600,
  gemini: 600,
  codex: 600,
  cline: 120, // fixed by Cline
};

const json = (body: unknown, exitCode = 0, stderr = ''): HookAnswer => ({ stdout: JSON.stringify(body) + '\n', stderr, exitCode });

/** The tool input an allow replaces the agent's with (the command rewritten to run in the sandbox). */
export type ToolInput = Record<string, unknown>;

/**
 * Claude Code, Codex and Gemini CLI all block on this deny; Claude Code and the VS Code agent read the allow, and
 * Claude Code, the VS Code agent and Codex run `updatedInput` instead of the tool input when it comes with an allow.
 */
function claudeStyle(decision: Decision, reason: string, rewrite?: ToolInput): HookAnswer {
  const hookSpecificOutput = { hookEventName: 'PreToolUse', permissionDecision: decision, permissionDecisionReason: reason, ...(rewrite && decision === 'allow' ? { updatedInput: rewrite } : {}) };
  return decision === 'deny' ? json({ decision: 'block', reason, hookSpecificOutput }) : json({ hookSpecificOutput });
}

/** One printable line: the reason may quote agent-supplied text. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 500);
}

/** Single-quoted for POSIX sh, on one line, printable: the reason may quote agent-supplied text. */
function shellQuote(text: string): string {
  return `'${oneLine(text).replace(/'/g, `'\\''`)}'`;
}

/**
 * Windows: Cline runs the command in the user's terminal shell, PowerShell or cmd (or Git Bash), and which one is
 * not in the payload, so the text must be inert in all three at once. Inside single quotes sh and PowerShell expand
 * nothing; cmd ignores single quotes, but expands %VAR% (also inside double quotes) and splits on & | < > ^.
 * So: single quotes, and the reason kept to printable ASCII without ' " % ! & | < > ^ ` (PowerShell also reads the
 * typographic quotes as quotes; they are not ASCII). What is dropped stays in errorMessage, which Cline shows.
 */
export function anyShellQuote(text: string): string {
  return `'${oneLine(text).replace(/[^ -~]|['"%!&|<>^`]/g, ' ').replace(/ {2,}/g, ' ').trim()}'`;
}

function clineToolName(payload: unknown): string | undefined {
  const p = payload as { tool_call?: { name?: unknown }; preToolUse?: { toolName?: unknown } } | null;
  const name = p?.tool_call?.name ?? p?.preToolUse?.toolName;
  return typeof name === 'string' ? name : undefined;
}

/**
 * What a denied Cline tool runs instead, so that only that tool is blocked: `cancel` aborts the whole task (and
 * nobody sees why). Each replacement does nothing: an echo of the denial; no files to read; a one-line "patch"
 * that cannot parse (Cline reports it as a failed patch quoting the line, where an empty patch reports success).
 * Cline also shows the model `errorMessage` as hook context. Tools not listed here still cancel: an unknown
 * tool's "empty" input could mean "do the default thing".
 */
function clineHarmlessInput(tool: string | undefined, reason: string, platform: NodeJS.Platform): Record<string, unknown> | undefined {
  switch (tool ?? '') {
    case 'run_commands':
      return { commands: [`echo ${platform === 'win32' ? anyShellQuote(reason) : shellQuote(reason)}`] };
    case 'read_files':
      return { files: [] };
    case 'apply_patch':
      return { input: `Countersign denied this change: ${oneLine(reason)}` };
    default:
      return undefined;
  }
}

function clineAnswer(decision: Decision, reason: string, payload: unknown, platform: NodeJS.Platform, rewrite?: ToolInput): HookAnswer {
  if (decision === 'allow') return json(rewrite ? { cancel: false, overrideInput: rewrite } : { cancel: false });
  const overrideInput = clineHarmlessInput(clineToolName(payload), reason, platform);
  return overrideInput ? json({ overrideInput, errorMessage: reason }) : json({ cancel: true, errorMessage: reason });
}

/** Copilot CLI's own payload shape; it also runs Claude-format hook files (and VS Code reads its folder). */
function isCopilotCliPayload(payload: unknown): boolean {
  const p = payload as Record<string, unknown> | null;
  return typeof p === 'object' && p !== null && 'toolName' in p && 'toolArgs' in p && !('tool_name' in p);
}

/** The VS Code agent documents exit 2 as a block with stderr as the reason; say it both ways. */
function vscodeStyle(decision: Decision, reason: string, rewrite?: ToolInput): HookAnswer {
  return decision === 'deny' ? { ...claudeStyle('deny', reason), stderr: `${reason}\n`, exitCode: 2 } : claudeStyle('allow', reason, rewrite);
}

function copilotCliStyle(decision: Decision, reason: string, rewrite?: ToolInput): HookAnswer {
  return json({ permissionDecision: decision, permissionDecisionReason: reason, ...(rewrite && decision === 'allow' ? { modifiedArgs: rewrite } : {}) });
}

/**
 * The answer in `agent`'s format. `rewrite`, with an allow, is the tool input the agent runs instead of its own
 * (src/agents/sandboxRewrite.ts); with a deny it is ignored. `platform`: where the agent runs (the hook runs beside
 * it); it picks the shell quoting of Cline's deny.
 */
export function formatAnswer(agent: AgentName, decision: Decision, reason: string, payload?: unknown, rewrite?: ToolInput, platform: NodeJS.Platform = process.platform): HookAnswer {
  const replaced = decision === 'allow' ? rewrite : undefined;
  switch (agent) {
    case 'claude':
      return claudeStyle(decision, reason, replaced);
    // ~/.copilot/hooks is read by both Copilot CLI and the VS Code agent: answer in the dialect that asked.
    case 'vscode':
    case 'copilot-cli':
      return isCopilotCliPayload(payload) ? copilotCliStyle(decision, reason, replaced) : vscodeStyle(decision, reason, replaced);
    case 'cursor':
      return json(decision === 'deny' ? { permission: 'deny', user_message: reason, agent_message: reason } : { permission: 'allow' });
    case 'gemini':
      // Gemini CLI merges hookSpecificOutput.tool_input into the tool's arguments.
      return json(replaced ? { decision, reason, hookSpecificOutput: { hookEventName: 'BeforeTool', tool_input: replaced } } : { decision, reason });
    case 'codex':
      // Codex rejects an explicit allow as unsupported, except as the companion of updatedInput; its plain allow is
      // a successful hook with no decision.
      if (decision === 'deny') return claudeStyle('deny', reason);
      return replaced ? claudeStyle('allow', reason, replaced) : { stdout: '', stderr: '', exitCode: 0 };
    case 'cline':
      return clineAnswer(decision, reason, payload, platform, replaced);
  }
}

/**
 * The answer when the hook cannot even understand its input: a deny in the agent's format, the reason on
 * stderr, and exit 2 where that agent treats 2 as a block (Cline ignores exit codes; its JSON blocks).
 */
export function formatMalformed(agent: AgentName, reason: string): HookAnswer {
  const answer = formatAnswer(agent, 'deny', reason);
  return { ...answer, stderr: `countersign: ${reason}\n`, exitCode: agent === 'cline' || agent === 'cursor' ? 0 : 2 };
}
