// One prompt per action: VS Code runs both of Countersign's files in ~/.copilot/hooks for one call (the VS Code one
// as agent `vscode`, the Copilot CLI one as `copilot-cli`), one after the other, with the same payload. Both hook
// runs, concurrent or one after the decision, get one card and the same answer; another call, another session or
// the same id with another action gets its own card. Real policy, the real VS Code payload (captured live).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Gate } from '../../../src/gate/gate';
import type { Reviewer } from '../../../src/gate/reviewer';
import { RecentAnswers, sameCallKey } from '../../../src/gate/sameCall';
import type { ReviewAnswer, ReviewItem } from '../../../src/protocol/gateLsp';
import type { AgentName } from '../../../src/policy/types';
import { policy } from '../policy/policyHarness';

/** VS Code 1.139's PreToolUse payload for run_in_terminal, as the built-in agent sent it (paths rewritten). */
function vscodeTerminal(command: string, toolUseId = 'call_cs_1__vscode-1796283133671', sessionId = '9d0d3df0-c267-4d16-89bc-f0c2a34cf5f2') {
  return {
    timestamp: '2026-12-03T07:32:30.888Z',
    hook_event_name: 'PreToolUse',
    session_id: sessionId,
    transcript_path: `/home/dev/.config/Code/User/workspaceStorage/-4b01b5fb/GitHub.copilot-chat/transcripts/${sessionId}.jsonl`,
    tool_name: 'run_in_terminal',
    tool_input: { command, explanation: 'Reads the settings.', goal: 'Show the settings', mode: 'sync' },
    tool_use_id: toolUseId,
    cwd: '/home/dev/proj',
  };
}

/** A person at the panel: every card waits until the test answers it. */
class Person implements Reviewer {
  readonly cards: ReviewItem[] = [];
  private readonly waiting: ((a: ReviewAnswer) => void)[] = [];
  private readonly arrived: (() => void)[] = [];
  review(item: ReviewItem, signal: AbortSignal): Promise<ReviewAnswer> {
    this.cards.push(item);
    for (const f of this.arrived.splice(0)) f();
    return new Promise((resolve, reject) => {
      this.waiting.push(resolve);
      signal.addEventListener('abort', () => reject(new Error('withdrawn')));
    });
  }
  /** Resolves once `n` cards have been shown. */
  async cardsShown(n: number): Promise<void> {
    while (this.cards.length < n) await new Promise<void>((r) => this.arrived.push(r));
  }
  answer(a: ReviewAnswer): void {
    for (const f of this.waiting.splice(0)) f(a);
  }
}

async function gateWith(person: Person): Promise<Gate> {
  return new Gate({ policy: await policy(), reviewer: person, folders: ['/home/dev/proj'], reviewDefault: 'deny' });
}

function ask(gate: Gate, agent: AgentName, payload: unknown, deadline = Date.now() + 60_000) {
  return gate.decide({ agent, payload: JSON.stringify(payload), deadline }, new AbortController().signal);
}

test('two concurrent hook runs of one VS Code call (its own file and the Copilot CLI file) share one card and one answer', async () => {
  const person = new Person();
  const gate = await gateWith(person);
  const payload = vscodeTerminal('cat .env');
  const first = ask(gate, 'vscode', payload);
  const second = ask(gate, 'copilot-cli', payload);
  await person.cardsShown(1);
  await new Promise((r) => setImmediate(r));
  assert.equal(person.cards.length, 1, 'one card');
  person.answer({ decision: 'deny', reason: 'Secrets stay out of the chat.' });
  const [a, b] = await Promise.all([first, second]);
  assert.deepEqual([a.decision, a.decidedBy, b.decision, b.decidedBy], ['deny', 'human', 'deny', 'human']);
  assert.equal(a.reason, b.reason);
  assert.match(b.reason, /Secrets stay out of the chat\./);
  assert.equal(person.cards.length, 1);
});

test('the second hook file, run after the first was decided, gets the same answer without a card', async () => {
  const person = new Person();
  const gate = await gateWith(person);
  const payload = vscodeTerminal('cat .env');
  const first = ask(gate, 'vscode', payload);
  await person.cardsShown(1);
  person.answer({ decision: 'deny', reason: 'No.' });
  const a = await first;
  const b = await ask(gate, 'copilot-cli', payload);
  assert.equal(person.cards.length, 1, 'no second card');
  assert.deepEqual([b.decision, b.reason], [a.decision, a.reason]);
});

test('an answer nobody gave (the deadline passed) is also the answer of the repeat: deny, no second card', async () => {
  const person = new Person();
  const gate = await gateWith(person);
  const payload = vscodeTerminal('cat .env');
  const a = await ask(gate, 'vscode', payload, Date.now() + 30);
  assert.deepEqual([a.decision, a.decidedBy], ['deny', 'timeout']);
  const b = await ask(gate, 'copilot-cli', payload);
  assert.deepEqual([b.decision, b.decidedBy], ['deny', 'timeout']);
  assert.equal(person.cards.length, 1);
});

test('another call id, another session, or the same id carrying another action each get their own card', async () => {
  const person = new Person();
  const gate = await gateWith(person);
  // git push is review-level: one click approves it.
  const first = ask(gate, 'vscode', vscodeTerminal('git push'));
  await person.cardsShown(1);
  person.answer({ decision: 'allow' });
  assert.equal((await first).decision, 'allow');
  const repeats = [
    vscodeTerminal('git push', 'call_cs_2__vscode-1796283133999'),
    vscodeTerminal('git push', 'call_cs_1__vscode-1796283133671', 'another-session'),
    vscodeTerminal('git push --force', 'call_cs_1__vscode-1796283133671'),
  ];
  for (const [i, p] of repeats.entries()) {
    const pending = ask(gate, 'vscode', p);
    await person.cardsShown(i + 2);
    person.answer({ decision: 'deny', reason: `card ${i + 2}` });
    const d = await pending;
    assert.equal(d.decision, 'deny', JSON.stringify(p));
  }
  assert.equal(person.cards.length, 4);
});

test('the same call from an agent outside the shared folder is not answered by the VS Code one', async () => {
  const person = new Person();
  const gate = await gateWith(person);
  const payload = vscodeTerminal('git push');
  const first = ask(gate, 'vscode', payload);
  await person.cardsShown(1);
  person.answer({ decision: 'allow' });
  assert.equal((await first).decision, 'allow');
  const pending = ask(gate, 'claude', payload);
  await person.cardsShown(2);
  person.answer({ decision: 'deny' });
  assert.equal((await pending).decision, 'deny');
});

test('a payload without a tool-use id is never treated as a repeat', async () => {
  const policyNow = await policy();
  const action = policyNow.evaluate(vscodeTerminal('ls'), 'vscode').action;
  const { tool_use_id: _dropped, ...noId } = vscodeTerminal('ls');
  assert.equal(sameCallKey('vscode', noId, action), undefined);
  assert.equal(sameCallKey('vscode', { ...noId, tool_use_id: 'x'.repeat(201) }, action), undefined);
  assert.equal(sameCallKey('vscode', vscodeTerminal('ls'), action), sameCallKey('copilot-cli', vscodeTerminal('ls'), action));
});

test('a remembered answer expires after the window and the memory stays bounded', () => {
  let now = 0;
  const recent = new RecentAnswers<string>(1000, () => now);
  recent.remember('a', 'deny');
  now = 999;
  assert.equal(recent.get('a'), 'deny');
  now = 1001;
  assert.equal(recent.get('a'), undefined);
  for (let i = 0; i < 2000; i++) recent.remember(`k${i}`, 'x');
  assert.equal(recent.get('k0'), undefined, 'the oldest is dropped');
  assert.equal(recent.get('k1999'), 'x');
});
