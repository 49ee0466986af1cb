// What the scripted model says, independent of wire format. Each wire module turns a Reply into its API's answer.

/** One tool call the model makes. `raw` sends `input` as a free-form (custom) tool input instead of JSON args. */
export interface ToolCallSpec {
  name: string;
  args: Record<string, unknown>;
  /** OpenAI Responses custom tool (Codex apply_patch): the input is this raw text, not JSON arguments. */
  raw?: string;
}

export type Reply = { type: 'tool'; call: ToolCallSpec } | { type: 'text'; text: string };

/**
 * One run's script. Main turn n (n = tool results the conversation holds so far) answers with `calls[n]`; once
 * every call has a result, the turn answers with `final` applied to the latest results (default: text quoting
 * them). A multi-step script serves agents that insist on reading a file before editing it.
 */
export interface Scenario {
  calls: ToolCallSpec[];
  final?: (results: string[]) => Reply;
}

/** What a wire module knows how to read from a request body and write as a response. */
export interface Wire {
  name: string;
  /** A request the agent's main loop sent (it offers tools); side requests (titles, routing) get plain text. */
  isMain(body: unknown): boolean;
  /** Text of the tool results sent since the model's last tool call (empty: no call answered yet). */
  lastToolResults(body: unknown): string[];
  /** How many tool results the whole conversation holds. */
  toolResultCount(body: unknown): number;
  /** Whether the client asked for a stream. */
  wantsStream(body: unknown, url: URL): boolean;
  /** Text for a side request (e.g. Gemini's router wants a JSON choice). */
  sideText?(body: unknown): string;
  /** Serialises a reply: either SSE events or one JSON body. */
  render(reply: Reply, stream: boolean, model: string): { contentType: string; body: string };
}

export const FINAL_PREFIX = 'MODEL SAW TOOL RESULT: ';

/** Default final turn: plain text quoting every tool result, so the transcript shows what the model received. */
export function quoteResults(results: string[]): Reply {
  return { type: 'text', text: `${FINAL_PREFIX}${results.join('\n---\n')}` };
}
