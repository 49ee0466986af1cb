// Server-sent events as the model APIs write them: `event:` (optional) and one `data:` line per event.

export function sseEvent(data: unknown, event?: string): string {
  return `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

export const SSE = 'text/event-stream';
export const JSON_TYPE = 'application/json';

let counter = 0;
/** Ids unique within this process, so no agent sees two tool calls with one id. */
export function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}${counter}`;
}

/** Tool-result content in any of the shapes the APIs use: a string, or a list of text parts. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(textOf).join('\n');
  if (content && typeof content === 'object') {
    const c = content as Record<string, unknown>;
    if (typeof c.text === 'string') return c.text;
    return JSON.stringify(c);
  }
  return content === undefined || content === null ? '' : JSON.stringify(content);
}

export type Obj = Record<string, unknown>;
export const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
