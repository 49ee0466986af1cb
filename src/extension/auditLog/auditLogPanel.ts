// "Countersign: Show Audit Log": the workspace's decisions in an editor tab, filterable by agent, risk and
// decision, with chain verification and export. It follows the log as the gate appends (file watcher).
import { writeFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { isFromAuditView, type AuditFilter, type FromAuditView, type ToAuditView } from '../../protocol/auditLogMessages';
import { exportText, readItems, verifyDir } from './auditLogReader';
import { webviewHtml } from '../webviewHtml';

export class AuditLogPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private filter: AuditFilter = {};
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly auditDir: () => string,
    private readonly output: vscode.LogOutputChannel,
    private readonly anchor: (dir: string, chain: string) => string | undefined = () => undefined,
  ) {}

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel('countersign.auditLog', 'Countersign Audit Log', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'countersign.svg');
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, { title: 'Countersign Audit Log', label: 'Countersign audit log', style: 'auditLog.css', script: 'auditLog.js' });
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(this.auditDir()), '*.jsonl'));
    this.subscriptions.push(
      watcher,
      watcher.onDidChange(() => this.scheduleRefresh()),
      watcher.onDidCreate(() => this.scheduleRefresh()),
      panel.webview.onDidReceiveMessage((m: unknown) => {
        if (isFromAuditView(m)) void this.handle(m).catch((err: unknown) => this.post({ type: 'error', message: String(err) }));
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        for (const d of this.subscriptions.splice(0)) d.dispose();
      }),
    );
    this.panel = panel;
  }

  private scheduleRefresh(): void {
    // Appends come in bursts; one read per burst is enough.
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh().catch(() => undefined), 200);
  }

  private post(message: ToAuditView): void {
    void this.panel?.webview.postMessage(message);
  }

  private async refresh(): Promise<void> {
    const dir = this.auditDir();
    const { items, truncated } = await readItems(dir, this.filter);
    this.post({ type: 'items', items, dir, filter: this.filter, truncated });
  }

  private async handle(msg: FromAuditView): Promise<void> {
    switch (msg.type) {
      case 'ready':
        return this.refresh();
      case 'filter':
        this.filter = msg.filter;
        return this.refresh();
      case 'verify':
        this.post({ type: 'verified', result: await verifyDir(this.auditDir(), (chain) => this.anchor(this.auditDir(), chain)) });
        return;
      case 'export': {
        const target = await vscode.window.showSaveDialog({
          saveLabel: 'Export',
          filters: msg.format === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl'] },
          defaultUri: vscode.Uri.file(`countersign-audit.${msg.format}`),
        });
        if (!target) return;
        await writeFile(target.fsPath, await exportText(this.auditDir(), msg.format, this.filter), { mode: 0o600 });
        this.output.info(`audit log exported to ${target.fsPath}`);
        void vscode.window.showInformationMessage(`Countersign: audit log exported to ${target.fsPath}`);
        return;
      }
    }
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
  }
}
