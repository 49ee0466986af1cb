// Whether an allowed action runs inside `countersign sandbox`, and with which folders writable and which approved
// sensitive paths visible. Pure: the setting, the probe's answer and the homes come in; the gate records the plan in
// its audit entry and signs it into the reply, and the hook CLI rewrites the tool call exactly as planned.
import { createHash } from 'node:crypto';
import { isAbsolute, join, normalize, relative, resolve } from 'node:path';
import type { AgentName, Effect, Verdict } from '../policy/types';
import type { SandboxPlan, SandboxSkip } from '../protocol/hookWire';
import { SANDBOX_AGENTS, sandboxableCommand, shellCallOf } from '../agents/sandboxRewrite';

import type { SandboxSetting } from '../ipc/settingsSnapshot';
export type { SandboxSetting };

export interface SandboxContext {
  setting: SandboxSetting;
  /** The probe found a sandbox that works on this machine (src/sandbox/probe.ts). */
  available: boolean;
  /** The gate's workspace folders (writable inside). */
  folders: readonly string[];
  /** The homes `~` may mean (runtimeDir.ts policyHomes). */
  homes: readonly string[];
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Folders made writable: the workspace folders, and the agent's cwd when it lies outside all of them. */
function workspacesFor(folders: readonly string[], cwd: string): string[] {
  const list = folders.filter((f) => isAbsolute(f)).map((f) => normalize(f));
  if (cwd && isAbsolute(cwd) && !list.some((f) => inside(f, cwd))) list.push(normalize(cwd));
  return [...new Set(list)];
}

/** A target the shell only knows at run time, or a pattern: no path the sandbox could open up. */
const NOT_A_PATH = /[$`*?[\]{}\0\n]|^-/;

/** The absolute paths one sensitive target names (`~` for each home), or undefined when it names none for sure. */
function targetPaths(target: string | undefined, cwd: string, homes: readonly string[]): string[] | undefined {
  if (!target || NOT_A_PATH.test(target)) return undefined;
  if (target === '~' || target.startsWith('~/')) return homes.map((h) => normalize(join(h, target.slice(1))));
  if (target.startsWith('~')) return undefined; // ~user
  if (isAbsolute(target)) return [normalize(target)];
  return cwd && isAbsolute(cwd) ? [resolve(cwd, target)] : undefined;
}

/** File effects whose sensitive target the sandbox can make visible; anything else sensitive cannot be expressed. */
const PATH_KINDS = new Set<Effect['kind']>(['file.read', 'file.list', 'file.write', 'file.delete']);

/**
 * The paths an approved sensitive action's review named (its sensitive effects), or undefined when one of them is
 * not a file the sandbox could show: a secret variable, a privilege, an agent's config, a path computed at run time.
 */
export function approvedPaths(verdict: Verdict, homes: readonly string[]): string[] | undefined {
  const paths: string[] = [];
  for (const e of verdict.effects) {
    if (e.risk !== 'sensitive' && e.risk !== 'blocked') continue;
    if (!PATH_KINDS.has(e.kind)) return undefined;
    const found = targetPaths(e.target, verdict.action.cwd, homes);
    if (!found) return undefined;
    paths.push(...found);
  }
  return [...new Set(paths)];
}

/**
 * The plan for an allowed action. `agent` is the agent that asked and `payload` its hook payload: the command the
 * hook will rewrite must be the very text the policy judged, or the action is not rewritten at all.
 */
export function sandboxPlan(verdict: Verdict, agent: AgentName, payload: unknown, ctx: SandboxContext): SandboxPlan {
  const { action } = verdict;
  if (action.kind !== 'shell') return { run: false, why: 'not-shell' };
  if (!SANDBOX_AGENTS[agent]) return { run: false, why: 'agent' };
  if (ctx.setting === 'off') return { run: false, why: 'off' };
  if (!ctx.available) return { run: false, why: 'unavailable' };
  const call = shellCallOf(agent, payload);
  // A payload form this agent's answer cannot rewrite (Cline's extension sends only text parameters).
  if (!call) return { run: false, why: 'agent' };
  if (call.judged !== action.command || !call.commands.every(sandboxableCommand)) return { run: false, why: 'unexpressible' };
  let allowPaths: string[] = [];
  if (verdict.risk === 'sensitive') {
    const paths = approvedPaths(verdict, ctx.homes);
    if (!paths) return { run: false, why: 'unexpressible' };
    allowPaths = paths;
  }
  return { run: true, workspaces: workspacesFor(ctx.folders, action.cwd), allowPaths, commandSha256: sha256Hex(action.command) };
}

/** The plan as an audit decision entry records it (audit/schema.ts DecisionRecord). */
export function auditSandboxFields(plan: SandboxPlan | undefined): { sandboxed?: boolean; sandbox?: SandboxSkip; sandboxPaths?: string[] } {
  if (!plan) return {};
  if (!plan.run) return { sandboxed: false, sandbox: plan.why };
  return plan.allowPaths.length > 0 ? { sandboxed: true, sandboxPaths: plan.allowPaths } : { sandboxed: true };
}
