// What the doctor and the Agents section say about the sandbox: whether this machine can sandbox, whether the
// setting lets it, and per agent whether its allowed commands run sandboxed. Pure.
import type { AgentName } from '../policy/types';
import type { SandboxProbe, SandboxSetting } from './types';

export type SandboxState = 'on' | 'off' | 'missing' | 'cannot-run' | 'unsupported';

export interface SandboxStatus {
  state: SandboxState;
  /** One sentence for people: what runs how, and what to do when it does not. */
  text: string;
  mechanism?: 'bubblewrap' | 'sandbox-exec';
}


export function sandboxStatus(probe: SandboxProbe, setting: SandboxSetting): SandboxStatus {
  if (probe.state === 'unsupported') return { state: 'unsupported', text: `No sandbox: ${probe.detail}.` };
  if (probe.state === 'missing') return { state: 'missing', mechanism: probe.mechanism, text: `No sandbox: ${probe.detail}.` };
  if (probe.state === 'cannot-run') return { state: 'cannot-run', mechanism: probe.mechanism, text: `No sandbox: ${probe.detail}.` };
  if (setting === 'off') return { state: 'off', mechanism: probe.mechanism, text: `Sandbox switched off (countersign.sandbox is "off"): allowed commands run with your full rights.` };
  const macNote = probe.mechanism === 'sandbox-exec' ? ' (macOS sandbox-exec profile; not exercised on macOS in CI)' : '';
  return { state: 'on', mechanism: probe.mechanism, text: `Allowed commands run sandboxed with ${probe.mechanism}${macNote}: secrets hidden, agent configs and Countersign's state read-only.` };
}

/**
 * Per agent: does a command this agent runs after Countersign allowed it run in the sandbox? `rewrites`: the agents
 * whose hook answer runs the command sandboxed (SANDBOX_AGENTS in src/agents/sandboxRewrite.ts).
 */
export function agentSandboxed(agent: AgentName, connected: boolean, status: SandboxStatus, rewrites: ReadonlySet<AgentName>): { sandboxed: boolean; text: string } {
  if (!connected) return { sandboxed: false, text: 'not connected' };
  if (status.state !== 'on') return { sandboxed: false, text: status.state === 'off' ? 'commands not sandboxed (switched off)' : 'commands not sandboxed (no sandbox on this machine)' };
  if (!rewrites.has(agent)) return { sandboxed: false, text: "commands not sandboxed (this agent's hook cannot rewrite a command)" };
  return { sandboxed: true, text: 'commands sandboxed' };
}
