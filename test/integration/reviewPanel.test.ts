// The review panel's rules, inside the real extension host: the extension itself refuses a sensitive approval
// without the click-through (and the test seam cannot take its steps: approving one is a browser test, by clicking),
// session rules answer only 'review' items, Deny all, notifications, history, and the native diff editor on virtual
// documents that leave the real file alone. Cards come from the real hook CLI.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CountersignApi, CountersignTesting } from '../../src/extension/ctx';
import type { ReviewItem } from '../../src/protocol/gateLsp';
import { SensitiveNotifier } from '../../src/review/notifier';
import { ReviewQueue } from '../../src/review/reviewQueue';
import { readItems } from '../../src/extension/auditLog/auditLogReader';
import { activeApi, claudeBash, runHook, whenPending, workspaceDir, type HookRun } from './helpers';

interface ClaudeAnswer {
  hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string };
}

async function answerOf(hook: HookRun): Promise<ClaudeAnswer['hookSpecificOutput']> {
  const out = await hook.done;
  assert.equal(out.code, 0, out.stderr);
  return (JSON.parse(out.stdout) as ClaudeAnswer).hookSpecificOutput;
}

function testing(api: CountersignApi): CountersignTesting {
  assert.ok(api.testing, 'the integration tests run in ExtensionMode.Test');
  return api.testing;
}

/** Starts a hook and resolves with its card (the newest pending item whose command is `command`). */
async function card(api: CountersignApi, extensionPath: string, payload: Record<string, unknown>, match: (i: ReviewItem) => boolean, what: string): Promise<{ hook: HookRun; item: ReviewItem }> {
  const hook = runHook(extensionPath, 'claude', payload);
  const items = await whenPending(api, (all) => all.some(match), what);
  const item = items.find(match);
  assert.ok(item);
  return { hook, item };
}

const isCommand = (command: string) => (i: ReviewItem) => i.action.kind === 'shell' && i.action.command === command;

/** The card for `match`, or undefined when the hook was answered without one (a safe action). Event-driven. */
function cardOrAnswer(api: CountersignApi, hook: HookRun, match: (i: ReviewItem) => boolean): Promise<ReviewItem | undefined> {
  return new Promise((resolve) => {
    const check = () => {
      const item = api.pending().find(match);
      if (item) {
        sub.dispose();
        resolve(item);
      }
    };
    const sub = api.onDidChangePending(check);
    void hook.done.then(() => {
      sub.dispose();
      resolve(api.pending().find(match));
    });
    check();
  });
}

/** A card for `npm install left-pad`, which the policy rates 'review' (asserted: a change of rating fails here). */
async function reviewCard(api: CountersignApi, extensionPath: string): Promise<{ hook: HookRun; item: ReviewItem; program: string }> {
  const command = 'npm install left-pad';
  const hook = runHook(extensionPath, 'claude', claudeBash(workspaceDir(), command));
  const item = await cardOrAnswer(api, hook, isCommand(command));
  assert.ok(item, `${command} got a card`);
  assert.equal(item.risk, 'review', `${command} is rated review`);
  return { hook, item, program: 'npm' };
}

describe('review panel (real extension host)', () => {
  // A failed test must not leave cards behind for the next one.
  afterEach(async () => {
    const { api } = await activeApi();
    for (const i of api.pending()) api.testing?.decide(i.id, 'deny');
  });

  it('refuses to approve a sensitive action without the click-through, and no test door can take its steps', async () => {
    const { api, extensionPath } = await activeApi();
    const t = testing(api);
    const { hook, item } = await card(api, extensionPath, claudeBash(workspaceDir(), 'chmod 777 deploy.sh'), isCommand('chmod 777 deploy.sh'), 'the chmod card');
    assert.equal(item.risk, 'sensitive');

    const bare = t.panel({ type: 'decide', id: item.id, decision: 'allow' });
    assert.equal(bare.ok, false);
    assert.match(bare.ok ? '' : bare.why, /open its full command or diff/);
    assert.equal(t.decide(item.id, 'allow'), false, 'the queue itself refuses, whoever asks');
    assert.ok(api.pending().some((i) => i.id === item.id), 'still pending after refused approvals');

    // The steps are the panel's and the editors' alone: the seam refuses to forge them.
    for (const step of [{ type: 'opened', id: item.id, rendered: 'chmod 777 deploy.sh', overflow: false }, { type: 'confirm', id: item.id, checked: true }, { type: 'openDetails', id: item.id }]) {
      const r = t.panel(step);
      assert.match(r.ok ? '' : r.why, /click-through steps come only from clicks/, step.type);
    }
    assert.match((t.panel({ type: 'decide', id: item.id, decision: 'allow' }) as { why: string }).why, /open its full command or diff/, 'nothing was unlocked');

    assert.equal(t.panel({ type: 'allowSimilar', id: item.id, scope: 'session' }).ok, false, 'a sensitive action is never remembered');
    assert.equal(t.rules().length, 0);

    assert.equal(t.decide(item.id, 'deny'), true, 'a denial never waits for the click-through');
    const answer = await answerOf(hook);
    assert.equal(answer.permissionDecision, 'deny');
    assert.equal(t.history()[0]?.decidedBy, 'human');
  });

  it('denies with the reviewer\'s reason, and forged or stale messages decide nothing', async () => {
    const { api, extensionPath } = await activeApi();
    const t = testing(api);
    const { hook, item } = await card(api, extensionPath, claudeBash(workspaceDir(), 'cat .env'), isCommand('cat .env'), 'the cat .env card');
    assert.equal(t.panel({ type: 'decide', id: 'forged', decision: 'allow' }).ok, false);
    assert.equal(t.panel({ type: 'decide', id: item.id, decision: 'maybe' }).ok, false);
    assert.equal(t.panel({ type: 'opened', id: 'forged' }).ok, false);
    assert.deepEqual(t.panel({ type: 'decide', id: item.id, decision: 'deny', reason: 'Use .env.example instead.' }), { ok: true });
    const answer = await answerOf(hook);
    assert.equal(answer.permissionDecision, 'deny');
    assert.match(answer.permissionDecisionReason, /Use \.env\.example instead\./);
    assert.equal(t.panel({ type: 'decide', id: item.id, decision: 'allow' }).ok, false, 'decided once');
    assert.deepEqual([t.history()[0]?.decision, t.history()[0]?.reason], ['deny', 'Use .env.example instead.']);
  });

  it('"Allow similar" answers matching review actions by rule, never a sensitive one, until revoked', async () => {
    const { api, extensionPath } = await activeApi();
    const t = testing(api);
    const first = await reviewCard(api, extensionPath);
    assert.equal(t.panel({ type: 'allowSimilar', id: first.item.id }).ok, false, 'a scope is required');
    assert.deepEqual(t.panel({ type: 'allowSimilar', id: first.item.id, scope: 'session' }), { ok: true });
    assert.equal((await answerOf(first.hook)).permissionDecision, 'allow');
    const [rule] = t.rules();
    assert.ok(rule, 'the rule is listed');
    assert.equal(rule.scope, 'session');
    assert.match(rule.description, new RegExp(`^Allow \`${first.program}[^\`]*\` .* for this Claude Code session\\.$`));

    // Same command name and subcommand, other arguments: answered without a card.
    const similar = (first.item.action.kind === 'shell' ? first.item.action.command : '').replace(/\S+$/, 'another-arg');
    const cards: string[] = [];
    const sub = api.onDidChangePending(() => cards.push(...api.pending().map((i) => (i.action.kind === 'shell' ? i.action.command : ''))));
    const auto = await answerOf(runHook(extensionPath, 'claude', claudeBash(workspaceDir(), similar)));
    sub.dispose();
    assert.equal(auto.permissionDecision, 'allow');
    assert.match(auto.permissionDecisionReason, /rule the reviewer made for this session/);
    assert.ok(!cards.includes(similar), 'no card was shown for it');
    assert.equal(t.history()[0]?.decidedBy, 'rule');
    assert.equal(t.rules()[0]?.matched, 1);
    // The audit log names the rule and its scope.
    const { items: logged } = await readItems(api.auditDir(), {});
    const byRule = logged.find((i) => i.request?.summary === similar && i.decision?.decidedBy === 'rule');
    assert.deepEqual(byRule?.decision?.rule, { id: rule.id, scope: 'session' });

    // The same command under sudo is sensitive: it always gets a card.
    const sudoCommand = `sudo ${similar}`;
    const sudo = await card(api, extensionPath, claudeBash(workspaceDir(), sudoCommand), isCommand(sudoCommand), 'the sudo card');
    assert.equal(sudo.item.risk, 'sensitive');
    t.decide(sudo.item.id, 'deny');
    assert.equal((await answerOf(sudo.hook)).permissionDecision, 'deny');

    // Revoked: the next one asks again.
    assert.deepEqual(t.panel({ type: 'revokeRule', ruleId: rule.id }), { ok: true });
    assert.equal(t.rules().length, 0);
    const again = await card(api, extensionPath, claudeBash(workspaceDir(), similar), isCommand(similar), 'a card after revoking');
    t.decide(again.item.id, 'deny');
    await again.hook.done;
  });

  it('Deny all denies every listed card and nothing else', async () => {
    const { api, extensionPath } = await activeApi();
    const t = testing(api);
    const commands = ['chmod 777 deploy.sh', 'sudo ls /root', 'cat .env'];
    const hooks = commands.map((c) => runHook(extensionPath, 'claude', claudeBash(workspaceDir(), c)));
    const items = await whenPending(api, (all) => commands.every((c) => all.some(isCommand(c))), 'three cards');
    assert.deepEqual(t.panel({ type: 'denyAll', ids: items.map((i) => i.id) }), { ok: true });
    for (const h of hooks) assert.equal((await answerOf(h)).permissionDecision, 'deny');
    assert.equal(api.pending().length, 0);
    assert.deepEqual(t.history().slice(0, 3).map((e) => [e.decision, e.decidedBy]), Array(3).fill(['deny', 'human']));
  });

  it('notifies about a sensitive action while the panel is hidden, with agent and tool only', async () => {
    const { api, extensionPath } = await activeApi();
    const t = testing(api);
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    const before = t.notifications().length;
    const hostile = 'chmod 777 [click](command:countersign.denyAll) \u202Eevil';
    const { hook, item } = await card(api, extensionPath, claudeBash(workspaceDir(), hostile), isCommand(hostile), 'the hostile card');
    const shown = t.notifications().slice(before);
    assert.equal(shown.length, 1, 'one notification');
    assert.match(shown[0] ?? '', /^Countersign: Claude Code wants to run a sensitive action \(Bash\)/);
    assert.doesNotMatch(shown[0] ?? '', /command:|\u202E|chmod/, 'no agent text in a notification');
    t.decide(item.id, 'deny');
    await hook.done;

    await vscode.commands.executeCommand('countersign.showReviews');
    const visibleBefore = t.notifications().length;
    const second = await card(api, extensionPath, claudeBash(workspaceDir(), 'sudo id'), isCommand('sudo id'), 'the sudo card');
    assert.equal(t.notifications().length, visibleBefore, 'no notification while the panel is visible');
    t.decide(second.item.id, 'deny');
    await second.hook.done;
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
  });

  it('a notification offers only "Review", which reveals the card; one at a time until that card is decided', async () => {
    const queue = new ReviewQueue();
    const offered: string[][] = [];
    const revealed: string[] = [];
    let answer: (choice: string | undefined) => void = () => undefined;
    const panel = { visible: false, revealCard: (id: string) => Promise.resolve(void revealed.push(id)) };
    const notifier = new SensitiveNotifier(queue, panel, (_m, ...items) => {
      offered.push(items);
      return new Promise((r) => (answer = r));
    });
    const base = { reasons: [], workspaceFolder: workspaceDir(), receivedAt: Date.now(), deadline: Date.now() + 60_000 };
    const action = (command: string) => ({ kind: 'shell' as const, agent: 'claude' as const, tool: 'Bash', cwd: workspaceDir(), command });
    queue.add({ ...base, id: 'a', risk: 'sensitive', action: action('sudo a') });
    queue.add({ ...base, id: 'b', risk: 'sensitive', action: action('sudo b') });
    queue.add({ ...base, id: 'c', risk: 'review', action: action('npm install c') });
    assert.deepEqual(offered, [['Review']], 'one notification for the burst, with Review as its only button');
    answer('Review');
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(revealed, ['a']);
    queue.decide('a', { decision: 'deny' });
    queue.add({ ...base, id: 'd', risk: 'sensitive', action: action('sudo d') });
    assert.equal(offered.length, 2, 'the next sensitive action notifies again once the first was handled');
    notifier.dispose();
    queue.dispose();
  });

  it('Open diff shows the current file against the proposed edit in the native diff editor; the file is untouched', async () => {
    const { api, extensionPath } = await activeApi();
    const t = testing(api);
    const file = join(workspaceDir(), 'deploy.sh');
    const original = readFileSync(file, 'utf8');
    const mtime = statSync(file).mtimeMs;
    const payload = {
      ...claudeBash(workspaceDir(), ''),
      tool_name: 'Edit',
      tool_input: { file_path: file, old_string: 'echo "deploying…"', new_string: 'sudo echo "deploying…"', replace_all: false },
    };
    const isEdit = (i: ReviewItem) => i.action.kind === 'edit' && i.action.path === file;
    const { hook, item } = await card(api, extensionPath, payload, isEdit, 'the edit card');
    assert.notEqual(item.risk, 'review', 'an edit adding sudo is sensitive');

    const tabOpened = new Promise<vscode.TabInputTextDiff>((resolve) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        const diff = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((tab) => tab.input).find((i) => i instanceof vscode.TabInputTextDiff);
        if (diff instanceof vscode.TabInputTextDiff) {
          sub.dispose();
          resolve(diff);
        }
      });
    });
    assert.equal(await t.openDiff(item.id, 0), true);
    const input = await tabOpened;
    assert.equal(input.original.scheme, 'countersign-preview');
    assert.equal(input.modified.scheme, 'countersign-preview');
    const left = await vscode.workspace.openTextDocument(input.original);
    const right = await vscode.workspace.openTextDocument(input.modified);
    assert.equal(left.getText(), original, 'left: the file as it is on disk');
    assert.equal(right.getText(), original.replace('echo "deploying…"', 'sudo echo "deploying…"'), 'right: the proposed text');
    assert.equal(right.languageId, 'shellscript', 'the virtual document keeps the file name, so the language is right');
    assert.equal(readFileSync(file, 'utf8'), original, 'the real file is unchanged');
    assert.equal(statSync(file).mtimeMs, mtime);

    // Through the test seam, opening the diff is not a click-through step (the browser test shows the real button's).
    assert.match((t.panel({ type: 'decide', id: item.id, decision: 'allow' }) as { why: string }).why, /open its full command or diff/);

    const tabClosed = new Promise<void>((resolve) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        const still = vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((tab) => tab.input instanceof vscode.TabInputTextDiff && tab.input.modified.scheme === 'countersign-preview');
        if (!still) {
          sub.dispose();
          resolve();
        }
      });
    });
    t.decide(item.id, 'deny');
    await hook.done;
    await tabClosed;
    assert.equal(readFileSync(file, 'utf8'), original);
  });

  it('history records a timeout', async () => {
    const { api, extensionPath } = await activeApi();
    const t = testing(api);
    const hook = runHook(extensionPath, 'claude', claudeBash(workspaceDir(), 'chmod 600 deploy.sh'), ['--timeout', '3']);
    await whenPending(api, (all) => all.some(isCommand('chmod 600 deploy.sh')), 'the card');
    assert.equal((await answerOf(hook)).permissionDecision, 'deny');
    await whenPending(api, (all) => !all.some(isCommand('chmod 600 deploy.sh')), 'the card to leave');
    assert.deepEqual([t.history()[0]?.summary, t.history()[0]?.decidedBy], ['chmod 600 deploy.sh', 'timeout']);
  });
});
