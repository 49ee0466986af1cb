// Anthropic Messages (Claude Code): POST /v1/messages, streamed as message_start … message_stop.
import type { Reply, Wire } from './types';
import { asList, asObj, JSON_TYPE, nextId, SSE, sseEvent, textOf } from './sse';

function contentBlock(reply: Reply): Record<string, unknown> {
  return reply.type === 'tool'
    ? { type: 'tool_use', id: nextId('toolu'), name: reply.call.name, input: reply.call.args }
    : { type: 'text', text: reply.text };
}

export const anthropic: Wire = {
  name: 'anthropic-messages',
  isMain: (body) => asList(asObj(body).tools).length > 0,
  lastToolResults(body) {
    const messages = asList(asObj(body).messages).map(asObj);
    const lastCall = messages.map((m) => m.role).lastIndexOf('assistant');
    return messages
      .slice(lastCall + 1)
      .flatMap((m) => asList(m.content).map(asObj))
      .filter((b) => b.type === 'tool_result')
      .map((b) => `${b.is_error ? '[error] ' : ''}${textOf(b.content)}`);
  },
  toolResultCount: (body) =>
    asList(asObj(body).messages)
      .flatMap((m) => asList(asObj(m).content))
      .filter((b) => asObj(b).type === 'tool_result').length,
  wantsStream: (body) => asObj(body).stream === true,
  render(reply, stream, model) {
    const block = contentBlock(reply);
    const stop_reason = reply.type === 'tool' ? 'tool_use' : 'end_turn';
    const usage = { input_tokens: 10, output_tokens: 5 };
    const id = nextId('msg');
    if (!stream) {
      return { contentType: JSON_TYPE, body: JSON.stringify({ id, type: 'message', role: 'assistant', model, content: [block], stop_reason, stop_sequence: null, usage }) };
    }
    const events = [
      sseEvent({ type: 'message_start', message: { id, type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 1 } } }, 'message_start'),
    ];
    if (reply.type === 'tool') {
      events.push(
        sseEvent({ type: 'content_block_start', index: 0, content_block: { ...block, input: {} } }, 'content_block_start'),
        sseEvent({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: JSON.stringify(reply.call.args) } }, 'content_block_delta'),
      );
    } else {
      events.push(
        sseEvent({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start'),
        sseEvent({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: reply.text } }, 'content_block_delta'),
      );
    }
    events.push(
      sseEvent({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
      sseEvent({ type: 'message_delta', delta: { stop_reason, stop_sequence: null }, usage: { output_tokens: 5 } }, 'message_delta'),
      sseEvent({ type: 'message_stop' }, 'message_stop'),
    );
    return { contentType: SSE, body: events.join('') };
  },
};
