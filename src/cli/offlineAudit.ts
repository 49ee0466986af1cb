// Decisions the CLI takes alone (no gate reachable) are logged too, in their own hash-chained log, so an
// action denied while VS Code was closed still leaves a trace. The log lives in the user's state directory
// (runtimeDir.ts: stateDir, chosen by the account, not the environment). COUNTERSIGN_HOME may name one more
// place to keep a copy (tests read it there); it only adds a place that must be written: the user's log is
// always written, and a copy that cannot be written makes the answer deny.
import { join, resolve } from 'node:path';
import { AuditLog, requestRecord, unparsedRequest } from '../audit';
import { stateDir } from '../ipc/runtimeDir';
import type { AgentName, Verdict } from '../policy/types';
import type { DecidedBy, Decision } from '../protocol/hookWire';

/** Every directory the offline decision is written to: the user's own first. */
export function offlineAuditDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const own = join(stateDir(), 'audit', 'offline');
  const copy = env.COUNTERSIGN_HOME ? resolve(env.COUNTERSIGN_HOME, 'audit', 'offline') : undefined;
  return copy && copy !== own ? [own, copy] : [own];
}

async function appendTo(dir: string, entry: Parameters<AuditLog['append']>[0]): Promise<void> {
  const log = await AuditLog.open({ dir });
  try {
    await log.append(entry);
  } finally {
    await log.close();
  }
}

/**
 * Appends one decision entry; rejects when it cannot be made durable (the caller then denies). Without a verdict
 * the entry says why there is none (`note`).
 */
export async function recordOffline(agent: AgentName, verdict: Verdict | undefined, decision: { decision: Decision; decidedBy: DecidedBy; reason: string }, id: string, note = 'policy could not be evaluated'): Promise<void> {
  const entry = { type: 'decision' as const, id, request: verdict ? requestRecord(verdict) : unparsedRequest(agent, note), decision };
  await Promise.all(offlineAuditDirs().map((dir) => appendTo(dir, entry)));
}
