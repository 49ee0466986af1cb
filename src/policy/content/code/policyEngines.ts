// Authorization policy languages that a change makes default to allow: OPA/Rego (`default allow := true`, an
// unconditional `allow`), Cedar (`permit(principal, action, resource);` with no condition, a `forbid` removed),
// Casbin (a wildcard subject in the policy, a matcher that is always true).
import { addedMatches, excerpt, removedMatches, type Change, type Findings } from './change';

/** Rule names whose `true` means "let in" and whose `false` means "do not block". */
const ALLOWISH = /^(?:allow\w*|allowed|authz?\w*|authori[sz]ed?|permit\w*|grant\w*|access\w*|is_admin|admin|ok|pass\w*|valid)$/i;
const DENYISH = /^(?:deny\w*|denied|violation\w*|block\w*|reject\w*|forbid\w*|warn)$/i;

function rego(ch: Change, out: Findings): void {
  const allowTrue = new RegExp(String.raw`^[ \t]*default\s+(${ALLOWISH.source.slice(1, -1)})\s*:?=\s*true\b`, 'gim');
  const denyFalse = new RegExp(String.raw`^[ \t]*default\s+(${DENYISH.source.slice(1, -1)})\s*:?=\s*false\b`, 'gim');
  for (const m of [...addedMatches(ch, allowTrue), ...addedMatches(ch, denyFalse)]) {
    out.added('content.rules-open', m, `\`${excerpt(m.text)}\`: the policy allows whatever no rule decides.`);
  }
  for (const m of addedMatches(ch, /^[ \t]*(allow\w*|authz\w*|permit\w*)\s*(?::?=\s*true\s*(?:if\s*\{\s*true\s*\})?\s*$|(?:if\s*)?\{\s*true\s*\}|if\s+true\b)/gm)) {
    out.added('content.rules-open', m, `\`${excerpt(m.text)}\`: the rule allows every request.`);
  }
  for (const m of removedMatches(ch, /^[ \t]*(?:deny|violation|forbid)\w*(?:\s*\[[^\]]*\])?\s*(?:contains\s+\w+\s*)?(?:if\s*)?\{/gm)) {
    out.removed('content.rules-open', m, `a deny rule was removed (${excerpt(m.text, 60)}).`);
  }
}

function cedar(ch: Change, out: Findings): void {
  for (const m of addedMatches(ch, /\bpermit\s*\(\s*principal\s*,\s*action\s*,\s*resource\s*\)\s*(?:;|when\s*\{\s*true\s*\}\s*;)/g)) {
    out.added('content.rules-open', m, `\`${excerpt(m.text)}\`: permits every principal every action on every resource.`);
  }
  for (const m of removedMatches(ch, /\bforbid\s*\(/g)) out.removed('content.rules-open', m, 'a forbid policy was removed.');
}

function casbin(ch: Change, out: Findings): void {
  for (const m of addedMatches(ch, /^[ \t]*p\s*,\s*\*\s*,[^\n]*$/gm)) {
    out.added('content.rules-open', m, `\`${excerpt(m.text)}\`: grants a permission to every subject.`);
  }
  for (const m of addedMatches(ch, /^[ \t]*m\s*=\s*(?:true|1)\s*$|^[ \t]*m\s*=[^\n]*\|\|\s*true\b[^\n]*$/gm)) {
    out.added('content.rules-open', m, `\`${excerpt(m.text)}\`: the matcher lets every request through.`);
  }
}

export function policyEngines(ch: Change, out: Findings): void {
  const { ext, base } = ch.file;
  if (ext === 'rego') rego(ch, out);
  else if (ext === 'cedar' || ext === 'cedarpolicy') cedar(ch, out);
  else if ((ext === 'csv' && /policy|casbin|rbac|acl/.test(base)) || (ext === 'conf' && /\[matchers\]/.test(ch.after.text + (ch.wholeAfter?.text ?? '')))) casbin(ch, out);
}
