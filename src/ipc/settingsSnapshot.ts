// The user's Countersign settings, saved by the extension where the CLI can read them without VS Code:
// a hook that finds no gate still applies the user's sensitive paths and whenUnreachable choice.
// It lives in COUNTERSIGN_HOME (the extension's global storage, set by the hook shim), user-only.
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewDefault } from '../protocol/gateLsp';

export interface SettingsSnapshot {
  sensitivePaths: string[];
  allowedPaths: string[];
  protectedPaths: string[];
  reviewDefault: ReviewDefault;
}

export const EMPTY_SNAPSHOT: SettingsSnapshot = { sensitivePaths: [], allowedPaths: [], protectedPaths: [], reviewDefault: 'deny' };
const FILE = 'settings.json';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** Missing or damaged snapshots give the strict defaults (review denied), never something looser. */
export function readSnapshot(home: string | undefined): SettingsSnapshot {
  if (!home) return EMPTY_SNAPSHOT;
  try {
    const raw = JSON.parse(readFileSync(join(home, FILE), 'utf8')) as Partial<Record<keyof SettingsSnapshot, unknown>>;
    return {
      sensitivePaths: strings(raw.sensitivePaths),
      allowedPaths: strings(raw.allowedPaths),
      protectedPaths: strings(raw.protectedPaths),
      reviewDefault: raw.reviewDefault === 'allow' ? 'allow' : 'deny',
    };
  } catch {
    return EMPTY_SNAPSHOT;
  }
}

export function writeSnapshot(home: string, snapshot: SettingsSnapshot): void {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const file = join(home, FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(snapshot, null, 2), { mode: 0o600 });
  renameSync(tmp, file);
}
