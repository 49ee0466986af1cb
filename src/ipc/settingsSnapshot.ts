// The user's Countersign settings, saved by the extension where the CLI can read them without VS Code:
// a hook that finds no gate still applies the user's sensitive paths and whenUnreachable choice.
// It lives in the user's state directory (runtimeDir.ts: stateDir, from the account, not the environment), and is
// read only when that directory and the file are the user's own and writable by nobody else: a snapshot someone
// else could have written might loosen allowedPaths or whenUnreachable.
import { closeSync, fstatSync, openSync, readFileSync, renameSync, writeFileSync, constants } from 'node:fs';
import { join } from 'node:path';
import type { ReviewDefault } from '../protocol/gateLsp';
import { assertPrivateDir, ensurePrivateDir, stateDir } from './runtimeDir';

/** The `countersign.sandbox` setting: `auto` runs agents' allowed commands sandboxed where a sandbox is available. */
export type SandboxSetting = 'auto' | 'off';

export function sandboxSettingOf(value: unknown): SandboxSetting {
  // Anything but an explicit `off` keeps the sandbox on: a damaged setting must not switch it off.
  return value === 'off' ? 'off' : 'auto';
}

export interface SettingsSnapshot {
  sensitivePaths: string[];
  allowedPaths: string[];
  protectedPaths: string[];
  reviewDefault: ReviewDefault;
  /** User (or machine) scope only: a repository cannot switch the sandbox off. */
  sandbox?: SandboxSetting;
}

export const EMPTY_SNAPSHOT: SettingsSnapshot = { sensitivePaths: [], allowedPaths: [], protectedPaths: [], reviewDefault: 'deny', sandbox: 'auto' };
const FILE = 'settings.json';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** The file's text if it is a plain file owned by this user that no one else can write; else undefined. */
function readOwnFile(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const st = fstatSync(fd);
    if (!st.isFile()) return undefined;
    if (process.platform !== 'win32' && (st.uid !== process.getuid?.() || (st.mode & 0o022) !== 0)) return undefined;
    return readFileSync(fd, 'utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The snapshot in `dir` (default: the user's state directory). Missing, damaged, or not safely the user's own:
 * the strict defaults (review denied), never something looser.
 */
export function readSnapshot(dir: string = stateDir()): SettingsSnapshot {
  try {
    assertPrivateDir(dir);
  } catch {
    return EMPTY_SNAPSHOT;
  }
  const text = readOwnFile(join(dir, FILE));
  if (text === undefined) return EMPTY_SNAPSHOT;
  try {
    const raw = JSON.parse(text) as Partial<Record<keyof SettingsSnapshot, unknown>>;
    return {
      sensitivePaths: strings(raw.sensitivePaths),
      allowedPaths: strings(raw.allowedPaths),
      protectedPaths: strings(raw.protectedPaths),
      reviewDefault: raw.reviewDefault === 'allow' ? 'allow' : 'deny',
      sandbox: sandboxSettingOf(raw.sandbox),
    };
  } catch {
    return EMPTY_SNAPSHOT;
  }
}

export function writeSnapshot(snapshot: SettingsSnapshot, dir: string = stateDir()): void {
  ensurePrivateDir(dir);
  const file = join(dir, FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(snapshot, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
}
