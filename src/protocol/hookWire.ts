// The wire between the hook CLI and the gate: one newline-terminated JSON request per connection, one reply.
// Both sides prove they know the gate's token (from the user-only registry) without ever sending it.
import type { AgentName, Risk } from '../policy/types';

export const WIRE_VERSION = 1;
/** Largest request accepted (a 5 MB file write is an ordinary payload; JSON-escaping can double it). */
export const MAX_REQUEST_BYTES = 32 * 1024 * 1024;
/** Replies are small; anything larger is garbage and is treated as no gate. */
export const MAX_REPLY_BYTES = 64 * 1024;

export type Decision = 'allow' | 'deny';
/** Who decided: the audit log and the agent's message say it. */
export type DecidedBy = 'human' | 'policy' | 'rule' | 'timeout' | 'fail-closed';

export interface HookRequest {
  v: typeof WIRE_VERSION;
  type: 'hook';
  nonce: string;
  agent: AgentName;
  /** Epoch ms by which the CLI must answer its agent; the gate denies at this moment if nobody decided. */
  deadline: number;
  /** The agent's payload exactly as read from stdin. */
  payload: string;
  /** HMAC of the fields above with the gate token (see ipc/auth). */
  mac: string;
}

export interface HookReply {
  v: typeof WIRE_VERSION;
  id: string;
  decision: Decision;
  decidedBy: DecidedBy;
  risk: Risk;
  /** Sent back to the agent as the reason. */
  reason: string;
  /** HMAC over nonce and the decision: only the registered gate can produce it. */
  proof: string;
}

export interface HookErrorReply {
  v: typeof WIRE_VERSION;
  error: string;
}
