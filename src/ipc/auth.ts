// Mutual proof of the gate token: the CLI signs its request, the gate signs its decision. The token never travels.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { HookReply, HookRequest, SandboxPlan } from '../protocol/hookWire';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

function hmac(token: string, parts: readonly (string | number)[]): string {
  const h = createHmac('sha256', token);
  // Length-prefix each part so no two field lists can produce the same byte stream.
  for (const p of parts) {
    const s = String(p);
    h.update(`${Buffer.byteLength(s)}:${s};`);
  }
  return h.digest('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

type RequestFields = Pick<HookRequest, 'v' | 'type' | 'nonce' | 'agent' | 'deadline' | 'payload'>;
type ReplyFields = Pick<HookReply, 'v' | 'id' | 'decision' | 'decidedBy' | 'risk' | 'reason' | 'sandbox'>;

/** The sandbox plan as proof parts: each list length-prefixed, so no two plans share a byte stream. */
function sandboxParts(s: SandboxPlan | undefined): (string | number)[] {
  if (s === undefined) return ['sandbox:none'];
  if (!s.run) return ['sandbox:skip', s.why];
  return ['sandbox:run', s.commandSha256, s.workspaces.length, ...s.workspaces, s.allowPaths.length, ...s.allowPaths];
}

export function requestMac(token: string, r: RequestFields): string {
  return hmac(token, ['request', r.v, r.type, r.nonce, r.agent, r.deadline, r.payload]);
}

export function verifyRequest(token: string, r: HookRequest): boolean {
  return typeof r.mac === 'string' && same(r.mac, requestMac(token, r));
}

export function replyProof(token: string, nonce: string, r: ReplyFields): string {
  return hmac(token, ['reply', nonce, r.v, r.id, r.decision, r.decidedBy, r.risk, r.reason, ...sandboxParts(r.sandbox)]);
}

export function verifyReply(token: string, nonce: string, r: HookReply): boolean {
  return typeof r.proof === 'string' && same(r.proof, replyProof(token, nonce, r));
}
