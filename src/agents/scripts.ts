// Small executable files Countersign writes: the stable hook shim, and Cline's PreToolUse hook.
// Pure: content only; the extension writes them (user-only, executable).

/** POSIX single-quoting: safe for any path. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export const SHIM_MARKER = 'Countersign hook shim';

/**
 * The shim agents' configs point at. Its path never changes; the extension rewrites its content on every start,
 * so it follows extension updates, and it runs the CLI with the editor's own runtime (no Node needed on PATH).
 * If the extension is gone, it still denies (exit 2 blocks in Claude Code, Codex, Gemini CLI, Copilot) and says why.
 */
export function posixShim(runtime: string, cliPath: string, home: string): string {
  return `#!/bin/sh
# ${SHIM_MARKER}: written by the Countersign VS Code extension; rewritten on each start.
# Remove Countersign from your agents with "Countersign: Disconnect Agents…".
CLI=${shQuote(cliPath)}
if [ ! -f "$CLI" ]; then
  echo "Countersign is not installed any more, so this agent action was denied. Reinstall it, or remove its hook from your agent's config." >&2
  echo '{"decision":"block","reason":"Countersign is not installed any more; denied.","permission":"deny","cancel":true,"errorMessage":"Countersign is not installed any more; denied.","permissionDecision":"deny","hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":"Countersign is not installed any more; denied."}}'
  exit 2
fi
COUNTERSIGN_HOME=${shQuote(home)} ELECTRON_RUN_AS_NODE=1 exec ${shQuote(runtime)} "$CLI" "$@"
`;
}

/** Windows: a .cmd next to the POSIX shim. */
export function windowsShim(runtime: string, cliPath: string, home: string): string {
  return [
    '@echo off',
    `rem ${SHIM_MARKER}: written by the Countersign VS Code extension.`,
    `set "COUNTERSIGN_HOME=${home}"`,
    'set "ELECTRON_RUN_AS_NODE=1"',
    `"${runtime}" "${cliPath}" %*`,
    '',
  ].join('\r\n');
}

export const CLINE_MARKER = 'Countersign: Cline PreToolUse hook';

/** Cline runs an executable named PreToolUse; this one hands the payload to Countersign. */
export function clineHookScript(command: string): string {
  return `#!/bin/sh
# ${CLINE_MARKER} (remove with "Countersign: Disconnect Agents…").
exec ${command}
`;
}

export function isClineHookScript(text: string | undefined): boolean {
  return typeof text === 'string' && text.includes(CLINE_MARKER);
}
