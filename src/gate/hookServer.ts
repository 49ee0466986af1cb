// The gate's side of the hook socket: authenticate each request, let the Gate decide, sign the reply.
import { createServer, type Server, type Socket } from 'node:net';
import { rmSync } from 'node:fs';
import { isAgentName } from '../policy/types';
import { MAX_REQUEST_BYTES, WIRE_VERSION, type HookErrorReply, type HookReply, type HookRequest } from '../protocol/hookWire';
import { replyProof, verifyRequest } from '../ipc/auth';
import { readLine } from '../ipc/lineReader';
import type { Gate } from './gate';
import { idleCollector } from './idleCollect';

function isRequest(v: unknown): v is HookRequest {
  const r = v as HookRequest;
  return (
    typeof r === 'object' && r !== null && r.v === WIRE_VERSION && r.type === 'hook' && typeof r.nonce === 'string' &&
    isAgentName(r.agent) && Number.isFinite(r.deadline) && typeof r.payload === 'string' && typeof r.mac === 'string'
  );
}

/** How long the gate must be idle before it gives back the memory the last requests left. */
const QUIET_MS = 250;

export interface HookServer {
  close(): Promise<void>;
}

export async function startHookServer(socketPath: string, token: string, gate: Gate, log: (m: string) => void): Promise<HookServer> {
  const sockets = new Set<Socket>();
  const idle = idleCollector(QUIET_MS);

  async function serve(socket: Socket): Promise<void> {
    const gone = new AbortController();
    socket.once('close', () => gone.abort(new Error('the hook disconnected')));
    const fail = (error: string) => {
      const reply: HookErrorReply = { v: WIRE_VERSION, error };
      socket.end(JSON.stringify(reply) + '\n');
    };
    let request: unknown;
    try {
      request = JSON.parse(await readLine(socket, MAX_REQUEST_BYTES));
    } catch (err) {
      return fail(`bad request: ${(err as Error).message}`);
    }
    if (!isRequest(request)) return fail('bad request: unknown shape');
    if (!verifyRequest(token, request)) return fail('unauthorized');
    const d = await gate.decide(request, gone.signal);
    const fields = { v: WIRE_VERSION, id: d.id, decision: d.decision, decidedBy: d.decidedBy, risk: d.risk, reason: d.reason, ...(d.sandbox ? { sandbox: d.sandbox } : {}) } as const;
    const reply: HookReply = { ...fields, proof: replyProof(token, request.nonce, fields) };
    if (!socket.destroyed) socket.end(JSON.stringify(reply) + '\n');
    log(`${request.agent} ${d.risk} -> ${d.decision} (${d.decidedBy})`);
  }

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    idle.busy();
    socket.on('close', () => {
      sockets.delete(socket);
      idle.done();
    });
    socket.on('error', () => socket.destroy());
    serve(socket).catch((err: unknown) => {
      log(`hook connection failed: ${(err as Error).message}`);
      socket.destroy();
    });
  });

  if (process.platform !== 'win32') rmSync(socketPath, { force: true }); // a stale socket from a crashed gate
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });

  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
