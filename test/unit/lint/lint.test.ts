import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, parse } from 'jsonc-parser';
import { configKindOf, lintConfig, type LintContext, type LintFinding } from '../../../src/lint';

const connected: LintContext = { hookInstalled: () => true };
const notConnected: LintContext = { hookInstalled: () => false };
const codes = (fs: LintFinding[]) => fs.map((f) => f.code).sort();
const fixed = (text: string, f: LintFinding | undefined) => applyEdits(text, f!.fix!.edits);

test('Claude Code: bypassPermissions, broad allow rules and disableAllHooks are flagged with tightening fixes', () => {
  const text = `{
  // team settings
  "permissions": { "defaultMode": "bypassPermissions", "allow": ["Bash(npm test)", "Bash(*)", "Write", "mcp__*"] },
  "disableAllHooks": true
}`;
  const fs = lintConfig('/repo/.claude/settings.json', text, connected);
  assert.deepEqual(codes(fs), ['claude.broadAllow', 'claude.broadAllow', 'claude.broadAllow', 'claude.bypassPermissions', 'claude.disableAllHooks']);
  const mode = fs.find((f) => f.code === 'claude.bypassPermissions');
  assert.equal((parse(fixed(text, mode)) as { permissions: { defaultMode: string } }).permissions.defaultMode, 'default');
  assert.match(fixed(text, mode), /\/\/ team settings/);
  const star = fs.find((f) => f.code === 'claude.broadAllow' && text.slice(f.start, f.end) === '"Bash(*)"');
  assert.deepEqual((parse(fixed(text, star)) as { permissions: { allow: string[] } }).permissions.allow, ['Bash(npm test)', 'Write', 'mcp__*']);
  assert.equal(text.slice(mode!.start, mode!.end), '"defaultMode": "bypassPermissions"');
});

test('Claude Code: a missing Countersign hook is reported only when no config has it', () => {
  assert.deepEqual(codes(lintConfig('/h/.claude/settings.json', '{}', notConnected)), ['claude.hookMissing']);
  assert.deepEqual(lintConfig('/h/.claude/settings.json', '{}', connected), []);
});

test('hook timeouts that would fail open: Claude in seconds, Gemini in milliseconds', () => {
  const claude = '{"hooks":{"PreToolUse":[{"matcher":"*","hooks":[{"type":"command","command":"countersign hook --agent claude","timeout":10}]}]}}';
  const c = lintConfig('/h/.claude/settings.json', claude, connected);
  assert.deepEqual(codes(c), ['claude.hookTimeout']);
  const gemini = '{"hooks":{"BeforeTool":[{"matcher":".*","hooks":[{"type":"command","command":"countersign hook --agent gemini","timeout":600}]}]}}';
  const g = lintConfig('/h/.gemini/settings.json', gemini, connected);
  assert.deepEqual(codes(g), ['gemini.hookTimeoutUnit']);
  const after = parse(fixed(gemini, g[0])) as { hooks: { BeforeTool: { hooks: { timeout: number }[] }[] } };
  assert.equal(after.hooks.BeforeTool[0]!.hooks[0]!.timeout, 600_000);
  assert.deepEqual(lintConfig('/h/.gemini/settings.json', gemini.replace('600}', '600000}'), connected), []);
});

test('VS Code settings: global auto-approve and broad or sensitive terminal auto-approve rules', () => {
  const text = JSON.stringify({
    'chat.tools.global.autoApprove': true,
    'chat.tools.terminal.autoApprove': { 'npm test': true, '/.*/': true, sudo: true, chmod: { approve: true, matchCommandLine: true }, ls: true, rm: false },
    'chat.hookFilesLocations': { '~/.claude/settings.json': false },
  });
  const fs = lintConfig('/repo/.vscode/settings.json', text, connected);
  assert.deepEqual(codes(fs), ['vscode.globalAutoApprove', 'vscode.hookLocationDisabled', 'vscode.terminalAutoApprove', 'vscode.terminalAutoApprove', 'vscode.terminalAutoApprove']);
  const flagged = fs.filter((f) => f.code === 'vscode.terminalAutoApprove').map((f) => text.slice(f.start, f.end));
  assert.ok(flagged.some((s) => s.startsWith('"/.*/"')) && flagged.some((s) => s.startsWith('"sudo"')) && flagged.some((s) => s.startsWith('"chmod"')));
});

test("Countersign's own settings: invalid globs, and loosening settings in a repository", () => {
  const text = JSON.stringify({ 'countersign.sensitivePaths': ['**/*.pem', '[abc', ''], 'countersign.allowedPaths': ['**/.env'], 'countersign.whenUnreachable': 'allow' });
  const fs = lintConfig('/repo/.vscode/settings.json', text, connected);
  assert.deepEqual(codes(fs), ['countersign.invalidGlob', 'countersign.invalidGlob', 'countersign.workspaceLoosening', 'countersign.workspaceLoosening']);
  const user = lintConfig('/home/me/.config/Code/User/settings.json', text, connected);
  assert.deepEqual(codes(user), ['countersign.invalidGlob', 'countersign.invalidGlob']);
});

test('Cursor: a Countersign hook without failClosed gets a fix that adds it', () => {
  const text = '{"version":1,"hooks":{"beforeShellExecution":[{"command":"countersign hook --agent cursor"}],"afterFileEdit":[{"command":"prettier"}]}}';
  const fs = lintConfig('/repo/.cursor/hooks.json', text, connected);
  assert.deepEqual(codes(fs), ['cursor.failClosed']);
  const after = parse(fixed(text, fs[0])) as { hooks: { beforeShellExecution: { failClosed: boolean }[] } };
  assert.equal(after.hooks.beforeShellExecution[0]!.failClosed, true);
});

test('files it does not know, and broken JSON, give no findings and no crash', () => {
  assert.equal(configKindOf('/repo/package.json'), undefined);
  assert.deepEqual(lintConfig('/repo/.claude/settings.json', '{ "permissions": ', connected), []);
  assert.deepEqual(lintConfig('/repo/.vscode/settings.json', '[1,2]', connected), []);
});
