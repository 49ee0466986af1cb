// Connect / Disconnect without any UI: read each agent's config, plan the change, write it. The VS Code
// command wraps these with a picker, a diff preview and a confirmation; tests and the conformance suite call
// them directly, so what they prove is what the command does.
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AgentName } from '../policy/types';
import { codexConfigTarget, configTarget, type ConfigTarget, type Locations, type Scope } from './catalog';
import type { CreatedPath } from './hookConfig';
import { changes, planCodexTrust, planCodexUntrust, planConnect, planDisconnect, type PlannedChange } from './plan';

export function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export function planConnection(agents: readonly AgentName[], scope: Scope, where: Locations, shimPath: string): PlannedChange[] {
  const plans = agents.flatMap((agent) => {
    const target = configTarget(agent, scope, where);
    return target ? [planConnect(target, readText(target.file), shimPath)] : [];
  });
  return [...plans, ...codexTrustPlan(plans, where, planCodexTrust)];
}

/** One config.toml change for every Codex hook file planned (both scopes write trust to the same file). */
function codexTrustPlan(
  plans: readonly PlannedChange[],
  where: Locations,
  plan: (config: ConfigTarget, before: string | undefined, hookPlans: readonly PlannedChange[]) => PlannedChange | undefined,
): PlannedChange[] {
  const codex = plans.filter((p) => p.target.agent === 'codex' && p.target.kind !== 'codex-config');
  if (codex.length === 0) return [];
  const config = codexConfigTarget(where);
  const trust = plan(config, readText(config.file), codex);
  return trust ? [trust] : [];
}

/** Both scopes by default: Disconnect removes Countersign wherever Connect put it. */
export function planDisconnection(
  agents: readonly AgentName[],
  where: Locations,
  createdIn: (file: string) => CreatedPath[],
  scopes: readonly Scope[] = ['user', 'workspace'],
): PlannedChange[] {
  const plans = agents.flatMap((agent) =>
    scopes.flatMap((scope) => {
      const target = configTarget(agent, scope, where);
      if (!target) return [];
      const before = readText(target.file);
      return before === undefined ? [] : [planDisconnect(target, before, createdIn(target.file))];
    }),
  );
  return [...plans, ...codexTrustPlan(plans, where, planCodexUntrust)];
}

export interface Applied {
  plan: PlannedChange;
  action: 'written' | 'deleted';
}

/** Writes every plan that changes something and has no problem. Existing files keep their mode. */
export function applyChanges(plans: readonly PlannedChange[]): Applied[] {
  const applied: Applied[] = [];
  for (const plan of plans.filter(changes)) {
    const { file } = plan.target;
    if (plan.after === undefined) {
      rmSync(file, { force: true });
      applied.push({ plan, action: 'deleted' });
      continue;
    }
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    let mode = plan.executable ? 0o700 : 0o600;
    try {
      mode = statSync(file).mode & 0o777;
    } catch {
      // new file
    }
    writeFileSync(file, plan.after, { mode });
    if (plan.executable) chmodSync(file, mode | 0o100);
    applied.push({ plan, action: 'written' });
  }
  return applied;
}
