// Both sides of "Open diff" as virtual, read-only documents: a Map-backed content provider under its own scheme,
// opened with VS Code's native diff editor. The real file is never opened for writing, so nothing can be saved
// into it by accident. Entries live while their card is pending; the diff tabs close when it is decided.
import { basename } from 'node:path';
import * as vscode from 'vscode';

export const DIFF_SCHEME = 'countersign-preview';

interface Sides {
  path: string;
  before: string;
  after: string;
  title: string;
}

export class DiffPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly docs = new Map<string, string>();
  private readonly sides = new Map<string, Sides>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, this);
  }

  /** URIs keep the file's name (so the editor picks its language) under /<item>/<index>/<side>/. */
  uris(itemId: string, index: number, path: string): { left: vscode.Uri; right: vscode.Uri } {
    const name = encodeURIComponent(basename(path) || 'file');
    const base = `/${encodeURIComponent(itemId)}/${index}`;
    return {
      left: vscode.Uri.from({ scheme: DIFF_SCHEME, path: `${base}/current/${name}` }),
      right: vscode.Uri.from({ scheme: DIFF_SCHEME, path: `${base}/proposed/${name}` }),
    };
  }

  set(itemId: string, index: number, sides: Sides): void {
    const { left, right } = this.uris(itemId, index, sides.path);
    this.sides.set(`${itemId}/${index}`, sides);
    this.docs.set(left.toString(), sides.before);
    this.docs.set(right.toString(), sides.after);
    this.changed.fire(left);
    this.changed.fire(right);
  }

  has(itemId: string, index: number): boolean {
    return this.sides.has(`${itemId}/${index}`);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }

  /** Opens the native diff editor; false when the card has no such file. */
  async open(itemId: string, index: number): Promise<boolean> {
    const sides = this.sides.get(`${itemId}/${index}`);
    if (!sides) return false;
    const { left, right } = this.uris(itemId, index, sides.path);
    await vscode.commands.executeCommand('vscode.diff', left, right, sides.title, { preview: true, preserveFocus: false });
    return true;
  }

  /** Drops a decided card's documents and closes its diff tabs (a stale proposal must not linger on screen). */
  async forget(itemId: string): Promise<void> {
    const prefix = `/${encodeURIComponent(itemId)}/`;
    for (const key of [...this.sides.keys()]) if (key.startsWith(`${itemId}/`)) this.sides.delete(key);
    for (const key of [...this.docs.keys()]) if (vscode.Uri.parse(key).path.startsWith(prefix)) this.docs.delete(key);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => {
      const input = t.input;
      return input instanceof vscode.TabInputTextDiff && input.modified.scheme === DIFF_SCHEME && input.modified.path.startsWith(prefix);
    });
    if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.docs.clear();
    this.sides.clear();
  }
}
