// The effect model: what an action would do, independent of what its tool or command is called. Every reason a
// rule finds is one effect (what is touched, how, and how risky that is); the action itself adds the plain effects
// nothing flagged (the file an edit writes, the programs a command line runs, the tool called), so a reviewer and
// the audit log see the whole picture. The verdict's risk is the highest risk among the effects.
import type { Action, Reason, Risk } from './types';
import { RISK_ORDER } from './types';

/** One key per distinct run signature. */
export function runKey(r: ProgramRun): string {
  return JSON.stringify([r.program, r.subcommand ?? null, r.hosts ?? [], r.computed === true]);
}

/**
 * - `file.read` / `file.write` / `file.delete` / `file.list`: a file or folder read, written (created, edited,
 *   replaced), deleted, or listed;
 * - `file.permission`: modes, owners or ACLs changed;
 * - `program.run`: a program, script or piece of code run;
 * - `network`: a connection out (a host, a cloud API, a remote shell), and what is sent;
 * - `credential`: a credential used, printed or minted (secret variables, credential stores, tokens, secret
 *   literals written into files);
 * - `privilege`: access granted or changed (sudo, users and groups, firewall, cloud IAM, RBAC, SQL roles, repository
 *   settings, privileged containers);
 * - `config.security`: configuration or code whose new content loosens security (workflow permissions, public
 *   buckets, open CORS, authentication removed …);
 * - `config.guard`: an agent's or Countersign's own configuration (hooks, permission settings, git hooks);
 * - `tool.call`: an agent tool or MCP tool called;
 * - `destroy`: irrecoverable destruction;
 * - `unknown`: what Countersign could not establish (opaque code, input it could not read, a budget spent).
 */
export type EffectKind =
  | 'file.read'
  | 'file.write'
  | 'file.delete'
  | 'file.list'
  | 'file.permission'
  | 'program.run'
  | 'network'
  | 'credential'
  | 'privilege'
  | 'config.security'
  | 'config.guard'
  | 'tool.call'
  | 'destroy'
  | 'unknown';

export interface Effect {
  kind: EffectKind;
  /** What it acts on, when known: a path, a program, a tool. */
  target?: string;
  /** One plain sentence. */
  summary: string;
  risk: Risk;
  /** The rule that established it (`action` for effects read off the action itself). */
  rule: string;
  /** `program.run` effects of a command line: what runs, as parsed (what "Allow similar" rules compare). */
  run?: ProgramRun;
}

/** One program a command line runs, read off the parse: the name, its subcommand, the hosts its words name. */
export interface ProgramRun {
  /** Basename, lower case (`npm`, `git`, `python3`). */
  program: string;
  /** `test`, `run build`, `push`, `pr create`, `-m pytest`; absent when the first operand is a file, text or option. */
  subcommand?: string;
  /** Hosts named by URLs, `user@host:` or a remote shell's operand, sorted. */
  hosts?: string[];
  /** Some word is only known at run time (`$X`, `$(…)`). */
  computed?: true;
}

/** Rule-id prefixes → the effect they establish; the longest matching prefix wins. */
const KIND_BY_RULE: [string, EffectKind][] = [
  ['input.', 'unknown'],
  ['engine.', 'unknown'],
  ['budget.', 'unknown'],
  ['shell.', 'unknown'],
  ['opaque.', 'unknown'],
  ['path.secret-listing', 'file.list'],
  ['path.self', 'config.guard'],
  ['path.protected', 'config.guard'],
  ['path.', 'file.read'],
  ['config.edit', 'file.write'],
  ['perm.mode', 'file.permission'],
  ['perm.owner', 'file.permission'],
  ['perm.acl', 'file.permission'],
  ['perm.git-hooks', 'config.guard'],
  ['perm.guard', 'config.guard'],
  ['perm.persistence', 'program.run'],
  ['perm.tls', 'config.security'],
  ['sql.credential', 'credential'],
  ['sql.secret-read', 'credential'],
  ['sql.exec', 'program.run'],
  ['sql.audit', 'config.security'],
  ['sql.', 'privilege'],
  ['perm.', 'privilege'],
  ['secret.', 'credential'],
  ['content.secret', 'credential'],
  ['content.agent-permissions', 'config.guard'],
  ['content.', 'config.security'],
  ['exec.remote', 'network'],
  ['exec.', 'program.run'],
  ['net.', 'network'],
  ['git.remote', 'network'],
  ['git.discard', 'file.delete'],
  ['git.', 'program.run'],
  ['pkg.', 'program.run'],
  ['fs.delete', 'file.delete'],
  ['fs.', 'file.write'],
  ['cloud.', 'network'],
  ['db.', 'network'],
  ['container.', 'program.run'],
  ['system.', 'program.run'],
  ['proc.', 'program.run'],
  ['tool.', 'tool.call'],
  ['destroy.', 'destroy'],
  ['safe.read', 'file.read'],
  ['safe.write', 'file.write'],
  ['safe.tool', 'tool.call'],
  ['safe.delete', 'file.delete'],
  ['safe.mode', 'file.permission'],
  ['safe.', 'program.run'],
];

export function effectKindOf(rule: string): EffectKind {
  let best: [string, EffectKind] | undefined;
  for (const entry of KIND_BY_RULE) if (rule.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  return best ? best[1] : 'unknown';
}

/** A path rule's access, read off its message's verb ("Writes …", "Lists …"): the same rule serves all three. */
function pathKind(r: Reason, action: Action): EffectKind {
  if (action.kind === 'write' || action.kind === 'edit' || action.kind === 'patch') return r.span?.field === 'path' || r.span?.field === 'content' ? 'file.write' : 'file.read';
  if (/^(Writes|Overwrites|Creates|Changes|Replaces|Moves|Copies .* to)\b/.test(r.message)) return 'file.write';
  if (/^(Deletes|Removes)\b/.test(r.message)) return 'file.delete';
  if (/^Lists\b/.test(r.message)) return 'file.list';
  return 'file.read';
}

function effectOfReason(r: Reason, action: Action): Effect {
  let kind = effectKindOf(r.rule);
  if (kind === 'file.read' && r.rule.startsWith('path.')) kind = pathKind(r, action);
  // A target is what the effect acts on: a path (or a variable's name for a credential). Other spans are the words
  // that gave the finding away (`chmod 777 x`, `install`), which the summary says better. A secret literal's span
  // is the secret itself: never a target.
  const targeted = (kind.startsWith('file.') && kind !== 'file.permission') || kind === 'config.guard' || (kind === 'credential' && r.rule === 'secret.env-var');
  const quotable = targeted && r.span && r.span.field !== 'content' && r.span.field !== 'input' && r.span.text.length <= 300 && r.rule !== 'secret.literal';
  return effect(kind, quotable ? r.span!.text : undefined, r.message, r.risk, r.rule);
}

/** One effect, its keys always in the documented order. */
function effect(kind: EffectKind, target: string | undefined, summary: string, risk: Risk, rule: string): Effect {
  return target !== undefined && target !== '' ? { kind, target, summary, risk, rule } : { kind, summary, risk, rule };
}

function runEffect(r: ProgramRun): Effect {
  const what = r.subcommand ? `${r.program} ${r.subcommand}` : r.program;
  return { ...effect('program.run', r.program, `Runs ${what}.`, 'safe', 'action'), run: r };
}

/** The effects the action states itself (no rule needed to see them): safe unless a reason says otherwise. */
function plainEffects(action: Action, runs: readonly ProgramRun[]): Effect[] {
  const plain = (kind: EffectKind, target: string, summary: string): Effect => effect(kind, target, summary, 'safe', 'action');
  switch (action.kind) {
    case 'read':
      return [plain('file.read', action.path, `Reads ${action.path}.`)];
    case 'write':
      return [plain('file.write', action.path, `Writes ${action.path} (${lineCount(action.content)}).`)];
    case 'edit':
      return [plain('file.write', action.path, `Edits ${action.path} (${action.edits.length} ${action.edits.length === 1 ? 'change' : 'changes'}).`)];
    case 'patch':
      return action.files.map((f) => (f.op === 'delete' ? plain('file.delete', f.path, `Deletes ${f.path}.`) : plain('file.write', f.path, `${f.op === 'add' ? 'Creates' : 'Edits'} ${f.path}.`)));
    case 'shell':
      return runs.map(runEffect);
    case 'tool':
      return [plain('tool.call', action.tool, `Calls the tool ${action.tool}.`)];
  }
}

function lineCount(text: string): string {
  const n = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  return `${n} ${n === 1 ? 'line' : 'lines'}`;
}

const MAX_EFFECTS = 60;

/**
 * Every effect of an action: one per reason (safe "why it is safe" notes excepted: the action's plain effects say
 * that better), then the plain effects nothing flagged. Riskiest first; the order is otherwise stable.
 */
export function effectsOf(action: Action, reasons: readonly Reason[], runs: readonly ProgramRun[] = []): Effect[] {
  const out: Effect[] = [];
  const seen = new Set<string>();
  const add = (e: Effect): void => {
    const key = `${e.kind}|${e.target ?? ''}|${e.rule}|${e.run ? runKey(e.run) : ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  for (const r of reasons) if (r.risk !== 'safe') add(effectOfReason(r, action));
  const flagged = new Set(out.map((e) => `${e.kind}|${e.target ?? ''}`));
  for (const e of plainEffects(action, runs)) if (!flagged.has(`${e.kind}|${e.target ?? ''}`)) add(e);
  if (out.length === 0) for (const r of reasons) add(effectOfReason(r, action));
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => RISK_ORDER[b.e.risk] - RISK_ORDER[a.e.risk] || a.i - b.i)
    .slice(0, MAX_EFFECTS)
    .map((x) => x.e);
}

/** The risk of a set of effects: the highest among them. */
export function riskOfEffects(effects: readonly Effect[]): Risk {
  let risk: Risk = 'safe';
  for (const e of effects) if (RISK_ORDER[e.risk] > RISK_ORDER[risk]) risk = e.risk;
  return risk;
}
