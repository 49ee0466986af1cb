// Is this window guarding, as a model: the doctor's findings per connected agent become the panel's agent rows, the
// status bar's summary and the notifications to show (each problem set once, again if it comes back after a fix).
// The host runs the checks, watches the files and shows the notifications (src/extension/guard/guardMonitor.ts).
import type { AgentConnectionView, GateStateView } from '../protocol/webviewMessages';

/** A doctor finding as the model needs it (src/agents/doctor's Finding has this shape and more). */
export interface GuardFinding {
  file: string;
  setting: string;
  message: string;
  /** The hook does not run, or its failure lets the action through. */
  disables: boolean;
}

export interface GuardCheck<F extends GuardFinding = GuardFinding, A extends string = string> {
  agent: A;
  connected: boolean;
  findings: readonly F[];
}

export interface GuardSummary {
  gate: GateStateView;
  /** Connected agents whose hook will not run, each with the first setting that stops it. */
  unguarded: { agent: string; label: string; file: string; setting: string }[];
  /** Connected agents that are guarded. */
  guarded: string[];
}

/** The panel's agent rows with the doctor's verdict on each. */
export function guardViews(states: readonly AgentConnectionView[], checks: readonly GuardCheck[]): AgentConnectionView[] {
  return states.map((v) => {
    const c = checks.find((x) => x.agent === v.agent);
    if (!c) return v;
    const connected = v.connected || c.connected;
    return {
      ...v,
      connected,
      guarded: connected && !c.findings.some((f) => f.disables),
      problems: c.findings.map(({ file, setting, message, disables }) => ({ file, setting, message, disables })),
    };
  });
}

export function guardSummary<A extends string>(checks: readonly GuardCheck<GuardFinding, A>[], gate: GateStateView, label: (agent: A) => string): GuardSummary {
  const unguarded: GuardSummary['unguarded'] = [];
  const guarded: string[] = [];
  for (const c of checks) {
    if (!c.connected) continue;
    const stop = c.findings.find((f) => f.disables);
    if (stop) unguarded.push({ agent: c.agent, label: label(c.agent), file: stop.file, setting: stop.setting });
    else guarded.push(label(c.agent));
  }
  return { gate, unguarded, guarded };
}

/** Which unguarded agents to notify about: a problem set is told once (a file saved twice does not notify twice). */
export class UnguardedNotices {
  private readonly notified = new Set<string>();

  /** The agents (with their first stopping finding) not yet notified for their current problem set. */
  fresh<F extends GuardFinding, A extends string>(checks: readonly GuardCheck<F, A>[]): { agent: A; finding: F }[] {
    const live = new Set<string>();
    const out: { agent: A; finding: F }[] = [];
    for (const c of checks) {
      const stops = c.findings.filter((f) => f.disables);
      if (!c.connected || stops.length === 0) continue;
      const key = `${c.agent}\0${stops.map((f) => `${f.file}\0${f.setting}`).join('\0')}`;
      live.add(key);
      if (this.notified.has(key)) continue;
      this.notified.add(key);
      out.push({ agent: c.agent, finding: stops[0]! });
    }
    // A problem fixed and back again notifies again.
    for (const k of [...this.notified]) if (!live.has(k)) this.notified.delete(k);
    return out;
  }
}

/** Notification text renders links: keep names plain. */
const plain = (s: string) => s.replace(/[[\]()<>`*_]/g, '');

export function unguardedText(label: string, f: GuardFinding, where: string): string {
  return `Countersign is not guarding ${label}: ${plain(f.setting)} in ${plain(where)}. ${plain(f.message)}`;
}

export const GATE_STOPPED_TEXT = "Countersign's gate stopped: agent actions are not reviewed, and connected agents' hooks deny them until it runs again.";
