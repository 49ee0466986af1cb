import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClickThrough } from '../../../src/review/clickThrough';
import { SessionHistory } from '../../../src/review/history';
import { ReviewQueue, type Settled } from '../../../src/review/reviewQueue';
import { AllowRules } from '../../../src/review/allowRules';
import type { ReviewItem } from '../../../src/protocol/gateLsp';
import { duration, countdown, urgency, decidedByLabel } from '../../../src/webview/format';
import { shell } from '../panel/items';

test('the click-through: a sensitive allow needs the details seen and the confirmation; review needs nothing', () => {
  const guard = new ClickThrough();
  const sensitive = shell('cat .env', 'sensitive');
  assert.match(guard.refusal(sensitive) ?? '', /open its full command or diff/);
  guard.saw(sensitive.id, 'card');
  assert.match(guard.refusal(sensitive) ?? '', /tick its confirmation/);
  guard.confirm(sensitive.id, true);
  assert.equal(guard.refusal(sensitive), undefined);
  guard.confirm(sensitive.id, false);
  assert.ok(guard.refusal(sensitive), 'unticking takes it back');
  assert.equal(guard.refusal(shell('npm test')), undefined, 'review needs one click');
  guard.forget(sensitive.id);
  guard.confirm(sensitive.id, true);
  assert.ok(guard.refusal(sensitive), 'state does not survive forget');
});

test('the queue: newest first, human decisions, rules answer only review items', async () => {
  const rules = new AllowRules();
  const queue = new ReviewQueue(rules);
  // A rule answers only items whose every effect it covers: give these the effects the policy would.
  const npm = (item: ReviewItem): ReviewItem => ({
    ...item,
    action: { ...item.action, sessionId: 's' },
    effects: [
      { kind: 'program.run', summary: 'Installs a package.', risk: 'review', rule: 'pkg.install' },
      { kind: 'program.run', target: 'npm', summary: 'Runs npm install.', risk: 'safe', rule: 'action', run: { program: 'npm', subcommand: 'install' } },
    ],
  });
  const settled: Settled[] = [];
  queue.onDidSettle((s) => settled.push(s));
  const first = npm(shell('npm install a'));
  const second = { ...shell('chmod 777 x', 'sensitive'), receivedAt: first.receivedAt + 10 };
  const a = queue.add(first);
  queue.add(second);
  assert.deepEqual(queue.items().map((i) => i.id), [second.id, first.id]);

  const made = rules.add(first, 'session');
  assert.ok('rule' in made);
  assert.equal(queue.applyRules(), 1);
  assert.deepEqual(await a.answer, { decision: 'allow', decidedBy: 'rule', rule: { id: made.rule.id, scope: 'session' }, reason: 'Allowed by a rule the reviewer created for this session.' });
  assert.deepEqual(queue.items().map((i) => i.id), [second.id], 'the sensitive one still waits');

  const auto = queue.add(npm(shell('npm install b')));
  assert.equal((await auto.answer).decidedBy, 'rule', 'a new matching item never becomes a card');
  const sudo = queue.add(npm(shell('npm install b', 'sensitive')));
  assert.equal(queue.size, 2, 'a sensitive item is queued even when a rule would match its text');

  assert.ok(queue.decide(second.id, { decision: 'deny', reason: 'no' }).ok);
  assert.equal(queue.decide(second.id, { decision: 'allow' }).ok, false, 'decided once');
  assert.deepEqual(settled.map((s) => s.by), ['rule', 'rule', 'human']);
  queue.dispose();
  assert.equal((await sudo.answer).decision, 'deny', 'shutdown denies what is left');
});

test('cancel near the deadline is a timeout, earlier it is the agent going away', () => {
  const queue = new ReviewQueue();
  const by: string[] = [];
  queue.onDidSettle((s) => by.push(s.by));
  queue.add({ ...shell('a'), deadline: Date.now() + 60_000 }).cancel();
  queue.add({ ...shell('b'), deadline: Date.now() + 200 }).cancel();
  assert.deepEqual(by, ['cancelled', 'timeout']);
});

test('history: newest first, who decided, capped', () => {
  const queue = new ReviewQueue();
  const history = new SessionHistory(queue, 3);
  for (const c of ['one', 'two', 'three', 'four']) {
    const i = shell(c);
    queue.add(i);
    queue.decide(i.id, { decision: 'deny', reason: `not ${c}` });
  }
  const entries = history.entries();
  assert.deepEqual(entries.map((e) => e.summary), ['four', 'three', 'two']);
  assert.deepEqual([entries[0]?.decision, entries[0]?.decidedBy, entries[0]?.reason], ['deny', 'human', 'not four']);
  history.dispose();
});

test('panel words and clocks', () => {
  assert.equal(duration(5_400), '5s');
  assert.equal(duration(184_000), '3m 04s');
  assert.equal(countdown(598_200), '9:59');
  assert.equal(countdown(-5), '0:00');
  assert.deepEqual([urgency(120_000), urgency(30_000), urgency(5_000)], ['calm', 'soon', 'urgent']);
  assert.equal(decidedByLabel('timeout', 'deny'), 'Denied: nobody decided in time');
});
