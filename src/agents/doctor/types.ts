// What `countersign doctor` (and the extension's guard check) reports: per agent, is Countersign's hook in its
// config, and will that hook actually run and decide for this workspace. Pure data.
import type { AgentName } from '../../policy/types';

/** One setting that switches the guard off or loosens approval. Exactly the fields of the doctor's JSON. */
export interface DoctorProblem {
  /** Absolute path of the file that holds the setting (or the folder, for a trust decision). */
  file: string;
  /** The setting, dotted (`disableAllHooks`, `chat.useHooks`, `permissions.defaultMode`). */
  setting: string;
  message: string;
}

export interface AgentDiagnosis {
  agent: AgentName;
  connected: boolean;
  /** Connected, and nothing stops the hook from running or lets its failure through. */
  guarded: boolean;
  problems: DoctorProblem[];
}

export interface DoctorReport {
  agents: AgentDiagnosis[];
  /** Whether allowed commands can run in Countersign's sandbox here (`countersign doctor` fills it in). */
  sandbox?: DoctorSandbox;
}

export interface DoctorSandbox {
  /** `on`; `off` by the user's setting; `missing` (not installed), `cannot-run` (e.g. no user namespaces), `unsupported` (Windows). */
  state: 'on' | 'off' | 'missing' | 'cannot-run' | 'unsupported';
  mechanism?: 'bubblewrap' | 'sandbox-exec';
  /** The setting `countersign.sandbox` as the CLI reads it from the settings snapshot. */
  setting: 'auto' | 'off';
  message: string;
}

/** A tightening edit of one file: `before` is the text it was computed from (applied only if unchanged). */
export interface DoctorFix {
  title: string;
  file: string;
  before: string;
  /** undefined: delete the file. */
  after: string | undefined;
}

/** A problem as the checks find it: whether it means the hook does not guard, and a fix when one is safe. */
export interface Finding extends DoctorProblem {
  /** The hook does not run, or its failure lets the action through: the agent is not guarded. */
  disables: boolean;
  fix?: DoctorFix;
}

export interface AgentCheck {
  agent: AgentName;
  connected: boolean;
  findings: Finding[];
}

/** Where the settings are. Everything is passed in: the checks read only these files. */
export interface DoctorPlaces {
  home: string;
  /** The workspace folder diagnosed (repository and project settings). */
  workspace?: string;
  /** $CODEX_HOME when set (the user's own Codex config). */
  codexHome?: string;
  /** Machine-wide (managed) settings files, by agent. */
  managed: { claude: string[]; gemini: string[] };
  /** VS Code user settings files to read (the extension knows its own; the CLI checks each editor's). */
  vscodeUserSettings: string[];
  /** VS Code's workspace trust, when known (the extension knows; the CLI does not). */
  vscodeTrusted?: boolean;
}
