// VS Code settings that switch the agent's hooks off (Countersign never sees its calls) or make VS Code approve calls
// by itself (a hook that fails, crashes or times out then no longer stops anything). Each fix only tightens: it
// removes the setting, falling back to VS Code's default.
import type { Node } from 'jsonc-parser';
import { at, edits, finding } from './jsonNodes';
import type { LintFinding } from './types';

interface SettingRule {
  key: string;
  matches: (v: unknown) => boolean;
  code: string;
  severity: LintFinding['severity'];
  why: string;
}

const RULES: SettingRule[] = [
  { key: 'chat.useHooks', matches: (v) => v === false, code: 'vscode.hooksOff', severity: 'error', why: 'turns off agent hooks: the VS Code agent\'s actions are not reviewed by Countersign' },
  { key: 'chat.hooks.allowManagedOnly', matches: (v) => v === true, code: 'vscode.hooksOff', severity: 'error', why: 'runs only hooks from managed policy, not Countersign\'s: the VS Code agent\'s actions are not reviewed' },
  { key: 'chat.customizations.strictPluginOnlyCustomization', matches: (v) => v === true, code: 'vscode.hooksOff', severity: 'error', why: 'loads hooks only from plugins, not Countersign\'s hook file: the VS Code agent\'s actions are not reviewed' },
  { key: 'chat.permissions.default', matches: (v) => v === 'autoApprove' || v === 'autopilot', code: 'vscode.autoApproveDefault', severity: 'warning', why: 'approves every tool call by default: when Countersign\'s hook cannot answer, nothing else asks' },
  { key: 'chat.defaultConfiguration.approvals', matches: (v) => v === 'allowAll', code: 'vscode.autoApproveDefault', severity: 'warning', why: 'approves every tool call: when Countersign\'s hook cannot answer, nothing else asks' },
  { key: 'chat.tools.terminal.ignoreDefaultAutoApproveRules', matches: (v) => v === true, code: 'vscode.autoApproveDefault', severity: 'warning', why: 'drops VS Code\'s built-in rules that keep dangerous terminal commands from being auto-approved' },
];

export function lintVscodeHookSettings(text: string, root: Node): LintFinding[] {
  return RULES.flatMap((rule) => {
    const node = at(root, [rule.key]);
    if (!node || !rule.matches(node.value)) return [];
    return [finding(node, { code: rule.code, severity: rule.severity, message: `${rule.key}: ${JSON.stringify(node.value)} ${rule.why}.`, fix: { title: `Remove ${rule.key}`, edits: edits(text, [rule.key], undefined) } })];
  });
}
