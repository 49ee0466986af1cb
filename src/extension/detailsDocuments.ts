// "Open in editor": the whole command, tool input, written content or patch of a pending action as a read-only
// virtual document (a content provider has no save), so a text too long for the card is read in full before it can be
// approved. The extension itself opens the document and checks that the editor holds exactly the whole text; only
// then does the queue count it as seen. Documents live while their card is pending; their tabs close when decided.
import * as vscode from 'vscode';
import type { ReviewItem } from '../protocol/gateLsp';
import { agentLabel } from '../protocol/webviewMessages';
import { wholeText } from '../review/wholeText';

export const DETAILS_SCHEME = 'countersign-details';

export class DetailsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, this);
  }

  /** /<item id>/<agent>/<name>: the name's extension picks the language; the agent shows in the tab's description. */
  uri(item: ReviewItem): vscode.Uri {
    const { name } = wholeText(item.action);
    return vscode.Uri.from({ scheme: DETAILS_SCHEME, path: `/${encodeURIComponent(item.id)}/${encodeURIComponent(agentLabel(item.action.agent))}/${encodeURIComponent(name)}` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }

  /** Opens the whole text in an editor; true once an editor shows a document holding exactly that text. */
  async open(item: ReviewItem): Promise<boolean> {
    const { text } = wholeText(item.action);
    const uri = this.uri(item);
    this.docs.set(uri.toString(), text);
    this.changed.fire(uri);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { preview: true, preserveFocus: false });
    // VS Code normalises line endings in documents: compare with the text as the editor holds it.
    return editor.document.uri.toString() === uri.toString() && doc.getText() === text.replace(/\r\n?/g, doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
  }

  /** Drops a decided card's document and closes its tabs. */
  async forget(itemId: string): Promise<void> {
    const prefix = `/${encodeURIComponent(itemId)}/`;
    for (const key of [...this.docs.keys()]) if (vscode.Uri.parse(key).path.startsWith(prefix)) this.docs.delete(key);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.scheme === DETAILS_SCHEME && t.input.uri.path.startsWith(prefix));
    if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.docs.clear();
  }
}
