// An agent running Countersign's own CLI: whatever changes who guards it (a gate of its own that may allow without
// asking, connecting or disconnecting hooks, a hand-fed hook) needs a human; reading state does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENTS, SHELL_FORMATS } from '../adversarial/agentFormats';
import { policy } from './policyHarness';

async function risks(command: string): Promise<string[]> {
  const p = await policy();
  return AGENTS.map((agent) => p.evaluate(SHELL_FORMATS[agent](command), agent).risk);
}

test('starting a gate, connecting, disconnecting or feeding the hook is sensitive in every spelling and agent format', async () => {
  for (const c of [
    'countersign gate --headless --review allow --audit /tmp/a.jsonl',
    'nohup countersign gate --headless --socket /tmp/x.sock &',
    '/home/dev/.local/share/countersign/bin/countersign disconnect --agent all',
    'countersign --json connect --agent claude --scope repo',
    'env X=1 countersign hook --agent claude < payload.json',
    'echo {} | countersign hook --agent codex',
    'bash -c "countersign disconnect --agent gemini"',
  ]) {
    for (const r of await risks(c)) assert.equal(r, 'sensitive', c);
  }
});

test('reading state through the CLI stays quiet', async () => {
  for (const c of ['countersign status', 'countersign status --json', 'countersign doctor --json --workspace .', 'countersign evaluate --jsonl', 'countersign audit verify audit.jsonl', 'countersign --version']) {
    for (const r of await risks(c)) assert.equal(r, 'safe', c);
  }
  // Writing an export is not harmless by name: a click, not silence.
  for (const r of await risks('countersign audit export --format csv out.csv')) assert.equal(r, 'review');
});
