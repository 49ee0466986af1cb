// Both sides of "Open diff" as virtual, read-only documents: a Map-backed content provider under its own scheme,
// opened with VS Code's native diff editor (one file) or multi-file diff editor (`vscode.changes`, a patch touching
// several files). The real file is never opened for writing, so nothing can be saved into it by accident. The spans
// that made the action risky are highlighted on the proposed side. Entries live while their card is pending; the
// diff tabs close when it is decided.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { DiffSides, DiffSink } from '../review/cardViews';
import type { RiskyRange } from '../review/riskyRanges';

export const DIFF_SCHEME = 'countersign-preview';

type Sides = DiffSides;

export class DiffPreview implements vscode.TextDocumentContentProvider, vscode.Disposable, DiffSink {
  private readonly docs = new Map<string, string>();
  private readonly sides = new Map<string, Sides>();
  /** Proposed-side URI → its risky ranges. */
  private readonly highlights = new Map<string, RiskyRange[]>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registrations: vscode.Disposable[];
  private readonly risky = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('inputValidation.errorBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('inputValidation.errorBorder'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.errorForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Full,
  });
  private readonly riskyLine = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('diffEditor.removedLineBackground'),
    before: { contentText: '⚠ ', color: new vscode.ThemeColor('editorError.foreground') },
  });

  constructor() {
    this.registrations = [
      vscode.workspace.registerTextDocumentContentProvider(DIFF_SCHEME, this),
      // Editors inside the diff and multi-file diff editors come and go: decorate each as it appears.
      vscode.window.onDidChangeVisibleTextEditors((editors) => this.decorate(editors)),
    ];
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
    if (sides.highlights?.length) this.highlights.set(right.toString(), sides.highlights);
    this.changed.fire(left);
    this.changed.fire(right);
  }

  has(itemId: string, index: number): boolean {
    return this.sides.has(`${itemId}/${index}`);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.docs.get(uri.toString()) ?? '';
  }

  /**
   * Opens the native diff editor; false when the card has no such file. A card with several files opens them all in
   * the multi-file diff editor, so a patch is reviewed as one change.
   */
  async open(itemId: string, index: number): Promise<boolean> {
    const sides = this.sides.get(`${itemId}/${index}`);
    if (!sides) return false;
    const all = [...this.sides.entries()].filter(([key]) => key.startsWith(`${itemId}/`));
    if (all.length > 1) {
      const resources = all.map(([key, s]) => {
        const { left, right } = this.uris(itemId, Number(key.slice(itemId.length + 1)), s.path);
        return [vscode.Uri.file(s.path), left, right];
      });
      const inexact = all.some(([, s]) => s.exact === false) ? ' — not shown exactly' : '';
      // VS Code adds "(N files)" to the title itself.
      const who = sides.who ? ` by ${sides.who}` : '';
      await vscode.commands.executeCommand('vscode.changes', `Current ↔ proposed${who}${inexact}`, resources);
    } else {
      const { left, right } = this.uris(itemId, index, sides.path);
      const title = sides.exact === false ? `${sides.title} — not shown exactly` : sides.title;
      await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: true, preserveFocus: false });
    }
    this.decorate(vscode.window.visibleTextEditors);
    return true;
  }

  /** The risky ranges currently decorated in visible editors (for tests and the status of a review). */
  decorated(): { uri: string; ranges: { start: number; end: number }[] }[] {
    return vscode.window.visibleTextEditors
      .filter((e) => this.highlights.has(e.document.uri.toString()))
      .map((e) => ({ uri: e.document.uri.toString(), ranges: (this.highlights.get(e.document.uri.toString()) ?? []).map((r) => ({ start: r.start, end: r.end })) }));
  }

  private decorate(editors: readonly vscode.TextEditor[]): void {
    for (const editor of editors) {
      const ranges = this.highlights.get(editor.document.uri.toString());
      if (!ranges) continue;
      const doc = editor.document;
      const spans = ranges.map((r) => ({ range: new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end)), hoverMessage: r.message }));
      editor.setDecorations(this.risky, spans);
      editor.setDecorations(
        this.riskyLine,
        spans.map((s) => ({ range: new vscode.Range(s.range.start.line, 0, s.range.start.line, 0) })),
      );
    }
  }

  /** Drops a decided card's documents and closes its diff tabs (a stale proposal must not linger on screen). */
  async forget(itemId: string): Promise<void> {
    const prefix = `/${encodeURIComponent(itemId)}/`;
    for (const key of [...this.sides.keys()]) if (key.startsWith(`${itemId}/`)) this.sides.delete(key);
    for (const key of [...this.docs.keys()]) if (vscode.Uri.parse(key).path.startsWith(prefix)) this.docs.delete(key);
    for (const key of [...this.highlights.keys()]) if (vscode.Uri.parse(key).path.startsWith(prefix)) this.highlights.delete(key);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => {
      const input = t.input;
      if (input instanceof vscode.TabInputTextDiff) return input.modified.scheme === DIFF_SCHEME && input.modified.path.startsWith(prefix);
      // The multi-file diff editor's tab has no typed input in the API: it is known by its resources' scheme.
      const multi = input as { textDiffs?: { modified: vscode.Uri }[] } | undefined;
      return multi?.textDiffs?.some((d) => d.modified.scheme === DIFF_SCHEME && d.modified.path.startsWith(prefix)) ?? false;
    });
    if (tabs.length) await vscode.window.tabGroups.close(tabs, true);
  }

  dispose(): void {
    for (const r of this.registrations) r.dispose();
    this.risky.dispose();
    this.riskyLine.dispose();
    this.changed.dispose();
    this.docs.clear();
    this.sides.clear();
    this.highlights.clear();
  }
}
