// Claude Code: settings layer user < project < local < managed; the highest file that sets a key wins.
import { join } from 'node:path';
import { lintClaude } from '../../lint/rules';
import type { LintFinding } from '../../lint/types';
import { applyTextEdits, decidingFile, isBool, loadAll, value, type SettingsFile } from './files';
import { filesWithOurHook } from './ourHooks';
import { timeoutFindings } from './timeouts';
import type { AgentCheck, DoctorPlaces, Finding } from './types';

export function claudeFiles(p: DoctorPlaces): { user: string; project?: string; local?: string; managed: string[] } {
  return {
    user: join(p.home, '.claude', 'settings.json'),
    project: p.workspace && join(p.workspace, '.claude', 'settings.json'),
    local: p.workspace && join(p.workspace, '.claude', 'settings.local.json'),
    managed: p.managed.claude,
  };
}

/** Lint findings this check turns into doctor problems, and whether each switches the guard off. */
const LINT: Record<string, { setting: (l: LintFinding) => string; disables: boolean }> = {
  'claude.bypassPermissions': { setting: () => 'permissions.defaultMode', disables: false },
  'claude.broadAllow': { setting: () => 'permissions.allow', disables: false },
};

function lintFindings(f: SettingsFile): Finding[] {
  return lintClaude(f.text, f.root, { hookInstalled: () => true }).flatMap((l) => {
    const rule = LINT[l.code];
    if (!rule) return [];
    const fix = l.fix && { title: l.fix.title, file: f.file, before: f.text, after: applyTextEdits(f.text, l.fix.edits) };
    return [{ file: f.file, setting: rule.setting(l), message: `Claude Code: ${l.message}`, disables: rule.disables, ...(fix ? { fix } : {}) }];
  });
}

export function checkClaude(p: DoctorPlaces): AgentCheck {
  const findings: Finding[] = [];
  const where = claudeFiles(p);
  const managed = loadAll(where.managed, 'Claude Code', findings);
  const [user = undefined] = loadAll([where.user], 'Claude Code', findings);
  const project = where.project ? loadAll([where.project], 'Claude Code', findings)[0] : undefined;
  const local = where.local ? loadAll([where.local], 'Claude Code', findings)[0] : undefined;
  const highestFirst = [...managed, local, project, user].filter((f): f is SettingsFile => f !== undefined);

  const withHook = filesWithOurHook(highestFirst, 'claude', ['PreToolUse']);
  const connected = withHook.length > 0;

  const disableAll = decidingFile(highestFirst, ['disableAllHooks'], isBool);
  if (disableAll?.value === true) {
    const f = disableAll.file;
    const isManaged = managed.includes(f);
    findings.push({
      file: f.file,
      setting: 'disableAllHooks',
      message: `disableAllHooks turns off every Claude Code hook, Countersign's included: Claude Code's actions are not reviewed.${isManaged ? ' It is set in managed settings: ask your administrator.' : ''}`,
      disables: true,
      ...(isManaged ? {} : { fix: { title: 'Remove disableAllHooks', file: f.file, before: f.text, after: applyTextEdits(f.text, lintRemove(f)) } }),
    });
  }
  // Only managed settings can restrict hooks to managed ones; then a hook in the user's or a project's file never runs.
  const managedOnly = managed.find((f) => value(f, ['allowManagedHooksOnly']) === true);
  if (managedOnly && !withHook.some((f) => managed.includes(f))) {
    findings.push({
      file: managedOnly.file,
      setting: 'allowManagedHooksOnly',
      message: "Managed settings allow only managed hooks: Claude Code skips Countersign's hook in your settings. Ask your administrator to add it to the managed settings.",
      disables: true,
    });
  }
  for (const f of highestFirst) findings.push(...lintFindings(f), ...timeoutFindings(f, 'claude', { field: 'timeout', unit: 's', defaultSec: 60, events: ['PreToolUse'] }));
  return { agent: 'claude', connected, findings };
}

function lintRemove(f: SettingsFile) {
  return lintClaude(f.text, f.root, { hookInstalled: () => true }).find((l) => l.code === 'claude.disableAllHooks')?.fix?.edits ?? [];
}
