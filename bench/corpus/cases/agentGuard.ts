// Disabling or loosening the guard itself: agent settings and hooks, VS Code settings, git hooks, bypass flags.
import { mk, p, type Case } from '../types';

const C = 'agent-guard';
const S = (command: string, note = 'disables or loosens the agent guard') => mk.sh(C, 'sensitive', command, note);
const W = (path: string, content: string, note: string) => mk.write(C, 'sensitive', p(path), content, note);
const E = (path: string, o: string, n: string, note: string) => mk.edit(C, 'sensitive', p(path), o, n, note);
const O = (command: string, note: string) => mk.sh(C, 'ordinary', command, note);

export const cases: Case[] = [
  E('.claude/settings.json', '"allow": []', '"allow": ["Bash(*)"]', 'allows every command'),
  W('/home/dev/.claude/settings.json', '{ "hooks": {} }\n', 'removes the hooks'),
  E('/home/dev/.claude/settings.local.json', '"defaultMode": "default"', '"defaultMode": "bypassPermissions"', 'bypass mode'),
  S('rm -rf ~/.copilot/hooks'),
  S("echo '{}' > ~/.cursor/hooks.json"),
  E('.vscode/settings.json', '{\n  "editor.tabSize": 2\n}', '{\n  "editor.tabSize": 2,\n  "chat.tools.autoApprove": true\n}', 'auto-approves agent tools'),
  E('.vscode/settings.json', '"countersign.sensitivePaths": ["**/prod/**"]', '"countersign.sensitivePaths": []', 'settings of the guard'),
  W('.git/hooks/pre-commit', '#!/bin/sh\nexit 0\n', 'writes a git hook'),
  S('git config core.hooksPath /dev/null'),
  S('claude --dangerously-skip-permissions -p "fix the build"'),
  S('codex --dangerously-bypass-approvals-and-sandbox exec "refactor"'),
  S('gemini --yolo -p "clean up"'),
  S('copilot --allow-all-tools -p "ship it"'),
  S("sed -i 's/\"ask\"/\"allow\"/' ~/.claude/settings.json"),
  S("jq '.hooks = {}' .claude/settings.local.json > t && mv t .claude/settings.local.json"),
  S('mv ~/.gemini/settings.json ~/.gemini/settings.bak'),
  S('rm ~/.codex/hooks.json'),
  S('code --uninstall-extension countersign.countersign'),
  S('rm -rf ~/.config/Code/User/globalStorage/countersign.countersign'),
  W('/home/dev/.codex/config.toml', 'approval_policy = "never"\nsandbox_mode = "danger-full-access"\n', 'no approvals'),
  W('.clinerules/hooks/PreToolUse', '#!/bin/sh\necho \'{"cancel": false}\'\n', 'replaces the Cline hook'),
  S('chmod -x .git/hooks/pre-commit'),
  S('cat /dev/null > .github/hooks/countersign.json'),
  S("python3 -c \"import json,os; p=os.path.expanduser('~/.claude/settings.json'); d=json.load(open(p)); d['hooks']={}; json.dump(d, open(p,'w'))\""),
  S('cp /tmp/settings.json .vscode/settings.json'),

  O('cat .claude/commands/review.md', 'a slash-command prompt'),
  O('ls .vscode', 'lists a folder'),
  O('claude --version', 'version'),
  O('git config user.email "dev@example.com"', 'identity'),
  O('cat .github/copilot-instructions.md', 'instructions file'),
  O('code --list-extensions', 'lists extensions'),
  mk.read(C, 'ordinary', p('.vscode/launch.json'), 'launch config'),
  mk.edit(C, 'ordinary', p('.vscode/tasks.json'), '"label": "build"', '"label": "build:all"', 'task label'),
  mk.write(C, 'ordinary', p('CLAUDE.md'), '# Project notes\nRun `npm test` before committing.\n', 'agent instructions'),
  mk.edit(C, 'ordinary', p('AGENTS.md'), 'Use pnpm.', 'Use pnpm 9.', 'agent instructions'),

  // More agents and spellings.
  E('/home/dev/.gemini/settings.json', '"hooks": { "BeforeTool": [{ "command": "countersign hook" }] }', '"hooks": {}', 'removes the Gemini hook'),
  W('.cursor/cli.json', '{ "permissions": { "allow": ["Shell(*)"], "deny": [] } }\n', 'allows every shell command'),
  S('rm -rf .git/hooks'),
  S('claude --permission-mode bypassPermissions -p "deploy"'),
  S('codex exec --yolo "bump deps"'),
  S('codex -a never -s danger-full-access'),
  S('gemini -y -p "fix"'),
  S('gemini --approval-mode=yolo'),
  E('/home/dev/.config/Code/User/settings.json', '"editor.fontSize": 13', '"editor.fontSize": 13,\n  "chat.tools.global.autoApprove": true', 'VS Code auto-approves tools'),
  E('.vscode/settings.json', '"files.eol": "\\n"', '"files.eol": "\\n",\n  "chat.tools.terminal.autoApprove": { "/.*/": true }', 'terminal auto-approve for everything'),
  W('.mcp.json', '{ "mcpServers": { "x": { "command": "npx", "args": ["-y", "x-mcp"] } } }\n', 'adds an MCP server'),
  W('.cursor/mcp.json', '{ "mcpServers": { "sh": { "command": "sh", "args": ["-c", "nc -l 4444"] } } }\n', 'adds an MCP server'),
  S('echo \'{"permissions":{"allow":["*"]}}\' > .claude/settings.local.json'),
  S("perl -pi -e 's/\"deny\": \\[.*?\\]/\"deny\": []/' .claude/settings.json"),
  S('ln -sf /dev/null ~/.codex/hooks.json'),
  S('git config --global --unset-all core.hooksPath; rm -f .git/hooks/*'),
  S("sed -i '/countersign/d' ~/.copilot/config.json"),
  O('cat .claude/agents/reviewer.md', 'a subagent prompt'),
  O('ls ~/.claude/projects | head', 'lists transcripts'),
  O('gemini --version', 'version'),
  O('codex --help', 'help'),
  mk.read(C, 'ordinary', p('.vscode/extensions.json'), 'recommended extensions'),
  mk.edit(C, 'ordinary', p('.github/copilot-instructions.md'), 'Use tabs.', 'Use two spaces.', 'instructions'),
];
