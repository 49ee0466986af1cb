// Cline CLI: an OpenAI-compatible provider over Chat Completions; tools are auto-approved in one-shot mode.
// Its hook is an executable named PreToolUse in ~/.cline/hooks (no trust prompt, timeout fixed at 120 s).
import { join } from 'node:path';
import { cleanEnv, run } from '../proc';
import type { Sandbox } from '../sandbox';
import { PROMPT, RUN_TIMEOUT_MS, type Driver } from './types';

const dataDir = (sb: Sandbox): string => join(sb.home, 'cline-data');
const env = (sb: Sandbox) => cleanEnv(sb.home, { TMPDIR: sb.tmp });

const lines = (text: string, prefix: string): string =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `${prefix}${l}\n`)
    .join('');

const patch = (body: string) => ({ name: 'apply_patch', args: { input: `*** Begin Patch\n${body}*** End Patch\n` } });

export const cline: Driver = {
  agent: 'cline',
  wire: 'openai-chat',
  secretFile: '.env',
  secretWrite: { name: '.env.production', exists: false },
  tools: {
    shell: (command) => ({ name: 'run_commands', args: { commands: [command] } }),
    read: (f) => [{ name: 'read_files', args: { files: [{ path: f.abs }] } }],
    write: (f, content) => [patch(`*** Add File: ${f.rel}\n${lines(content, '+')}`)],
    edit: (f, oldText, newText, before) => [patch(`*** Update File: ${f.rel}\n@@\n${lines(before, '-')}${lines(before.replace(oldText, newText), '+')}`)],
  },
  async prepare(sb, model, bin) {
    const r = await run(bin, ['auth', '-p', 'openai', '-k', 'sk-scripted', '-m', 'gpt-4.1', '-b', `${model.baseUrl}/v1`, '--data-dir', dataDir(sb)], {
      cwd: sb.project,
      timeoutMs: 60_000,
      env: env(sb),
    });
    if (r.code !== 0) throw new Error(`cline auth failed (${r.code}): ${r.stderr.slice(0, 500)}`);
  },
  run: (sb, _model, bin) => run(bin, ['--data-dir', dataDir(sb), '-c', sb.project, PROMPT], { cwd: sb.project, timeoutMs: RUN_TIMEOUT_MS, env: env(sb) }),
};
