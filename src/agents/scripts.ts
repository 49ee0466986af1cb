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
# NODE_OPTIONS from the agent's environment could preload code into the hook (--require, --import): never passed on.
out=$(unset NODE_OPTIONS; ELECTRON_RUN_AS_NODE=1 ${shQuote(runtime)} "$CLI" "$@")
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

/**
 * A value written into a .cmd file inside `set "NAME=…"`: `%` doubled (cmd expands it even in quotes); a quote or a
 * line break cannot be carried safely (and no Windows path holds one), so it is refused.
 */
export function cmdSetValue(value: string): string {
  if (/["\r\n\0]/.test(value)) throw new Error(`cannot write ${JSON.stringify(value)} into a .cmd file`);
  return value.replace(/%/g, '%%');
}

/**
 * Windows: the same contract as the POSIX shim, as a .cmd. The CLI's answer goes to a private file first
 * (`pending\<unique>\answer` beside the shim: mkdir is the only atomic "create if absent" cmd has, and %RANDOM% is
 * seeded by the second, so parallel hooks retry), and is printed only when the CLI exited with exactly 0 or 2,
 * compared as strings: `if errorlevel 1` reads a negative NTSTATUS crash (0xC0000005 is -1073741819) as success,
 * and a caller that keeps 8 bits reads 256 as 0. Anything else, or a CLI that is gone, prints a deny and exits 2.
 * Delayed expansion is off so `!` in a path stays literal; the echoed denies hold no cmd metacharacter.
 */
export function windowsShim(runtime: string, cliPath: string, shimDir: string, writtenBy: 'extension' | 'cli' = 'extension'): string {
  const origin =
    writtenBy === 'cli'
      ? ['rem written by `countersign connect`; rewritten on each connect.', 'rem Remove Countersign from your agents with `countersign disconnect --agent all`.']
      : ['rem written by the Countersign VS Code extension; rewritten on each start.', 'rem Remove Countersign from your agents with "Countersign: Disconnect Agents...".'];
  const deny = (why: string) => `echo ${universalDeny(why)}`;
  return [
    '@echo off',
    `rem ${SHIM_MARKER}`,
    ...origin,
    'setlocal EnableExtensions DisableDelayedExpansion',
    `set "CS_CLI=${cmdSetValue(cliPath)}"`,
    `set "CS_RUNTIME=${cmdSetValue(runtime)}"`,
    `set "CS_WORK=${cmdSetValue(shimDir.replace(/[\\/]+$/, ''))}\\pending"`,
    'if not exist "%CS_CLI%" goto cs_missing',
    'set "ELECTRON_RUN_AS_NODE=1"',
    // NODE_OPTIONS from the agent's environment could preload code into the hook (--require, --import).
    'set "NODE_OPTIONS="',
    'set /a CS_TRIES=0',
    ':cs_pick',
    'set /a CS_TRIES+=1',
    'if %CS_TRIES% GTR 200 goto cs_noroom',
    'set "CS_OUT=%CS_WORK%\\%RANDOM%-%RANDOM%-%CS_TRIES%"',
    // `||` and a successful mkdir leave ERRORLEVEL alone (and Wine's cmd runs `||` after a successful mkdir): clear
    // it with `(call )` first, then mkdir's failure (always 1, never negative) is the one thing `if errorlevel` sees.
    '(call )',
    'mkdir "%CS_OUT%" 1>nul 2>nul',
    'if errorlevel 1 goto cs_pick',
    '"%CS_RUNTIME%" "%CS_CLI%" %* 1>"%CS_OUT%\\answer"',
    'set "CS_CODE=%ERRORLEVEL%"',
    'if "%CS_CODE%"=="0" goto cs_answer',
    'if "%CS_CODE%"=="2" goto cs_answer',
    'rd /s /q "%CS_OUT%" 1>nul 2>nul',
    '1>&2 echo Countersign\'s hook failed to run (exit code %CS_CODE%), so this agent action was denied.',
    deny('Countersign: the hook failed to run; denied.'),
    'exit /b 2',
    ':cs_answer',
    'if not exist "%CS_OUT%\\answer" goto cs_lost',
    '(call )',
    'type "%CS_OUT%\\answer" 2>nul',
    'if errorlevel 1 goto cs_lost',
    'rd /s /q "%CS_OUT%" 1>nul 2>nul',
    'exit /b %CS_CODE%',
    ':cs_lost',
    'rd /s /q "%CS_OUT%" 1>nul 2>nul',
    '1>&2 echo Countersign could not read its own answer, so this agent action was denied.',
    deny('Countersign: the hook answer was lost; denied.'),
    'exit /b 2',
    ':cs_noroom',
    '1>&2 echo Countersign could not create its answer folder, so this agent action was denied.',
    deny('Countersign: the hook could not run; denied.'),
    'exit /b 2',
    ':cs_missing',
    "1>&2 echo Countersign is not installed any more, so this agent action was denied. Reinstall it, or remove its hook from your agent's config.",
    deny('Countersign is not installed any more; denied.'),
    'exit /b 2',
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
