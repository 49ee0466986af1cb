// Plans one config change (connect or disconnect) as before/after text, so the user sees the exact diff
// before anything is written. Pure.
import { addHook, ConfigParseError, hasHook, removeHook, type CreatedPath } from './hookConfig';
import { CLINE_MARKER, clineHookScript, isClineHookScript, shQuote } from './scripts';
import { hookArgs, hookCommandLine, type ConfigTarget } from './catalog';
import { clinePowerShellScript, cmdLine, powershellLine, windowsShimPathProblem } from './windowsHookLine';
import { HOOK_TIMEOUT_SECONDS } from './answers';
import { codexHookRefs, codexMovedKeys, rekeyCodexHookStates, trustCodexHooks, untrustCodexHooks } from './codexTrust';

export interface PlannedChange {
  target: ConfigTarget;
  /** Current text; undefined when the file does not exist. */
  before: string | undefined;
  /** New text; undefined means delete the file. Equal to `before` when nothing changes. */
  after: string | undefined;
  /** Containers this connection created (kept so Disconnect removes exactly them). */
  created: CreatedPath[];
  /** The file must be executable (Cline's hook). */
  executable: boolean;
  /** Why this file cannot be changed safely; nothing is written when set. */
  problem?: string;
}

export function changes(plan: PlannedChange): boolean {
  return !plan.problem && plan.before !== plan.after;
}

/**
 * The lines written for `target`: `command` in the shell the agent runs hooks with there, and `powershell` for the
 * agents whose file has a Windows field. On Windows (docs/ARCHITECTURE.md "Hook lines on Windows"): Claude Code
 * runs hooks with Git Bash (POSIX line); Gemini CLI, Codex and Cursor with PowerShell; the VS Code agent runs its
 * `powershell` field with PowerShell and `command` with cmd.exe; Copilot CLI reads `powershell` there, `bash`
 * elsewhere. A shared (repository) file runs on every teammate's system, so its Windows field names
 * `countersign.cmd` (a bare `countersign` in PowerShell would pick npm's countersign.ps1, which the default
 * execution policy refuses to run).
 */
export function hookLines(target: ConfigTarget, shimPath: string): { command: string; powershell?: string } | { problem: string } {
  const { agent, shared } = target;
  const posix = hookCommandLine(agent, target, shimPath, shQuote);
  const args = hookArgs(agent);
  const sharedPs = powershellLine({ bare: 'countersign.cmd' }, args);
  const hasWindowsField = agent === 'copilot-cli' || agent === 'vscode';
  if (shared) return hasWindowsField && agent === 'copilot-cli' ? { command: posix, powershell: sharedPs } : { command: posix };
  if (target.platform !== 'win32') return { command: posix };
  const problem = windowsShimPathProblem(shimPath);
  if (problem) return { problem };
  const ps = powershellLine({ path: shimPath }, args);
  switch (agent) {
    case 'claude':
      return { command: posix };
    case 'vscode':
      return { command: cmdLine(shimPath, args), powershell: ps };
    case 'copilot-cli':
      return { command: posix, powershell: ps };
    case 'cline':
    case 'codex':
    case 'cursor':
    case 'gemini':
      return { command: ps };
  }
}

export function planConnect(target: ConfigTarget, before: string | undefined, shimPath: string): PlannedChange {
  const base = { target, before, created: [] as CreatedPath[], executable: target.kind === 'cline-script' };
  const lines = hookLines(target, shimPath);
  if ('problem' in lines) return { ...base, after: before, problem: `${target.file}: ${lines.problem}` };
  const { command } = lines;
  if (target.kind === 'cline-script') {
    if (before !== undefined && !isClineHookScript(before)) {
      return { ...base, after: before, problem: `${target.file} already holds another PreToolUse hook; Countersign will not replace it. Merge it by hand or move it aside.` };
    }
    const windows = target.platform === 'win32';
    const script = windows ? clinePowerShellScript(CLINE_MARKER, target.shared ? powershellLine({ bare: 'countersign.cmd' }, hookArgs('cline')) : command) : clineHookScript(command);
    return { ...base, after: script, created: before === undefined ? [[]] : [] };
  }
  if (target.kind === 'codex-config') return { ...base, after: before, problem: `${target.file} holds no hook; Codex trust is planned with planCodexTrust` };
  if (target.kind === 'vscode-settings') return { ...base, after: before, problem: `${target.file} holds no hook; its hook location is planned with planUserHooksLocation` };
  try {
    const edit = addHook(target.kind, before, { agent: target.agent, command, ...(lines.powershell === undefined ? {} : { powershell: lines.powershell }), timeoutSec: HOOK_TIMEOUT_SECONDS[target.agent] });
    return { ...base, after: edit.text, created: edit.created };
  } catch (err) {
    const why = err instanceof ConfigParseError ? err.message : String(err);
    return { ...base, after: before, problem: `${target.file}: ${why}` };
  }
}

export function planDisconnect(target: ConfigTarget, before: string | undefined, created: readonly CreatedPath[]): PlannedChange {
  const base = { target, before, created: [] as CreatedPath[], executable: target.kind === 'cline-script' };
  if (before === undefined) return { ...base, after: undefined };
  if (target.kind === 'cline-script') return { ...base, after: isClineHookScript(before) ? undefined : before };
  if (target.kind === 'codex-config' || target.kind === 'vscode-settings') return { ...base, after: before };
  if (!hasHook(target.kind, before)) return { ...base, after: before };
  try {
    return { ...base, after: removeHook(before, created) };
  } catch (err) {
    return { ...base, after: before, problem: `${target.file}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * Codex skips an untrusted hook silently, so connecting Codex also records the hook's trust in the user's
 * config.toml. `hookPlans` are the hooks.json plans; the trust follows whatever each leaves in its file.
 */
export function planCodexTrust(config: ConfigTarget, before: string | undefined, hookPlans: readonly PlannedChange[]): PlannedChange | undefined {
  const refs = hookPlans.filter((p) => !p.problem).flatMap((p) => codexHookRefs(p.target.file, p.after));
  if (refs.length === 0) return undefined;
  const base = { target: config, before, created: [] as CreatedPath[], executable: false };
  const edit = trustCodexHooks(before, refs);
  return edit.problem !== undefined ? { ...base, after: before, problem: `${config.file}: ${edit.problem}` } : { ...base, after: edit.text };
}

/**
 * Disconnecting Codex drops the trust Connect recorded for the hooks being removed, and moves the trust of the
 * user's hooks that sat after Countersign's to their new positions (Codex keys trust by position).
 */
export function planCodexUntrust(config: ConfigTarget, before: string | undefined, hookPlans: readonly PlannedChange[]): PlannedChange | undefined {
  if (before === undefined) return undefined;
  const removing = hookPlans.filter((p) => !p.problem);
  const keys = removing.flatMap((p) => codexHookRefs(p.target.file, p.before).map((r) => r.key));
  if (keys.length === 0) return undefined;
  let after = untrustCodexHooks(before, keys);
  for (const p of removing) after = rekeyCodexHookStates(after, codexMovedKeys(p.target.file, p.before, p.after));
  return { target: config, before, after, created: [], executable: false };
}
