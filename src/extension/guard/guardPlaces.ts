// Where this window's guard check reads settings: the same files `countersign doctor` reads, plus what only the
// extension knows (VS Code's own user settings file, the folder's trust).
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { managedSettingsFiles, type DoctorPlaces } from '../../agents/doctor';

/** <user data>/User/settings.json: global storage is <user data>/User/globalStorage/<extension id>. */
export function vscodeUserSettingsFile(globalStorage: string): string {
  return join(dirname(dirname(globalStorage)), 'settings.json');
}

export function guardPlaces(globalStorage: string): DoctorPlaces {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  const places: DoctorPlaces = {
    home: homedir(),
    managed: managedSettingsFiles(),
    vscodeUserSettings: [vscodeUserSettingsFile(globalStorage)],
    vscodeTrusted: vscode.workspace.isTrusted,
  };
  if (folder) places.workspace = folder.uri.fsPath;
  if (process.env.CODEX_HOME) places.codexHome = process.env.CODEX_HOME;
  return places;
}

/** Folders outside the workspace whose files the check reads (watched one level deep each). */
export function watchedFolders(p: DoctorPlaces): string[] {
  const h = p.home;
  const codex = p.codexHome ?? join(h, '.codex');
  return [
    join(h, '.claude'),
    join(h, '.copilot'),
    join(h, '.copilot', 'hooks'),
    join(h, '.cursor'),
    join(h, '.gemini'),
    codex,
    join(h, '.cline', 'hooks'),
    join(h, 'Documents', 'Cline', 'Hooks'),
    ...p.vscodeUserSettings.map(dirname),
    ...p.managed.claude.map(dirname),
    ...p.managed.gemini.map(dirname),
  ];
}

/** The workspace files the check reads, as one glob. */
export const WORKSPACE_GLOB = '{.claude/settings*.json,.vscode/settings.json,.github/hooks/*.json,.cursor/hooks.json,.gemini/settings.json,.codex/hooks.json,.clinerules/hooks/*,.cline/hooks/*}';
