// The gate is a language server: agent configs that weaken review get diagnostics and safe quick fixes.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activeApi, workspaceDir } from './helpers';

function diagnosticsFor(uri: vscode.Uri, predicate: (d: readonly vscode.Diagnostic[]) => boolean, ms = 20_000): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const d = vscode.languages.getDiagnostics(uri);
      if (predicate(d)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(d);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics(check);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no matching diagnostics for ${uri.toString()}: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((x) => x.code))}`));
    }, ms);
    check();
  });
}

describe('agent config diagnostics (real extension host)', () => {
  it('flags bypassPermissions and a Bash(*) allow rule in .claude/settings.json, with quick fixes that tighten', async () => {
    await activeApi();
    const dir = join(workspaceDir(), '.claude');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{\n  // shared settings\n  "permissions": { "defaultMode": "bypassPermissions", "allow": ["Bash(npm test)", "Bash(*)"] }\n}\n');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    const found = await diagnosticsFor(doc.uri, (d) => d.some((x) => x.code === 'claude.bypassPermissions') && d.some((x) => x.code === 'claude.broadAllow'));
    const bypass = found.find((x) => x.code === 'claude.bypassPermissions')!;
    assert.equal(bypass.source, 'Countersign');
    assert.equal(doc.getText(bypass.range), '"defaultMode": "bypassPermissions"');

    // The client may ask before the server has the latest document version: ask again a few times.
    let actions: vscode.CodeAction[] = [];
    let fix: vscode.CodeAction | undefined;
    for (let attempt = 0; attempt < 20 && !fix; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, 250));
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, bypass.range);
      fix = actions.find((a) => a.title.startsWith('Countersign:'));
    }
    assert.ok(fix?.edit, `a Countersign quick fix is offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.getText(), /"defaultMode": "default"/);
    assert.match(doc.getText(), /\/\/ shared settings/);
    await diagnosticsFor(doc.uri, (d) => !d.some((x) => x.code === 'claude.bypassPermissions'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('warns about loosening Countersign settings in a repository', async () => {
    const dir = join(workspaceDir(), '.vscode');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ 'countersign.allowedPaths': ['**/.env'], 'chat.tools.global.autoApprove': true }, null, 2));
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    const found = await diagnosticsFor(doc.uri, (d) => d.some((x) => x.code === 'countersign.workspaceLoosening') && d.some((x) => x.code === 'vscode.globalAutoApprove'));
    assert.ok(found.length >= 2);
  });
});
