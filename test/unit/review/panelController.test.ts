// The review core without VS Code: the panel's message handling over the real queue, rules and card views, with a
// recording host in place of the webview and editors. Before src/review held it, this was reachable only in the
// extension host (test/integration, test/ui).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReviewAnswer, ReviewItem } from '../../../src/protocol/gateLsp';
import { agentLabel, type ToWebview } from '../../../src/protocol/webviewMessages';
import { AllowRules } from '../../../src/review/allowRules';
import { CardViews, type DiffSides } from '../../../src/review/cardViews';
import { SessionHistory } from '../../../src/review/history';
import { PanelController, type PanelCommand, type PanelHost } from '../../../src/review/panelController';
import type { ReadOnlyDisk } from '../../../src/review/preview/effectPreview';
import { ReviewQueue, type Settled } from '../../../src/review/reviewQueue';
import { revealText } from '../../../src/webview/visible';
import { bash, evaluate } from '../policy/policyHarness';

let n = 0;

/** A ReviewItem exactly as the gate builds it from the policy's verdict on a Claude Code Bash call. */
async function shellItem(command: string): Promise<ReviewItem> {
  const v = await evaluate(bash(command), 'claude');
  return { id: `p-${++n}`, risk: v.risk, reasons: v.reasons, effects: v.effects, action: v.action, workspaceFolder: '/home/dev/proj', receivedAt: n, deadline: Date.now() + 600_000 };
}

/** No disk at all: a preview that tried to read one would fail loudly. */
const noDisk: ReadOnlyDisk = {
  readdir: () => Promise.reject(new Error('no disk in this test')),
  stat: () => Promise.reject(new Error('no disk in this test')),
  lstat: () => Promise.reject(new Error('no disk in this test')),
  readText: () => Promise.reject(new Error('no disk in this test')),
};

interface Recorded {
  posts: ToWebview[];
  commands: { command: PanelCommand; args: unknown[] }[];
  opened: string[];
  closed: string[];
  chat: number;
  hasPending: boolean[];
}

function setup() {
  const rules = new AllowRules(agentLabel);
  const queue = new ReviewQueue(rules);
  const history = new SessionHistory(queue);
  const diffs = new Map<string, DiffSides>();
  const cards = new CardViews({ rules, diffs: { set: (id, i, s) => diffs.set(`${id}/${i}`, s) }, disk: noDisk, folders: () => ['/home/dev/proj'], log: () => undefined });
  const rec: Recorded = { posts: [], commands: [], opened: [], closed: [], chat: 0, hasPending: [] };
  const timers: (() => void)[] = [];
  const host: PanelHost = {
    attached: () => true,
    post: (msg) => rec.posts.push(msg),
    reveal: () => Promise.resolve(),
    openDetails: (item) => (rec.opened.push(item.id), Promise.resolve(true)),
    openDiff: (id, index) => Promise.resolve(diffs.has(`${id}/${index}`)),
    closeEditors: (id) => rec.closed.push(id),
    runCommand: (command, ...args) => (rec.commands.push({ command, args }), Promise.resolve()),
    focusChat: () => (rec.chat++, Promise.resolve()),
    setHasPending: (has) => rec.hasPending.push(has),
    log: () => undefined,
    now: () => 42,
    setTimer: (fn) => (timers.push(fn), { cancel: () => undefined }),
  };
  const panel = new PanelController({ queue, rules, history, cards, folders: () => ['/home/dev/proj'] }, host);
  const flush = () => {
    for (const fn of timers.splice(0)) fn();
  };
  const settled: Settled[] = [];
  queue.onDidSettle((s) => settled.push(s));
  const refusals = () => rec.posts.flatMap((m) => (m.type === 'refused' ? [m.why] : []));
  return { rules, queue, cards, panel, rec, flush, settled, refusals };
}

test('the panel refuses an approval of a sensitive action until its details were seen whole and its confirmation ticked', async () => {
  const { queue, cards, panel, settled, refusals } = setup();
  const item = await shellItem('chmod 777 deploy.sh');
  assert.equal(item.risk, 'sensitive');
  const pending = queue.add(item);

  const bare = panel.receive({ type: 'decide', id: item.id, decision: 'allow' });
  assert.equal(bare.ok, false, 'allow without any step');
  assert.match(refusals().at(-1) ?? '', /only after you open its full command/);

  // A webview that merely says "opened", or reports other text than the extension sent, proves nothing.
  assert.equal(panel.receive({ type: 'opened', id: item.id }).ok, false);
  assert.equal(panel.receive({ type: 'opened', id: item.id, rendered: 'chmod 644 deploy.sh', overflow: false }).ok, false);
  assert.equal(panel.receive({ type: 'decide', id: item.id, decision: 'allow' }).ok, false, 'still no step taken');

  const subject = cards.view(item).subject.text;
  assert.ok(panel.receive({ type: 'opened', id: item.id, rendered: revealText(subject), overflow: false }).ok);
  assert.equal(panel.receive({ type: 'decide', id: item.id, decision: 'allow' }).ok, false, 'details seen, confirmation not ticked');
  assert.match(refusals().at(-1) ?? '', /tick its confirmation/);

  assert.ok(panel.receive({ type: 'confirm', id: item.id, checked: true }).ok);
  assert.ok(panel.receive({ type: 'decide', id: item.id, decision: 'allow' }).ok);
  const answer: ReviewAnswer = await pending.answer;
  assert.equal(answer.decision, 'allow');
  assert.deepEqual(answer.clickThrough?.openedVia, ['card']);
  assert.equal(answer.clickThrough?.confirmed, true);
  assert.equal(answer.clickThrough?.confirmation, cards.view(item).confirmation);
  assert.deepEqual(settled.map((s) => s.by), ['human']);
  panel.dispose();
  queue.dispose();
});

test('a denial needs no step; a decided or forged id is refused', async () => {
  const { queue, panel, rec } = setup();
  const item = await shellItem('chmod 777 deploy.sh');
  const pending = queue.add(item);
  assert.ok(panel.receive({ type: 'decide', id: item.id, decision: 'deny', reason: '  no  ' }).ok);
  assert.deepEqual(await pending.answer, { decision: 'deny', reason: 'no', decidedBy: 'human', clickThrough: (await pending.answer).clickThrough });
  assert.equal(panel.receive({ type: 'decide', id: item.id, decision: 'allow' }).ok, false, 'already decided');
  assert.equal(panel.receive({ type: 'decide', id: 'forged', decision: 'allow' }).ok, false);
  assert.equal(panel.receive({ type: 'approveEverything' }).ok, false, 'a message outside the union');
  assert.deepEqual(rec.closed, [item.id], "a decided card's editors close");
  panel.dispose();
  queue.dispose();
});

test('"Allow similar" is never made for a sensitive action, whatever the panel sends', async () => {
  const { rules, queue, panel, cards, refusals } = setup();
  const item = await shellItem('chmod 777 deploy.sh');
  queue.add(item);
  assert.equal(cards.view(item).similar, undefined, 'the card offers no rule');
  for (const scope of ['session', 'workspace', 'once'] as const) {
    assert.equal(panel.receive({ type: 'allowSimilar', id: item.id, scope }).ok, false, scope);
    assert.match(refusals().at(-1) ?? '', /can never be remembered/);
  }
  assert.equal(rules.size, 0);
  assert.ok('why' in rules.add(item, 'session'), 'the rules refuse it too');
  assert.equal(queue.size, 1, 'still waiting for a human');

  // A rule made from the same command while it needed one click never answers it once it is sensitive.
  const review = await shellItem('npm install left-pad');
  assert.equal(review.risk, 'review');
  assert.ok('rule' in rules.add(review, 'workspace'));
  assert.ok(rules.match({ ...review, id: 'again' }), 'the rule covers the command');
  assert.equal(rules.match({ ...review, id: 'sens', risk: 'sensitive' }), undefined);
  const sensitive = queue.add({ ...review, id: 'sens-q', risk: 'sensitive' });
  assert.ok(queue.get('sens-q'), 'queued for a human, not answered by the rule');
  queue.dispose();
  assert.equal((await sensitive.answer).decision, 'deny');
  panel.dispose();
});

test('allow similar for a one-click action makes the rule, answers the card and every pending match', async () => {
  const { rules, queue, panel, settled } = setup();
  const a = await shellItem('npm install left-pad');
  const b = await shellItem('npm install is-even');
  const pa = queue.add(a);
  const pb = queue.add(b);
  assert.ok(panel.receive({ type: 'allowSimilar', id: a.id, scope: 'workspace' }).ok);
  assert.equal(rules.size, 1);
  assert.equal((await pa.answer).decidedBy, 'human');
  assert.equal((await pb.answer).decidedBy, 'rule');
  assert.deepEqual(settled.map((s) => s.by), ['human', 'rule']);
  panel.dispose();
  queue.dispose();
});

test('the webview gets the queue in one batch after ready, only cards it does not hold, and the buttons run their commands', async () => {
  const { queue, panel, cards, rec, flush } = setup();
  const a = await shellItem('npm install left-pad');
  const b = await shellItem('chmod 777 deploy.sh');
  queue.add(a);
  queue.add(b);
  // Details arrive later and re-send their card; wait for them so the next batch holds only the new card.
  await Promise.all([cards.whenReady(a), cards.whenReady(b)]);
  assert.ok(panel.receive({ type: 'ready' }).ok);
  flush();
  const queues = rec.posts.filter((m) => m.type === 'queue');
  assert.equal(queues.length, 1, 'one message for the burst');
  assert.deepEqual(queues[0]!.type === 'queue' && queues[0]!.views.map((v) => v.item.id), [b.id, a.id]);
  assert.deepEqual(rec.hasPending, [true]);

  rec.posts.length = 0;
  const c = await shellItem('npm test');
  queue.add(c);
  flush();
  const next = rec.posts.find((m) => m.type === 'queue');
  assert.ok(next?.type === 'queue' && next.views.length === 1 && next.order.length === 3, 'only the new card is sent again');

  panel.receive({ type: 'connectAgents' });
  panel.receive({ type: 'reviewGuardFix', agent: 'claude' });
  assert.deepEqual(rec.commands, [
    { command: 'countersign.connectAgents', args: [] },
    { command: 'countersign.reviewGuardFix', args: ['claude'] },
  ]);
  assert.equal(panel.denyAll(), 3);
  flush();
  assert.deepEqual(rec.hasPending, [true, false]);
  panel.dispose();
  queue.dispose();
});

test("deciding the last card from VS Code's agent returns the focus to its chat; other agents' do not", async () => {
  const { queue, panel, rec } = setup();
  const fromChat = { ...(await shellItem('npm install left-pad')), id: 'chat-1' };
  fromChat.action = { ...fromChat.action, agent: 'vscode' };
  const other = await shellItem('npm install is-even');
  queue.add(fromChat);
  queue.add(other);
  assert.ok(panel.receive({ type: 'decide', id: fromChat.id, decision: 'deny' }).ok);
  assert.equal(rec.chat, 0, 'another card still waits');
  assert.ok(panel.receive({ type: 'decide', id: other.id, decision: 'deny' }).ok);
  assert.equal(rec.chat, 0, 'the last one came from Claude Code');
  const last = { ...fromChat, id: 'chat-2' };
  queue.add(last);
  assert.ok(panel.receive({ type: 'decide', id: last.id, decision: 'deny' }).ok);
  assert.equal(rec.chat, 1);
  panel.dispose();
  queue.dispose();
});
