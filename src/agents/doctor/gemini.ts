// Gemini CLI: settings layer user < workspace < system (managed); a workspace's settings, hooks included, are
// loaded only when the folder is trusted (folder trust is on by default).
import { dirname, join } from 'node:path';
import { decidingFile, isBool, jsonFix, loadAll, loadJson, value, within, type SettingsFile } from './files';
import { filesWithOurHook, ourHooks } from './ourHooks';
import { timeoutFindings } from './timeouts';
import type { AgentCheck, DoctorPlaces, Finding } from './types';

type Trust = 'trusted' | 'untrusted' | 'unknown';

/** Gemini's trustedFolders.json: the most specific rule for the folder decides. */
export function geminiFolderTrust(rules: unknown, folder: string): Trust {
  if (typeof rules !== 'object' || rules === null) return 'unknown';
  let best: { length: number; trust: Trust } | undefined;
  for (const [path, level] of Object.entries(rules as Record<string, unknown>)) {
    const root = level === 'TRUST_PARENT' ? dirname(path) : path;
    if (!within(folder, root)) continue;
    const trust: Trust = level === 'DO_NOT_TRUST' ? 'untrusted' : level === 'TRUST_FOLDER' || level === 'TRUST_PARENT' ? 'trusted' : 'unknown';
    if (!best || root.length > best.length) best = { length: root.length, trust };
  }
  return best?.trust ?? 'unknown';
}

export function checkGemini(p: DoctorPlaces): AgentCheck {
  const findings: Finding[] = [];
  const system = loadAll(p.managed.gemini, 'Gemini CLI', findings);
  const user = loadAll([join(p.home, '.gemini', 'settings.json')], 'Gemini CLI', findings);
  const workspace = p.workspace ? loadAll([join(p.workspace, '.gemini', 'settings.json')], 'Gemini CLI', findings) : [];

  // Folder trust decides whether the workspace file counts at all.
  const trustOn = decidingFile([...system, ...user], ['security', 'folderTrust', 'enabled'], isBool)?.value ?? true;
  const trustFile = join(p.home, '.gemini', 'trustedFolders.json');
  const rules = loadJson(trustFile, 'Gemini CLI');
  const trust: Trust = !trustOn ? 'trusted' : p.workspace ? geminiFolderTrust('ok' in rules ? value(rules.ok, []) : undefined, p.workspace) : 'unknown';
  const workspaceLoaded = trust === 'trusted';

  const userHook = filesWithOurHook([...system, ...user], 'gemini', ['BeforeTool']);
  const wsHook = filesWithOurHook(workspace, 'gemini', ['BeforeTool']);
  const connected = userHook.length + wsHook.length > 0;
  if (userHook.length === 0 && wsHook.length > 0 && !workspaceLoaded) {
    findings.push({
      file: trustFile,
      setting: p.workspace ?? '',
      message: `Gemini CLI skips a project's hooks unless the folder is trusted, and ${p.workspace ?? 'this folder'} is ${trust === 'untrusted' ? 'marked DO_NOT_TRUST' : 'not trusted'}: Countersign's hook in .gemini/settings.json does not run. Trust the folder in Gemini CLI, or connect Gemini in your user configuration.`,
      disables: true,
    });
  }
  const highestFirst: SettingsFile[] = [...system, ...(workspaceLoaded ? workspace : []), ...user];
  const enabled = decidingFile(highestFirst, ['hooksConfig', 'enabled'], isBool);
  if (enabled?.value === false) {
    const managed = system.includes(enabled.file);
    findings.push({
      file: enabled.file.file,
      setting: 'hooksConfig.enabled',
      message: `hooksConfig.enabled: false turns off every Gemini CLI hook, Countersign's included.${managed ? ' It is set in system settings: ask your administrator.' : ''}`,
      disables: true,
      ...(managed ? {} : { fix: jsonFix(enabled.file, ['hooksConfig', 'enabled'], undefined, 'Remove hooksConfig.enabled') }),
    });
  }
  // hooksConfig.disabled lists hook commands not to run; lists of every layer are merged.
  for (const f of highestFirst) {
    const disabled = value(f, ['hooksConfig', 'disabled']);
    if (!Array.isArray(disabled)) continue;
    const ours = new Set([...userHook, ...wsHook].flatMap((h) => ourHooks(h.root, 'gemini').map((e) => e.command)));
    disabled.forEach((name, i) => {
      if (typeof name !== 'string' || !([...ours].some((c) => c === name || c.includes(name)) || /countersign/i.test(name))) return;
      findings.push({
        file: f.file,
        setting: `hooksConfig.disabled[${i}]`,
        message: `Gemini CLI is told not to run "${name}": Countersign's hook is switched off.`,
        disables: true,
        fix: jsonFix(f, ['hooksConfig', 'disabled', i], undefined, `Remove "${name}" from hooksConfig.disabled`),
      });
    });
  }
  const mode = decidingFile(highestFirst, ['general', 'defaultApprovalMode'], (v): v is string => typeof v === 'string');
  if (mode && mode.value !== 'default' && mode.value !== 'plan') {
    findings.push({
      file: mode.file.file,
      setting: 'general.defaultApprovalMode',
      message: `general.defaultApprovalMode: "${mode.value}" lets Gemini CLI run tools without asking (Countersign's hook still runs).`,
      disables: false,
      fix: jsonFix(mode.file, ['general', 'defaultApprovalMode'], undefined, 'Remove general.defaultApprovalMode'),
    });
  }
  for (const f of [...userHook, ...(workspaceLoaded ? wsHook : [])]) findings.push(...timeoutFindings(f, 'gemini', { field: 'timeout', unit: 'ms', defaultSec: 60, events: ['BeforeTool'] }));
  return { agent: 'gemini', connected, findings };
}
