// Connect / Disconnect without any UI: read each agent's config, plan the change, write it. The VS Code
// command wraps these with a picker, a diff preview and a confirmation; tests and the conformance suite call
// them directly, so what they prove is what the command does.
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AgentName } from '../policy/types';
import { configTarget, type Locations, type Scope } from './catalog';
import type { CreatedPath } from './hookConfig';
import { changes, planConnect, planDisconnect, type PlannedChange } from './plan';

export function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export function planConnection(agents: readonly AgentName[], scope: Scope, where: Locations, shimPath: string): PlannedChange[] {
  return agents.flatMap((agent) => {
    const target = configTarget(agent, scope, where);
    return target ? [planConnect(target, readText(target.file), shimPath)] : [];
  });
}

/** Both scopes: Disconnect removes Countersign wherever Connect put it. */
export function planDisconnection(agents: readonly AgentName[], where: Locations, createdIn: (file: string) => CreatedPath[]): PlannedChange[] {
  return agents.flatMap((agent) =>
    (['user', 'workspace'] as const).flatMap((scope) => {
      const target = configTarget(agent, scope, where);
      if (!target) return [];
      const before = readText(target.file);
      return before === undefined ? [] : [planDisconnect(target, before, createdIn(target.file))];
    }),
  );
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
