// Status bar: how many agent actions wait for a decision, and how many of them are sensitive; a click opens the panel.
import * as vscode from 'vscode';
import { needsClickThrough } from './clickThrough';
import type { ReviewQueue } from './reviewQueue';

export function pendingStatusText(total: number, sensitive: number): { text: string; tooltip: string } {
  if (total === 0) return { text: '$(shield) Countersign', tooltip: 'Countersign: no agent action is waiting' };
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const text = sensitive > 0 ? `$(shield) ${total} pending · ${sensitive} sensitive` : `$(shield) ${total} pending`;
  const tooltip = `Countersign: ${plural(total, 'agent action')} waiting for your decision${sensitive > 0 ? `, ${sensitive} sensitive` : ''}. Click to review.`;
  return { text, tooltip };
}

export function createPendingStatus(queue: ReviewQueue): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('countersign.pending', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Countersign';
  item.command = 'countersign.showReviews';
  const update = () => {
    const items = queue.items();
    const sensitive = items.filter(needsClickThrough).length;
    const { text, tooltip } = pendingStatusText(items.length, sensitive);
    item.text = text;
    item.tooltip = tooltip;
    item.backgroundColor =
      items.length === 0 ? undefined : new vscode.ThemeColor(sensitive > 0 ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
    item.accessibilityInformation = { label: tooltip };
  };
  update();
  item.show();
  const sub = queue.onDidChange(update);
  return { dispose: () => (sub.dispose(), item.dispose()) };
}
