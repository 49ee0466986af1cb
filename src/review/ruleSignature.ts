// What an "Allow similar" rule allows, read off the policy's effects (never off the command's text): the programs
// the approved action ran (program, subcommand, hosts, as the policy parsed them), every other effect it had (kind,
// the policy rule that found it, the file it touched), and who asked where. An action is similar only when EVERY
// one of its effects is covered, its risk is `review`, and nothing in it is sensitive, blocked or unknown. Pure: no
// vscode import, so unit tests cover it whole.
import { isAbsolute, resolve } from 'node:path';
import type { Effect, ProgramRun } from '../policy/types';
import type { ReviewItem } from '../protocol/gateLsp';

/** A program the rule lets run: the same name and subcommand, with any plain arguments naming only these hosts. */
export interface RunPattern {
  program: string;
  subcommand?: string;
  hosts?: string[];
}

/** Any other effect the rule covers: same kind, found by the same policy rule, on the same file (when it names one). */
export interface EffectPattern {
  kind: string;
  rule: string;
  /** Absolute path (or the word as written when it is not a plain path); absent: the effect names no target. */
  target?: string;
}

export interface RuleSignature {
  agent: string;
  tool: string;
  /** The workspace folder the action ran in (or its working directory when it lies in none). */
  folder: string;
  kind: ReviewItem['action']['kind'];
  runs: RunPattern[];
  effects: EffectPattern[];
}

/** Nothing a rule may ever answer: a human decides these one by one. */
export function ruleMayAnswer(item: ReviewItem): boolean {
  if (item.risk !== 'review' || !Array.isArray(item.effects) || item.effects.length === 0) return false;
  return item.effects.every((e) => (e.risk === 'safe' || e.risk === 'review') && e.kind !== 'unknown');
}

export function folderOf(item: ReviewItem): string {
  return item.workspaceFolder ?? item.action.cwd;
}

/** A file target made comparable: absolute against the action's working directory. */
function targetOf(e: Effect, cwd: string): string | undefined {
  if (e.target === undefined) return undefined;
  if (e.kind.startsWith('file.') && !e.target.startsWith('~') && !e.target.startsWith('$') && cwd && isAbsolute(cwd)) return resolve(cwd, e.target);
  return e.target;
}

function isRun(e: Effect): e is Effect & { run: ProgramRun } {
  return e.kind === 'program.run' && e.rule === 'action' && e.run !== undefined && typeof e.run.program === 'string';
}

/** The rule this card would make, or why none may be made. */
export function signatureOf(item: ReviewItem): { ok: true; signature: RuleSignature } | { ok: false; why: string } {
  if (item.risk !== 'review') return { ok: false, why: 'Only actions that need one click can be remembered; sensitive actions are decided one by one.' };
  if (!item.effects?.length) return { ok: false, why: 'Countersign does not know what this action does, so it cannot be remembered.' };
  if (!ruleMayAnswer(item)) return { ok: false, why: 'Part of this action could not be read or is sensitive, so it cannot be remembered.' };
  const { action } = item;
  const runs: RunPattern[] = [];
  const effects: EffectPattern[] = [];
  for (const e of item.effects) {
    if (isRun(e)) {
      if (e.run.computed) return { ok: false, why: 'A word of this command is only known when it runs, so it cannot be remembered.' };
      runs.push({ program: e.run.program, ...(e.run.subcommand !== undefined ? { subcommand: e.run.subcommand } : {}), ...(e.run.hosts?.length ? { hosts: [...e.run.hosts] } : {}) });
      continue;
    }
    const target = targetOf(e, action.cwd);
    effects.push({ kind: e.kind, rule: e.rule, ...(target !== undefined ? { target } : {}) });
  }
  if (action.kind === 'shell' && runs.length === 0) return { ok: false, why: 'Countersign could not tell which programs this command runs, so it cannot be remembered.' };
  return { ok: true, signature: { agent: action.agent, tool: action.tool, folder: folderOf(item), kind: action.kind, runs, effects } };
}

function runCovered(run: ProgramRun, patterns: readonly RunPattern[]): boolean {
  if (run.computed) return false;
  return patterns.some(
    (p) => p.program === run.program && p.subcommand === run.subcommand && (run.hosts ?? []).every((h) => p.hosts?.includes(h) ?? false),
  );
}

function effectCovered(e: Effect, cwd: string, patterns: readonly EffectPattern[]): boolean {
  const target = targetOf(e, cwd);
  return patterns.some((p) => p.kind === e.kind && p.rule === e.rule && p.target === target);
}

/** Whether the rule covers every effect of this item (and the item is one a rule may answer at all). */
export function covers(sig: RuleSignature, item: ReviewItem): boolean {
  if (!ruleMayAnswer(item)) return false;
  const { action } = item;
  if (action.agent !== sig.agent || action.tool !== sig.tool || action.kind !== sig.kind || folderOf(item) !== sig.folder) return false;
  return item.effects!.every((e) => (isRun(e) ? runCovered(e.run, sig.runs) : effectCovered(e, action.cwd, sig.effects)));
}

/** `npm test`, `curl` to api.github.com: the runs as a reviewer reads them. */
export function runPhrase(r: RunPattern): string {
  const cmd = `\`${r.subcommand ? `${r.program} ${r.subcommand}` : r.program}\``;
  return r.hosts?.length ? `${cmd} to ${r.hosts.join(', ')}` : cmd;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  const shown = items.length > 4 ? [...items.slice(0, 3), `${items.length - 3} more`] : items;
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** What a shell rule's effects do, said plainly next to the programs. */
const KIND_PHRASES: Partial<Record<string, string>> = {
  'file.delete': 'deletes files',
  'file.write': 'writes files',
  network: 'reaches the network',
  'tool.call': 'calls tools',
};

/** What the rule allows, without its scope: "run `npm install` with other plain arguments". */
export function allowsPhrase(sig: RuleSignature, display: (path: string) => string): string {
  const files = (kinds: string[]) => sig.effects.filter((e) => kinds.includes(e.kind) && e.target !== undefined).map((e) => display(e.target!));
  switch (sig.kind) {
    case 'shell': {
      const does = [...new Set(sig.effects.map((e) => KIND_PHRASES[e.kind]).filter((x): x is string => x !== undefined))];
      return `${list(sig.runs.map(runPhrase))} with other plain arguments${does.length ? `, which ${list(does)},` : ''}`;
    }
    case 'edit':
      return `editing ${list(files(['file.write']))}`;
    case 'write':
      return `writing ${list(files(['file.write']))}`;
    case 'read':
      return `reading ${list(files(['file.read']))}`;
    case 'patch':
      return `patching ${list(files(['file.write', 'file.delete']))}`;
    case 'tool':
      return `calling ${sig.tool} with inputs like this one`;
  }
}
