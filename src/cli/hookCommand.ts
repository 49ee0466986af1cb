// `countersign hook --agent NAME`: an agent's pre-tool hook. Reads the payload, asks the gate, waits for the
// human, prints the agent's own answer. It never crashes and never allows by default: every failure is a deny.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AGENT_NAMES, isAgentName, type AgentName } from '../policy/types';
import { formatAnswer, formatMalformed, HOOK_TIMEOUT_SECONDS, type HookAnswer } from '../agents/answers';
import { findGates, sameSocket } from '../ipc/registry';
import { gateSearchDirs } from '../ipc/runtimeDir';
import { askGate, GateNotListening, GateTimedOut, GateUnavailable, preconnect } from './gateClient';
import { readStdin } from './stdin';
import { loadCommands } from './lazyBundles';
import type { Decision, SandboxPlan } from '../protocol/hookWire';

/** Answer this long before the agent's own timeout, because a timed-out hook fails open in most agents. */
function safetyMargin(timeoutMs: number): number {
  return Math.min(10_000, Math.max(500, timeoutMs * 0.05));
}

function emit(answer: HookAnswer): number {
  if (answer.stderr) process.stderr.write(answer.stderr);
  process.stdout.write(answer.stdout);
  return answer.exitCode;
}

/**
 * A deny the CLI decides without the policy (unreadable payload, a gate silent until the hard stop, an internal
 * error) is still recorded in the offline audit log, as long as there is time before the agent's own timeout;
 * a record that cannot be made in time is said in the reason, and the answer stays deny.
 */
async function recordedDeny(agent: AgentName, reason: string, note: string, decidedBy: 'fail-closed' | 'timeout', until: number): Promise<string> {
  const left = until - Date.now();
  if (left <= 0) return `${reason} (not recorded: no time left before the hook timeout)`;
  let timer: NodeJS.Timeout | undefined;
  try {
    const { recordOffline } = loadCommands();
    await Promise.race([
      recordOffline(agent, undefined, { decision: 'deny', decidedBy, reason }, randomUUID(), note),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), left))),
    ]);
    return reason;
  } catch (err) {
    return `${reason} (not recorded in the audit log: ${(err as Error).message})`;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The answer to a decision; an allow planned to run in the sandbox carries the agent's tool input rewritten into
 * `countersign sandbox`. When that rewrite cannot be made, the answer is deny: the log already says sandboxed.
 */
async function answerWithSandbox(agent: AgentName, payload: unknown, d: { decision: Decision; reason: string; sandbox?: SandboxPlan }, recordUntil: number): Promise<HookAnswer> {
  if (d.decision !== 'allow' || !d.sandbox?.run) return formatAnswer(agent, d.decision, d.reason, payload);
  const { sandboxedInput } = await import('./sandboxAnswer');
  const input = sandboxedInput(agent, payload, d.sandbox);
  if (!(input instanceof Error)) return formatAnswer(agent, 'allow', d.reason, payload, input);
  const why = await recordedDeny(agent, `Countersign: ${input.message}; denied.`, `approved to run in the sandbox, but ${input.message}`, 'fail-closed', recordUntil);
  return formatAnswer(agent, 'deny', why, payload);
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
  // Until the timeout is known, error paths keep well inside the shortest hook timeout any agent uses.
  let recordUntil = started + 2000;
  const hinted = process.env.COUNTERSIGN_SOCKET;
  const early = hinted ? preconnect(hinted) : undefined;
  try {
    const { values } = parseArgs({ args: argv, options: { agent: { type: 'string' }, timeout: { type: 'string' } } });
    if (!isAgentName(values.agent)) {
      const why = await recordedDeny(agent, `--agent must be one of ${AGENT_NAMES.join(', ')}; denied.`, `unknown agent ${String(values.agent).slice(0, 40)}`, 'fail-closed', recordUntil);
      return emit(formatMalformed(agent, why));
    }
    agent = values.agent;
    const timeoutMs = (Number(values.timeout) > 0 ? Number(values.timeout) : HOOK_TIMEOUT_SECONDS[agent]) * 1000;
    const margin = safetyMargin(timeoutMs);
    const deadline = started + timeoutMs - margin;
    const hardStop = started + timeoutMs - margin / 2;
    recordUntil = started + timeoutMs - margin / 4;

    let text: string;
    let payload: unknown;
    try {
      text = await readStdin();
      payload = JSON.parse(text);
    } catch (err) {
      return emit(formatMalformed(agent, await recordedDeny(agent, `could not read the hook payload (${(err as Error).message}); denied.`, 'the hook payload could not be read', 'fail-closed', recordUntil)));
    }
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
      return emit(formatMalformed(agent, await recordedDeny(agent, 'the hook payload is not a JSON object; denied.', 'the hook payload is not a JSON object', 'fail-closed', recordUntil)));
    }

    const cwd = payloadCwd(payload);
    // COUNTERSIGN_SOCKET is a hint: it counts only when it names a live, registered gate (whose token the reply must
    // prove); otherwise the gate for cwd is found as if it were unset.
    const gates = findGates(gateSearchDirs(), cwd, hinted);
    let why = `no review gate is running for ${cwd}`;
    for (const gate of gates) {
      try {
        const reply = await askGate(gate, agent, text, deadline, hardStop, hinted && early && sameSocket(gate.socket, hinted) ? early : undefined);
        // A gate whose own decision failed (its audit log could not be written: disk full) denies as fail-closed
        // with risk 'blocked'; that denial is then recorded here, in the offline log, so it is not lost.
        if (reply.decision === 'deny' && reply.decidedBy === 'fail-closed' && reply.risk === 'blocked') {
          const why = await recordedDeny(agent, reply.reason, `the review gate could not record its decision: ${reply.reason}`, 'fail-closed', recordUntil);
          return emit(formatAnswer(agent, 'deny', why, payload));
        }
        return emit(await answerWithSandbox(agent, payload, reply, recordUntil));
      } catch (err) {
        if (!(err instanceof GateUnavailable)) throw err;
        // Nobody listens there (a gate killed outright leaves its record and socket file): the request never left,
        // so the next gate for this folder may answer it.
        if (err instanceof GateNotListening) {
          why = `the review gate could not be reached (${err.message})`;
          continue;
        }
        // Too late to load the policy engine before the agent gives up (and runs the tool): deny now, recording it
        // if the time left allows.
        if (err instanceof GateTimedOut) {
          const why = await recordedDeny(agent, 'Countersign: the review gate did not answer before the hook timeout; denied.', 'the review gate did not answer before the hook timeout', 'timeout', recordUntil);
          return emit(formatAnswer(agent, 'deny', why, payload));
        }
        why = `the review gate could not be reached (${err.message})`;
        break;
      }
    }
    // Only without a gate: the policy engine loads here, never on the fast path.
    const { decideWithoutGate } = loadCommands();
    const offline = await decideWithoutGate(agent, payload, cwd, why);
    return emit(await answerWithSandbox(agent, payload, offline, recordUntil));
  } catch (err) {
    const why = err instanceof GateUnavailable ? `the review gate could not be reached (${err.message})` : `internal error (${(err as Error).message})`;
    const reason = await recordedDeny(agent, `Countersign: ${why}; denied. Open VS Code with Countersign to review and approve.`, why, 'fail-closed', recordUntil).catch(() => `Countersign: ${why}; denied.`);
    return emit(formatAnswer(agent, 'deny', reason));
  } finally {
    early?.destroy();
  }
}
