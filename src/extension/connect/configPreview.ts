// Shows a planned config change in VS Code's diff editor. Both sides are virtual documents served from a Map:
// nothing touches the real file until the user confirms.
import * as vscode from 'vscode';

export const CONFIG_PREVIEW_SCHEME = 'countersign-config';

export class ConfigPreview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly docs = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(CONFIG_PREVIEW_SCHEME, this);
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }

  private put(side: string, file: string, text: string): vscode.Uri {
    // The real file name keeps the language mode (JSON with comments highlighting) in the diff.
    const uri = vscode.Uri.from({ scheme: CONFIG_PREVIEW_SCHEME, path: `/${++this.counter}/${side}${file}` });
    this.docs.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  async show(file: string, before: string | undefined, after: string | undefined, title: string): Promise<void> {
    const left = this.put('current', file, before ?? '');
    const right = this.put('proposed', file, after ?? '');
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false });
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.docs.clear();
  }
}
