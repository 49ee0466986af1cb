// The hook command lines Countersign writes for agents on Windows, in the shell each agent runs them with there
// (read from each agent's source, see docs/ARCHITECTURE.md "Hook lines on Windows"):
//   - PowerShell (`powershell.exe`/`pwsh.exe -Command <line>`): Copilot CLI's `powershell` field, VS Code's
//     `powershell` field, Gemini CLI, Codex, Cursor (inside `& { $input | <line> }`); Cline runs `PreToolUse.ps1`
//     with `-File`.
//   - cmd.exe (`cmd /d /s /c "<line>"`, Node's `shell: true`): VS Code's plain `command` field.
// Every line ends up starting the .cmd shim, and Windows starts a .cmd through cmd.exe with the path in double
// quotes, so the path must also survive cmd's own reading: `%NAME%` and `!NAME!` would be expanded even inside
// quotes (refused, see windowsShimPathProblem); `&`, `^`, `(`, `)`, `'`, spaces and any Unicode are safe there.
// Pure.

/** A PowerShell single-quoted literal: PowerShell also ends one at the typographic single quotes, so those are doubled too. */
export function psQuote(s: string): string {
  return `'${s.replace(/['\u2018\u2019\u201A\u201B]/g, '$&$&')}'`;
}

/**
 * A PowerShell line running `program` with plain-word `args`. `& '<path>'` is PowerShell's call syntax (a bare
 * quoted string would be an expression, and `'<path>' hook` a parse error: the hook would never start). It ends
 * with `exit $LASTEXITCODE`: `-Command` otherwise exits 1 for any failed native command, and exit 2 (a block for
 * Gemini CLI, VS Code and Claude Code) would turn into 1 (a warning, and the tool runs). In bash or sh (shared
 * repository files also run on Linux and macOS) `exit $LASTEXITCODE` is `exit`: the last command's status.
 */
export function powershellLine(program: { path: string } | { bare: string }, args: readonly string[]): string {
  for (const a of args) if (!/^[A-Za-z0-9._-]+$/.test(a)) throw new Error(`not a plain word: ${JSON.stringify(a)}`);
  const head = 'path' in program ? `& ${psQuote(program.path)}` : program.bare;
  return `${[head, ...args].join(' ')}; exit $LASTEXITCODE`;
}

/** A cmd.exe line (what Node's `shell: true` runs on Windows) starting the .cmd at `path`. */
export function cmdLine(path: string, args: readonly string[]): string {
  const problem = windowsShimPathProblem(path);
  if (problem) throw new Error(problem);
  for (const a of args) if (!/^[A-Za-z0-9._-]+$/.test(a)) throw new Error(`not a plain word: ${JSON.stringify(a)}`);
  return [`"${path}"`, ...args].join(' ');
}

/**
 * Why a shim path cannot be written into a Windows hook line, or undefined. cmd.exe reads the path of the .cmd it
 * starts: `%NAME%` is expanded inside double quotes too (and `!NAME!` where delayed expansion is switched on for
 * the user), with no escape that works inside quotes; a `"` cannot be in a Windows path at all. Rather than a line
 * that starts something else (and the agent runs the tool: a hook that does not start fails open), refuse.
 */
export function windowsShimPathProblem(path: string): string | undefined {
  if (/["\r\n\0]/.test(path)) return `the hook path ${JSON.stringify(path)} holds a character no Windows hook line can carry`;
  if (/%[^%]+%/.test(path) || /![^!]+!/.test(path)) {
    return `the hook path ${JSON.stringify(path)} holds %…% or !…!, which cmd.exe would expand when it starts the hook; move the home or data folder, or connect with a shared (PATH) hook`;
  }
  return undefined;
}

/**
 * Cline on Windows runs `<hooks>\PreToolUse.ps1` with `powershell -NoProfile -NonInteractive -ExecutionPolicy
 * Bypass -File`, the payload on stdin. The script hands stdin to the hook line as UTF-8 (Windows PowerShell would
 * re-encode it in the console's code page, and the answer back the same way), and exits with its code. Cline reads
 * only the JSON and ignores exit codes, so a hook that cannot even start (the shim gone) answers Cline's deny here.
 */
export function clinePowerShellScript(marker: string, hookLine: string): string {
  const deny = JSON.stringify({ cancel: true, errorMessage: 'Countersign: the hook could not start; denied.' });
  return [
    `# ${marker} (remove with "Countersign: Disconnect Agents...").`,
    "$ErrorActionPreference = 'Stop'",
    'try {',
    '  $utf8 = New-Object System.Text.UTF8Encoding $false',
    '  [Console]::InputEncoding = $utf8',
    '  [Console]::OutputEncoding = $utf8',
    '  $OutputEncoding = $utf8',
    `  $input | ${hookLine}`,
    '} catch {',
    '  [Console]::Error.WriteLine("Countersign\'s hook could not start, so this agent action was denied: $_")',
    `  Write-Output ${psQuote(deny)}`,
    '  exit 2',
    '}',
    '',
  ].join('\r\n');
}
