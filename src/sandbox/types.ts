// What a sandboxed run may see and change, as data: the plan builders compute it, the bwrap and sandbox-exec
// translators turn it into arguments or a profile. Every path is absolute and resolved (no symlinks).

export interface SandboxPlan {
  /** Folders the command may change (workspace folders, temporary folders, tool caches under the home). */
  writable: string[];
  /** Existing paths that stay read-only even inside a writable folder (agent configs, Countersign's state). */
  readOnly: string[];
  /** Existing files that appear empty and unwritable. */
  hiddenFiles: string[];
  /** Existing folders that appear empty and unwritable (~/.ssh, ~/.aws). */
  hiddenDirs: string[];
  /** Paths an approved action named: visible and writable as they are outside, whatever would hide them. */
  allowed: string[];
  /** The environment the command starts with (secret variables removed). */
  env: Record<string, string>;
  /** The names removed from the environment (for tests and `--explain`). */
  removedEnv: string[];
  /** Where the command starts. */
  cwd: string;
}

/** Whether this machine can sandbox: the doctor, the panel and the hooks ask this. */
export type SandboxProbe =
  | { state: 'available'; mechanism: 'bubblewrap' | 'sandbox-exec'; path: string; detail: string }
  | { state: 'missing'; mechanism: 'bubblewrap' | 'sandbox-exec'; detail: string }
  | { state: 'cannot-run'; mechanism: 'bubblewrap' | 'sandbox-exec'; path: string; detail: string }
  | { state: 'unsupported'; detail: string };

export { sandboxSettingOf, type SandboxSetting } from '../ipc/settingsSnapshot';
