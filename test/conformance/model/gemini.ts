// Gemini API (Gemini CLI): POST /v1beta/models/M:streamGenerateContent?alt=sse (the main loop) and
// M:generateContent (side requests such as model routing, which expect a JSON answer in text).
import type { Reply, Wire } from './types';
import { asList, asObj, JSON_TYPE, SSE, sseEvent, textOf } from './sse';

function candidate(reply: Reply): Record<string, unknown> {
  const part = reply.type === 'tool' ? { functionCall: { name: reply.call.name, args: reply.call.args } } : { text: reply.text };
  return { content: { role: 'model', parts: [part] }, finishReason: 'STOP', index: 0 };
}

const responsesIn = (contents: Record<string, unknown>[]): Record<string, unknown>[] =>
  contents.flatMap((c) => asList(c.parts).map(asObj)).filter((p) => p.functionResponse);

export const gemini: Wire = {
  name: 'gemini',
  isMain: (body) => asList(asObj(body).tools).length > 0,
  lastToolResults(body) {
    const contents = asList(asObj(body).contents).map(asObj);
    const lastCall = contents.map((c) => c.role).lastIndexOf('model');
    return responsesIn(contents.slice(lastCall + 1)).map((p) => textOf(asObj(asObj(p.functionResponse).response)));
  },
  toolResultCount: (body) => responsesIn(asList(asObj(body).contents).map(asObj)).length,
  wantsStream: (_body, url) => url.pathname.endsWith(':streamGenerateContent'),
  // Router (two strategies) and next-speaker checks ask for JSON; one object satisfies all three.
  sideText: () => JSON.stringify({ reasoning: 'scripted', model_choice: 'flash', next_speaker: 'user', complexity_reasoning: 'scripted', complexity_score: 1 }),
  render(reply, stream, model) {
    const body = { candidates: [candidate(reply)], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 }, modelVersion: model };
    return stream ? { contentType: SSE, body: sseEvent(body) } : { contentType: JSON_TYPE, body: JSON.stringify(body) };
  },
};
