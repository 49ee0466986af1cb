// Decisions the CLI takes alone (no gate reachable) are logged too, in their own hash-chained log, so an
// action denied while VS Code was closed still leaves a trace. Kept under Countersign's global storage when the
// shim provides it, else the user's state directory.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AuditLog, requestRecord, unparsedRequest } from '../audit';
import type { AgentName, Verdict } from '../policy/types';
import type { DecidedBy, Decision } from '../protocol/hookWire';

export function offlineAuditDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.COUNTERSIGN_HOME ?? join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'countersign');
  return join(base, 'audit', 'offline');
}

/**
 * Appends one decision entry; rejects when it cannot be made durable (the caller then denies). Without a verdict
 * the entry says why there is none (`note`).
 */
export async function recordOffline(agent: AgentName, verdict: Verdict | undefined, decision: { decision: Decision; decidedBy: DecidedBy; reason: string }, id: string, note = 'policy could not be evaluated'): Promise<void> {
  const log = await AuditLog.open({ dir: offlineAuditDir() });
  try {
    await log.append({ type: 'decision', id, request: verdict ? requestRecord(verdict) : unparsedRequest(agent, note), decision });
  } finally {
    await log.close();
  }
}
