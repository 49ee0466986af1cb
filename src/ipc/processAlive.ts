// Whether a process id names a live process (EPERM: alive, owned by someone else), and, where the OS tells,
// which process it is: a pid is reused, so a record of a dead gate can otherwise name a live stranger.
import { readFileSync } from 'node:fs';

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The process's start time in clock ticks since boot (Linux /proc/PID/stat, field 22), which with the pid names one
 * process for the life of the machine; undefined where the OS does not say.
 */
export function processStartId(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may itself hold spaces or parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19];
    return start !== undefined && /^\d+$/.test(start) ? start : undefined;
  } catch {
    return undefined;
  }
}

/** Alive, and (where the record knows it) the same process that wrote the record, not a later one with its pid. */
export function isSameProcessAlive(pid: number, startId: string | undefined): boolean {
  if (!isProcessAlive(pid)) return false;
  if (startId === undefined) return true;
  const now = processStartId(pid);
  return now === undefined || now === startId;
}
