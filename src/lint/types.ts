// Findings about agent configs that weaken review. Pure data; the gate turns them into LSP diagnostics and
// quick fixes.

export interface TextEdit {
  offset: number;
  length: number;
  content: string;
}

export interface LintFinding {
  /** Stable id, e.g. `claude.bypassPermissions`. */
  code: string;
  severity: 'error' | 'warning' | 'information';
  message: string;
  /** Offsets into the file text. */
  start: number;
  end: number;
  /** A fix that is safe to apply as is (it only tightens). */
  fix?: { title: string; edits: TextEdit[] };
}

/** What a lint rule may need to know beyond the file itself. */
export interface LintContext {
  /** Is Countersign's hook configured for this agent anywhere (user or workspace config)? */
  hookInstalled(agent: 'claude' | 'cursor' | 'gemini' | 'codex' | 'vscode'): boolean;
}

export type ConfigFileKind = 'claude' | 'vscode-settings' | 'cursor' | 'gemini' | 'codex' | 'copilot-hooks';
