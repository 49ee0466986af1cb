// One prompt per action. VS Code runs every hook file in ~/.copilot/hooks for one tool call, one after the other
// (Countersign's VS Code file and its Copilot CLI file both), with the same payload and `tool_use_id`; an agent may
// also retry a hook. A human's answer to one call is therefore kept a short while and given to a repeat of that very
// call instead of a second card. "That very call" is strict: the same agent family, session, tool-use id AND the
// same action, so a hostile agent reusing an id for another action never inherits an approval.
import type { Action, AgentName } from '../policy/types';
import { actionFingerprint } from './fingerprint';

/** How long a decided call's answer is given to its repeats: VS Code starts the next hook file within a second. */
export const SAME_CALL_WINDOW_MS = 30_000;
const MAX_REMEMBERED = 500;
const MAX_ID_CHARS = 200;

/** Agents that read the same hook folder answer one call together: ~/.copilot/hooks serves VS Code and Copilot CLI. */
function family(agent: AgentName): string {
  return agent === 'vscode' || agent === 'copilot-cli' ? 'copilot' : agent;
}

function toolUseId(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const p = payload as Record<string, unknown>;
  const id = p.tool_use_id ?? p.toolUseId ?? p.tool_call_id ?? p.toolCallId;
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_CHARS ? id : undefined;
}

/** The key naming one tool call, or undefined when the payload does not identify its call (never deduplicated). */
export function sameCallKey(agent: AgentName, payload: unknown, action: Action): string | undefined {
  const id = toolUseId(payload);
  if (id === undefined || action.sessionId === undefined || action.sessionId === '') return undefined;
  return JSON.stringify([family(agent), action.sessionId, id, actionFingerprint(action)]);
}

/** Answers to calls decided a moment ago. The clock is injectable for tests. */
export class RecentAnswers<T> {
  private readonly answers = new Map<string, { answer: T; at: number }>();

  constructor(
    private readonly windowMs = SAME_CALL_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string | undefined): T | undefined {
    if (key === undefined) return undefined;
    const hit = this.answers.get(key);
    if (!hit) return undefined;
    if (this.now() - hit.at > this.windowMs) {
      this.answers.delete(key);
      return undefined;
    }
    return hit.answer;
  }

  remember(key: string | undefined, answer: T): void {
    if (key === undefined) return;
    this.answers.delete(key);
    this.answers.set(key, { answer, at: this.now() });
    // Oldest first (insertion order): a flood of distinct calls cannot grow the gate without bound.
    for (const k of this.answers.keys()) {
      if (this.answers.size <= MAX_REMEMBERED) break;
      this.answers.delete(k);
    }
  }
}
