// Test-only extension: a language model whose answers the test scripts, so VS Code's built-in agent (Copilot Chat's
// "Local" agent) runs offline with no sign-in. A test talks to it over a Unix socket in the extension host's HOME:
// one JSON line per request, one JSON line back.
//   {"op":"setup"}                              → runs chat setup without sign-in and activates Copilot Chat
//   {"op":"turn","query":…,"calls":[{name,input}]} → one agent turn: the model's first answer calls those tools, its
//                                                  next answer is text; the reply has what each tool returned
/* global require, module */
/* eslint-disable @typescript-eslint/no-require-imports -- VS Code loads this CommonJS module as is */
const vscode = require('vscode');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');

const VENDOR = 'scripted';
const MODEL_ID = 'scripted-1';

let turn; // { calls, called, results: {callId: text}, requests }
let callCounter = 0;

function textOf(part) {
  if (part instanceof vscode.LanguageModelTextPart) return part.value;
  if (part && typeof part.value === 'string') return part.value;
  return '';
}

const provider = {
  provideLanguageModelChatInformation() {
    return [
      {
        id: MODEL_ID,
        name: 'Scripted',
        family: process.env.SCRIPTED_MODEL_FAMILY || 'scripted', // tools like apply_patch are offered by family
        version: '1',
        maxInputTokens: 128000,
        maxOutputTokens: 4096,
        capabilities: { toolCalling: true },
      },
    ];
  },
  async provideLanguageModelChatResponse(_model, messages, options, progress) {
    if (!turn) {
      progress.report(new vscode.LanguageModelTextPart('No turn is scripted.'));
      return;
    }
    turn.requests++;
    for (const m of messages) {
      for (const part of m.content ?? []) {
        if (part instanceof vscode.LanguageModelToolResultPart || (part && part.callId && Array.isArray(part.content))) {
          turn.results[part.callId] = (part.content ?? []).map(textOf).join('');
        }
      }
    }
    const tools = options?.tools ?? [];
    if (!turn.called && tools.length > 0) {
      turn.called = true;
      for (const c of turn.calls) {
        const callId = `call_cs_${++callCounter}`;
        c.callId = callId;
        progress.report(new vscode.LanguageModelToolCallPart(callId, c.name, c.input));
      }
      return;
    }
    progress.report(new vscode.LanguageModelTextPart('Done.'));
  },
  provideTokenCount(_model, text) {
    return Math.ceil((typeof text === 'string' ? text.length : JSON.stringify(text).length) / 4);
  },
};

async function setup() {
  const t0 = Date.now();
  await vscode.commands.executeCommand('workbench.action.chat.triggerSetupAnonymousWithoutDialog').then(undefined, () => undefined);
  let ext;
  for (let i = 0; i < 600 && !(ext = vscode.extensions.getExtension('GitHub.copilot-chat')); i++) await new Promise((r) => setTimeout(r, 100));
  if (!ext) throw new Error('GitHub Copilot Chat did not appear after chat setup');
  await ext.activate();
  // The agent needs the model to be listed before a turn can select it.
  for (let i = 0; i < 300; i++) {
    const models = await vscode.lm.selectChatModels({ vendor: VENDOR });
    if (models.length > 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { ms: Date.now() - t0, copilotChat: ext.packageJSON.version };
}

async function runTurn(query, calls) {
  turn = { calls: calls.map((c) => ({ ...c })), called: false, results: {}, requests: 0 };
  const t0 = Date.now();
  await vscode.commands.executeCommand('workbench.action.chat.newChat').then(undefined, () => undefined);
  const result = await vscode.commands.executeCommand('workbench.action.chat.open', {
    mode: 'agent',
    query,
    modelSelector: { vendor: VENDOR, id: MODEL_ID },
    blockOnResponse: true,
  });
  const ms = Date.now() - t0;
  const t = turn;
  turn = undefined;
  return {
    ms,
    requests: t.requests,
    calls: t.calls.map((c) => ({ name: c.name, callId: c.callId, result: c.callId ? t.results[c.callId] : undefined })),
    result: result === undefined ? null : JSON.parse(JSON.stringify(result, (_k, v) => (typeof v === 'bigint' ? String(v) : v))),
  };
}

function serve(context) {
  const sock = process.env.SCRIPTED_MODEL_SOCKET || path.join(os.homedir(), 'scripted-model.sock');
  fs.rmSync(sock, { force: true });
  const server = net.createServer((socket) => {
    let buf = '';
    socket.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      const line = buf.slice(0, nl);
      buf = '';
      let req;
      try {
        req = JSON.parse(line);
      } catch (e) {
        socket.end(JSON.stringify({ error: `bad request: ${e.message}` }) + '\n');
        return;
      }
      const work = req.op === 'setup' ? setup() : req.op === 'turn' ? runTurn(String(req.query ?? 'Go.'), Array.isArray(req.calls) ? req.calls : []) : Promise.reject(new Error(`unknown op ${req.op}`));
      work.then(
        (r) => socket.end(JSON.stringify({ ok: true, ...r }) + '\n'),
        (e) => socket.end(JSON.stringify({ error: String(e && e.stack ? e.stack : e) }) + '\n'),
      );
    });
    socket.on('error', () => undefined);
  });
  server.listen(sock);
  context.subscriptions.push({ dispose: () => server.close() });
}

function activate(context) {
  context.subscriptions.push(vscode.lm.registerLanguageModelChatProvider(VENDOR, provider));
  serve(context);
}

module.exports = { activate, deactivate() {} };
