// Lints agent config files for settings that weaken review. Pure: the gate supplies text and context.
import { parseConfig } from './jsonNodes';
import { lintClaude, lintCodex, lintCursor, lintGemini, lintVscodeSettings } from './rules';
import type { ConfigFileKind, LintContext, LintFinding } from './types';

export type { ConfigFileKind, LintContext, LintFinding, TextEdit } from './types';

/** Which agent config a path is, by its location; undefined for files Countersign does not lint. */
export function configKindOf(path: string): { kind: ConfigFileKind; workspaceFile: boolean } | undefined {
  const p = path.replace(/\\/g, '/');
  if (/\/\.claude\/settings(\.local)?\.json$/.test(p)) return { kind: 'claude', workspaceFile: true };
  if (/\/\.vscode\/settings\.json$/.test(p)) return { kind: 'vscode-settings', workspaceFile: true };
  if (/\/User\/settings\.json$/.test(p)) return { kind: 'vscode-settings', workspaceFile: false };
  if (/\/\.cursor\/hooks\.json$/.test(p)) return { kind: 'cursor', workspaceFile: true };
  if (/\/\.gemini\/settings\.json$/.test(p)) return { kind: 'gemini', workspaceFile: true };
  if (/\/\.codex\/hooks\.json$/.test(p)) return { kind: 'codex', workspaceFile: true };
  return undefined;
}

export function lintConfig(path: string, text: string, ctx: LintContext): LintFinding[] {
  const which = configKindOf(path);
  const root = which && parseConfig(text);
  if (!which || !root) return [];
  switch (which.kind) {
    case 'claude':
      return lintClaude(text, root, ctx);
    case 'vscode-settings':
      return lintVscodeSettings(text, root, which.workspaceFile);
    case 'cursor':
      return lintCursor(text, root);
    case 'gemini':
      return lintGemini(text, root);
    case 'codex':
      return lintCodex(text, root);
    case 'copilot-hooks':
      return [];
  }
}
