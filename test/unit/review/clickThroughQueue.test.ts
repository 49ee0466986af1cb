// The review queue is where the click-through is enforced: whatever calls decide() (the panel, a notification, a
// test seam), an approval of a sensitive action without the details seen and the confirmation ticked is refused, and
// so is an approval of an action too long for the card before it was open whole in an editor. Denials always pass.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReviewQueue } from '../../../src/review/reviewQueue';
import type { ReviewAnswer } from '../../../src/protocol/gateLsp';
import { CARD_COLUMNS, CARD_LINES, editorNeed, fitsCard, shownDigest, wholeText } from '../../../src/review/wholeText';
import { item, shell } from '../panel/items';

/** A command of `lines` lines of `width` characters. */
const long = (lines: number, width = 20) => Array.from({ length: lines }, (_, i) => `echo ${String(i).padEnd(width - 5, 'x')}`).join('\n');

test('the queue refuses a sensitive approval until the details were seen and the confirmation ticked', async () => {
  const queue = new ReviewQueue();
  const chmod = shell('chmod 777 deploy.sh', 'sensitive');
  const { answer } = queue.add(chmod);

  const bare = queue.decide(chmod.id, { decision: 'allow' });
  assert.deepEqual(bare, { ok: false, why: 'A sensitive action can be approved only after you open its full command or diff.' });
  assert.equal(queue.size, 1, 'still pending after a refused approval');

  queue.confirm(chmod.id, true, 'I approve running “chmod 777 deploy.sh”');
  assert.match((queue.decide(chmod.id, { decision: 'allow' }) as { why: string }).why, /open its full command or diff/, 'ticking alone is not enough');

  queue.sawDetails(chmod.id, 'card');
  queue.confirm(chmod.id, false);
  assert.match((queue.decide(chmod.id, { decision: 'allow' }) as { why: string }).why, /tick its confirmation/, 'unticked again');

  queue.confirm(chmod.id, true, 'I approve running “chmod 777 deploy.sh”');
  assert.deepEqual(queue.decide(chmod.id, { decision: 'allow' }), { ok: true });
  const settled: ReviewAnswer = await answer;
  assert.equal(settled.decision, 'allow');
  assert.deepEqual(settled.clickThrough, {
    detailsOpened: true,
    openedVia: ['card'],
    confirmed: true,
    confirmation: 'I approve running “chmod 777 deploy.sh”',
    shownWhole: true,
    shown: shownDigest('chmod 777 deploy.sh'),
  });
  queue.dispose();
});

test('a denial never waits for the click-through, and carries what was seen', async () => {
  const queue = new ReviewQueue();
  const env = shell('cat .env', 'sensitive');
  const { answer } = queue.add(env);
  assert.deepEqual(queue.decide(env.id, { decision: 'deny', reason: 'no' }), { ok: true });
  const a = await answer;
  assert.equal(a.decision, 'deny');
  assert.deepEqual([a.clickThrough?.detailsOpened, a.clickThrough?.confirmed], [false, false]);
  queue.dispose();
});

test('a command too long for the card is approved only after the editor showed it whole, review or sensitive', async () => {
  const queue = new ReviewQueue();
  const command = long(CARD_LINES + 1);
  assert.equal(fitsCard(command), false);
  const review = shell(command, 'review');
  const { answer } = queue.add(review);
  assert.match((queue.decide(review.id, { decision: 'allow' }) as { why: string }).why, /too long to show whole in the card: open it in the editor/);
  queue.sawDetails(review.id, 'card');
  assert.equal(queue.decide(review.id, { decision: 'allow' }).ok, false, 'the card cannot have shown it whole');
  queue.sawDetails(review.id, 'diff');
  assert.equal(queue.decide(review.id, { decision: 'allow' }).ok, false, 'a diff does not show a command');
  queue.sawDetails(review.id, 'editor');
  assert.deepEqual(queue.decide(review.id, { decision: 'allow' }), { ok: true });
  assert.deepEqual((await answer).clickThrough?.openedVia, ['card', 'diff', 'editor']);
  assert.equal((await answer).clickThrough?.shownWhole, true);

  const sudo = shell(`sudo ${command}`, 'sensitive');
  queue.add(sudo);
  queue.sawDetails(sudo.id, 'editor');
  assert.match((queue.decide(sudo.id, { decision: 'allow' }) as { why: string }).why, /tick its confirmation/, 'the editor opens the details, the tick is still needed');
  queue.confirm(sudo.id, true, 'I approve');
  assert.deepEqual(queue.decide(sudo.id, { decision: 'allow' }), { ok: true });
  queue.dispose();
});

test('written content too long for the card: the diff editor shows it whole too', () => {
  const queue = new ReviewQueue();
  const content = long(40);
  const write = item({ kind: 'write', tool: 'Write', path: '/home/dev/proj/run.sh', content }, 'review');
  assert.equal(editorNeed(write.action), 'editor-or-diff');
  queue.add(write);
  assert.equal(queue.decide(write.id, { decision: 'allow' }).ok, false);
  queue.sawDetails(write.id, 'diff');
  assert.deepEqual(queue.decide(write.id, { decision: 'allow' }), { ok: true });
  queue.dispose();
});

test('what the card shows whole: lines, wrapped long lines, hidden characters at their marker width', () => {
  assert.equal(fitsCard(long(CARD_LINES)), true, 'eight short lines fit');
  assert.equal(fitsCard(long(CARD_LINES + 1)), false, 'nine do not');
  assert.equal(fitsCard('x'.repeat(CARD_COLUMNS * CARD_LINES)), true, 'one line wrapping to exactly eight card lines fits');
  assert.equal(fitsCard('x'.repeat(CARD_COLUMNS * CARD_LINES + 1)), false, 'one character more does not');
  // 70 bidi overrides are 70 characters, but the card shows each as ⟦U+202E⟧ (8 wide): far more than 8 lines.
  const hidden = `echo hi${'\u202e'.repeat(70)}`;
  assert.equal(hidden.length < CARD_COLUMNS * CARD_LINES, true);
  assert.equal(fitsCard(hidden), false, 'hidden characters count as what the card shows');
  assert.equal(editorNeed(shell('chmod 777 deploy.sh').action), undefined);
  assert.equal(wholeText(shell('a\nb').action).text, 'a\nb', 'the whole command, not a summary');
});
