// Rewriting an allowed shell command so it runs inside `countersign sandbox`: which field of each agent's tool input
// holds the command, and the command line that runs exactly that text under the sandbox. The command the human saw
// is the argument of `<shell> -c --`, single-quoted, so the shell that runs it receives it byte for byte.
import type { AgentName } from '../policy/types';
import { shQuote } from './scripts';

/**
 * Agents whose real binaries run the rewritten input (test/conformance: the "sandbox" check). Cursor has no rewrite
 * for shell commands (and no binary in the conformance suite): its commands run as approved, unsandboxed. Codex
 * 0.169 runs the rewrite, but inside its own sandbox, which forbids the user namespaces bubblewrap needs (EPERM):
 * every command would fail, so Codex's commands are not rewritten (its own sandbox, when on, still applies).
 */
export const SANDBOX_AGENTS: Record<AgentName, boolean> = {
  claude: true,
  vscode: true,
  'copilot-cli': true,
  cursor: false,
  gemini: true,
  codex: false,
  cline: true,
};

/** The agents SANDBOX_AGENTS marks, as a set (the Agents section's "commands sandboxed"). */
export const REWRITTEN_AGENTS: ReadonlySet<AgentName> = new Set((Object.keys(SANDBOX_AGENTS) as AgentName[]).filter((a) => SANDBOX_AGENTS[a]));

/**
 * Linux refuses a single argument longer than 128 KiB (MAX_ARG_STRLEN) and the agent passes the whole rewritten
 * line as one argument to its shell: keep well below it (quoting grows each `'` to four bytes).
 */
export const MAX_SANDBOXED_COMMAND_BYTES = 96 * 1024;

/** Whether a command can be passed through unchanged: no NUL (no argument can hold one), not too long. */
export function sandboxableCommand(command: string): boolean {
  if (command.includes('\0')) return false;
  return Buffer.byteLength(shQuote(command)) <= MAX_SANDBOXED_COMMAND_BYTES;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One shell tool call as the agent will run it: its command(s), and how to put rewritten ones back. */
export interface ShellCall {
  /** The text the policy judges (Cline's list joined by newlines, as the normalizer does). */
  judged: string;
  /** What the agent runs, one entry per command. */
  commands: string[];
  /** The agent's whole tool input with each command replaced by the given one, every other field kept. */
  withCommands(commands: string[]): Obj;
}

/** `{command: "…"}` with nothing that makes the policy read it otherwise (`args` turns it into an argv). */
function singleCommand(input: unknown): ShellCall | undefined {
  if (!isObj(input) || typeof input.command !== 'string' || 'args' in input || 'arguments' in input) return undefined;
  const command = input.command;
  return { judged: command, commands: [command], withCommands: ([c]) => ({ ...input, command: c }) };
}

function isCopilotCliPayload(p: Obj): boolean {
  return 'toolName' in p && 'toolArgs' in p && !('tool_name' in p);
}

/** The shell call in an agent's hook payload, or undefined when this payload's form cannot be rewritten. */
export function shellCallOf(agent: AgentName, payload: unknown): ShellCall | undefined {
  if (!isObj(payload) || !SANDBOX_AGENTS[agent]) return undefined;
  switch (agent) {
    case 'claude':
    case 'codex':
    case 'gemini':
      return singleCommand(payload.tool_input);
    case 'vscode':
    case 'copilot-cli':
      // Copilot CLI's own dialect (toolArgs, an object in current releases); the VS Code agent's is Claude's.
      if (isCopilotCliPayload(payload)) return singleCommand(payload.toolArgs);
      return agent === 'vscode' ? singleCommand(payload.tool_input) : undefined;
    case 'cline': {
      const call = payload.tool_call;
      if (!isObj(call) || !isObj(call.input)) return undefined;
      const input = call.input;
      const list = input.commands;
      if (!Array.isArray(list) || list.length === 0 || !list.every((c): c is string => typeof c === 'string')) return undefined;
      return { judged: list.join('\n'), commands: [...list], withCommands: (commands) => ({ ...input, commands }) };
    }
    case 'cursor':
      return undefined;
  }
}

export interface SandboxCommandParts {
  /** Absolute argv that starts the Countersign CLI (the runtime and the CLI script). */
  launcher: readonly string[];
  /** Environment assignments the launcher needs (ELECTRON_RUN_AS_NODE=1 for the editor's runtime). */
  launcherEnv?: readonly string[];
  workspaces: readonly string[];
  allowPaths: readonly string[];
  /** Absolute path of the shell that runs the command (`/bin/bash`). */
  shell: string;
}

/**
 * `<cli> sandbox --workspace W… --allow-path P… -- <shell> -c -- '<command>'`, every word single-quoted: in a POSIX
 * shell (what each agent runs its commands in) the sandbox receives the command text exactly. `--` after `-c`
 * keeps a command that starts with `-` from being read as a shell option.
 */
export function sandboxCommandLine(command: string, p: SandboxCommandParts): string {
  const words = [
    ...p.launcher,
    'sandbox',
    ...p.workspaces.flatMap((w) => ['--workspace', w]),
    ...p.allowPaths.flatMap((a) => ['--allow-path', a]),
    '--',
    p.shell,
    '-c',
    '--',
    command,
  ];
  return [...(p.launcherEnv ?? []), ...words.map(shQuote)].join(' ');
}
