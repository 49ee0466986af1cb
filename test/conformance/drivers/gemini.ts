// Gemini CLI: the Gemini API (streamGenerateContent?alt=sse) at GOOGLE_GEMINI_BASE_URL. Headless Gemini offers
// shell and write tools only in --yolo mode. It refuses read_file/write_file on `.env` itself, before any hook,
// so its file checks use credentials.json (just as secret to Countersign).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, run } from '../proc';
import { PROMPT, RUN_TIMEOUT_MS, type Driver } from './types';

export const gemini: Driver = {
  agent: 'gemini',
  wire: 'gemini',
  secretFile: 'credentials.json',
  secretWrite: { name: 'credentials.json', exists: true },
  tools: {
    shell: (command) => ({ name: 'run_shell_command', args: { command, description: 'scripted command' } }),
    read: (f) => [{ name: 'read_file', args: { file_path: f.abs } }],
    write: (f, content) => [{ name: 'write_file', args: { file_path: f.abs, content } }],
    edit: (f, oldText, newText) => [{ name: 'replace', args: { file_path: f.abs, old_string: oldText, new_string: newText, instruction: 'scripted edit' } }],
  },
  prepare(sb) {
    // Connect Agents then adds its hook to this same file, next to the user's own settings.
    mkdirSync(join(sb.home, '.gemini'), { recursive: true });
    writeFileSync(join(sb.home, '.gemini', 'settings.json'), `${JSON.stringify({ security: { auth: { selectedType: 'gemini-api-key' } } }, null, 2)}\n`);
    return Promise.resolve();
  },
  run: (sb, model, bin) =>
    run(bin, ['-p', PROMPT, '--output-format', 'stream-json', '--yolo'], {
      cwd: sb.project,
      timeoutMs: RUN_TIMEOUT_MS,
      env: cleanEnv(sb.home, { TMPDIR: sb.tmp, GEMINI_API_KEY: 'scripted', GOOGLE_GEMINI_BASE_URL: model.baseUrl, GEMINI_CLI_TRUST_WORKSPACE: 'true' }),
    }),
};
