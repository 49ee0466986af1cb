// OpenAI Responses (Codex): POST /v1/responses, streamed as response.created … response.completed. Codex's shell
// is a function_call (exec_command {cmd}); its apply_patch is a custom_tool_call whose input is the raw patch.
import type { Reply, Wire } from './types';
import { asList, asObj, nextId, SSE, sseEvent, textOf } from './sse';

function outputItem(reply: Reply): Record<string, unknown> {
  if (reply.type === 'text') {
    return { type: 'message', id: nextId('msg'), role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: reply.text, annotations: [] }] };
  }
  const call_id = nextId('call');
  if (reply.call.raw !== undefined) {
    return { type: 'custom_tool_call', id: nextId('ctc'), call_id, name: reply.call.name, input: reply.call.raw, status: 'completed' };
  }
  return { type: 'function_call', id: nextId('fc'), call_id, name: reply.call.name, arguments: JSON.stringify(reply.call.args), status: 'completed' };
}

const isOutput = (item: Record<string, unknown>): boolean => item.type === 'function_call_output' || item.type === 'custom_tool_call_output';

export const responses: Wire = {
  name: 'openai-responses',
  isMain: (body) => asList(asObj(body).tools).length > 0,
  lastToolResults(body) {
    const input = asList(asObj(body).input).map(asObj);
    const lastCall = input.map((i) => i.type === 'function_call' || i.type === 'custom_tool_call').lastIndexOf(true);
    return input
      .slice(lastCall + 1)
      .filter(isOutput)
      .map((i) => textOf(i.output));
  },
  toolResultCount: (body) => asList(asObj(body).input).map(asObj).filter(isOutput).length,
  wantsStream: (body) => asObj(body).stream !== false,
  render(reply, _stream, model) {
    const id = nextId('resp');
    const item = outputItem(reply);
    const usage = { input_tokens: 10, input_tokens_details: { cached_tokens: 0 }, output_tokens: 5, output_tokens_details: { reasoning_tokens: 0 }, total_tokens: 15 };
    const events = [
      sseEvent({ type: 'response.created', response: { id, object: 'response', model, status: 'in_progress', output: [] } }, 'response.created'),
      sseEvent({ type: 'response.output_item.added', output_index: 0, item }, 'response.output_item.added'),
      sseEvent({ type: 'response.output_item.done', output_index: 0, item }, 'response.output_item.done'),
      sseEvent({ type: 'response.completed', response: { id, object: 'response', model, status: 'completed', output: [item], usage } }, 'response.completed'),
    ];
    return { contentType: SSE, body: events.join('') };
  },
};
