// `countersign hook --agent NAME`: an agent's pre-tool hook. Reads the payload, asks the gate, waits for the
// human, prints the agent's own answer. It never crashes and never allows by default: every failure is a deny.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AGENT_NAMES, isAgentName, type AgentName } from '../policy/types';
import { formatAnswer, formatMalformed, HOOK_TIMEOUT_SECONDS, type HookAnswer } from '../agents/answers';
import { findGate } from '../ipc/registry';
import { runtimeDir } from '../ipc/runtimeDir';
import { askGate, GateTimedOut, GateUnavailable, preconnect } from './gateClient';
import { readStdin } from './stdin';

/** Answer this long before the agent's own timeout, because a timed-out hook fails open in most agents. */
function safetyMargin(timeoutMs: number): number {
  return Math.min(10_000, Math.max(500, timeoutMs * 0.05));
}

function emit(answer: HookAnswer): number {
  if (answer.stderr) process.stderr.write(answer.stderr);
  process.stdout.write(answer.stdout);
  return answer.exitCode;
}

function payloadCwd(payload: unknown): string {
  const p = payload as Record<string, unknown>;
  if (typeof p.cwd === 'string' && p.cwd) return p.cwd;
  const roots = p.workspace_roots ?? p.workspaceRoots;
  if (Array.isArray(roots) && typeof roots[0] === 'string') return roots[0];
  return process.cwd();
}

export async function runHook(argv: string[]): Promise<number> {
  const started = Date.now();
  let agent: AgentName = 'claude';
  const hinted = process.env.COUNTERSIGN_SOCKET;
  const early = hinted ? preconnect(hinted) : undefined;
  try {
    const { values } = parseArgs({ args: argv, options: { agent: { type: 'string' }, timeout: { type: 'string' } } });
    if (!isAgentName(values.agent)) {
      return emit(formatMalformed(agent, `--agent must be one of ${AGENT_NAMES.join(', ')}; denied.`));
    }
    agent = values.agent;
    const timeoutMs = (Number(values.timeout) > 0 ? Number(values.timeout) : HOOK_TIMEOUT_SECONDS[agent]) * 1000;
    const margin = safetyMargin(timeoutMs);
    const deadline = started + timeoutMs - margin;
    const hardStop = started + timeoutMs - margin / 2;

    let text: string;
    let payload: unknown;
    try {
      text = await readStdin();
      payload = JSON.parse(text);
    } catch (err) {
      return emit(formatMalformed(agent, `could not read the hook payload (${(err as Error).message}); denied.`));
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      return emit(formatMalformed(agent, 'the hook payload is not a JSON object; denied.'));
    }

    const cwd = payloadCwd(payload);
    const gate = findGate(runtimeDir(), cwd, process.env.COUNTERSIGN_SOCKET);
    let why = `no review gate is running for ${cwd}`;
    if (gate) {
      try {
        const reply = await askGate(gate, agent, text, deadline, hardStop, hinted && resolve(gate.socket) === resolve(hinted) ? early : undefined);
        return emit(formatAnswer(agent, reply.decision, reply.reason, payload));
      } catch (err) {
        if (!(err instanceof GateUnavailable)) throw err;
        // Too late to load the policy engine before the agent gives up (and runs the tool): deny now.
        if (err instanceof GateTimedOut) return emit(formatAnswer(agent, 'deny', 'Countersign: the review gate did not answer before the hook timeout; denied.', payload));
        why = `the review gate could not be reached (${err.message})`;
      }
    }
    // Only without a gate: the policy engine loads here, never on the fast path.
    const { decideWithoutGate } = await import('./offlineDecision');
    const offline = await decideWithoutGate(agent, payload, cwd, why);
    return emit(formatAnswer(agent, offline.decision, offline.reason, payload));
  } catch (err) {
    const why = err instanceof GateUnavailable ? `the review gate could not be reached (${err.message})` : `internal error (${(err as Error).message})`;
    return emit(formatAnswer(agent, 'deny', `Countersign: ${why}; denied. Open VS Code with Countersign to review and approve.`));
  } finally {
    early?.destroy();
  }
}
