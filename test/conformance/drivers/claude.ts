// Claude Code: Anthropic Messages; hooks from ~/.claude/settings.json are honoured in -p mode.
import { cleanEnv, run } from '../proc';
import { PROMPT, RUN_TIMEOUT_MS, type Driver } from './types';

export const claude: Driver = {
  agent: 'claude',
  wire: 'anthropic-messages',
  secretFile: '.env',
  // Write on an existing file needs a Read first (Claude's own rule), and reading .env is denied: create a new one.
  secretWrite: { name: '.env.production', exists: false },
  tools: {
    shell: (command) => ({ name: 'Bash', args: { command, description: 'scripted command' } }),
    read: (f) => [{ name: 'Read', args: { file_path: f.abs } }],
    write: (f, content) => [{ name: 'Write', args: { file_path: f.abs, content } }],
    // Claude edits only files it has read in this session (its own rule, checked before any hook).
    edit: (f, oldText, newText) => [
      { name: 'Read', args: { file_path: f.abs } },
      { name: 'Edit', args: { file_path: f.abs, old_string: oldText, new_string: newText, replace_all: false } },
    ],
  },
  prepare: () => Promise.resolve(),
  run: (sb, model, bin) =>
    run(bin, ['-p', PROMPT, '--output-format', 'stream-json', '--verbose'], {
      cwd: sb.project,
      timeoutMs: RUN_TIMEOUT_MS,
      env: cleanEnv(sb.home, {
        TMPDIR: sb.tmp,
        ANTHROPIC_BASE_URL: model.baseUrl,
        ANTHROPIC_API_KEY: 'sk-ant-scripted',
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_TELEMETRY: '1',
        DISABLE_AUTOUPDATER: '1',
      }),
    }),
};
