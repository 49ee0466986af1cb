// A bounded search of the home and the workspace folders for what the sensitive-path policy names: files to hide,
// secret folders to empty, configs to keep read-only. Bounded by depth and entry count (a sandbox that takes a
// second to start would be switched off); the well-known places (places.ts) are covered whatever the bound.
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/** What the policy says about one path: hide it, keep it read-only, or nothing (search inside a folder). */
export type PathVerdict = 'hide' | 'read-only' | undefined;
export type Classify = (abs: string, isDir: boolean) => PathVerdict;

export interface ScanRoot {
  dir: string;
  maxDepth: number;
}

export interface ScanLimits {
  /** Directory entries looked at per root. */
  maxEntries: number;
}

export const SCAN_LIMITS: ScanLimits = { maxEntries: 40_000 };

/** Folders that hold installed code or caches, never a user's secrets: not searched (they are large). */
const SKIP_NAMES = new Set(['node_modules', '.git', '__pycache__', '.venv', 'venv', 'site-packages', 'dist-packages', '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'target', '.gradle', '.next', '.nuxt', '.turbo', '.vscode-test', 'Trash', '.Trash']);
/** Paths under the home that are large installed trees (relative to the home). */
const SKIP_IN_HOME = ['.rustup', '.cargo/registry', '.cargo/git', 'go/pkg', '.npm', '.m2/repository', '.gradle/caches', '.nvm', '.pyenv', '.conda', '.local/lib', '.vscode-server/extensions', '.vscode-server/bin', '.vscode/extensions', '.cursor/extensions', 'snap', '.cache/pip', '.cache/ms-playwright', '.cache/go-build', '.cache/bazel', '.cache/yarn', '.cache/pnpm', '.local/share/pnpm', 'Library/Caches', 'Library/Developer'];

export interface ScanResult {
  hide: string[];
  readOnly: string[];
  /** A root whose bound was reached (its deeper files were not all looked at). */
  truncated: string[];
}

function real(p: string): string | undefined {
  try {
    return realpathSync(p);
  } catch {
    return undefined; // dangling link or gone: nothing to mask
  }
}

/**
 * Walks each root breadth-first. A folder the policy hides is not entered (it will be empty); everything else is,
 * up to the depth and entry bounds. Links are judged by their own name and by their target.
 */
export function scanSensitive(roots: ScanRoot[], classify: Classify, skip: string[] = [], limits: ScanLimits = SCAN_LIMITS): ScanResult {
  const hide = new Set<string>();
  const readOnly = new Set<string>();
  const truncated: string[] = [];
  const skipped = new Set(skip);
  const judge = (abs: string, isDir: boolean): PathVerdict => {
    const v = classify(abs, isDir);
    if (v === 'hide') hide.add(abs);
    else if (v === 'read-only') readOnly.add(abs);
    return v;
  };
  for (const root of roots) {
    let entries = 0;
    let queue: string[] = [root.dir];
    for (let depth = 0; depth < root.maxDepth && queue.length; depth++) {
      const next: string[] = [];
      for (const dir of queue) {
        let list: Dirent[];
        try {
          list = readdirSync(dir, { withFileTypes: true });
        } catch {
          continue; // unreadable here is unreadable inside too
        }
        for (const e of list) {
          if (++entries > limits.maxEntries) break;
          const abs = join(dir, e.name);
          if (skipped.has(abs)) continue;
          if (e.isSymbolicLink()) {
            const target = real(abs);
            if (target === undefined) continue;
            let isDir: boolean;
            try {
              isDir = statSync(target).isDirectory();
            } catch {
              continue;
            }
            // `ln -s ~/.aws/credentials notes.txt`: hide what the link reaches when either name is sensitive.
            const v = classify(abs, isDir) ?? classify(target, isDir);
            if (v === 'hide') hide.add(target);
            else if (v === 'read-only') readOnly.add(target);
            continue;
          }
          const isDir = e.isDirectory();
          const v = judge(abs, isDir);
          if (isDir && v !== 'hide' && !SKIP_NAMES.has(e.name)) next.push(abs);
        }
        if (entries > limits.maxEntries) break;
      }
      if (entries > limits.maxEntries) {
        truncated.push(root.dir);
        break;
      }
      queue = next;
    }
  }
  return { hide: [...hide], readOnly: [...readOnly], truncated };
}

/** The paths under `home` the search leaves out (installed trees; the workspace folders are searched on their own). */
export function homeSkips(home: string, workspaces: string[]): string[] {
  return [...SKIP_IN_HOME.map((p) => join(home, p)), ...workspaces];
}
