// Everything the CLI runs besides the hook's fast path, as its own bundle (dist/commands.js): an agent's hook call
// loads only dist/cli.js (the dispatcher and the hook), so it does not compile the code of the other commands, of
// the audit writer or of the offline decision on every tool call (start-up time is the product).
export { runEvaluate } from './evaluateCommand';
export { runAudit } from './auditCommand';
export { runStatus } from './statusCommand';
export { runGate } from './gateCommand';
export { runConnect, runDisconnect } from './connectCommand';
export { runDoctorCommand } from './doctorCommand';
export { runSandboxCommand } from './sandboxCommand';
// The hook's slow paths: no gate answered, or a deny the CLI decided itself must be recorded.
export { recordOffline } from './offlineAudit';
export { decideWithoutGate } from './offlineDecision';
