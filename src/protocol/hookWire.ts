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
  /**
   * With an allow: whether the CLI rewrites the tool call to run inside `countersign sandbox`, and with what. Absent
   * with a deny. Covered by the proof, so nobody but the gate can drop it to run a command outside the sandbox.
   */
  sandbox?: SandboxPlan;
  /** HMAC over nonce and the decision: only the registered gate can produce it. */
  proof: string;
}

/** Why an allowed action does not run in the sandbox. */
export type SandboxSkip =
  /** No working sandbox on this machine (bubblewrap missing or unable to run, or no sandbox on this platform). */
  | 'unavailable'
  /** The user set `countersign.sandbox` to `off`. */
  | 'off'
  /** Not a shell command: file tools and MCP tools run in the agent itself. */
  | 'not-shell'
  /** This agent's hook cannot rewrite the tool call (README: the agent table). */
  | 'agent'
  /** The approved action needs what the sandbox takes away (a secret variable, a path only known at run time …). */
  | 'unexpressible';

export const SANDBOX_SKIPS: readonly SandboxSkip[] = ['unavailable', 'off', 'not-shell', 'agent', 'unexpressible'];

export type SandboxPlan =
  | {
      run: true;
      /** Writable folders: the gate's workspace folders and the agent's cwd. */
      workspaces: string[];
      /** Sensitive paths an approved `sensitive` action named, made visible inside (empty otherwise). */
      allowPaths: string[];
      /** SHA-256 (hex) of the command the policy judged: the CLI wraps exactly that command or denies. */
      commandSha256: string;
    }
  | { run: false; why: SandboxSkip };

export interface HookErrorReply {
  v: typeof WIRE_VERSION;
  error: string;
}
