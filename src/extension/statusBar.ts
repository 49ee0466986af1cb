// The status bar item: draws src/review/statusView.ts's view of the queue and the guard; a click opens what needs doing.
import * as vscode from 'vscode';
import type { GuardSummary } from '../review/guardState';
import type { ReviewQueue } from '../review/reviewQueue';
import { queueStatusView, statusView, type StatusView } from '../review/statusView';

export type { StatusView };

export interface GuardSource {
  summary(): GuardSummary;
  readonly onDidChange: vscode.Event<void>;
}

export function createPendingStatus(queue: ReviewQueue, guard?: GuardSource): vscode.Disposable & { current(): StatusView } {
  const item = vscode.window.createStatusBarItem('countersign.pending', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Countersign';
  let view: StatusView = statusView(0, 0, guard?.summary());
  const update = () => {
    view = queueStatusView(queue.items(), guard?.summary());
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
