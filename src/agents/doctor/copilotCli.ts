// Copilot CLI: hook files in ~/.copilot/hooks (always) and the repository's .github/hooks (trusted folders only).
import { join } from 'node:path';
import { jsonFilesIn, loadAll, loadJson, value, within } from './files';
import { filesWithOurHook } from './ourHooks';
import { timeoutFindings } from './timeouts';
import type { AgentCheck, DoctorPlaces, Finding } from './types';

export function checkCopilotCli(p: DoctorPlaces): AgentCheck {
  const findings: Finding[] = [];
  const user = loadAll([...jsonFilesIn(join(p.home, '.copilot', 'hooks')), join(p.home, '.copilot', 'settings.json')], 'Copilot CLI', findings);
  const repo = p.workspace ? loadAll(jsonFilesIn(join(p.workspace, '.github', 'hooks')), 'Copilot CLI', findings) : [];
  const userHook = filesWithOurHook(user, 'copilot-cli', ['preToolUse']);
  const repoHook = filesWithOurHook(repo, 'copilot-cli', ['preToolUse']);
  const configFile = join(p.home, '.copilot', 'config.json');
  if (userHook.length === 0 && repoHook.length > 0 && p.workspace) {
    const config = loadJson(configFile, 'Copilot CLI');
    const trusted = 'ok' in config ? value(config.ok, ['trusted_folders']) : undefined;
    const ws = p.workspace;
    if (!(Array.isArray(trusted) && trusted.some((t) => typeof t === 'string' && within(ws, t)))) {
      findings.push({
        file: configFile,
        setting: 'trusted_folders',
        message: `Copilot CLI loads the repository's hooks only in a trusted folder, and ${ws} is not one: Countersign's hook in .github/hooks does not run. Trust the folder in Copilot CLI, or connect Copilot CLI in your user configuration.`,
        disables: true,
      });
    }
  }
  for (const f of [...userHook, ...repoHook]) findings.push(...timeoutFindings(f, 'copilot-cli', { field: 'timeoutSec', unit: 's', defaultSec: 30, events: ['preToolUse'] }));
  return { agent: 'copilot-cli', connected: userHook.length + repoHook.length > 0, findings };
}
