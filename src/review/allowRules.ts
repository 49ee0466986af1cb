// "Allow similar" rules: made by a reviewer from a card whose action needs one click, with the scope the reviewer
// picks: this agent session (in memory, forgotten when VS Code closes), or this workspace folder until revoked
// (kept per machine in VS Code's global state, keyed by folder: never in the repository, never synced). A rule
// answers only actions whose every effect it covers (ruleSignature.ts) and never a sensitive one. Listeners hear
// every change (added, revoked, matched). The storage is the host's (a StateStore).
import { randomUUID } from 'node:crypto';
import { homedir } from 'node:os';
import { basename, relative, isAbsolute } from 'node:path';
import type { ReviewItem } from '../protocol/gateLsp';
import type { AllowRuleView, RuleScope, ScopeChoice, SimilarOptionView, SimilarView } from '../protocol/webviewMessages';
import type { StateStore } from './stateStore';
import { allowsPhrase, covers, ruleMayAnswer, signatureOf, type EffectPattern, type RuleSignature, type RunPattern } from './ruleSignature';

export interface AllowRule {
  id: string;
  scope: RuleScope;
  /** Session scope: the agent's own session id; the rule answers nothing from any other session. */
  sessionId?: string;
  signature: RuleSignature;
  description: string;
  createdAt: number;
  matched: number;
}

/** Where workspace rules persist (VS Code: ExtensionContext.globalState). */
export type RuleStorage = StateStore;

/** globalState key: `{ [workspace folder]: AllowRule[] }`. Not registered with setKeysForSync: it stays on this machine. */
export const WORKSPACE_RULES_KEY = 'countersign.allowRules.workspace';
const MAX_RULES_PER_FOLDER = 200;

const SCOPE_LABELS: Record<ScopeChoice, string> = { once: 'Only this one', session: 'This session', workspace: 'This workspace' };

/** `~/proj` for a folder under the home directory, else the folder itself. */
export function tildify(folder: string, home = homedir()): string {
  const rel = home ? relative(home, folder) : '';
  return home && rel && !rel.startsWith('..') && !isAbsolute(rel) ? `~/${rel}` : folder === home ? '~' : folder;
}

function displayIn(folder: string): (path: string) => string {
  return (p) => {
    const rel = isAbsolute(p) ? relative(folder, p) : '';
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
  };
}

/** "Allow `npm install` with other plain arguments in ~/proj for this Claude Code session." */
export function describeRule(sig: RuleSignature, scope: ScopeChoice, agentLabel: (agent: string) => string): string {
  const what = allowsPhrase(sig, displayIn(sig.folder));
  const where = tildify(sig.folder);
  const who = agentLabel(sig.agent);
  switch (scope) {
    case 'once':
      return `Approve just this action; the next similar one asks again.`;
    case 'session':
      return `Allow ${what} in ${where} for this ${who} session.`;
    case 'workspace':
      return `Allow ${what} in ${where} for ${who}, in every session, until you revoke it.`;
  }
}

// ---- stored rules are re-checked on load: the state file is ours, but a damaged entry must never widen anything ----

const isStr = (v: unknown): v is string => typeof v === 'string';
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const KINDS = new Set(['shell', 'edit', 'write', 'read', 'patch', 'tool']);

function runPattern(v: unknown): RunPattern | undefined {
  if (!isObj(v) || !isStr(v.program) || v.program === '') return undefined;
  if (v.subcommand !== undefined && !isStr(v.subcommand)) return undefined;
  if (v.hosts !== undefined && !(Array.isArray(v.hosts) && v.hosts.every(isStr))) return undefined;
  return { program: v.program, ...(v.subcommand !== undefined ? { subcommand: v.subcommand } : {}), ...(v.hosts !== undefined ? { hosts: v.hosts } : {}) };
}

function effectPattern(v: unknown): EffectPattern | undefined {
  if (!isObj(v) || !isStr(v.kind) || !isStr(v.rule) || (v.target !== undefined && !isStr(v.target))) return undefined;
  if (v.kind === 'unknown') return undefined;
  return { kind: v.kind, rule: v.rule, ...(v.target !== undefined ? { target: v.target } : {}) };
}

function storedRule(v: unknown, folder: string): AllowRule | undefined {
  if (!isObj(v) || !isStr(v.id) || v.scope !== 'workspace' || !isObj(v.signature) || !isStr(v.description)) return undefined;
  const s = v.signature;
  if (!isStr(s.agent) || !isStr(s.tool) || s.folder !== folder || !isStr(s.kind) || !KINDS.has(s.kind) || !Array.isArray(s.runs) || !Array.isArray(s.effects)) return undefined;
  const runs = s.runs.map(runPattern);
  const effects = s.effects.map(effectPattern);
  if (runs.some((r) => !r) || effects.some((e) => !e)) return undefined;
  const signature: RuleSignature = { agent: s.agent, tool: s.tool, folder, kind: s.kind as RuleSignature['kind'], runs: runs as RunPattern[], effects: effects as EffectPattern[] };
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : 0);
  return { id: v.id, scope: 'workspace', signature, description: v.description, createdAt: num(v.createdAt), matched: num(v.matched) };
}

export class AllowRules {
  private readonly rules: AllowRule[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly agentLabel: (agent: string) => string = (a) => a,
    private readonly storage?: RuleStorage,
    private readonly onError: (message: string) => void = () => undefined,
  ) {
    this.load();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed(): void {
    for (const l of [...this.listeners]) l();
  }

  private load(): void {
    const stored = this.storage?.get(WORKSPACE_RULES_KEY);
    if (!isObj(stored)) return;
    for (const [folder, list] of Object.entries(stored)) {
      if (!isAbsolute(folder) || !Array.isArray(list)) continue;
      for (const v of list.slice(0, MAX_RULES_PER_FOLDER)) {
        const rule = storedRule(v, folder);
        if (rule && !this.rules.some((r) => r.id === rule.id)) this.rules.push(rule);
      }
    }
  }

  private persist(): void {
    if (!this.storage) return;
    const byFolder: Record<string, AllowRule[]> = {};
    for (const r of this.rules) if (r.scope === 'workspace') (byFolder[r.signature.folder] ??= []).push(r);
    this.storage.update(WORKSPACE_RULES_KEY, byFolder).then(undefined, (err: unknown) => this.onError(`could not save the workspace rules: ${String(err)}`));
  }

  /** What the card's "Allow similar" offers: each scope with the sentence saying what it allows, or why none. */
  offer(item: ReviewItem): SimilarView | undefined {
    if (item.risk !== 'review') return undefined;
    const made = signatureOf(item);
    if (!made.ok) return { unavailable: made.why };
    const sig = made.signature;
    const option = (scope: ScopeChoice, unavailable?: string): SimilarOptionView => ({
      scope,
      label: SCOPE_LABELS[scope],
      sentence: describeRule(sig, scope, this.agentLabel),
      ...(unavailable ? { unavailable } : {}),
    });
    return {
      options: [
        option('session', item.action.sessionId ? undefined : `${this.agentLabel(item.action.agent)} did not say which session this is, so a session rule cannot tell sessions apart.`),
        option('workspace', item.workspaceFolder ? undefined : 'This action runs outside every open workspace folder.'),
        option('once'),
      ],
    };
  }

  /** Adds a rule for this card in this scope; undefined (with the reason) when none may be made. An identical rule is reused. */
  add(item: ReviewItem, scope: RuleScope, now = Date.now()): { rule: AllowRule } | { why: string } {
    const made = signatureOf(item);
    if (!made.ok) return { why: made.why };
    const sessionId = item.action.sessionId;
    if (scope === 'session' && !sessionId) return { why: 'The agent did not say which session this is, so a session rule cannot be made.' };
    if (scope === 'workspace' && !item.workspaceFolder) return { why: 'This action runs outside every open workspace folder.' };
    const signature = made.signature;
    const key = JSON.stringify([scope, scope === 'session' ? sessionId : '', signature]);
    const same = this.rules.find((r) => JSON.stringify([r.scope, r.scope === 'session' ? r.sessionId : '', r.signature]) === key);
    if (same) return { rule: same };
    if (scope === 'workspace' && this.rules.filter((r) => r.scope === 'workspace' && r.signature.folder === signature.folder).length >= MAX_RULES_PER_FOLDER) {
      return { why: `This workspace already has ${MAX_RULES_PER_FOLDER} rules; revoke some first.` };
    }
    const rule: AllowRule = {
      id: `rule-${randomUUID()}`,
      scope,
      ...(scope === 'session' ? { sessionId } : {}),
      signature,
      description: describeRule(signature, scope, this.agentLabel),
      createdAt: now,
      matched: 0,
    };
    this.rules.push(rule);
    if (scope === 'workspace') this.persist();
    this.changed();
    return { rule };
  }

  revoke(id: string): boolean {
    const i = this.rules.findIndex((r) => r.id === id);
    if (i < 0) return false;
    const [gone] = this.rules.splice(i, 1);
    if (gone?.scope === 'workspace') this.persist();
    this.changed();
    return true;
  }

  /** The rule that answers this item, counting the match; never one for a sensitive, blocked or unreadable item. */
  match(item: ReviewItem): { id: string; scope: RuleScope } | undefined {
    if (!ruleMayAnswer(item)) return undefined;
    const rule = this.rules.find((r) => this.applies(r, item));
    if (!rule) return undefined;
    rule.matched++;
    if (rule.scope === 'workspace') this.persist();
    this.changed();
    return { id: rule.id, scope: rule.scope };
  }

  private applies(rule: AllowRule, item: ReviewItem): boolean {
    if (rule.scope === 'session' && (!rule.sessionId || item.action.sessionId !== rule.sessionId)) return false;
    if (rule.scope === 'workspace' && item.workspaceFolder !== rule.signature.folder) return false;
    return covers(rule.signature, item);
  }

  /** Rules the panel lists: this window's session rules and the workspace rules of the open folders. */
  views(openFolders?: readonly string[]): AllowRuleView[] {
    return this.rules
      .filter((r) => r.scope === 'session' || !openFolders || openFolders.includes(r.signature.folder))
      .map((r) => ({
        id: r.id,
        scope: r.scope,
        description: r.description,
        where: basename(r.signature.folder) || r.signature.folder,
        createdAt: r.createdAt,
        matched: r.matched,
      }));
  }

  get size(): number {
    return this.rules.length;
  }

  /** Revokes every rule (session and workspace). */
  clear(): void {
    if (this.rules.length === 0) return;
    const hadWorkspace = this.rules.some((r) => r.scope === 'workspace');
    this.rules.length = 0;
    if (hadWorkspace) this.persist();
    this.changed();
  }
}
