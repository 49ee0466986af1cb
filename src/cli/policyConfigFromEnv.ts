// Policy settings for CLI runs outside VS Code: defaults, plus what the extension or user put in the environment.
import { homedir } from 'node:os';
import type { PolicyConfig } from '../policy';

function list(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function policyConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PolicyConfig {
  return {
    sensitivePaths: list(env.COUNTERSIGN_SENSITIVE_PATHS),
    allowedPaths: list(env.COUNTERSIGN_ALLOWED_PATHS),
    workspaceFolders: [process.cwd()],
    home: homedir(),
  };
}
