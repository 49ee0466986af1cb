// OpenAI Chat Completions (Copilot CLI, Cline): POST /v1/chat/completions, streamed as chunks then [DONE], or one
// JSON body when stream is false.
import type { Reply, Wire } from './types';
import { asList, asObj, JSON_TYPE, nextId, SSE, sseEvent, textOf } from './sse';

function toolCalls(reply: Reply): Record<string, unknown>[] | undefined {
  if (reply.type !== 'tool') return undefined;
  return [{ index: 0, id: nextId('call'), type: 'function', function: { name: reply.call.name, arguments: JSON.stringify(reply.call.args) } }];
}

export const chat: Wire = {
  name: 'openai-chat',
  isMain: (body) => asList(asObj(body).tools).length > 0,
  lastToolResults(body) {
    const messages = asList(asObj(body).messages).map(asObj);
    const lastCall = messages.map((m) => m.role).lastIndexOf('assistant');
    return messages
      .slice(lastCall + 1)
      .filter((m) => m.role === 'tool')
      .map((m) => textOf(m.content));
  },
  toolResultCount: (body) =>
    asList(asObj(body).messages)
      .map(asObj)
      .filter((m) => m.role === 'tool').length,
  wantsStream: (body) => asObj(body).stream === true,
  render(reply, stream, model) {
    const id = nextId('chatcmpl');
    const created = Math.floor(Date.now() / 1000);
    const calls = toolCalls(reply);
    const finish_reason = calls ? 'tool_calls' : 'stop';
    const content = reply.type === 'text' ? reply.text : null;
    const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };
    if (!stream) {
      const message = { role: 'assistant', content, ...(calls ? { tool_calls: calls.map(({ index: _i, ...c }) => c) } : {}) };
      return { contentType: JSON_TYPE, body: JSON.stringify({ id, object: 'chat.completion', created, model, choices: [{ index: 0, message, finish_reason }], usage }) };
    }
    const chunk = (delta: unknown, finish: string | null, extra: Record<string, unknown> = {}) =>
      sseEvent({ id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra });
    const events = [chunk({ role: 'assistant', content: calls ? null : content, ...(calls ? { tool_calls: calls } : {}) }, null), chunk({}, finish_reason, { usage }), sseEvent('[DONE]')];
    return { contentType: SSE, body: events.join('') };
  },
};
