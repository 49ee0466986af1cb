// What the suite needs from each real agent: how to configure its model endpoint, how to run one prompt, and the
// tool calls its model would make for each kind of action.
import type { AgentName } from '../../../src/policy/types';
import type { ModelServer } from '../model/server';
import type { Reply, ToolCallSpec } from '../model/types';
import type { RunResult } from '../proc';
import type { Sandbox } from '../sandbox';

export interface Pin {
  label: string;
  package: string;
  version: string;
  bin: string;
}

/** A project file, as the model would name it. */
export interface FileRef {
  abs: string;
  /** Relative to the project (the agent's cwd). */
  rel: string;
}

/** The model's tool calls for each kind of action; file actions return every step (some agents read first). */
export interface ToolCalls {
  shell(command: string): ToolCallSpec;
  /** Absent: the agent has no file-read tool (it reads through the shell). */
  read?(file: FileRef): ToolCallSpec[];
  /** Write `content` to `file`; `exists` says whether it is there already. */
  write?(file: FileRef, content: string, exists: boolean): ToolCallSpec[];
  /** Replace `oldText` with `newText` in `file`, whose whole text is `before`. */
  edit?(file: FileRef, oldText: string, newText: string, before: string): ToolCallSpec[];
}

export interface Driver {
  agent: AgentName;
  /** Which model API the agent speaks to the scripted server. */
  wire: string;
  tools: ToolCalls;
  /** The secret file its file tools are pointed at (Gemini refuses `.env` itself, before any hook). */
  secretFile: string;
  /** A sensitive file the write check may create or overwrite (`exists`: it is there already). */
  secretWrite: { name: string; exists: boolean };
  /** How the model ends its turn after the tool result (default: text quoting the result). */
  final?: (results: string[]) => Reply;
  /** Provider settings and anything else the agent needs before its first run (not the hook: Connect does that). */
  prepare(sb: Sandbox, model: ModelServer, bin: string): Promise<void>;
  run(sb: Sandbox, model: ModelServer, bin: string, prompt: string): Promise<RunResult>;
  /** Extra Locations for Connect Agents (Codex's CODEX_HOME). */
  codexHome?(sb: Sandbox): string;
}

/** One prompt for every run: the scripted model ignores it, the transcript is easier to read with it. */
export const PROMPT = 'Run the scripted tool call, then report what it returned.';

/** Each agent run is bounded: one turn takes 0.4-4 s here; a hang is a failure, never a pass. */
export const RUN_TIMEOUT_MS = 90_000;
