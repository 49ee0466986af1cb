// Where each agent reads its hook config, what shape it has, and how to tell the agent is installed.
// Pure: paths are computed from the home and workspace folders passed in.
import { join } from 'node:path';
import { isAgentName, type AgentName } from '../protocol/agentNames';
import type { ConfigKind } from './hookConfig';
import { HOOK_TIMEOUT_SECONDS } from './answers';

export type Scope = 'user' | 'workspace';

export interface AgentInfo {
  agent: AgentName;
  label: string;
  /** Config folders under the home directory whose presence means the agent is installed. */
  homeDirs: string[];
  /** Executables on PATH that mean the agent is installed. */
  binaries: string[];
  /** What the user must still do after connecting, if anything. */
  note?: string;
}

export const AGENTS: readonly AgentInfo[] = [
  { agent: 'claude', label: 'Claude Code', homeDirs: ['.claude'], binaries: ['claude'] },
  { agent: 'vscode', label: 'VS Code agent (Copilot)', homeDirs: [], binaries: [] },
  { agent: 'copilot-cli', label: 'Copilot CLI', homeDirs: ['.copilot'], binaries: ['copilot'] },
  { agent: 'cursor', label: 'Cursor', homeDirs: ['.cursor'], binaries: ['cursor', 'cursor-agent'] },
  { agent: 'gemini', label: 'Gemini CLI', homeDirs: ['.gemini'], binaries: ['gemini'] },
  {
    agent: 'codex',
    label: 'Codex CLI',
    homeDirs: ['.codex'],
    binaries: ['codex'],
    note: 'Codex runs a hook only once it is trusted; Countersign recorded that trust in Codex\'s config.toml. If Codex\'s /hooks ever lists the Countersign hook as untrusted or modified, trust it there: until then Codex skips it silently.',
  },
  { agent: 'cline', label: 'Cline', homeDirs: ['.cline'], binaries: ['cline'] },
];

export function agentInfo(agent: AgentName): AgentInfo {
  const info = AGENTS.find((a) => a.agent === agent);
  if (!info) throw new Error(`unknown agent ${agent}`);
  return info;
}

export interface ConfigTarget {
  agent: AgentName;
  scope: Scope;
  /** Absolute path of the file Countersign edits. */
  file: string;
  kind: ConfigKind;
  /**
   * Committed to the repository (shared with the team): such files must not hold a machine path, so the hook
   * runs `countersign` from PATH instead of this machine's shim.
   */
  shared: boolean;
  /** Where the agent runs hooks (absent: this machine); on win32 the lines are written for its Windows shell. */
  platform?: NodeJS.Platform;
}

export interface Locations {
  home: string;
  /** The workspace folder for repository scope. */
  workspace?: string;
  /** $CODEX_HOME, when set. */
  codexHome?: string;
  /** The operating system the agents run on (default: this one); it picks Windows hook lines and Cline's script name. */
  platform?: NodeJS.Platform;
}

/** The config file for an agent at a scope (undefined: that scope needs a workspace folder). */
export function configTarget(agent: AgentName, scope: Scope, where: Locations): ConfigTarget | undefined {
  const base = scope === 'user' ? where.home : where.workspace;
  if (!base) return undefined;
  const platform = where.platform ?? process.platform;
  const t = (file: string, kind: ConfigKind, shared: boolean): ConfigTarget => ({ agent, scope, file, kind, shared: scope === 'workspace' && shared, platform });
  switch (agent) {
    case 'claude':
      // settings.local.json is Claude Code's per-machine file (git-ignored by Claude), so a machine path is fine there.
      return scope === 'user' ? t(join(base, '.claude', 'settings.json'), 'claude-settings', false) : t(join(base, '.claude', 'settings.local.json'), 'claude-settings', false);
    case 'vscode':
      return scope === 'user' ? t(join(base, '.copilot', 'hooks', 'countersign.json'), 'vscode-hooks', false) : t(join(base, '.github', 'hooks', 'countersign.json'), 'vscode-hooks', true);
    case 'copilot-cli':
      return scope === 'user' ? t(join(base, '.copilot', 'hooks', 'countersign-cli.json'), 'copilot-cli-hooks', false) : t(join(base, '.github', 'hooks', 'countersign-cli.json'), 'copilot-cli-hooks', true);
    case 'cursor':
      return t(join(base, '.cursor', 'hooks.json'), 'cursor-hooks', true);
    case 'gemini':
      return t(join(base, '.gemini', 'settings.json'), 'gemini-settings', true);
    case 'codex':
      return scope === 'user' ? t(join(where.codexHome ?? join(base, '.codex'), 'hooks.json'), 'claude-settings', false) : t(join(base, '.codex', 'hooks.json'), 'claude-settings', true);
    case 'cline': {
      // Cline on Windows runs only `PreToolUse.ps1`, with PowerShell (-File); elsewhere the executable `PreToolUse`.
      const name = platform === 'win32' ? 'PreToolUse.ps1' : 'PreToolUse';
      return scope === 'user' ? t(join(base, '.cline', 'hooks', name), 'cline-script', false) : t(join(base, '.clinerules', 'hooks', name), 'cline-script', true);
    }
  }
}

/** The hook's arguments after the program. */
export function hookArgs(agent: AgentName): string[] {
  return ['hook', '--agent', agent, '--timeout', String(HOOK_TIMEOUT_SECONDS[agent])];
}

/** The command line written into a config: this machine's shim, or `countersign` from PATH for shared files. */
export function hookCommandLine(agent: AgentName, target: ConfigTarget, shimPath: string, quote: (s: string) => string): string {
  const program = target.shared ? 'countersign' : quote(shimPath);
  return [program, ...hookArgs(agent)].join(' ');
}

/** Codex keeps hook trust in the user's config.toml (never a repository's), whichever scope the hook is in. */
export function codexConfigTarget(where: Locations): ConfigTarget {
  return { agent: 'codex', scope: 'user', file: join(where.codexHome ?? join(where.home, '.codex'), 'config.toml'), kind: 'codex-config', shared: false };
}

/** Whether a name from elsewhere (a view, a message) is one of the agents above: the protocol's one list. */
export const isKnownAgent: (name: string) => name is AgentName = isAgentName;
