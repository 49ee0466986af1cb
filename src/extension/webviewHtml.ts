// The webviews' HTML shell: strict CSP, one nonce, no inline handlers; all content is rendered by the bundled
// script. Both the Reviews panel and the Audit Log view use it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface WebviewShell {
  title: string;
  /** aria-label of the root element the script renders into. */
  label: string;
  /** Stylesheet under media/, script under dist/. */
  style: string;
  script: string;
  /** Allow images from the extension and data: URIs (the Reviews panel only). */
  images?: boolean;
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, shell: WebviewShell): string {
  const nonce = randomBytes(18).toString('base64');
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const csp = [
    "default-src 'none'",
    ...(shell.images ? [`img-src ${webview.cspSource} data:`] : []),
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
  <link rel="stylesheet" nonce="${nonce}" href="${asset('media', shell.style)}">
  <title>${shell.title}</title>
</head>
<body>
  <main id="app" aria-label="${shell.label}"></main>
  <script nonce="${nonce}" src="${asset('dist', shell.script)}"></script>
</body>
</html>`;
}

export function reviewPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewHtml(webview, extensionUri, { title: 'Countersign Reviews', label: 'Countersign reviews', style: 'reviews.css', script: 'webview.js', images: true });
}
