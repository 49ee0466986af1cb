// One writer per log: two gates appending to one chain would fork it. A lock file (created exclusively) names the
// holder; a lock left by a dead process on this host is taken over, a live holder makes open() fail.
import { open, readFile, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostname } from 'node:os';
import { isProcessAlive } from '../ipc/processAlive';
import { isoTime } from './isoTime';

export class AuditLogBusyError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number | undefined,
  ) {
    super(`audit log is in use by another writer (pid ${holderPid ?? 'unknown'}; lock ${lockPath})`);
  }
}

interface LockInfo {
  pid: number;
  host: string;
  at: string;
}

/** Locks held by this process: a second open() of the same log here is as busy as one elsewhere. */
const heldHere = new Set<string>();

async function readInfo(path: string): Promise<LockInfo | undefined> {
  try {
    const v = JSON.parse(await readFile(path, 'utf8')) as Partial<LockInfo>;
    return typeof v.pid === 'number' && typeof v.host === 'string' ? (v as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

export interface Lock {
  release(): Promise<void>;
}

/** How long an unreadable lock may be someone else's create-then-write in progress. */
const WRITE_GRACE_MS = 2000;

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return Infinity;
  }
}

export async function acquireLock(path: string): Promise<Lock> {
  if (heldHere.has(path)) throw new AuditLogBusyError(path, process.pid);
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o600);
      try {
        await fh.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), at: isoTime(new Date()) }));
      } finally {
        await fh.close();
      }
      heldHere.add(path);
      let released = false;
      return {
        release: async () => {
          if (released) return;
          released = true;
          heldHere.delete(path);
          await rm(path, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const info = await readInfo(path);
    if (info === undefined && (await ageMs(path)) < WRITE_GRACE_MS) {
      await sleep(50); // probably another writer between its create and its write: look again
      continue;
    }
    // Unreadable for long (holder killed between create and write), or a dead holder on this host: stale. A holder
    // on another host (shared folder) cannot be checked, so it counts as live.
    const stale = info === undefined || (info.host === hostname() && (info.pid === process.pid || !isProcessAlive(info.pid)));
    if (!stale) throw new AuditLogBusyError(path, info.pid);
    await rm(path, { force: true });
  }
  throw new AuditLogBusyError(path, undefined);
}
