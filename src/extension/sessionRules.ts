// "Allow similar for this session": rules a reviewer creates from a non-sensitive card. Each is narrow (same agent,
// same tool, same workspace, and the same command name and subcommand with plain arguments, or the same file),
// visible in the panel, revocable, and forgotten when VS Code closes. A rule never matches anything but risk
// 'review': a sensitive action always needs a human. No vscode import, so unit tests cover it whole.
import { basename } from 'node:path';
import type { ReviewItem } from '../protocol/gateLsp';
import type { SessionRuleView } from '../protocol/webviewMessages';
import { displayPath } from './confirmation';
import { parseCommandLine } from './preview/shellWords';

export type RuleScope =
  | { kind: 'shell'; agent: string; tool: string; folder: string; program: string; subcommand?: string }
  | { kind: 'file'; agent: string; tool: string; folder: string; action: 'edit' | 'write' | 'read'; path: string }
  | { kind: 'patch'; agent: string; tool: string; folder: string; paths: string[] }
  | { kind: 'tool'; agent: string; tool: string; folder: string };

export interface SessionRule {
  id: string;
  scope: RuleScope;
  description: string;
  createdAt: number;
  matched: number;
}

const SUBCOMMAND = /^[A-Za-z][A-Za-z0-9._:-]*$/;

/** The words of a command when it is one plain simple command (no chains, pipes, redirections or expansions). */
function plainWords(command: string): string[] | undefined {
  const parsed = parseCommandLine(command);
  if (!parsed.ok || parsed.commands.length !== 1) return undefined;
  const [cmd] = parsed.commands;
  if (!cmd || cmd.redirects.length || cmd.words.length === 0 || cmd.words.some((w) => w.dynamic || w.glob)) return undefined;
  return cmd.words.map((w) => w.text);
}

function folderOf(item: ReviewItem): string {
  return item.workspaceFolder ?? item.action.cwd;
}

/** The narrowest useful rule for this card, or undefined when none may be made (sensitive, or not a plain command). */
export function scopeFor(item: ReviewItem): RuleScope | undefined {
  if (item.risk !== 'review') return undefined;
  const { action } = item;
  const base = { agent: action.agent, tool: action.tool, folder: folderOf(item) };
  switch (action.kind) {
    case 'shell': {
      const words = plainWords(action.command);
      if (!words) return undefined;
      const [program, second] = words as [string, string | undefined];
      return { kind: 'shell', ...base, program, subcommand: second !== undefined && SUBCOMMAND.test(second) ? second : undefined };
    }
    case 'edit':
    case 'write':
    case 'read':
      return { kind: 'file', ...base, action: action.kind, path: action.path };
    case 'patch':
      return action.files.length ? { kind: 'patch', ...base, paths: action.files.map((f) => f.path).sort() } : undefined;
    case 'tool':
      return { kind: 'tool', ...base };
  }
}

export function scopeMatches(scope: RuleScope, item: ReviewItem): boolean {
  if (item.risk !== 'review') return false;
  const { action } = item;
  if (action.agent !== scope.agent || action.tool !== scope.tool || folderOf(item) !== scope.folder) return false;
  switch (scope.kind) {
    case 'shell': {
      if (action.kind !== 'shell') return false;
      const words = plainWords(action.command);
      if (!words || words[0] !== scope.program) return false;
      return scope.subcommand === undefined ? !(words[1] !== undefined && SUBCOMMAND.test(words[1])) : words[1] === scope.subcommand;
    }
    case 'file':
      return action.kind === scope.action && action.path === scope.path;
    case 'patch':
      return action.kind === 'patch' && action.files.map((f) => f.path).sort().join('\n') === scope.paths.join('\n');
    case 'tool':
      return action.kind === 'tool';
  }
}

/** One sentence naming everything the rule allows. `agentLabel` turns agent ids into names. */
export function describeScope(scope: RuleScope, agentLabel: (agent: string) => string): string {
  const who = agentLabel(scope.agent);
  const where = basename(scope.folder) || scope.folder;
  const path = (p: string) => displayPath(p, scope.folder);
  switch (scope.kind) {
    case 'shell': {
      const cmd = scope.subcommand ? `${scope.program} ${scope.subcommand}` : scope.program;
      const args = scope.subcommand ? 'with any plain arguments' : 'with plain arguments that start with an option, a path or nothing';
      return `${who} (${scope.tool}) may run “${cmd}” ${args}, as a single command, in ${where}.`;
    }
    case 'file': {
      const verb = scope.action === 'edit' ? 'edit' : scope.action === 'write' ? 'overwrite' : 'read';
      return `${who} (${scope.tool}) may ${verb} ${path(scope.path)} in ${where}.`;
    }
    case 'patch': {
      const files = scope.paths.map(path);
      return `${who} (${scope.tool}) may patch ${files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ')} in ${where}.`;
    }
    case 'tool':
      return `${who} may call ${scope.tool} with any input in ${where}.`;
  }
}

/** The session's rules. Listeners hear every change (added, revoked, matched). */
export class SessionRules {
  private readonly rules: SessionRule[] = [];
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor(private readonly agentLabel: (agent: string) => string = (a) => a) {}

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** Adds the rule for this card; undefined when the card may not have one. An identical rule is reused. */
  add(item: ReviewItem, now = Date.now()): SessionRule | undefined {
    const scope = scopeFor(item);
    if (!scope) return undefined;
    const same = this.rules.find((r) => JSON.stringify(r.scope) === JSON.stringify(scope));
    if (same) return same;
    const rule: SessionRule = { id: `rule-${this.nextId++}`, scope, description: describeScope(scope, this.agentLabel), createdAt: now, matched: 0 };
    this.rules.push(rule);
    this.changed();
    return rule;
  }

  revoke(id: string): boolean {
    const i = this.rules.findIndex((r) => r.id === id);
    if (i < 0) return false;
    this.rules.splice(i, 1);
    this.changed();
    return true;
  }

  /** The rule that answers this item, counting the match; never one for a sensitive item. */
  match(item: ReviewItem): SessionRule | undefined {
    if (item.risk !== 'review') return undefined;
    const rule = this.rules.find((r) => scopeMatches(r.scope, item));
    if (rule) {
      rule.matched++;
      this.changed();
    }
    return rule;
  }

  /** Description for a card's "Allow similar" button, without creating anything. */
  preview(item: ReviewItem): string | undefined {
    const scope = scopeFor(item);
    return scope && describeScope(scope, this.agentLabel);
  }

  views(): SessionRuleView[] {
    return this.rules.map((r) => ({ id: r.id, description: r.description, createdAt: r.createdAt, matched: r.matched }));
  }

  get size(): number {
    return this.rules.length;
  }

  clear(): void {
    if (this.rules.length === 0) return;
    this.rules.length = 0;
    this.changed();
  }
}
