// Countersign's settings, typed. Tightening settings union every scope (a repository can add sensitive
// paths, never remove one); loosening settings come from user (machine) scope only.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { PolicyConfig } from '../policy/types';
import type { GateSettings, ReviewDefault } from '../protocol/gateLsp';
import { sandboxSettingOf, type SettingsSnapshot } from '../ipc/settingsSnapshot';
import { runtimeDir as userRuntimeDir, stateDir } from '../ipc/runtimeDir';

const SECTION = 'countersign';

function union(config: vscode.WorkspaceConfiguration, key: string): string[] {
  const i = config.inspect<string[]>(key);
  const all = [i?.defaultValue, i?.globalValue, i?.workspaceValue, i?.workspaceFolderValue].flatMap((v) => (Array.isArray(v) ? v : []));
  return [...new Set(all.filter((v): v is string => typeof v === 'string'))];
}

/** The user-level value (or the default): workspace and folder values are ignored, whatever the declared scope. */
function userOnly<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const i = config.inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

export interface Config {
  settings: GateSettings;
  /** Directory of this window's audit log. */
  auditDir: string;
}

export function readConfig(globalStorage: string, runtimeDir: string): Config {
  const config = vscode.workspace.getConfiguration(SECTION);
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const policy: PolicyConfig = {
    sensitivePaths: union(config, 'sensitivePaths'),
    allowedPaths: strings(userOnly(config, 'allowedPaths')),
    // Countersign's own state: the shim, settings snapshot, audit logs and gate sockets.
    protectedPaths: [...new Set([globalStorage, runtimeDir, userRuntimeDir(), stateDir()])],
    workspaceFolders: folders,
    home: homedir(),
  };
  const reviewDefault: ReviewDefault = userOnly(config, 'whenUnreachable') === 'allow' ? 'allow' : 'deny';
  const auditRoot = (userOnly<string>(config, 'auditLog.directory') ?? '').trim() || join(globalStorage, 'audit');
  // One log per workspace: the folders' hash names it (an empty window shares "no-folder").
  const key = folders.length ? createHash('sha256').update(folders.join('\n')).digest('hex').slice(0, 16) : 'no-folder';
  // A repository must not switch the sandbox off: only the user's (or the machine's) value counts.
  const sandbox = sandboxSettingOf(userOnly(config, 'sandbox'));
  return { settings: { policy, reviewDefault, sandbox }, auditDir: join(auditRoot, key) };
}

export function snapshotOf(settings: GateSettings): SettingsSnapshot {
  const { sensitivePaths, allowedPaths, protectedPaths = [] } = settings.policy;
  return { sensitivePaths, allowedPaths, protectedPaths, reviewDefault: settings.reviewDefault, sandbox: sandboxSettingOf(settings.sandbox) };
}

export function affectsCountersign(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SECTION);
}
