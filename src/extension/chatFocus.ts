// The same-window experience for VS Code's own agent: once the last card from a chat session is decided, the focus
// goes back to the chat that asked, where the agent goes on (the user came to the panel from there).
import * as vscode from 'vscode';
import type { ReviewItem } from '../protocol/gateLsp';

/** After a decision on `decided`: back to the chat when it came from VS Code's agent and nothing else waits. */
export function returnFocusToChat(decided: ReviewItem | undefined, stillPending: number, warn: (m: string) => void): void {
  if (decided?.action.agent !== 'vscode' || stillPending > 0) return;
  // Without arguments the command reveals the chat view and focuses its input; it never sends anything.
  vscode.commands.executeCommand('workbench.action.chat.open').then(undefined, (err: unknown) => warn(`could not return to the chat: ${String(err)}`));
}
