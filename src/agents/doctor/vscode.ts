// The VS Code agent: hook files in ~/.copilot/hooks and .github/hooks; settings in the user's and the
// workspace's settings.json (workspace wins where it sets a key).
import { join } from 'node:path';
import { lintVscodeSettings } from '../../lint/rules';
import { applyTextEdits, decidingFile, isBool, jsonFilesIn, jsonFix, loadAll, type SettingsFile } from './files';
import { filesWithOurHook } from './ourHooks';
import { timeoutFindings } from './timeouts';
import type { AgentCheck, DoctorPlaces, Finding } from './types';

/** Settings that keep VS Code from running any hook from the user's or a repository's files. */
const OFF: { key: string; off: boolean; why: string; fixTo: unknown }[] = [
  { key: 'chat.useHooks', off: false, why: 'turns off agent hooks', fixTo: undefined },
  { key: 'chat.hooks.allowManagedOnly', off: true, why: 'runs only hooks from managed policy, not Countersign\'s', fixTo: undefined },
  { key: 'chat.customizations.strictPluginOnlyCustomization', off: true, why: 'loads hooks only from plugins, not Countersign\'s hook file', fixTo: undefined },
];

/** Settings that make VS Code approve tool calls by itself (Countersign's hook still runs; its failures no longer stop anything). */
const LOOSE: { key: string; loose: (v: unknown) => boolean; why: string; fixTo: unknown }[] = [
  { key: 'chat.permissions.default', loose: (v) => v === 'autoApprove' || v === 'autopilot', why: 'approves every tool call by default', fixTo: undefined },
  { key: 'chat.defaultConfiguration.approvals', loose: (v) => v === 'allowAll', why: 'approves every tool call', fixTo: undefined },
  { key: 'chat.tools.terminal.ignoreDefaultAutoApproveRules', loose: (v) => v === true, why: 'drops VS Code\'s built-in rules that keep dangerous terminal commands from being auto-approved', fixTo: undefined },
];

const LINT_SETTING: Record<string, boolean> = { 'vscode.globalAutoApprove': false, 'vscode.terminalAutoApprove': false };

export function checkVscode(p: DoctorPlaces): AgentCheck {
  const findings: Finding[] = [];
  const userHooks = join(p.home, '.copilot', 'hooks');
  const repoHooks = p.workspace && join(p.workspace, '.github', 'hooks');
  const hookFiles = loadAll([...jsonFilesIn(userHooks), ...(repoHooks ? jsonFilesIn(repoHooks) : [])], 'VS Code', findings);
  const withHook = filesWithOurHook(hookFiles, 'vscode', ['PreToolUse']);
  const connected = withHook.length > 0;

  const user = loadAll(p.vscodeUserSettings, 'VS Code', findings);
  const workspace = p.workspace ? loadAll([join(p.workspace, '.vscode', 'settings.json')], 'VS Code', findings) : [];
  // Each editor's user settings are layered under the workspace's on their own.
  const layers: SettingsFile[][] = user.length > 0 ? user.map((u) => [...workspace, u]) : [workspace];
  const seen = new Set<string>();
  const push = (f: Finding) => {
    const k = `${f.file}\0${f.setting}`;
    if (seen.has(k)) return;
    seen.add(k);
    findings.push(f);
  };

  for (const highestFirst of layers) {
    for (const rule of OFF) {
      const d = decidingFile(highestFirst, [rule.key], isBool);
      if (d?.value === rule.off) {
        push({ file: d.file.file, setting: rule.key, message: `${rule.key}: ${String(rule.off)} ${rule.why}: the VS Code agent's actions are not reviewed.`, disables: true, fix: jsonFix(d.file, [rule.key], rule.fixTo, `Remove ${rule.key}`) });
      }
    }
    for (const rule of LOOSE) {
      const d = decidingFile(highestFirst, [rule.key], (v): v is unknown => v !== undefined);
      if (d && rule.loose(d.value)) {
        push({ file: d.file.file, setting: rule.key, message: `${rule.key}: ${JSON.stringify(d.value)} ${rule.why}.`, disables: false, fix: jsonFix(d.file, [rule.key], rule.fixTo, `Remove ${rule.key}`) });
      }
    }
    const locations = decidingFile(highestFirst, ['chat.hookFilesLocations'], (v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
    if (locations) {
      for (const [loc, on] of Object.entries(locations.value)) {
        if (on !== false) continue;
        const hits = (loc === '~/.copilot/hooks' && withHook.some((f) => f.file.startsWith(userHooks))) || (loc === '.github/hooks' && !!repoHooks && withHook.some((f) => f.file.startsWith(repoHooks)));
        if (!hits) continue;
        push({
          file: locations.file.file,
          setting: `chat.hookFilesLocations.${loc}`,
          message: `VS Code does not load hooks from ${loc}, where Countersign's hook is: the VS Code agent's actions are not reviewed.`,
          disables: true,
          fix: jsonFix(locations.file, ['chat.hookFilesLocations', loc], true, `Load hooks from ${loc} again`),
        });
      }
    }
  }
  for (const f of [...workspace, ...user]) {
    for (const l of lintVscodeSettings(f.text, f.root, workspace.includes(f))) {
      if (!(l.code in LINT_SETTING)) continue;
      const setting = /^(chat\.[\w.]+)/.exec(f.text.slice(l.start, l.end).replace(/^"/, ''))?.[1] ?? (l.code === 'vscode.globalAutoApprove' ? 'chat.tools.global.autoApprove' : 'chat.tools.terminal.autoApprove');
      push({
        file: f.file,
        setting: l.code === 'vscode.terminalAutoApprove' ? 'chat.tools.terminal.autoApprove' : setting,
        message: `VS Code: ${l.message}`,
        disables: false,
        ...(l.fix ? { fix: { title: l.fix.title, file: f.file, before: f.text, after: applyTextEdits(f.text, l.fix.edits) } } : {}),
      });
    }
  }
  if (p.vscodeTrusted === false && p.workspace) {
    // VS Code runs no hooks at all in Restricted Mode.
    push({ file: p.workspace, setting: 'security.workspace.trust', message: 'This folder is not trusted (Restricted Mode): VS Code runs no agent hooks here. Trust the folder to have Countersign review the VS Code agent.', disables: true });
  }
  for (const f of withHook) findings.push(...timeoutFindings(f, 'vscode', { field: 'timeout', unit: 's', defaultSec: 30, events: ['PreToolUse'] }));
  return { agent: 'vscode', connected, findings };
}
