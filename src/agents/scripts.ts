// Small executable files Countersign writes: the stable hook shim, and Cline's PreToolUse hook.
// Pure: content only; the extension writes them (user-only, executable).

/** POSIX single-quoting: safe for any path. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export const SHIM_MARKER = 'Countersign hook shim';

/** An answer every agent reads as a deny (each takes the fields it knows); exit 2 blocks where exit codes count. */
function universalDeny(reason: string): string {
  const r = JSON.stringify(reason);
  return `{"decision":"block","reason":${r},"permission":"deny","cancel":true,"errorMessage":${r},"permissionDecision":"deny","hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"deny","permissionDecisionReason":${r}}}`;
}

/**
 * The shim agents' configs point at. Its path never changes; the extension rewrites its content on every start,
 * so it follows extension updates, and it runs the CLI with the editor's own runtime (no Node needed on PATH).
 * The CLI answers every failure itself; the shim covers what the CLI cannot: the extension gone, or the CLI not
 * even starting (an update half-written, the runtime killed). A hook that crashes lets Gemini CLI, Codex and
 * Cline run the tool, so then the shim denies: exit 2 and an answer each agent reads as a deny.
 */
export function posixShim(runtime: string, cliPath: string, writtenBy: 'extension' | 'cli' = 'extension'): string {
  const origin =
    writtenBy === 'cli'
      ? '# written by `countersign connect`; rewritten on each connect.\n# Remove Countersign from your agents with `countersign disconnect --agent all`.'
      : '# written by the Countersign VS Code extension; rewritten on each start.\n# Remove Countersign from your agents with "Countersign: Disconnect Agents…".';
  return `#!/bin/sh
# ${SHIM_MARKER}
${origin}
CLI=${shQuote(cliPath)}
if [ ! -f "$CLI" ]; then
  echo "Countersign is not installed any more, so this agent action was denied. Reinstall it, or remove its hook from your agent's config." >&2
  echo '${universalDeny('Countersign is not installed any more; denied.')}'
  exit 2
fi
out=$(ELECTRON_RUN_AS_NODE=1 ${shQuote(runtime)} "$CLI" "$@")
code=$?
if [ "$code" -eq 0 ] || [ "$code" -eq 2 ]; then
  [ -n "$out" ] && printf '%s\n' "$out"
  exit "$code"
fi
echo "Countersign's hook failed to run (exit $code), so this agent action was denied." >&2
echo '${universalDeny('Countersign: the hook failed to run; denied.')}'
exit 2
`;
}

/** Windows: a .cmd next to the POSIX shim. */
export function windowsShim(runtime: string, cliPath: string): string {
  return [
    '@echo off',
    `rem ${SHIM_MARKER}: written by the Countersign VS Code extension.`,
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
