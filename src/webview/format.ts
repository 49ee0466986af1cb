// Words and times the panel shows. Pure: unit tests cover it without a DOM.
import type { DecidedByView } from '../protocol/webviewMessages';

export const RISK_LABEL: Record<string, string> = { safe: 'Safe', review: 'Review', sensitive: 'Sensitive', blocked: 'Blocked' };

export function riskLabel(risk: string): string {
  return RISK_LABEL[risk] ?? risk;
}

/** "12s", "3m 04s", "1h 02m". */
export function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** Countdown to the automatic deny: "9:58", "0:07"; "0:00" once passed. */
export function countdown(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** How urgent the countdown looks: under a minute is a warning, under 15 s an error. */
export function urgency(ms: number): 'calm' | 'soon' | 'urgent' {
  return ms <= 15_000 ? 'urgent' : ms <= 60_000 ? 'soon' : 'calm';
}

export function decidedByLabel(by: DecidedByView, decision: 'allow' | 'deny'): string {
  switch (by) {
    case 'human':
      return decision === 'allow' ? 'Approved by you' : 'Denied by you';
    case 'rule':
      return 'Allowed by a rule you made';
    case 'timeout':
      return 'Denied: nobody decided in time';
    case 'cancelled':
      return 'Withdrawn: the agent stopped waiting';
    case 'shutdown':
      return 'Denied: VS Code closed';
  }
}

/** "just now", "5 min ago", "2 h ago", for the history. */
export function ago(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 10) return 'just now';
  if (s < 60) return `${s}s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  return `${Math.floor(m / 60)} h ago`;
}
