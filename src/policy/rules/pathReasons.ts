// The reason a file tool's own path earns: a secret, a guard-rail file, a system file, or writing outside the
// workspace.
import { isBuildConfig } from '../paths/buildConfig';
import type { Access, PathMatch } from '../paths/pathPolicy';
import { reason, wholeSpan, type RuleId } from '../reasons';
import type { Reason } from '../types';
import type { RuleContext } from './context';

function ruleOf(m: PathMatch, access: Access): RuleId {
  if (access === 'meta') return 'path.secret-listing';
  return m.category === 'secret' ? 'path.secret' : m.category === 'self' ? 'path.self' : m.category === 'protected' ? 'path.protected' : 'path.system';
}

export function pathReason(path: string, access: Access, ctx: RuleContext): Reason | undefined {
  const m = ctx.policy.match(path.replace(/\\/g, '/'), access);
  if (!m) return undefined;
  const verb = access === 'write' ? 'Changes' : access === 'meta' ? 'Lists' : 'Reads';
  return reason(ruleOf(m, access), `${verb} ${path}: ${m.label} (matches ${m.glob}).`, wholeSpan('path', path));
}

/** Writes land in the workspace (or a temp dir) unless they do not; build and CI config gets a review. */
export function placeReason(path: string, cwd: string, ctx: RuleContext): Reason {
  const p = path.replace(/\\/g, '/');
  if (ctx.policy.inWorkspace(p, cwd) && isBuildConfig(p)) {
    return reason('config.edit', 'Changes build, CI or deployment config, which decides what runs elsewhere: check the diff.', wholeSpan('path', path));
  }
  if (ctx.policy.inWorkspace(p, cwd) || ctx.policy.isTemp(p)) return reason('safe.write', `Changes ${path} inside the workspace.`);
  return reason('fs.write-outside', `Changes ${path}, outside the workspace.`, wholeSpan('path', path));
}
