// The scripted model: one node:http server on 127.0.0.1 (port 0) that speaks just enough of each model API for a
// real agent to run one tool call and report back. Every request is logged verbatim, so a test can prove that a
// secret never reached the model.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropic } from './anthropic';
import { chat } from './chat';
import { gemini } from './gemini';
import { responses } from './responses';
import { asObj, JSON_TYPE } from './sse';
import { quoteResults, type Reply, type Scenario, type Wire } from './types';

export interface LoggedRequest {
  method: string;
  url: string;
  wire?: string;
  /** The raw request body, exactly as the agent sent it. */
  body: string;
  /** Main-loop request (it offered tools) vs. a side request (title, routing, quota). */
  main: boolean;
  /** Tool results this request carried back to the model. */
  toolResults: string[];
  reply?: Reply;
}

/** Which wire a path belongs to; anything else gets a small stub answer (model lists, token counts) or 404. */
function wireFor(path: string): Wire | undefined {
  if (/\/messages$/.test(path)) return anthropic;
  if (/\/responses$/.test(path)) return responses;
  if (/\/chat\/completions$/.test(path)) return chat;
  if (/\/models\/[^/]+:(stream)?[gG]enerateContent$/.test(path)) return gemini;
  return undefined;
}

function stub(path: string): unknown {
  if (/count_?[tT]okens/.test(path)) return { input_tokens: 10, totalTokens: 10 };
  if (/\/models$/.test(path)) return { object: 'list', data: [], models: [] };
  return undefined;
}

export class ModelServer {
  readonly requests: LoggedRequest[] = [];
  private scenario: Scenario | undefined;
  private server: Server | undefined;
  port = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next run's script; also clears the request log so each run is judged on its own traffic. */
  script(scenario: Scenario): void {
    this.scenario = scenario;
    this.requests.length = 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ready) => this.server!.listen(0, '127.0.0.1', ready));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((done) => s.close(() => done()));
  }

  /** Every byte the agent sent the model in this run, for secret checks. */
  allBodies(): string {
    return this.requests.map((r) => `${r.url}\n${r.body}`).join('\n');
  }

  /** Tool results the model received in this run. */
  toolResults(): string[] {
    return this.requests.flatMap((r) => r.toolResults);
  }

  private decide(wire: Wire, body: unknown): Reply {
    const scenario = this.scenario;
    if (!scenario) return { type: 'text', text: 'No scenario scripted.' };
    const answered = wire.toolResultCount(body);
    const next = scenario.calls[answered];
    if (next) return { type: 'tool', call: next };
    return (scenario.final ?? quoteResults)(wire.lastToolResults(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const entry: LoggedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', body: text, main: false, toolResults: [] };
    this.requests.push(entry);
    const wire = wireFor(url.pathname);
    if (!wire || req.method !== 'POST') {
      const answer = stub(url.pathname);
      res.writeHead(answer === undefined ? 404 : 200, { 'content-type': JSON_TYPE });
      res.end(JSON.stringify(answer ?? { error: { message: `scripted model: no route for ${req.method} ${url.pathname}` } }));
      return;
    }
    let body: unknown = {};
    try {
      body = JSON.parse(text);
    } catch {
      // keep {}: a side request we do not understand still gets text
    }
    entry.wire = wire.name;
    entry.main = wire.isMain(body);
    entry.toolResults = wire.lastToolResults(body);
    const reply: Reply = entry.main ? this.decide(wire, body) : { type: 'text', text: wire.sideText?.(body) ?? 'ok' };
    entry.reply = reply;
    const named = asObj(body).model;
    const model = typeof named === 'string' ? named : 'scripted-model';
    const out = wire.render(reply, wire.wantsStream(body, url), model);
    res.writeHead(200, { 'content-type': out.contentType, 'cache-control': 'no-cache' });
    res.end(out.body);
  }
}
