// A repeat of a call answered a moment ago (src/gate/sameCall.ts) gets that answer without a card; the log must say
// so: the repeat's decision names the entry whose answer it reused, carries no click-through of its own, and
// `countersign audit export` shows it in JSONL and CSV. Real gate, real policy, VS Code's real payload, a real log.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { AuditLog, CSV_COLUMNS, listLogFiles, readFileEntries, verifyLog, type AuditEntry } from '../../../src/audit';
import { Gate } from '../../../src/gate/gate';
import type { Reviewer } from '../../../src/gate/reviewer';
import type { ReviewAnswer, ReviewItem } from '../../../src/protocol/gateLsp';
import type { AgentName } from '../../../src/policy/types';
import { shownDigest } from '../../../src/review/wholeText';
import { policy } from '../policy/policyHarness';
import { tempDir } from './helpers';

const CLI = resolve(process.env.COUNTERSIGN_CLI ?? 'dist/cli.js');

/** VS Code's PreToolUse payload for run_in_terminal (as in test/unit/vscode/sameCall.test.ts). */
function vscodeTerminal(command: string, toolUseId = 'call_cs_1__vscode-1796283133671') {
  return {
    timestamp: '2026-12-03T07:32:30.888Z',
    hook_event_name: 'PreToolUse',
    session_id: '9d0d3df0-c267-4d16-89bc-f0c2a34cf5f2',
    tool_name: 'run_in_terminal',
    tool_input: { command, explanation: 'Reads the settings.', goal: 'Show the settings', mode: 'sync' },
    tool_use_id: toolUseId,
    cwd: '/home/dev/proj',
  };
}

/** Answers every card at once with `answer(item)`, counting the cards. */
class Reviewing implements Reviewer {
  readonly cards: ReviewItem[] = [];
  constructor(private readonly answer: (item: ReviewItem) => ReviewAnswer) {}
  review(item: ReviewItem): Promise<ReviewAnswer> {
    this.cards.push(item);
    return Promise.resolve(this.answer(item));
  }
}

async function run(answer: (item: ReviewItem) => ReviewAnswer, calls: [AgentName, unknown][]) {
  const dir = tempDir();
  const log = await AuditLog.open({ dir });
  const reviewer = new Reviewing(answer);
  const gate = new Gate({ policy: await policy(), reviewer, folders: ['/home/dev/proj'], audit: log, reviewDefault: 'deny' });
  const replies = [];
  for (const [agent, payload] of calls) {
    replies.push(await gate.decide({ agent, payload: JSON.stringify(payload), deadline: Date.now() + 60_000 }, new AbortController().signal));
  }
  await log.close();
  const files = await listLogFiles(dir);
  const entries: AuditEntry[] = (await Promise.all(files.map(readFileEntries))).flat();
  return { dir, files, entries, replies, cards: reviewer.cards.length };
}

const decisions = (entries: AuditEntry[]) => entries.flatMap((e) => (e.type === 'decision' ? [e] : []));

function cli(...args: string[]) {
  assert.ok(existsSync(CLI), `${CLI} is missing: run node scripts/build.mjs first`);
  return spawnSync(process.execPath, [CLI, 'audit', ...args], { encoding: 'utf8' });
}

test('a repeat hook run of a sensitive call: one card, and its entry says it reused the first decision (seq and id)', async () => {
  const payload = vscodeTerminal('cat .env');
  const { entries, replies, cards, files } = await run(
    (item) => ({ decision: 'allow', clickThrough: { detailsOpened: true, openedVia: ['card'], confirmed: true, confirmation: 'I approve', shownWhole: true, shown: shownDigest('cat .env') }, reason: item.id }),
    [['vscode', payload], ['copilot-cli', payload]],
  );
  assert.equal(cards, 1);
  assert.deepEqual(replies.map((r) => [r.decision, r.decidedBy]), [['allow', 'human'], ['allow', 'human']]);
  const [first, repeat] = decisions(entries);
  assert.ok(first && repeat);
  assert.equal(first.decision.reused, undefined, 'the first was decided by a person');
  assert.ok(first.decision.clickThrough, 'the first holds the click-through');
  assert.deepEqual(repeat.decision.reused, { id: first.id, seq: first.seq });
  assert.equal(repeat.decision.clickThrough, undefined, 'the look is counted once, in the entry it names');
  assert.equal(repeat.request?.summary, 'cat .env', 'the repeat logs what it asked, in the same entry');
  assert.equal(entries.filter((e) => e.type === 'request').length, 1, 'one request entry: the repeat asked nobody');
  assert.equal((await verifyLog(files)).status, 'intact');
});

test('a repeat of a denied call is marked too; a new call id gets its own card and no mark', async () => {
  let n = 0;
  const { entries, cards } = await run(
    () => (n++ === 0 ? { decision: 'deny', reason: 'No secrets.' } : { decision: 'allow' }),
    [['vscode', vscodeTerminal('cat .env')], ['copilot-cli', vscodeTerminal('cat .env')], ['vscode', vscodeTerminal('git push', 'call_2')], ['vscode', vscodeTerminal('git push', 'call_2')]],
  );
  assert.equal(cards, 2);
  const d = decisions(entries);
  assert.deepEqual(d.map((e) => [e.decision.decision, e.decision.reused?.seq]), [['deny', undefined], ['deny', d[0]?.seq], ['allow', undefined], ['allow', d[2]?.seq]]);
});

test('`countersign audit export` shows the reuse: the JSONL line carries it, the CSV has reused_seq and says it in detail', async () => {
  const payload = vscodeTerminal('git push');
  const { dir, entries } = await run(() => ({ decision: 'allow' }), [['vscode', payload], ['copilot-cli', payload]]);
  const [first, repeat] = decisions(entries);
  assert.ok(first && repeat);

  const jsonl = cli('export', '--decision', 'allow', dir);
  assert.equal(jsonl.status, 0, jsonl.stderr);
  const lines = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
  const exported = lines.filter((e) => e.type === 'decision');
  assert.equal(exported.length, 2);
  assert.deepEqual(exported[1]?.type === 'decision' && exported[1].decision.reused, { id: first.id, seq: first.seq });
  assert.equal(exported[0]?.type === 'decision' && exported[0].decision.reused, undefined);

  const csv = cli('export', '--format', 'csv', dir);
  assert.equal(csv.status, 0, csv.stderr);
  const rows = csv.stdout.split('\r\n').filter(Boolean).map((r) => r.slice(1, -1).split('","'));
  const header: string[] = rows[0] ?? [];
  assert.deepEqual(header, [...CSV_COLUMNS]);
  const col = (name: (typeof CSV_COLUMNS)[number]) => header.indexOf(name);
  const byId = rows.filter((r) => r[col('type')] === 'decision');
  assert.equal(byId.length, 2);
  assert.equal(byId[0]?.[col('reused_seq')], '');
  assert.equal(byId[1]?.[col('reused_seq')], String(first.seq));
  assert.match(byId[1]?.[col('detail')] ?? '', new RegExp(`reused the answer of seq ${first.seq} \\(request ${first.id}\\) to this same call`));
  assert.equal(byId[1]?.[col('decided_by')], 'human', 'who decided stays who decided; reused_seq says it was not decided again');
});
