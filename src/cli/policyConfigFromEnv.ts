// Policy settings for CLI runs outside VS Code: built-in defaults, plus what the extension or the user put in the
// environment (JSON string arrays): COUNTERSIGN_SENSITIVE_PATHS, COUNTERSIGN_ALLOWED_PATHS,
// COUNTERSIGN_WORKSPACE_FOLDERS (default: the current directory), COUNTERSIGN_PROTECTED_PATHS (added to the gate
// runtime directory, which is always protected).
import { homedir } from 'node:os';
import type { PolicyConfig } from '../policy';
import { runtimeDir } from '../ipc/runtimeDir';

function list(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string' && v !== '') : [];
  } catch {
    return [];
  }
}

export function policyConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PolicyConfig {
  const folders = list(env.COUNTERSIGN_WORKSPACE_FOLDERS);
  return {
    sensitivePaths: list(env.COUNTERSIGN_SENSITIVE_PATHS),
    allowedPaths: list(env.COUNTERSIGN_ALLOWED_PATHS),
    workspaceFolders: folders.length > 0 ? folders : [process.cwd()],
    home: homedir(),
    protectedPaths: [runtimeDir(env), ...list(env.COUNTERSIGN_PROTECTED_PATHS)],
  };
}
