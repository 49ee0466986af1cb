// What the status bar says: whether Countersign is guarding (the gate's state, agents whose hook will not run) and
// how many agent actions wait for a decision, and what a click opens. The host draws it (src/extension/statusBar.ts).
import type { ReviewItem } from '../protocol/gateLsp';
import { needsClickThrough } from './clickThrough';
import type { GuardSummary } from './guardState';

export function pendingStatusText(total: number, sensitive: number): { text: string; tooltip: string } {
  if (total === 0) return { text: '$(shield) Countersign', tooltip: 'Countersign: no agent action is waiting' };
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const text = sensitive > 0 ? `$(shield) ${total} pending · ${sensitive} sensitive` : `$(shield) ${total} pending`;
  const tooltip = `Countersign: ${plural(total, 'agent action')} waiting for your decision${sensitive > 0 ? `, ${sensitive} sensitive` : ''}. Click to review.`;
  return { text, tooltip };
}

export interface StatusView {
  text: string;
  tooltip: string;
  background?: 'error' | 'warning';
  command: string;
}

/** What the item shows: a stopped gate first, then pending actions, then agents that are not guarded. */
export function statusView(total: number, sensitive: number, guard?: GuardSummary): StatusView {
  if (guard?.gate === 'stopped') {
    return { text: '$(error) Countersign: gate stopped', tooltip: "Countersign's gate is not running: agent actions are not reviewed (hooks deny them). Click to restart it.", background: 'error', command: 'countersign.restartGate' };
  }
  if (guard?.gate === 'starting' && total === 0) return { text: '$(sync~spin) Countersign', tooltip: "Countersign's gate is starting", command: 'countersign.showReviews' };
  const unguarded = guard?.unguarded ?? [];
  const warning = unguarded.map((u) => `${u.label} is not guarded: ${u.setting} in ${u.file}`).join('\n');
  if (total > 0) {
    const p = pendingStatusText(total, sensitive);
    return { ...p, tooltip: warning ? `${p.tooltip}\n${warning}` : p.tooltip, background: sensitive > 0 ? 'error' : 'warning', command: 'countersign.showReviews' };
  }
  if (unguarded.length > 0) {
    const who = unguarded.length === 1 ? unguarded[0]!.label : `${unguarded.length} agents`;
    return { text: `$(warning) Countersign: not guarding ${who}`, tooltip: `${warning}\nClick to see the fix.`, background: 'warning', command: 'countersign.reviewGuardFix' };
  }
  const p = pendingStatusText(0, 0);
  const guarding = guard?.guarded.length ? ` Guarding ${guard.guarded.join(', ')}.` : '';
  return { text: p.text, tooltip: guard ? `${p.tooltip}; the gate is running.${guarding}` : p.tooltip, command: 'countersign.showReviews' };
}

/** The item for this queue: every pending action counts, the sensitive ones also apart. */
export function queueStatusView(items: readonly Pick<ReviewItem, 'risk'>[], guard?: GuardSummary): StatusView {
  return statusView(items.length, items.filter(needsClickThrough).length, guard);
}
