// Writes test/corpus/*.jsonl from the case lists in test/corpus/cases/ and the real samples in
// test/corpus/samples/. Each line: {"label", "agent", "note", "payload"}. Run: node test/corpus/generate.mjs
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AGENTS, edit, read, shell, tool, write } from './formats.mjs';
import { BLOCKED, ORDINARY, SENSITIVE } from './cases/shell.mjs';
import { FILE_CASES } from './cases/files.mjs';
import { TOOL_CASES } from './cases/tools.mjs';

const here = dirname(fileURLToPath(import.meta.url));
let turn = 0;
const nextAgent = () => AGENTS[turn++ % AGENTS.length];

function lines(list) {
  return list.map((o) => JSON.stringify(o)).join('\n') + '\n';
}

const shellLines = [];
for (const [label, command, note, opts] of [...ORDINARY, ...SENSITIVE, ...BLOCKED]) {
  for (const agent of opts?.all ? AGENTS : [nextAgent()]) shellLines.push({ label, agent, note, payload: shell[agent](command) });
}

const fileLines = [];
for (const c of FILE_CASES) {
  const [label, kind, path] = c;
  const opts = typeof c[c.length - 1] === 'object' ? c[c.length - 1] : undefined;
  const args = c.slice(3, opts ? -2 : -1);
  const note = opts ? c[c.length - 2] : c[c.length - 1];
  const maker = { read, write, edit }[kind];
  const agents = opts?.all ? AGENTS : [nextAgent()];
  for (const agent of agents) {
    // Codex writes and edits through apply_patch; Cursor reports edits after the fact (afterFileEdit).
    fileLines.push({ label, agent, note: `${kind}: ${note}`, payload: maker[agent](path, ...args) });
  }
}

const toolLines = TOOL_CASES.map(([label, agent, name, input, note]) => ({
  label,
  agent,
  note,
  payload: agent === 'copilot-cli' && typeof input === 'string' ? { sessionId: 'x', timestamp: 1795240490528, cwd: '/home/dev/proj', toolName: name, toolArgs: input } : tool[agent](name, input),
}));

// The real samples: labels follow their file names (the -denied ones were denied by design).
// cline-tool_call-read_files: the scripted model sent read_files an odd {command: "ls"}; still harmless.
const SAMPLE_LABELS = {};
const sampleLines = readdirSync(join(here, 'samples'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const payload = JSON.parse(readFileSync(join(here, 'samples', f), 'utf8'));
    const agent = f.startsWith('copilot') ? 'copilot-cli' : f.split('-')[0];
    const text = JSON.stringify(payload);
    const secret = /\.env|leak/.test(text) && !/\.env\.example/.test(text);
    return { label: SAMPLE_LABELS[f] ?? (secret ? '>=sensitive' : 'safe'), agent, note: `real sample ${f}`, payload };
  });

// What the real agents sent in the conformance suite (test/fixtures/agent-captures): -denied ones touch secrets.
const capturesDir = join(here, '..', 'fixtures', 'agent-captures');
const captureLines = readdirSync(capturesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({
    label: f.includes('-denied') ? '>=sensitive' : 'safe',
    agent: f.startsWith('copilot-cli') ? 'copilot-cli' : f.split('-')[0],
    note: `real capture ${f}`,
    payload: JSON.parse(readFileSync(join(capturesDir, f), 'utf8')),
  }));
writeFileSync(join(here, 'captures.jsonl'), lines(captureLines));

writeFileSync(join(here, 'shell.jsonl'), lines(shellLines));
writeFileSync(join(here, 'files.jsonl'), lines(fileLines));
writeFileSync(join(here, 'tools.jsonl'), lines(toolLines));
writeFileSync(join(here, 'samples.jsonl'), lines(sampleLines));
console.log(`shell ${shellLines.length}, files ${fileLines.length}, tools ${toolLines.length}, samples ${sampleLines.length}, captures ${captureLines.length}`);
