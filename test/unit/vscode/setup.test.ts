// Set-up on every VS Code: the lint diagnostics name the settings that switch the agent's hooks off or make VS Code
// approve calls by itself (each fix only removes the setting), and Connect Agents adds ~/.copilot/hooks to
// chat.hookFilesLocations on a VS Code older than 1.112, as a planned change shown before anything is written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, parse } from 'jsonc-parser';
import { lintConfig, type LintFinding } from '../../../src/lint';
import { planUserHooksLocation, readsUserHooksByDefault } from '../../../src/agents/vscodeHookLocations';
import { changes } from '../../../src/agents/plan';

const ctx = { hookInstalled: () => true };
const USER = '/home/dev/.config/Code/User/settings.json';
const codes = (fs: LintFinding[]) => fs.map((f) => f.code).sort();

test('hooks switched off: chat.useHooks false, managed-only hooks, plugin-only customizations are errors with a removing fix', () => {
  const text = `{
  "editor.fontSize": 14,
  "chat.useHooks": false,
  "chat.hooks.allowManagedOnly": true,
  "chat.customizations.strictPluginOnlyCustomization": true
}`;
  const fs = lintConfig(USER, text, ctx);
  assert.deepEqual(codes(fs), ['vscode.hooksOff', 'vscode.hooksOff', 'vscode.hooksOff']);
  assert.ok(fs.every((f) => f.severity === 'error'));
  for (const f of fs) {
    const fixedText = applyEdits(text, f.fix!.edits);
    const key = /"(chat\.[\w.]+)"/.exec(text.slice(f.start, f.end))![1]!;
    assert.equal(key in (parse(fixedText) as object), false, key);
    assert.equal((parse(fixedText) as Record<string, unknown>)['editor.fontSize'], 14);
  }
  assert.match(fs[0]!.message, /not reviewed/);
});

test('auto-approval: chat.permissions.default autoApprove|autopilot, approvals allowAll, ignored default terminal rules, global auto-approve, broad terminal rules', () => {
  for (const mode of ['autoApprove', 'autopilot']) {
    assert.deepEqual(codes(lintConfig(USER, JSON.stringify({ 'chat.permissions.default': mode }), ctx)), ['vscode.autoApproveDefault'], mode);
  }
  assert.deepEqual(lintConfig(USER, JSON.stringify({ 'chat.permissions.default': 'default' }), ctx), []);
  const text = JSON.stringify({
    'chat.defaultConfiguration.approvals': 'allowAll',
    'chat.tools.terminal.ignoreDefaultAutoApproveRules': true,
    'chat.tools.global.autoApprove': true,
    'chat.tools.terminal.autoApprove': { '/.*/': true, 'npm test': true },
  });
  assert.deepEqual(codes(lintConfig(USER, text, ctx)), ['vscode.autoApproveDefault', 'vscode.autoApproveDefault', 'vscode.globalAutoApprove', 'vscode.terminalAutoApprove']);
  // The same settings in a repository's .vscode/settings.json are flagged too.
  assert.equal(lintConfig('/repo/.vscode/settings.json', text, ctx).length, 4);
});

test('VS Code reads ~/.copilot/hooks by default from 1.112 only', () => {
  assert.equal(readsUserHooksByDefault('1.111.2'), false);
  assert.equal(readsUserHooksByDefault('1.109.0'), false);
  assert.equal(readsUserHooksByDefault('1.112.0'), true);
  assert.equal(readsUserHooksByDefault('1.139.1'), true);
  assert.equal(readsUserHooksByDefault('2.0.0'), true);
  assert.equal(readsUserHooksByDefault('unknown'), true);
});

test('Connect on VS Code 1.111 plans chat.hookFilesLocations with ~/.copilot/hooks, keeping the user\'s text', () => {
  const before = '{\n  // my settings\n  "editor.fontSize": 14,\n  "chat.hookFilesLocations": { ".github/hooks": true }\n}\n';
  const plan = planUserHooksLocation(USER, before, '1.111.0')!;
  assert.ok(plan && changes(plan));
  assert.equal(plan.target.file, USER);
  assert.equal(plan.target.kind, 'vscode-settings');
  assert.deepEqual(parse(plan.after!), { 'editor.fontSize': 14, 'chat.hookFilesLocations': { '.github/hooks': true, '~/.copilot/hooks': true } });
  assert.match(plan.after!, /\/\/ my settings/);
  // A missing settings file is created; a switched-off location is switched on (shown in the diff).
  assert.deepEqual(parse(planUserHooksLocation(USER, undefined, '1.110.0')!.after!), { 'chat.hookFilesLocations': { '~/.copilot/hooks': true } });
  assert.deepEqual(parse(planUserHooksLocation(USER, '{"chat.hookFilesLocations": {"~/.copilot/hooks": false}}', '1.110.0')!.after!), { 'chat.hookFilesLocations': { '~/.copilot/hooks': true } });
});

test('nothing to plan on a VS Code that reads the folder anyway, or when it is already on; a broken file is a problem, never overwritten', () => {
  assert.equal(planUserHooksLocation(USER, '{}', '1.139.1'), undefined);
  assert.equal(planUserHooksLocation(USER, '{"chat.hookFilesLocations": {"~/.copilot/hooks": true}}', '1.111.0'), undefined);
  const broken = planUserHooksLocation(USER, '{"a": ', '1.111.0')!;
  assert.ok(broken.problem);
  assert.equal(broken.after, broken.before);
  const notObject = planUserHooksLocation(USER, '{"chat.hookFilesLocations": ["x"]}', '1.111.0')!;
  assert.ok(notObject.problem);
});
