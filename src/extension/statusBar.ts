// Status bar: how many agent actions wait for a decision; a click opens the panel.
import * as vscode from 'vscode';
import type { ReviewQueue } from './reviewQueue';

export function createPendingStatus(queue: ReviewQueue): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('countersign.pending', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Countersign';
  item.command = 'countersign.showReviews';
  const update = () => {
    const n = queue.size;
    item.text = n === 0 ? '$(shield) Countersign' : `$(shield) ${n} pending`;
    item.tooltip = n === 0 ? 'Countersign: no agent action is waiting' : `Countersign: ${n} agent action${n === 1 ? '' : 's'} waiting for your decision`;
    item.backgroundColor = n === 0 ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    item.accessibilityInformation = { label: item.tooltip };
  };
  update();
  item.show();
  const sub = queue.onDidChange(update);
  return { dispose: () => (sub.dispose(), item.dispose()) };
}
