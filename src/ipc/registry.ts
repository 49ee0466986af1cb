// Registry of live gates: one user-only JSON file per gate in the runtime directory.
// The CLI trusts only gates found here (their token proves them); stale entries (dead pid) are ignored, and a gate
// sweeps them when it starts.
import { lstatSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, isAbsolute, resolve } from 'node:path';
import { assertPrivateDir } from './runtimeDir';
import { isSameProcessAlive } from './processAlive';
import { isLocalPipe, samePipe } from './windowsPipe';

export interface GateRecord {
  id: string;
  pid: number;
  socket: string;
  token: string;
  /** Absolute workspace folder paths this gate guards. */
  folders: string[];
  headless: boolean;
  startedAt: number;
  /** The gate process's start identity (Linux), so a reused pid does not make a dead gate's record look alive. */
  pidStart?: string;
}

const SUFFIX = '.gate.json';

export function recordPath(dir: string, id: string): string {
  return join(dir, `${id}${SUFFIX}`);
}

export function writeRecord(dir: string, record: GateRecord): void {
  const file = recordPath(dir, record.id);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(record), { mode: 0o600 });
  renameSync(tmp, file); // atomic: a reader never sees half a record
}

export function removeRecord(dir: string, id: string): void {
  rmSync(recordPath(dir, id), { force: true });
}

function isRecord(v: unknown): v is GateRecord {
  const r = v as GateRecord;
  return (
    typeof r === 'object' && r !== null && typeof r.id === 'string' && Number.isInteger(r.pid) &&
    typeof r.socket === 'string' && typeof r.token === 'string' && r.token.length >= 32 &&
    Array.isArray(r.folders) && r.folders.every((f) => typeof f === 'string') &&
    (r.pidStart === undefined || typeof r.pidStart === 'string')
  );
}

/** A gate that died without cleaning up may leave its record; its socket (or its whole folder) is often gone too. */
function socketPresent(socket: string): boolean {
  if (process.platform === 'win32') return true; // a named pipe has no file to look at
  try {
    lstatSync(socket); // whatever is there now, askGate checks it before trusting it
    return true;
  } catch {
    return false;
  }
}

/** Live, well-formed, user-only records. Never throws on a bad entry: it is skipped. */
export function liveGates(dir: string): GateRecord[] {
  try {
    assertPrivateDir(dir);
  } catch {
    return [];
  }
  const out: GateRecord[] = [];
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(SUFFIX)) continue;
    const file = join(dir, name);
    try {
      const st = lstatSync(file);
      if (!st.isFile() || (process.platform !== 'win32' && ((st.mode & 0o077) !== 0 || st.uid !== process.getuid?.()))) continue;
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (!isRecord(parsed) || (process.platform === 'win32' && !isLocalPipe(parsed.socket))) continue;
      if (isSameProcessAlive(parsed.pid, parsed.pidStart) && socketPresent(parsed.socket)) out.push(parsed);
    } catch {
      continue;
    }
  }
  return out.sort((a, b) => b.startedAt - a.startedAt);
}

/**
 * Removes the records of gates that are dead (killed outright, or a crashed VS Code window): they are ignored anyway,
 * but every hook call reads each one, so they would slow every tool call for good. Only well-formed, user-owned
 * records whose process is verifiably gone (pid dead, or reused by a process with another start) are removed; a
 * record being written is a `.tmp` file until it is renamed whole. Returns the ids removed.
 */
export function sweepDeadRecords(dir: string): string[] {
  const removed: string[] = [];
  try {
    assertPrivateDir(dir);
    for (const name of readdirSync(dir)) {
      if (!name.endsWith(SUFFIX)) continue;
      const file = join(dir, name);
      try {
        const st = lstatSync(file);
        if (!st.isFile() || (process.platform !== 'win32' && st.uid !== process.getuid?.())) continue;
        const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
        if (!isRecord(parsed) || isSameProcessAlive(parsed.pid, parsed.pidStart)) continue;
        rmSync(file, { force: true });
        removed.push(parsed.id);
      } catch {
        continue;
      }
    }
  } catch {
    // An unsafe or unreadable registry is not this gate's to tidy.
  }
  return removed;
}

function contains(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** In one registry: the gate whose socket was hinted, else the one whose workspace folder most closely contains `cwd`. */
/** Whether two socket paths name the same gate socket (pipe names compare as Windows does). */
export function sameSocket(a: string, b: string): boolean {
  return process.platform === 'win32' ? samePipe(a, b) : resolve(a) === resolve(b);
}

/** In one registry, best first: the gate whose socket was hinted, then those whose workspace folder contains `cwd`, closest first. */
function matchesIn(gates: GateRecord[], cwd: string, socket?: string): GateRecord[] {
  const bySocket = socket ? gates.filter((g) => sameSocket(g.socket, socket)) : [];
  const byFolder = gates
    .map((gate) => ({ gate, depth: Math.max(-1, ...gate.folders.filter((f) => contains(f, cwd)).map((f) => f.length)) }))
    .filter((m) => m.depth >= 0 && !bySocket.includes(m.gate))
    .sort((a, b) => b.depth - a.depth); // stable: among equals, the newer gate (liveGates sorts by start) first
  return [...bySocket, ...byFolder.map((m) => m.gate)];
}

/**
 * The gates for a hook call, best first: the live one whose socket the terminal was given (COUNTERSIGN_SOCKET),
 * else the one whose workspace folder most closely contains `cwd` (a restored terminal may carry a dead socket).
 * Registries are searched in order, a later one's gates coming after every gate of an earlier one: a record in an
 * extra registry can never take a hook away from a gate in the user's own. The caller tries the next only when one
 * turns out not to be listening (a gate killed outright leaves its record and socket file behind).
 */
export function findGates(dirs: string | readonly string[], cwd: string, socket?: string): GateRecord[] {
  const out: GateRecord[] = [];
  for (const dir of typeof dirs === 'string' ? [dirs] : dirs) {
    for (const g of matchesIn(liveGates(dir), cwd, socket)) if (!out.some((o) => o.id === g.id)) out.push(g);
  }
  return out;
}

/** The best gate for a hook call (findGates' first). */
export function findGate(dirs: string | readonly string[], cwd: string, socket?: string): GateRecord | undefined {
  return findGates(dirs, cwd, socket)[0];
}
