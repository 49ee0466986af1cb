// Status bar: whether Countersign is guarding (the gate's state, agents whose hook will not run) and how many
// agent actions wait for a decision; a click opens what needs doing.
import * as vscode from 'vscode';
import { needsClickThrough } from '../review/clickThrough';
import type { GuardSummary } from './guard/guardMonitor';
import type { ReviewQueue } from '../review/reviewQueue';

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

export interface GuardSource {
  summary(): GuardSummary;
  readonly onDidChange: vscode.Event<void>;
}

export function createPendingStatus(queue: ReviewQueue, guard?: GuardSource): vscode.Disposable & { current(): StatusView } {
  const item = vscode.window.createStatusBarItem('countersign.pending', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Countersign';
  let view: StatusView = statusView(0, 0, guard?.summary());
  const update = () => {
    const items = queue.items();
    const sensitive = items.filter(needsClickThrough).length;
    view = statusView(items.length, sensitive, guard?.summary());
    item.text = view.text;
    item.tooltip = view.tooltip;
    item.command = view.command;
    item.backgroundColor = view.background ? new vscode.ThemeColor(`statusBarItem.${view.background}Background`) : undefined;
    item.accessibilityInformation = { label: view.tooltip };
  };
  update();
  item.show();
  const subs = [queue.onDidChange(update), ...(guard ? [guard.onDidChange(update)] : [])];
  return {
    dispose: () => {
      for (const s of subs) s.dispose();
      item.dispose();
    },
    current: () => view,
  };
}
