// The rule catalog: every rule id a verdict can carry, with its risk. Ids are stable (tests, audit logs and the
// panel refer to them); messages are written at the call site because they name the command or path involved.
import type { Reason, Risk, Span } from './types';

export const RULES = {
  // Input the policy could not understand, and budgets: never safe.
  'input.malformed': 'sensitive',
  'engine.error': 'sensitive',
  'budget.size': 'sensitive',
  // budget.time: kept for audit logs written before budgets counted work instead of time.
  'budget.time': 'sensitive',
  'budget.work': 'sensitive',
  'budget.depth': 'sensitive',
  'budget.nodes': 'sensitive',
  'budget.content': 'sensitive',
  'shell.parse-error': 'sensitive',
  'shell.parser-unavailable': 'sensitive',

  // Code the analyzer cannot see through.
  'opaque.eval': 'sensitive',
  'opaque.dynamic-command': 'sensitive',
  'opaque.pipe-to-shell': 'sensitive',
  'opaque.remote-code': 'sensitive',
  'opaque.generated-script': 'sensitive',
  'opaque.interpreter': 'sensitive',
  'opaque.patch': 'sensitive',

  // Paths.
  'path.secret': 'sensitive',
  'path.self': 'sensitive',
  'path.protected': 'sensitive',
  'path.system': 'sensitive',
  'path.secret-glob': 'sensitive',
  'path.secret-tree': 'sensitive',
  'path.secret-listing': 'review',
  'config.edit': 'review',

  // Permission changes.
  'perm.mode': 'sensitive',
  'perm.owner': 'sensitive',
  'perm.acl': 'sensitive',
  'perm.elevate': 'sensitive',
  'perm.users': 'sensitive',
  'perm.firewall': 'sensitive',
  'perm.mac': 'sensitive',
  'perm.system': 'sensitive',
  'perm.iam': 'sensitive',
  'perm.rbac': 'sensitive',
  'perm.repo': 'sensitive',
  'perm.sql': 'sensitive',
  'perm.container': 'sensitive',
  'perm.git-hooks': 'sensitive',
  'perm.persistence': 'sensitive',
  'perm.guard': 'sensitive',
  /** TLS verification turned off, or the trusted CAs replaced, in a tool's persistent configuration. */
  'perm.tls': 'sensitive',

  // Secrets.
  'secret.env-var': 'sensitive',
  'secret.env-dump': 'sensitive',
  'secret.credential-cli': 'sensitive',
  'secret.literal': 'sensitive',
  'secret.publish': 'sensitive',

  // Content of edits and writes.
  'content.secret': 'sensitive',
  'content.workflow-permissions': 'sensitive',
  'content.workflow-secrets': 'sensitive',
  'content.rbac': 'sensitive',
  'content.iam': 'sensitive',
  'content.network-open': 'sensitive',
  'content.rules-open': 'sensitive',
  'content.public-access': 'sensitive',
  'content.privileged': 'sensitive',
  'content.dockerfile-root': 'sensitive',
  'content.dockerfile-secret': 'sensitive',
  'content.gitignore': 'sensitive',
  'content.agent-permissions': 'sensitive',
  'content.sql-grant': 'sensitive',
  // Application code loosened, judged before → after (content/code/): guards removed or bypassed, TLS and JWT
  // verification off, CORS open to any origin with credentials.
  'content.auth-removed': 'sensitive',
  'content.tls-off': 'sensitive',
  'content.jwt-off': 'sensitive',
  'content.cors-open': 'sensitive',

  // SQL and MongoDB statements by meaning (src/policy/sql): wherever they arrive (clients, files, MCP queries).
  'sql.grant': 'sensitive',
  'sql.credential': 'sensitive',
  'sql.rls': 'sensitive',
  'sql.data-privilege': 'sensitive',
  'sql.secret-read': 'sensitive',
  'sql.exec': 'sensitive',
  'sql.audit': 'review',
  'sql.definer': 'review',

  // Worth a look, one click.
  'exec.unknown-command': 'review',
  'exec.script': 'review',
  'exec.interpreter': 'review',
  'exec.indirect': 'review',
  'input.invisible': 'review',
  'exec.remote': 'review',
  'net.command': 'review',
  'net.tool': 'review',
  'pkg.install': 'review',
  'fs.delete': 'review',
  'git.discard': 'review',
  'fs.write-outside': 'review',
  // An in-place edit whose result cannot be shown exactly (sed -i with a script GNU sed may run differently).
  'fs.edit-inexact': 'review',
  'git.remote': 'review',
  'git.rewrite': 'review',
  'proc.kill': 'review',
  'cloud.command': 'review',
  'container.run': 'review',
  'db.client': 'review',
  'system.service': 'review',
  'tool.unknown': 'review',
  'tool.mcp': 'review',
  'tool.sensitive': 'sensitive',

  // Never.
  'destroy.root': 'blocked',
  'destroy.disk': 'blocked',
  'destroy.forkbomb': 'blocked',
  'destroy.processes': 'blocked',

  // Why something is safe (kept so every verdict explains itself).
  'safe.command': 'safe',
  'safe.read': 'safe',
  'safe.write': 'safe',
  'safe.tool': 'safe',
  'safe.delete': 'safe',
  'safe.install': 'safe',
  'safe.mode': 'safe',
} as const satisfies Record<string, Risk>;

export type RuleId = keyof typeof RULES;


/** A finding inside one text (a command, a file's new content, a patch): offsets are relative to that text. */
export interface Hit {
  rule: RuleId;
  risk: Risk;
  message: string;
  start: number;
  end: number;
  /** Already compared with the old text by meaning (content/config): the line filter for old lines does not apply. */
  judged?: boolean;
}

export function hit(rule: RuleId, message: string, start: number, end: number, risk: Risk = RULES[rule]): Hit {
  return { rule, risk, message, start, end };
}

/** Turns a hit into a reason whose span indexes `text` (the action field named by `field`). */
export function hitToReason(h: Hit, field: Span['field'], text: string, index?: number): Reason {
  const start = Math.max(0, Math.min(h.start, text.length));
  const end = Math.max(start, Math.min(h.end, text.length));
  const span: Span = { field, start, end, text: text.slice(start, end) };
  if (index !== undefined) span.index = index;
  return { rule: h.rule, risk: h.risk, message: h.message, span };
}

export function reason(rule: RuleId, message: string, span?: Span, risk: Risk = RULES[rule]): Reason {
  return span ? { rule, risk, message, span } : { rule, risk, message };
}

/** A span over a whole field value (a path, say). */
export function wholeSpan(field: Span['field'], text: string): Span {
  return { field, start: 0, end: text.length, text };
}
