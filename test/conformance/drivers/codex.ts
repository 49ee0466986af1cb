// Codex CLI: OpenAI Responses through a custom provider; shell is a function_call exec_command {cmd}, file changes
// are a custom_tool_call apply_patch with the raw patch. No file-read tool: Codex reads through the shell.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, run } from '../proc';
import type { Sandbox } from '../sandbox';
import { PROMPT, RUN_TIMEOUT_MS, type Driver } from './types';

const codexHome = (sb: Sandbox): string => join(sb.root, 'codex-home');

function patch(body: string): { name: string; args: Record<string, unknown>; raw: string } {
  return { name: 'apply_patch', args: {}, raw: `*** Begin Patch\n${body}*** End Patch\n` };
}

const lines = (text: string, prefix: string): string =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `${prefix}${l}\n`)
    .join('');

export const codex: Driver = {
  agent: 'codex',
  wire: 'openai-responses',
  secretFile: '.env',
  secretWrite: { name: '.env.production', exists: false },
  tools: {
    shell: (cmd) => ({ name: 'exec_command', args: { cmd } }),
    write: (f, content) => [patch(`*** Add File: ${f.rel}\n${lines(content, '+')}`)],
    edit: (f, _old, _new, before) => {
      const after = before.replace(_old, _new);
      return [patch(`*** Update File: ${f.rel}\n@@\n${lines(before, '-')}${lines(after, '+')}`)];
    },
  },
  codexHome,
  prepare(sb, model) {
    const home = codexHome(sb);
    mkdirSync(home, { recursive: true });
    // gpt-5.5 is in Codex's built-in catalog (else no apply_patch tool); plugins and analytics would go online.
    const config = [
      'model = "gpt-5.5"',
      'model_provider = "scripted"',
      '',
      '[model_providers.scripted]',
      'name = "scripted"',
      `base_url = "${model.baseUrl}/v1"`,
      'wire_api = "responses"',
      'env_key = "SCRIPTED_API_KEY"',
      '',
      `[projects.${JSON.stringify(sb.project)}]`,
      'trust_level = "trusted"',
      '',
      '[analytics]',
      'enabled = false',
      '',
      '[features]',
      'plugins = false',
      'remote_plugin = false',
      '',
    ].join('\n');
    writeFileSync(join(home, 'config.toml'), config);
    return Promise.resolve();
  },
  // No --dangerously-bypass-hook-trust: the hook runs only because Connect Agents recorded its trust.
  run: (sb, _model, bin) =>
    run(bin, ['exec', '--json', '--skip-git-repo-check', '-C', sb.project, PROMPT], {
      cwd: sb.project,
      timeoutMs: RUN_TIMEOUT_MS,
      env: cleanEnv(sb.home, { TMPDIR: sb.tmp, CODEX_HOME: codexHome(sb), SCRIPTED_API_KEY: 'sk-scripted' }),
    }),
};
