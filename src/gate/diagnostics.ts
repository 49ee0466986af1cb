// The gate as a language server: lints open agent config files and publishes diagnostics, with quick fixes
// for the findings whose fix only tightens.
import { homedir } from 'node:os';
import { CodeActionKind, DiagnosticSeverity, TextDocuments, type CodeAction, type Connection, type Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { configTarget } from '../agents/catalog';
import { readText } from '../agents/connect';
import { hasHook } from '../agents/hookConfig';
import { lintConfig, type LintContext, type LintFinding } from '../lint';

const SEVERITY: Record<LintFinding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

/** Is Countersign's hook in any of this agent's config files (user, or one of the workspace folders)? */
function hookContext(folders: () => readonly string[]): LintContext {
  return {
    hookInstalled(agent) {
      const places = [{ home: homedir() }, ...folders().map((workspace) => ({ home: homedir(), workspace }))];
      return places.some((where) =>
        (['user', 'workspace'] as const).some((scope) => {
          const target = configTarget(agent, scope, where);
          try {
            return !!target && hasHook(target.kind, readText(target.file));
          } catch {
            return false;
          }
        }),
      );
    },
  };
}

export function serveDiagnostics(connection: Connection, folders: () => readonly string[]): void {
  const documents = new TextDocuments(TextDocument);
  const findings = new Map<string, LintFinding[]>();
  const ctx = hookContext(folders);

  const lint = (doc: TextDocument) => {
    const path = decodeURIComponent(new URL(doc.uri).pathname);
    const found = lintConfig(path, doc.getText(), ctx);
    findings.set(doc.uri, found);
    const diagnostics: Diagnostic[] = found.map((f) => ({
      range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) },
      severity: SEVERITY[f.severity],
      code: f.code,
      source: 'Countersign',
      message: f.message,
    }));
    void connection.sendDiagnostics({ uri: doc.uri, diagnostics });
  };

  documents.onDidOpen((e) => lint(e.document));
  documents.onDidChangeContent((e) => lint(e.document));
  documents.onDidClose((e) => {
    findings.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params): CodeAction[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const from = doc.offsetAt(params.range.start);
    const to = doc.offsetAt(params.range.end);
    return (findings.get(doc.uri) ?? [])
      .filter((f) => f.fix && f.start <= to && f.end >= from)
      .map((f) => ({
        title: `Countersign: ${f.fix!.title}`,
        kind: CodeActionKind.QuickFix,
        isPreferred: true,
        edit: {
          changes: {
            [doc.uri]: f.fix!.edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.content })),
          },
        },
      }));
  });

  documents.listen(connection);
}
