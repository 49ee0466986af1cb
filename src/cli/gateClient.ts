// Asks a registered gate to decide one hook call. Any doubt about the gate (unreachable, silent, garbled,
// oversized, or unable to prove the token) is a GateUnavailable error: the caller fails closed.
import { connect, type Socket } from 'node:net';
import { dirname } from 'node:path';
import type { AgentName } from '../policy/types';
import { MAX_REPLY_BYTES, SANDBOX_SKIPS, WIRE_VERSION, type HookReply, type HookRequest, type SandboxPlan } from '../protocol/hookWire';
import { newNonce, requestMac, verifyReply } from '../ipc/auth';
import { readLine } from '../ipc/lineReader';
import type { GateRecord } from '../ipc/registry';
import { assertPrivateDir } from '../ipc/runtimeDir';
import { isLocalPipe } from '../ipc/windowsPipe';

export class GateUnavailable extends Error {}
/** The gate went silent until the hard stop: no time is left to evaluate anything but a deny. */
export class GateTimedOut extends GateUnavailable {}
/** Nothing listens at the gate's socket (refused, or gone): the request never reached a gate. */
export class GateNotListening extends GateUnavailable {}

const absolutePaths = (v: unknown): v is string[] => Array.isArray(v) && v.every((p) => typeof p === 'string' && p.startsWith('/') && !p.includes('\0'));

/** A sandbox plan of exactly the known shape: a CLI that misreads it could run a command outside the sandbox. */
function isSandboxPlan(v: unknown): v is SandboxPlan {
  const s = v as Record<string, unknown>;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
  if (s.run === false) return typeof s.why === 'string' && (SANDBOX_SKIPS as readonly string[]).includes(s.why);
  return s.run === true && absolutePaths(s.workspaces) && absolutePaths(s.allowPaths) && typeof s.commandSha256 === 'string' && /^[0-9a-f]{64}$/.test(s.commandSha256);
}

function isReply(v: unknown): v is HookReply {
  const r = v as HookReply;
  return (
    typeof r === 'object' && r !== null && r.v === WIRE_VERSION && typeof r.id === 'string' &&
    (r.decision === 'allow' || r.decision === 'deny') && typeof r.reason === 'string' &&
    typeof r.decidedBy === 'string' && typeof r.risk === 'string' && typeof r.proof === 'string' &&
    (r.sandbox === undefined || isSandboxPlan(r.sandbox))
  );
}

/**
 * `deadline`: when the gate denies if nobody decided. `hardStop`: when this CLI gives up on a silent gate
 * (after the deadline, still before the agent's own hook timeout).
 */
/**
 * Starts connecting before the payload is even read (the terminal told us the socket): nothing is sent on it
 * until the gate's record and directory have been checked, so an untrusted socket learns nothing.
 */
export function preconnect(path: string): Socket | undefined {
  // Windows: only a local pipe. Opening \\host\pipe\… (the hint is the agent's environment) would make Windows
  // sign in to that host with the user's credentials before anything is checked.
  if (process.platform === 'win32' && !isLocalPipe(path)) return undefined;
  const socket = connect({ path });
  socket.on('error', () => undefined); // reported when used; an unused early socket just fails quietly
  return socket;
}

export async function askGate(gate: GateRecord, agent: AgentName, payload: string, deadline: number, hardStop: number, early?: Socket): Promise<HookReply> {
  if (process.platform === 'win32') {
    // The registry folder's ACL guards the record; a record naming anything but a local pipe is not a gate's.
    if (!isLocalPipe(gate.socket)) throw new GateUnavailable(`the gate record names ${gate.socket.slice(0, 80)}, not a local pipe`);
  } else {
    try {
      assertPrivateDir(dirname(gate.socket));
    } catch (err) {
      throw new GateUnavailable((err as Error).message);
    }
  }
  const nonce = newNonce();
  const fields = { v: WIRE_VERSION, type: 'hook', nonce, agent, deadline, payload } as const;
  const request: HookRequest = { ...fields, mac: requestMac(gate.token, fields) };
  const socket = early && !early.destroyed ? early : connect({ path: gate.socket });
  // The gate denies at the deadline itself; this timer only covers a gate that hangs.
  const timer = setTimeout(() => socket.destroy(new GateTimedOut('the gate did not answer in time')), Math.max(0, hardStop - Date.now()));
  try {
    // Written at once: the socket buffers it until connected, and a failed connect surfaces in readLine.
    socket.write(JSON.stringify(request) + '\n');
    const line = await readLine(socket, MAX_REPLY_BYTES);
    let reply: unknown;
    try {
      reply = JSON.parse(line);
    } catch {
      throw new GateUnavailable('the gate sent a reply that is not JSON');
    }
    if (!isReply(reply)) throw new GateUnavailable('the gate sent a malformed reply');
    if (!verifyReply(gate.token, nonce, reply)) throw new GateUnavailable('the reply did not come from a registered gate');
    return reply;
  } catch (err) {
    if (err instanceof GateUnavailable) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ECONNREFUSED' || code === 'ENOENT') throw new GateNotListening((err as Error).message);
    throw new GateUnavailable((err as Error).message);
  } finally {
    clearTimeout(timer);
    socket.destroy();
  }
}
