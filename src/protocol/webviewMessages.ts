// Messages between the review panel (webview) and the extension: discriminated unions on `type`.
// Nothing the webview sends is trusted beyond "a human clicked this button on this card": ids are re-checked.
import type { ReviewItem } from './gateLsp';

/** How one agent is wired to Countersign, for the panel's Agents section (filled by Connect Agents). */
export interface AgentConnectionView {
  agent: string;
  label: string;
  /** Present on this machine (config folder or binary found). */
  detected: boolean;
  /** Countersign's hook is in at least one of the agent's config files. */
  connected: boolean;
  /** Config files holding Countersign's hook, and anything the user still has to do (e.g. trust the hook in Codex). */
  files: string[];
  note?: string;
}

export type ToWebview =
  | { type: 'state'; pending: ReviewItem[]; now: number }
  | { type: 'agents'; agents: AgentConnectionView[] };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'decide'; id: string; decision: 'allow' | 'deny'; reason?: string };

export function isFromWebview(v: unknown): v is FromWebview {
  const m = v as FromWebview;
  if (typeof m !== 'object' || m === null) return false;
  switch (m.type) {
    case 'ready':
      return true;
    case 'decide':
      return typeof m.id === 'string' && (m.decision === 'allow' || m.decision === 'deny') && (m.reason === undefined || typeof m.reason === 'string');
    default:
      return false;
  }
}
