// The lint rules, one function per agent config kind. Each finding says plainly how the setting weakens
// review; fixes only ever tighten.
import picomatch from 'picomatch';
import type { Node } from 'jsonc-parser';
import { isCountersignCommand } from '../agents/hookConfig';
import { hookEntries } from '../agents/hookEntries';
import { at, edits, finding } from './jsonNodes';
import { lintVscodeHookSettings } from './vscodeHooks';
import type { LintContext, LintFinding } from './types';

const BROAD_CLAUDE_ALLOW = /^(Bash|Write|Edit|MultiEdit|Read|WebFetch|NotebookEdit|Glob|Grep)(\((\*|:\*|\*\*|\*\*\/\*)\))?$|^mcp__\*?$|^\*$/;

function ourHooks(root: Node) {
  return hookEntries(root).filter((h) => isCountersignCommand(h.command));
}

function timeoutFindings(text: string, root: Node, code: string, minimum: number, unit: string, fixValue: (t: number) => number): LintFinding[] {
  return ourHooks(root).flatMap(({ path, node }) => {
    const timeout = at(node, ['timeout']);
    if (typeof timeout?.value !== 'number' || timeout.value >= minimum) return [];
    const value = timeout.value;
    return [
      finding(timeout, {
        code,
        severity: 'warning',
        message: `Countersign's hook times out after ${value} ${unit}: when a hook times out the agent runs the tool anyway, so a decision that takes longer is lost.`,
        fix: { title: `Set the timeout to ${fixValue(value)}`, edits: edits(text, [...path, 'timeout'], fixValue(value)) },
      }),
    ];
  });
}

export function lintClaude(text: string, root: Node, ctx: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  const mode = at(root, ['permissions', 'defaultMode']);
  if (mode?.value === 'bypassPermissions') {
    out.push(
      finding(mode, {
        code: 'claude.bypassPermissions',
        severity: 'warning',
        message: 'bypassPermissions turns off every Claude Code permission prompt: only hooks (Countersign) still stand between the agent and your machine.',
        fix: { title: 'Use the default permission mode', edits: edits(text, ['permissions', 'defaultMode'], 'default') },
      }),
    );
  }
  const allow = at(root, ['permissions', 'allow']);
  (allow?.type === 'array' ? allow.children ?? [] : []).forEach((rule, i) => {
    if (typeof rule.value === 'string' && BROAD_CLAUDE_ALLOW.test(rule.value)) {
      out.push({
        code: 'claude.broadAllow',
        severity: 'warning',
        message: `"${rule.value}" lets Claude Code use ${rule.value.replace(/\(.*/, '')} for anything without asking. Allow specific commands instead (e.g. "Bash(npm test)").`,
        start: rule.offset,
        end: rule.offset + rule.length,
        fix: { title: `Remove "${rule.value}"`, edits: edits(text, ['permissions', 'allow', i], undefined) },
      });
    }
  });
  const disable = at(root, ['disableAllHooks']);
  if (disable?.value === true) {
    out.push(
      finding(disable, {
        code: 'claude.disableAllHooks',
        severity: 'error',
        message: 'disableAllHooks turns off every hook, Countersign included: agent actions are no longer reviewed.',
        fix: { title: 'Remove disableAllHooks', edits: edits(text, ['disableAllHooks'], undefined) },
      }),
    );
  }
  out.push(...timeoutFindings(text, root, 'claude.hookTimeout', 60, 's', () => 600));
  if (ourHooks(root).length === 0 && !ctx.hookInstalled('claude')) {
    out.push({
      code: 'claude.hookMissing',
      severity: 'information',
      message: 'Countersign\'s hook is not configured for Claude Code: its actions are not reviewed. Run "Countersign: Connect Agents…".',
      start: root.offset,
      end: root.offset + 1,
    });
  }
  return out;
}

const SENSITIVE_COMMANDS = /^(sudo|su|doas|pkexec|chmod|chown|chgrp|setfacl|rm|dd|mkfs|curl|wget|ssh|scp|rsync|nc|eval|bash|sh|zsh|python3?|node|perl|ruby|aws|gcloud|az|kubectl|docker|gh|git push|npm publish|security|vault|op)\b/;
const BROAD_PATTERN = /^\/(\.\*|\.\+|\^\.\*\$?|\^\.\+\$?)\/[a-z]*$|^\*$/;

function lintTerminalAutoApprove(text: string, root: Node, key: string): LintFinding[] {
  const rules = at(root, [key]);
  if (rules?.type !== 'object') return [];
  return (rules.children ?? []).flatMap((prop) => {
    const pattern = prop.children?.[0]?.value as string;
    const value = prop.children?.[1];
    const approves = value?.value === true || (value?.type === 'object' && at(value, ['approve'])?.value === true);
    if (!approves || !(BROAD_PATTERN.test(pattern) || SENSITIVE_COMMANDS.test(pattern.replace(/^\/\^?/, '')))) return [];
    return [
      {
        code: 'vscode.terminalAutoApprove',
        severity: 'warning' as const,
        message: `Terminal commands matching "${pattern}" run without confirmation; this rule covers commands that can change permissions or reach secrets.`,
        start: prop.offset,
        end: prop.offset + prop.length,
        fix: { title: `Remove the auto-approve rule "${pattern}"`, edits: edits(text, [key, pattern], undefined) },
      },
    ];
  });
}

const LOOSENING = ['countersign.allowedPaths', 'countersign.whenUnreachable', 'countersign.auditLog.directory'];
const HOOK_LOCATIONS = ['.claude/settings.json', '.claude/settings.local.json', '~/.claude/settings.json', '.github/hooks', '~/.copilot/hooks'];

export function lintVscodeSettings(text: string, root: Node, workspaceFile: boolean): LintFinding[] {
  const out: LintFinding[] = [];
  for (const key of ['chat.tools.global.autoApprove', 'chat.tools.autoApprove']) {
    const node = at(root, [key]);
    if (node?.value === true) {
      out.push(
        finding(node, {
          code: 'vscode.globalAutoApprove',
          severity: 'warning',
          message: `${key} approves every agent tool call without asking (VS Code still runs hooks, but its own confirmations are gone).`,
          fix: { title: `Turn off ${key}`, edits: edits(text, [key], false) },
        }),
      );
    }
  }
  out.push(...lintTerminalAutoApprove(text, root, 'chat.tools.terminal.autoApprove'), ...lintTerminalAutoApprove(text, root, 'chat.agent.terminal.autoApprove'));
  out.push(...lintVscodeHookSettings(text, root));
  const locations = at(root, ['chat.hookFilesLocations']);
  for (const prop of locations?.type === 'object' ? locations.children ?? [] : []) {
    const loc = prop.children?.[0]?.value as string;
    if (prop.children?.[1]?.value === false && HOOK_LOCATIONS.includes(loc)) {
      out.push({
        code: 'vscode.hookLocationDisabled',
        severity: 'warning',
        message: `Hooks in ${loc} are switched off for the VS Code agent; if Countersign's hook lives there, agent actions are not reviewed.`,
        start: prop.offset,
        end: prop.offset + prop.length,
        fix: { title: `Load hooks from ${loc} again`, edits: edits(text, ['chat.hookFilesLocations', loc], true) },
      });
    }
  }
  for (const key of ['countersign.sensitivePaths', 'countersign.allowedPaths']) {
    const list = at(root, [key]);
    for (const item of list?.type === 'array' ? list.children ?? [] : []) {
      let problem: string | undefined;
      if (typeof item.value !== 'string') problem = 'is not a string';
      else {
        try {
          picomatch.makeRe(item.value, { strictBrackets: true });
        } catch (err) {
          problem = `is not a valid glob (${(err as Error).message})`;
        }
      }
      if (problem) out.push({ code: 'countersign.invalidGlob', severity: 'error', message: `${JSON.stringify(item.value)} ${problem}; it matches nothing.`, start: item.offset, end: item.offset + item.length });
    }
  }
  if (workspaceFile) {
    for (const key of LOOSENING) {
      const node = at(root, [key]);
      if (node) {
        out.push(
          finding(node, {
            code: 'countersign.workspaceLoosening',
            severity: 'warning',
            message: `${key} is ignored here: settings that loosen Countersign are read from your user settings only, so a repository cannot weaken review.`,
          }),
        );
      }
    }
  }
  return out;
}

export function lintCursor(text: string, root: Node): LintFinding[] {
  const out: LintFinding[] = [];
  for (const { path, node } of ourHooks(root)) {
    if (at(node, ['failClosed'])?.value !== true) {
      out.push(
        finding(node, {
          code: 'cursor.failClosed',
          severity: 'warning',
          message: 'Without failClosed, Cursor runs the action when Countersign\'s hook crashes or times out.',
          fix: { title: 'Add "failClosed": true', edits: edits(text, [...path, 'failClosed'], true) },
        }),
      );
    }
  }
  return out;
}

export function lintGemini(text: string, root: Node): LintFinding[] {
  // Gemini CLI reads hook timeouts in milliseconds: a value meant as seconds expires almost at once.
  return timeoutFindings(text, root, 'gemini.hookTimeoutUnit', 60_000, 'ms', (t) => (t < 1000 ? t * 1000 : 600_000));
}

export function lintCodex(text: string, root: Node): LintFinding[] {
  return timeoutFindings(text, root, 'codex.hookTimeout', 60, 's', () => 600);
}
