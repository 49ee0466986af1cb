// Codex: hooks in $CODEX_HOME/hooks.json and the project's .codex/hooks.json; each hook runs only if the
// user's config.toml trusts its exact current hash (else Codex skips it silently), and a project's .codex
// folder is read only for a trusted project.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codexHookRefs, codexHookState, codexProjectTrust, codexTopLevel } from '../codexTrust';
import { loadAll } from './files';
import { filesWithOurHook } from './ourHooks';
import { timeoutFindings } from './timeouts';
import type { AgentCheck, DoctorPlaces, Finding } from './types';

function readMaybe(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export function checkCodex(p: DoctorPlaces): AgentCheck {
  const findings: Finding[] = [];
  const codexHome = p.codexHome ?? join(p.home, '.codex');
  const configFile = join(codexHome, 'config.toml');
  const config = readMaybe(configFile);
  const user = loadAll([join(codexHome, 'hooks.json')], 'Codex', findings);
  const project = p.workspace ? loadAll([join(p.workspace, '.codex', 'hooks.json')], 'Codex', findings) : [];
  const userHook = filesWithOurHook(user, 'codex', ['PreToolUse']);
  const projectHook = filesWithOurHook(project, 'codex', ['PreToolUse']);
  const connected = userHook.length + projectHook.length > 0;

  const projectTrusted = !!p.workspace && codexProjectTrust(config, p.workspace) === 'trusted';
  if (userHook.length === 0 && projectHook.length > 0 && !projectTrusted) {
    findings.push({
      file: configFile,
      setting: `projects."${p.workspace ?? ''}".trust_level`,
      message: `Codex reads a project's .codex folder only when the project is trusted, and ${p.workspace ?? 'this folder'} is not: Countersign's hook in .codex/hooks.json does not run. Trust the project in Codex, or connect Codex in your user configuration.`,
      disables: true,
    });
  }
  for (const f of [...userHook, ...projectHook]) {
    for (const ref of codexHookRefs(f.file, f.text)) {
      const state = codexHookState(config, ref.key);
      if (!state.enabled) {
        findings.push({ file: configFile, setting: `hooks.state."${ref.key}".enabled`, message: "Countersign's Codex hook is disabled in Codex's config.toml: Codex skips it.", disables: true });
      } else if (state.trustedHash !== ref.hash) {
        findings.push({
          file: configFile,
          setting: `hooks.state."${ref.key}".trusted_hash`,
          message: `Codex has not trusted Countersign's hook in ${f.file}${state.trustedHash ? ' as it is now (it changed since it was trusted)' : ''}, so it skips it silently and runs the tool. Connect Codex again, or trust the hook in Codex with /hooks.`,
          disables: true,
        });
      }
    }
    findings.push(...timeoutFindings(f, 'codex', { field: 'timeout', unit: 's', defaultSec: 600, events: ['PreToolUse'] }));
  }
  if (codexTopLevel(config, 'approval_policy') === 'never') {
    findings.push({ file: configFile, setting: 'approval_policy', message: 'approval_policy = "never": Codex never asks before running a tool (Countersign\'s hook still runs).', disables: false });
  }
  if (codexTopLevel(config, 'sandbox_mode') === 'danger-full-access') {
    findings.push({ file: configFile, setting: 'sandbox_mode', message: 'sandbox_mode = "danger-full-access": Codex runs commands without its sandbox (Countersign\'s hook still runs).', disables: false });
  }
  return { agent: 'codex', connected, findings };
}
