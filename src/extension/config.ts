// Countersign's settings, typed. Tightening settings union every scope (a repository can add sensitive
// paths, never remove one); loosening settings come from user (machine) scope only.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import type { PolicyConfig } from '../policy/types';

const SECTION = 'countersign';

function union(config: vscode.WorkspaceConfiguration, key: string): string[] {
  const i = config.inspect<string[]>(key);
  const all = [i?.defaultValue, i?.globalValue, i?.workspaceValue, i?.workspaceFolderValue].flatMap((v) => (Array.isArray(v) ? v : []));
  return [...new Set(all.filter((v): v is string => typeof v === 'string'))];
}

function userOnly(config: vscode.WorkspaceConfiguration, key: string): string[] {
  const i = config.inspect<string[]>(key);
  const value = i?.globalValue ?? i?.defaultValue ?? [];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function readPolicyConfig(): PolicyConfig {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    sensitivePaths: union(config, 'sensitivePaths'),
    allowedPaths: userOnly(config, 'allowedPaths'),
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath),
    home: homedir(),
  };
}

export function affectsPolicy(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SECTION);
}
