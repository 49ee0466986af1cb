// Reading audit logs back in fault tests: every entry of every chain in a directory, and whether the chains verify.
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listLogs, verifyLog, type AuditEntry } from '../../../src/audit';

export async function entriesIn(dir: string): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for (const files of (await listLogs(dir)).values()) {
    for (const f of files) {
      if (!lstatSync(f).isFile()) continue; // a device swapped in (a fault test's /dev/full) is not a log file
      for (const line of readFileSync(f, 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line) as AuditEntry);
    }
  }
  return out;
}

/** 'intact' for every chain in the directory, else the first problem. */
export async function chainsIntact(dir: string): Promise<string> {
  for (const [prefix, files] of await listLogs(dir)) {
    const r = await verifyLog(files);
    if (r.status !== 'intact') return `${prefix}: ${r.status} ${JSON.stringify(r.problem)}`;
  }
  return 'intact';
}

/** Decision entries (with their id, decision and, when inline, the request). */
export function decisions(entries: AuditEntry[]): Extract<AuditEntry, { type: 'decision' }>[] {
  return entries.filter((e): e is Extract<AuditEntry, { type: 'decision' }> => e.type === 'decision');
}

/** The offline log the CLI writes when it decides alone (COUNTERSIGN_HOME/audit/offline). */
export function offlineDir(home: string): string {
  return join(home, 'audit', 'offline');
}
