// The places a sandbox plan starts from, computed from the homes and workspace folders passed in (pure): what
// ordinary tools write, where secrets and agent configs usually live, and Countersign's own state.
import { join } from 'node:path';

/** Folders under the home that package managers, compilers and test runners write (caches, toolchains). */
export const HOME_WRITABLE = [
  '.cache',
  '.npm',
  '.node-gyp',
  '.pnpm-store',
  '.yarn',
  '.bun',
  '.deno',
  '.local',
  '.cargo',
  '.rustup',
  'go',
  '.gradle',
  '.m2',
  '.ivy2',
  '.sbt',
  '.pyenv',
  '.nvm',
  '.pub-cache',
  '.nuget/packages',
  '.dotnet',
  '.conda',
  '.julia',
  '.stack',
  '.cabal',
  '.ccache',
  '.terraform.d/plugin-cache',
];

/** The temporary folders every command may write. */
export const TEMP_ROOTS = ['/tmp', '/var/tmp', '/dev/shm'];

/**
 * Agent hook and permission folders, in the home and in each workspace folder: read-only as a whole, so a command
 * can neither change a hook nor add a settings file beside it (src/agents/catalog.ts and hookConfig.ts).
 */
export const AGENT_CONFIG_DIRS = ['.claude', '.codex', '.gemini', '.copilot', '.cursor', '.cline', '.clinerules', '.github/hooks', '.vscode', '.git/hooks', '.githooks'];
/** Single agent config files beside those folders. */
export const AGENT_CONFIG_FILES = ['.claude.json', '.mcp.json', '.git/config', '.gitconfig', '.config/git/config'];

/**
 * Secret folders under the home that appear empty even when a bounded search would not reach them (the search
 * also finds every other match of the sensitive globs).
 */
export const HOME_SECRET_DIRS = [
  '.ssh',
  '.aws',
  '.azure',
  '.kube',
  '.gnupg',
  '.docker',
  '.password-store',
  '.config/gcloud',
  '.config/gh',
  '.config/op',
  '.config/doctl',
  '.oci',
  '.local/share/keyrings',
  '.pulumi',
  '.terraform.d',
];

/** Agents' own logins under the home: hidden (an agent's OAuth token is a secret like any other). */
export const AGENT_CREDENTIAL_FILES = ['.claude/.credentials.json', '.codex/auth.json', '.gemini/oauth_creds.json', '.gemini/google_accounts.json', '.copilot/config.json', '.cursor/cli-config.json'];

/** VS Code-family user folders (settings, Countersign's global storage) under a Linux or macOS home. */
export function editorUserDirs(home: string, platform: NodeJS.Platform): string[] {
  const products = ['Code', 'Code - Insiders', 'Code - OSS', 'VSCodium', 'Cursor', 'Windsurf', 'Positron'];
  const base = platform === 'darwin' ? join(home, 'Library', 'Application Support') : join(home, '.config');
  return [
    ...products.map((p) => join(base, p, 'User')),
    join(home, '.local', 'share', 'code-server', 'User'),
    join(home, '.vscode-server', 'data', 'User'),
    join(home, '.vscode-server', 'data', 'Machine'),
    join(home, '.vscode-server-insiders', 'data', 'User'),
  ];
}

export interface PlaceInputs {
  homes: string[];
  workspaces: string[];
  platform: NodeJS.Platform;
  /** Countersign's runtime directories, state directory and global storage (protectedPaths of the snapshot). */
  countersignState: string[];
  /** $TMPDIR as given (accepted only inside a temporary root or a workspace folder: a variable must not widen). */
  tmpdir?: string;
}

export interface Places {
  writable: string[];
  readOnly: string[];
  hidden: string[];
}

function inside(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

/** Candidate paths (existing or not: the caller keeps those that exist). */
export function places(i: PlaceInputs): Places {
  const writable = [...i.workspaces, ...TEMP_ROOTS];
  if (i.platform === 'darwin') writable.push('/private/tmp', '/private/var/folders', '/var/folders');
  if (i.tmpdir && i.tmpdir.startsWith('/') && [...TEMP_ROOTS, ...i.workspaces].some((d) => inside(i.tmpdir!, d))) writable.push(i.tmpdir);
  const readOnly: string[] = [...i.countersignState];
  const hidden: string[] = [];
  for (const home of i.homes) {
    writable.push(...HOME_WRITABLE.map((d) => join(home, d)));
    readOnly.push(...AGENT_CONFIG_DIRS.map((d) => join(home, d)), ...AGENT_CONFIG_FILES.map((f) => join(home, f)));
    readOnly.push(join(home, '.local', 'state', 'countersign'), join(home, 'Documents', 'Cline'));
    readOnly.push(...editorUserDirs(home, i.platform).flatMap((u) => [join(u, 'settings.json'), join(u, 'profiles'), join(u, 'globalStorage', 'countersign.countersign')]));
    // Start-up files a cache folder does not hold but a writable ~/.local does (systemd user units, autostart).
    readOnly.push(join(home, '.local', 'share', 'systemd'), join(home, '.local', 'share', 'applications'));
    hidden.push(...HOME_SECRET_DIRS.map((d) => join(home, d)), ...AGENT_CREDENTIAL_FILES.map((f) => join(home, f)));
  }
  for (const ws of i.workspaces) readOnly.push(...AGENT_CONFIG_DIRS.map((d) => join(ws, d)), ...AGENT_CONFIG_FILES.map((f) => join(ws, f)));
  return { writable: [...new Set(writable)], readOnly: [...new Set(readOnly)], hidden: [...new Set(hidden)] };
}
