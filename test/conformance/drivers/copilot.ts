// GitHub Copilot CLI: bring-your-own-model (no GitHub sign-in) over OpenAI Chat Completions. Its native hook
// file is ~/.copilot/hooks/*.json with a top-level permissionDecision answer.
import { join, resolve } from 'node:path';
import { cleanEnv, run } from '../proc';
import { PROMPT, RUN_TIMEOUT_MS, type Driver } from './types';

export const copilot: Driver = {
  agent: 'copilot-cli',
  wire: 'openai-chat',
  secretFile: '.env',
  // `create` refuses an existing file.
  secretWrite: { name: '.env.production', exists: false },
  tools: {
    shell: (command) => ({ name: 'bash', args: { command, description: 'scripted command' } }),
    read: (f) => [{ name: 'view', args: { path: f.abs } }],
    write: (f, content) => [{ name: 'create', args: { path: f.abs, file_text: content } }],
    edit: (f, oldText, newText) => [{ name: 'edit', args: { path: f.abs, old_str: oldText, new_str: newText } }],
  },
  prepare: () => Promise.resolve(),
  run: (sb, model, bin) =>
    run(bin, ['-p', PROMPT, '--allow-all-tools', '--no-auto-update'], {
      cwd: sb.project,
      timeoutMs: RUN_TIMEOUT_MS,
      env: cleanEnv(sb.home, {
        TMPDIR: sb.tmp,
        // The native binary (235 MB) unpacks into the cache on first run: share one, next to the install.
        XDG_CACHE_HOME: join(resolve(bin, '../../..'), 'xdg-cache'),
        COPILOT_OFFLINE: 'true',
        COPILOT_PROVIDER_BASE_URL: `${model.baseUrl}/v1`,
        COPILOT_PROVIDER_API_KEY: 'sk-scripted',
        COPILOT_MODEL: 'gpt-4.1',
      }),
    }),
};
