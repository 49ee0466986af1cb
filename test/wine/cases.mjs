// What the Windows-under-Wine layer sends through the real .cmd shim to the headless gate on a named pipe.
// Add a line to add a case: `agent` and `payload` are what the agent sends (its exact hook format), `expect` is
// the decision the agent must read. `needs: 'powershell'` runs the case only when this build judges PowerShell
// (the driver asks `evaluate` first); until then it is reported as skipped, never as passed.
const claude = (tool, command) => ({ session_id: 'wine', hook_event_name: 'PreToolUse', tool_name: tool, tool_input: { command } });

export const GATE_CASES = [
  { name: 'PowerShell Get-Content .env is denied', agent: 'claude', payload: claude('PowerShell', 'Get-Content .env'), expect: 'deny', needs: 'powershell' },
  { name: 'PowerShell Get-ChildItem src is allowed', agent: 'claude', payload: claude('PowerShell', 'Get-ChildItem src'), expect: 'allow', needs: 'powershell' },
  { name: 'Bash cat .env is denied', agent: 'claude', payload: claude('Bash', 'cat .env'), expect: 'deny' },
  { name: 'Bash ls src is allowed', agent: 'claude', payload: claude('Bash', 'ls src'), expect: 'allow' },
];

/** Sent while no gate is reachable: the CLI judges on its own (sensitive denied, safe allowed, all logged). */
export const OFFLINE_CASES = [
  { name: 'cat .env', agent: 'claude', payload: claude('Bash', 'cat .env'), expect: 'deny' },
  { name: 'ls src', agent: 'claude', payload: claude('Bash', 'ls src'), expect: 'allow' },
];

/**
 * Stand-in CLIs behind the real shim text (only its CLI path changed). Each must end in the shim's own deny and
 * exit 2, with nothing the stand-in printed passed on. The exit codes are the ones that fool a careless shim:
 * 256 is 0 to a caller that keeps 8 bits, a negative NTSTATUS is below 1 for `if errorlevel 1`.
 */
export const CRASHES = [
  { name: 'throws at start-up', script: "throw new Error('half-written update');" },
  { name: 'partial allow, then exit 256', script: "process.stdout.write('{\"decision\":\"allow\"'); process.exit(256);" },
  { name: 'access violation (0xC0000005, negative as a signed code)', script: 'process.exit(-1073741819);' },
  { name: 'stack overrun (0xC0000409)', script: 'process.exit(0xC0000409);' },
  { name: 'exit 1 with an allow on stdout', script: "console.log(JSON.stringify({ hookSpecificOutput: { permissionDecision: 'allow' } })); process.exit(1);" },
];
