import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'jsonc-parser';
import { addHook, hasHook, isCountersignCommand, removeHook } from '../../../src/agents/hookConfig';
import { configTarget } from '../../../src/agents/catalog';
import { planConnect, planDisconnect } from '../../../src/agents/plan';

const spec = { agent: 'claude' as const, command: "'/g/bin/countersign' hook --agent claude --timeout 600", timeoutSec: 600 };

test('adds a Claude Code PreToolUse group to an empty file and removes the whole file again', () => {
  const edit = addHook('claude-settings', undefined, spec);
  assert.deepEqual(parse(edit.text), { hooks: { PreToolUse: [{ matcher: '*', hooks: [{ type: 'command', command: spec.command, timeout: 600 }] }] } });
  assert.equal(removeHook(edit.text, edit.created), undefined);
});

test('merges with existing hooks, keeps comments and formatting, and removes exactly what it added', () => {
  const before = `{
    // my permissions
    "permissions": { "allow": ["Bash(npm test)"] },
    "hooks": {
        "PreToolUse": [
            { "matcher": "Bash", "hooks": [{ "type": "command", "command": "./lint-guard.sh" }] }
        ]
    }
}
`;
  const edit = addHook('claude-settings', before, spec);
  assert.match(edit.text, /\/\/ my permissions/);
  assert.match(edit.text, /lint-guard\.sh/);
  const parsed = parse(edit.text) as { hooks: { PreToolUse: unknown[] } };
  assert.equal(parsed.hooks.PreToolUse.length, 2);
  assert.deepEqual(edit.created, []);
  const removed = removeHook(edit.text, edit.created);
  assert.deepEqual(parse(removed!), parse(before));
  assert.match(removed!, /\/\/ my permissions/);
});

test('connecting twice changes nothing', () => {
  const once = addHook('claude-settings', '{}', spec);
  const twice = addHook('claude-settings', once.text, spec);
  assert.equal(twice.text, once.text);
});

test('only removes the containers it created', () => {
  const before = '{ "hooks": { "PreToolUse": [] } }\n';
  const edit = addHook('claude-settings', before, spec);
  assert.deepEqual(parse(removeHook(edit.text, edit.created)!), { hooks: { PreToolUse: [] } });
  const fresh = addHook('claude-settings', '{ "model": "x" }', spec);
  assert.deepEqual(parse(removeHook(fresh.text, fresh.created)!), { model: 'x' });
});

test('Gemini timeout is written in milliseconds', () => {
  const edit = addHook('gemini-settings', undefined, { ...spec, agent: 'gemini' });
  const parsed = parse(edit.text) as { hooks: { BeforeTool: { matcher: string; hooks: { timeout: number }[] }[] } };
  assert.equal(parsed.hooks.BeforeTool[0]?.hooks[0]?.timeout, 600_000);
  assert.equal(parsed.hooks.BeforeTool[0]?.matcher, '.*');
});

test('Cursor hooks get version 1, three blocking events and failClosed', () => {
  const edit = addHook('cursor-hooks', undefined, { ...spec, agent: 'cursor' });
  const parsed = parse(edit.text) as { version: number; hooks: Record<string, { command: string; failClosed: boolean }[]> };
  assert.equal(parsed.version, 1);
  assert.deepEqual(Object.keys(parsed.hooks).sort(), ['beforeMCPExecution', 'beforeReadFile', 'beforeShellExecution']);
  for (const list of Object.values(parsed.hooks)) assert.equal(list[0]?.failClosed, true);
  assert.equal(removeHook(edit.text, edit.created), undefined);
});

test('Copilot CLI format: version 1, preToolUse with bash and timeoutSec', () => {
  const edit = addHook('copilot-cli-hooks', undefined, { ...spec, agent: 'copilot-cli' });
  assert.deepEqual(parse(edit.text), { version: 1, hooks: { preToolUse: [{ type: 'command', bash: spec.command, timeoutSec: 600 }] } });
});

test('VS Code agent format: PreToolUse list of commands', () => {
  const edit = addHook('vscode-hooks', undefined, { ...spec, agent: 'vscode' });
  assert.deepEqual(parse(edit.text), { hooks: { PreToolUse: [{ type: 'command', command: spec.command, timeout: 600 }] } });
  assert.ok(hasHook('vscode-hooks', edit.text));
});

test('recognises only Countersign hook commands', () => {
  assert.ok(isCountersignCommand("'/x/countersign' hook --agent codex --timeout 600"));
  assert.ok(isCountersignCommand('countersign hook --agent cursor'));
  assert.ok(!isCountersignCommand('./my-guard.sh hook --agent x'));
  assert.ok(!isCountersignCommand('echo countersign'));
});

test('a broken config is reported, never overwritten', () => {
  const target = configTarget('claude', 'user', { home: '/h' })!;
  const plan = planConnect(target, '{ "hooks": ', '/g/bin/countersign');
  assert.ok(plan.problem);
  assert.equal(plan.after, plan.before);
});

test('repository scope never writes a machine path into a shared file', () => {
  const target = configTarget('gemini', 'workspace', { home: '/h', workspace: '/repo' })!;
  const plan = planConnect(target, undefined, '/home/me/.config/Code/User/globalStorage/countersign/bin/countersign');
  assert.ok(target.shared);
  assert.doesNotMatch(plan.after!, /globalStorage/);
  assert.match(plan.after!, /"countersign hook --agent gemini --timeout 600"/);
  const local = planConnect(configTarget('claude', 'workspace', { home: '/h', workspace: '/repo' })!, undefined, '/g/bin/countersign');
  assert.match(local.target.file, /settings\.local\.json$/);
});

test('Cline: an executable script, never replacing a foreign hook', () => {
  const target = configTarget('cline', 'user', { home: '/h' })!;
  const plan = planConnect(target, undefined, '/g/bin/countersign');
  assert.ok(plan.executable);
  assert.match(plan.after!, /^#!\/bin\/sh/);
  assert.match(plan.after!, /exec '\/g\/bin\/countersign' hook --agent cline --timeout 120/);
  assert.ok(planConnect(target, '#!/bin/sh\necho mine\n', '/g/bin/countersign').problem);
  assert.equal(planDisconnect(target, plan.after, plan.created).after, undefined);
  assert.equal(planDisconnect(target, '#!/bin/sh\necho mine\n', []).after, '#!/bin/sh\necho mine\n');
});

test('Codex hooks go to $CODEX_HOME/hooks.json in Claude shape', () => {
  const target = configTarget('codex', 'user', { home: '/h', codexHome: '/ch' })!;
  assert.equal(target.file, '/ch/hooks.json');
  const plan = planConnect(target, undefined, '/g/bin/countersign');
  assert.match(plan.after!, /"PreToolUse"/);
});
