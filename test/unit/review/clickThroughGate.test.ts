// The gate enforces the click-through for every reviewer, not only the panel: a human "allow" of a sensitive action
// without the evidence (details opened, confirmation ticked, shown whole, for this very text), or of an action too
// long for the card without the editor, becomes a deny with a reason; the evidence is logged with the decision, and a
// log holding it still verifies. Real policy, real Claude Code payloads, a real audit log on disk.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { AuditLog, csvRow, entryProblem, listLogFiles, verifyLog, type AppendableEvent } from '../../../src/audit';
import { Gate } from '../../../src/gate/gate';
import type { Reviewer } from '../../../src/gate/reviewer';
import type { ClickThroughEvidence, ReviewAnswer, ReviewItem } from '../../../src/protocol/gateLsp';
import { shownDigest } from '../../../src/review/wholeText';
import { bash, policy } from '../policy/policyHarness';

/** A reviewer other than the panel: answers every card with `answer(item)`. */
class ScriptedReviewer implements Reviewer {
  readonly seen: ReviewItem[] = [];
  constructor(private readonly answer: (item: ReviewItem) => ReviewAnswer) {}
  review(item: ReviewItem): Promise<ReviewAnswer> {
    this.seen.push(item);
    return Promise.resolve(this.answer(item));
  }
}

function sink(): { events: AppendableEvent[]; append(e: AppendableEvent): Promise<void> } {
  const events: AppendableEvent[] = [];
  return { events, append: (e) => Promise.resolve(void events.push(e)) };
}

const full = (text: string, over: Partial<ClickThroughEvidence> = {}): ClickThroughEvidence => ({
  detailsOpened: true,
  openedVia: ['card'],
  confirmed: true,
  confirmation: 'I approve',
  shownWhole: true,
  shown: shownDigest(text),
  ...over,
});

async function decide(command: string, answer: (item: ReviewItem) => ReviewAnswer) {
  const audit = sink();
  const reviewer = new ScriptedReviewer(answer);
  const gate = new Gate({ policy: await policy(), reviewer, folders: ['/home/dev/proj'], audit, reviewDefault: 'deny' });
  const d = await gate.decide({ agent: 'claude', payload: JSON.stringify(bash(command)), deadline: Date.now() + 60_000 }, new AbortController().signal);
  const last = audit.events.at(-1);
  assert.ok(last?.type === 'decision');
  return { d, risk: reviewer.seen[0]?.risk, logged: last.decision };
}

test('a sensitive allow without the click-through evidence is denied, with the reason, and logged', async () => {
  const { d, risk, logged } = await decide('chmod 777 deploy.sh', () => ({ decision: 'allow' }));
  assert.equal(risk, 'sensitive');
  assert.deepEqual([d.decision, d.decidedBy], ['deny', 'fail-closed']);
  assert.match(d.reason, /approval of a sensitive action came without the click-through .*; denied\./);
  assert.equal(logged.decision, 'deny');
  assert.equal(logged.clickThrough, undefined, 'nothing was sent, nothing is logged as seen');
});

test('each missing step is named; evidence for another text does not count', async () => {
  const cmd = 'chmod 777 deploy.sh';
  const cases: [Partial<ClickThroughEvidence>, RegExp][] = [
    [{ detailsOpened: false, openedVia: [] }, /without its details having been opened/],
    [{ confirmed: false }, /without its confirmation ticked/],
    [{ shownWhole: false }, /without having been shown whole/],
    [{ shown: shownDigest('chmod 777 other.sh') }, /for a different command than the one that would run/],
  ];
  for (const [over, why] of cases) {
    const { d, logged } = await decide(cmd, () => ({ decision: 'allow', clickThrough: full(cmd, over) }));
    assert.equal(d.decision, 'deny', JSON.stringify(over));
    assert.match(d.reason, why);
    assert.deepEqual(logged.clickThrough, full(cmd, over), 'what was sent is logged with the refusal');
  }
});

test('a sensitive allow with the whole click-through is approved and logged with its evidence', async () => {
  const cmd = 'chmod 777 deploy.sh';
  const { d, logged } = await decide(cmd, () => ({ decision: 'allow', clickThrough: full(cmd) }));
  assert.deepEqual([d.decision, d.decidedBy], ['allow', 'human']);
  assert.deepEqual(logged.clickThrough, full(cmd));
});

test('a review command too long for the card needs the editor, even for one click', async () => {
  const cmd = `npm install ${Array.from({ length: 60 }, (_, i) => `package-number-${i}`).join(' ')}`;
  const card = await decide(cmd, () => ({ decision: 'allow', clickThrough: full(cmd, { confirmed: false }) }));
  assert.equal(card.risk, 'review');
  assert.equal(card.d.decision, 'deny');
  assert.match(card.d.reason, /too long to show whole in the card and was approved without having been opened whole in an editor/);
  const editor = await decide(cmd, () => ({ decision: 'allow', clickThrough: full(cmd, { confirmed: false, openedVia: ['editor'] }) }));
  assert.equal(editor.d.decision, 'allow');
  const short = await decide('npm install left-pad', () => ({ decision: 'allow' }));
  assert.deepEqual([short.risk, short.d.decision], ['review', 'allow'], 'a short review action stays one click');
});

test('malformed evidence from a reviewer is a deny, never a crash', async () => {
  const cmd = 'chmod 777 deploy.sh';
  const junk = { detailsOpened: 'yes', openedVia: 'card', confirmed: 1, shownWhole: true, shown: 'x' } as unknown as ClickThroughEvidence;
  const { d, logged } = await decide(cmd, () => ({ decision: 'allow', clickThrough: junk }));
  assert.equal(d.decision, 'deny');
  assert.deepEqual(logged.clickThrough, { detailsOpened: false, openedVia: [], confirmed: false, shownWhole: true }, 'only well-typed fields reach the log');
});

test('the audit log keeps the evidence, verifies, and still reads entries written without it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cs-clickthrough-'));
  try {
    const log = await AuditLog.open({ dir });
    const request = { agent: 'claude' as const, tool: 'Bash', kind: 'shell' as const, summary: 'chmod 777 deploy.sh', risk: 'sensitive' as const, rules: ['perm.mode'] };
    await log.append({ type: 'request', id: 'a', request });
    await log.append({ type: 'decision', id: 'a', decision: { decision: 'allow', decidedBy: 'human', reason: 'ok', clickThrough: full('chmod 777 deploy.sh') } });
    await log.append({ type: 'decision', id: 'b', request, decision: { decision: 'deny', decidedBy: 'human', reason: 'old style' } });
    await log.close();
    const files = await listLogFiles(dir);
    assert.equal((await verifyLog(files)).status, 'intact');
    const lines = readFileSync(files[0] ?? '', 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const l of lines) assert.equal(entryProblem(l), undefined);
    const withEvidence = lines.find((l) => l.id === 'a' && l.type === 'decision') as { decision: { clickThrough: unknown } };
    assert.deepEqual(withEvidence.decision.clickThrough, full('chmod 777 deploy.sh'));
    assert.match(csvRow(withEvidence as never), /click-through: details seen in card; confirmed; shown whole \(19 chars, sha256 [0-9a-f]{12}…\)/, 'the CSV export says it too');
    const bad = { ...withEvidence, decision: { ...withEvidence.decision, clickThrough: { detailsOpened: true } } };
    assert.equal(entryProblem(bad), 'malformed decision entry');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
