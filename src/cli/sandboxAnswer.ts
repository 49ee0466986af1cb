// The hook's side of the sandbox: turn the gate's signed plan into the tool input the agent runs instead of its own.
// The launcher is this very CLI (its runtime and script, absolute paths of the running process): never a path
// from the agent's environment, and it passes the command's exit code and output through untouched.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AgentName } from '../policy/types';
import type { SandboxPlan } from '../protocol/hookWire';
import type { ToolInput } from '../agents/answers';
import { sandboxableCommand, sandboxCommandLine, shellCallOf, type SandboxCommandParts } from '../agents/sandboxRewrite';

type RunPlan = Extract<SandboxPlan, { run: true }>;

/** How to start this CLI again from a shell: the editor's runtime needs ELECTRON_RUN_AS_NODE to act as Node. */
export function cliLauncher(): Pick<SandboxCommandParts, 'launcher' | 'launcherEnv'> {
  const script = process.argv[1];
  if (!script) throw new Error('cannot tell where this CLI is');
  return { launcher: [process.execPath, resolve(script)], ...(process.versions.electron ? { launcherEnv: ['ELECTRON_RUN_AS_NODE=1'] } : {}) };
}

/** The shell whose grammar the policy judged (bash), or sh where there is none. */
export function sandboxShell(): string {
  return existsSync('/bin/bash') ? '/bin/bash' : '/bin/sh';
}

/**
 * The agent's tool input with each command wrapped in `countersign sandbox`, or an Error saying why that cannot be
 * done: then the caller denies (the gate has recorded the action as sandboxed).
 */
export function sandboxedInput(agent: AgentName, payload: unknown, plan: RunPlan, launch = cliLauncher(), shell = sandboxShell()): ToolInput | Error {
  const call = shellCallOf(agent, payload);
  if (!call) return new Error('this tool call cannot be rewritten to run in the sandbox');
  const digest = createHash('sha256').update(call.judged, 'utf8').digest('hex');
  if (digest !== plan.commandSha256) return new Error('the command to run is not the one the policy judged');
  if (!call.commands.every(sandboxableCommand)) return new Error('the command cannot be passed to the sandbox unchanged');
  const parts: SandboxCommandParts = { ...launch, workspaces: plan.workspaces, allowPaths: plan.allowPaths, shell };
  return call.withCommands(call.commands.map((c) => sandboxCommandLine(c, parts)));
}
