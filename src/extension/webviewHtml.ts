// The panel's HTML shell: strict CSP, one nonce, no inline handlers; all content is rendered by dist/webview.js.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function reviewPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" nonce="${nonce}" id="vscode-codicon-stylesheet" href="${asset('dist', 'codicons', 'codicon.css')}">
  <link rel="stylesheet" nonce="${nonce}" href="${asset('media', 'reviews.css')}">
  <title>Countersign Reviews</title>
</head>
<body>
  <main id="app" aria-label="Countersign reviews"></main>
  <script nonce="${nonce}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
}
