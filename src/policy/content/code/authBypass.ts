// Authentication or authorization switched off by what a change adds: markers that open an endpoint
// (`[AllowAnonymous]`, `permitAll()`, DRF `AllowAny`, `@Public()`, `@csrf_exempt`, `skip_before_action
// :authenticate_user!`, `withoutMiddleware('auth')`), flags (`auth: false`, `DISABLE_AUTH = True`), conditions made
// always true (`if (user.isAdmin || true)`), and guard functions whose body now starts by allowing everything
// (`def has_permission(…): return True`, `canActivate() { return true }`, a middleware that just calls `next()`).
import { addedMatches, changedText, excerpt, lineOf, lineText, type Change, type Findings, type Side } from './change';

interface Marker {
  re: RegExp;
  message: string;
  risk?: 'review';
  /** Only in these file types (default: code). */
  config?: boolean;
}

const MARKERS: Marker[] = [
  { re: /\bAllowAnonymous\b/g, message: 'opens the endpoint to anonymous users (AllowAnonymous).' },
  { re: /\bAllowAny\b/g, message: 'lets anyone call the view (AllowAny).' },
  { re: /\bpermitAll\s*\(|@PermitAll\b/g, message: 'permits every request without authentication (permitAll).' },
  { re: /\.\s*ignoring\s*\(\s*\)/g, message: 'takes requests out of Spring Security entirely (web.ignoring()).' },
  {
    re: /^[ \t]*(?:@|#\[|\[)[ \t]*(?:[\w.]*\.)?(?:Public|IsPublic|PublicRoute|PublicEndpoint|PublicApi|SkipAuth\w*|NoAuth\w*|Anonymous|AllowUnauthenticated|Unauthenticated|AuthExempt|Unprotected|WithoutAuth\w*|OptionalAuth|login_not_required|public_route|public_endpoint|no_auth\w*|skip_auth\w*|auth_exempt|unauthenticated|jwt_optional|allow_unauthenticated|IgnoreAntiforgeryToken|SkipThrottle(?!\w))\b/gm,
    message: 'marks the handler public: it skips authentication.',
  },
  { re: /SetMetadata\s*\(\s*['"](?:isPublic|public|skipAuth|IS_PUBLIC_KEY)['"]\s*,\s*true|SetMetadata\s*\(\s*IS_PUBLIC_KEY\s*,\s*true/g, message: 'marks the handler public: it skips authentication.' },
  { re: /\bcsrf_exempt\b|@csrf\.exempt\b/g, message: 'turns CSRF protection off for the view (csrf_exempt).' },
  { re: /\.?\bcsrf\s*\(\s*\)\s*\.\s*disable\s*\(|\bcsrf\s*\(\s*(?:\w+\s*->\s*\w+\s*\.\s*disable\s*\(\s*\)|\w+\s*::\s*disable)\s*\)|\bcsrf\s*\{\s*(?:it\.)?disable\s*\(\s*\)\s*\}/g, message: 'turns CSRF protection off (csrf().disable()).' },
  { re: /\bskip_(?:before|around)_(?:action|filter)\s+:(?:authenticate\w*!?|require_\w+|authorize\w*|verify_authenticity_token|check_\w+|ensure_\w+|logged_in\w*|login_required|doorkeeper_authorize!)/g, message: 'skips the authentication or CSRF filter for this controller.' },
  { re: /\bskip_authorization(?:_check)?\b|\bskip_after_action\s+:verify_(?:authorized|policy_scoped)|\bskip_forgery_protection\b/g, message: 'skips the authorization or CSRF check.' },
  { re: /\bprotect_from_forgery\s+with:\s*:null_session\b/g, message: 'relaxes CSRF protection (null_session).', risk: 'review' },
  { re: /withoutMiddleware\s*\(\s*\[?\s*(?:['"](?:auth|can|role|permission|verified)\b|\\?[\w\\]*(?:Authenticate|VerifyCsrfToken|Authorize)\w*::class)/g, message: 'removes the authentication middleware from the route (withoutMiddleware).' },
  { re: /\$except\s*=\s*\[\s*['"]\*['"]/g, message: 'exempts every route from CSRF verification.' },
  { re: /\b(?:permission_classes|authentication_classes)\s*=\s*(?:\[\s*\]|\(\s*\))|@(?:permission_classes|authentication_classes)\s*\(\s*(?:\[\s*\]|\(\s*\))\s*\)|['"]DEFAULT_(?:PERMISSION|AUTHENTICATION)_CLASSES['"]\s*:\s*(?:\[\s*\]|\(\s*\))/g, message: 'empties the authentication/permission classes: anyone may call.' },
  { re: /\bauth\s*:\s*\{[^}]{0,200}\bmode\s*:\s*['"](?:optional|try)['"]/g, message: 'makes authentication optional for the route.' },
  { re: /\bcredentialsRequired\s*:\s*false\b/g, message: 'lets requests without a token through (credentialsRequired: false).' },
  { re: /\b(?:jwt_required|login_required|verify_jwt_in_request)\s*\(\s*optional\s*=\s*True/g, message: 'makes authentication optional (optional=True).' },
  {
    re: /\b(?:auth|authn|authz|authenticate|authentication|authorization|authorize|auth_?required|require_?auth\w*|requires_?auth\w*|login_?required|auth_?enabled|enable_?auth\w*|check_?auth\w*|verify_?auth\w*|authentication_?required|use_?auth|with_?auth|auth_?check|security_?enabled|enable_?security|secure_?routes?)['"]?\s*(?:[:=]|=>)\s*['"]?(?:false|no|off|0|disabled)\b(?!\s*[=<>!])/gi,
    message: 'switches authentication off.',
    config: true,
  },
  {
    re: /\b(?:disable|skip|bypass|no|ignore|without)[_-]?(?:auth\w*|authn|authz|authentication|authorization|login|permissions?|permission_?checks?|acl|rbac|security|access_?control)['"]?\s*(?:[:=]|=>)\s*['"]?(?:true|yes|on|1)\b/gi,
    message: 'switches authentication or authorization off.',
    config: true,
  },
  {
    re: /\b(?:allow_?anonymous\w*|anonymous_?(?:access|enabled)|allow_?unauthenticated\w*|public_?access|auth_?optional|optional_?auth|allow_?all_?users)['"]?\s*(?:[:=]|=>)\s*['"]?(?:true|yes|on|1)\b/gi,
    message: 'lets unauthenticated users in.',
    config: true,
  },
  { re: /\b(?:auth\w*|security|authentication|authorization)['"]?\s*:\s*\{\s*['"]?(?:enabled|enable|required)['"]?\s*:\s*false\b|^([ \t]*)(?:auth\w*|authentication|authorization|security)\s*:\s*\n\1[ \t]+(?:enabled|enable|required)\s*:\s*false\b|\b(?:security|auth\w*|authentication|authorization)\.(?:enabled|enable|required)\s*[=:]\s*false\b/gim, message: 'switches authentication off.', config: true },
  { re: /\b\w*csrf\w*?(?:_?enabled|_?protection|_?check\w*)['"]?\]?\s*(?:[:=]|=>)\s*['"]?(?:false|off|0)\b/gi, message: 'turns CSRF protection off.', config: true },
  { re: /^\s*security\s*:\s*\[\s*\]/gm, message: 'removes the security requirement from the API operation (security: []).', risk: 'review', config: true },
];

const DJANGO: Marker[] = [
  { re: /^\s*DEBUG\s*=\s*True\b/gm, message: 'turns Django debug mode on (tracebacks and settings shown to visitors).', risk: 'review' },
  { re: /^\s*ALLOWED_HOSTS\s*=\s*\[\s*['"]\*['"]/gm, message: 'accepts any Host header (ALLOWED_HOSTS = ["*"]).', risk: 'review' },
];

/** Words that make a condition about who may do something. */
const AUTH_COND = /admin|auth|permi|perm\b|role|allowed|owner|logged|login|access|token|session|verif|valid|staff|superuser|is_?member|can[A-Z_]|\bcan\b|user|scope|privilege|grant/i;
const TAUTOLOGY = /\|\|\s*(?:true|1|!0|1\s*===?\s*1)\b|\b(?:true|1)\s*\|\||\bor\s+(?:True|1\s*==\s*1)\b|\bTrue\s+or\b|&&\s*false\b|\bfalse\s*&&|\band\s+False\b|\bFalse\s+and\b|\bif\s*\(?\s*(?:true|True|1)\s*\)?\s*(?:\{|:|then\b|$)|\bunless\s+false\b/g;

/** Names of functions that decide whether to let someone in. */
const GUARD_FN =
  /permission|authori[sz]|authenticat|can_?activate|is_?allowed|check_?access|has_?access|can_?access|access_?check|is_?admin|has_?(?:any_?)?role|check_?role|require_?\w*auth|auth_?(?:middleware|guard|check|required|filter|handler)|ensure_?\w*(?:auth|logged|login)|is_?logged_?in|verify_?(?:token|jwt|session|signature|password|user|api_?key|request|auth\w*|access|credentials)|validate_?(?:token|jwt|session|signature|api_?key|access|credentials)|check_?(?:token|jwt|password|auth\w*|permission\w*|login|credentials)|is_?valid_?(?:token|session|signature|user|password)|is_?owner|check_?server_?trusted|^vote$|^decide$|^authorize$|^can$|^verify$|requireAuth|ensureAuth|isAuthenticated|checkJwt|login_required|jwt_required/i;
/** Files whose every public method is an authorization decision (Pundit/Laravel policies, Symfony voters, guards). */
const POLICY_FILE = /\/polic(?:y|ies)\/|Policy\.\w+$|Voter\.\w+$|Guard\.\w+$|_policy\.\w+$|\.guard\.\w+$/i;
const NOT_DECISION = /^(?:__construct|constructor|initialize|__init__|new|handle)$/;
const NEG_FN = /expired|revoked|blocked|banned|denied|forbidden|locked|blacklist|suspended|invalid|disabled|anonymous|is_?guest/i;

const FN_HEAD =
  /\b(?:def|function\*?|func|fn|fun|sub)\s+(?:\([^)]*\)\s*)?([A-Za-z_$][\w$]*)\s*[<(]|^[ \t]*(?:(?:public|private|protected|internal|static|final|override|virtual|async|abstract|open|suspend|synchronized|export|default)\s+)*(?:[\w<>[\],.?]+\s+)?([A-Za-z_$][\w$]*)\s*\((?=[^;\n]{0,300}\)\s*(?::\s*[^{\n]{1,120})?\s*(?:throws\s+[\w., ]+)?\s*\{)|\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]{1,120})?=\s*(?:async\s*)?(?:function\b[^(\n]{0,80}\(|\(|[A-Za-z_$][\w$]*\s*=>)|^[ \t]*([A-Za-z_$][\w$]*)\s*[:=]\s*(?:async\s*)?\([^)\n]{0,300}\)\s*=>/gm;

const ALLOW_ALL = /^(?:return\s+(?:true|True|TRUE|YES|1|Ok\(\s*true\s*\)|ACCESS_GRANTED|AccessDecisionVoter\.ACCESS_GRANTED|AuthorizationResult\.Success\(\s*\)|new\s+AuthorizationDecision\(\s*true\s*\)|Mono\.just\(\s*true\s*\)|Promise\.resolve\(\s*true\s*\)|Task\.FromResult\(\s*true\s*\)|AuthorizationResult\.success\(\s*\))(?![\w.(])|true\b\s*$)/;
const PASS_THROUGH = /^(?:return\s+(?:await\s+)?(?:next|call_next|get_response|handler|nxt)\s*\(|(?:await\s+)?next\s*\(\s*\)|return\s+next\s*;?\s*$|next\.ServeHTTP\s*\(|return\s+(?:next|handler|h)\s*$|return\s+(?:c\.)?Next\s*\(|c\.Next\s*\(\s*\))/;
const DENY_NONE = /^return\s+(?:false|False|FALSE|NO|0)\b/;

const ALLOWISH_LINE = /^\s*(?:true\s*$|return\s+(?:await\s+)?(?:true|True|TRUE|YES|1|Ok|ACCESS_GRANTED|\w+\.ACCESS_GRANTED|AuthorizationResult|new\s+AuthorizationDecision|Mono\.just|Promise\.resolve|Task\.FromResult|next|call_next|get_response|handler|nxt|h|c\.Next|nil|false|False|FALSE|NO|0)\b|(?:await\s+)?next\s*\(|next\.ServeHTTP|c\.Next)|=>\s*(?:true|next)\b|\{\s*return\s+true\b/m;

/** The first statement of the body that starts at or after `from` (after the signature's `)`). */
function firstStatement(code: string, from: number, python: boolean): { text: string; index: number } | undefined {
  // Skip the parameter list.
  let depth = 0;
  let i = code.indexOf('(', from);
  if (i < 0) return undefined;
  // Bounded: a signature longer than this is not read (keeps hostile one-line inputs linear).
  const stop = Math.min(code.length, i + 2000);
  for (; i < stop; i++) {
    const c = code[i];
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) break;
  }
  if (i >= stop) return undefined;
  const rest = code.slice(i + 1, i + 1 + 600);
  let open: RegExpExecArray | null;
  if (python) open = /^[^:\n]*:/.exec(rest);
  else open = /^[^{;]{0,200}?(?:=>\s*\{?|\{)/.exec(rest);
  if (!open) return undefined;
  let j = open[0].length;
  while (j < rest.length && /[\s{]/.test(rest[j]!)) j++;
  const end = rest.slice(j).search(/[\n;]|}\s*$/);
  const text = rest.slice(j, end < 0 ? rest.length : j + end).trim();
  return text ? { text, index: i + 1 + j } : undefined;
}

interface GuardFn {
  name: string;
  statement: string;
  index: number;
}

function guardFunctions(s: Side, ext: string, path: string): GuardFn[] {
  const out: GuardFn[] = [];
  const code = s.views.code;
  const python = ext === 'py' || ext === 'pyw';
  const policyFile = POLICY_FILE.test(path);
  const isGuard = (name: string) => GUARD_FN.test(name) || (policyFile && !NOT_DECISION.test(name));
  if (ext === 'rb') {
    // Ruby: `def update?` then the body on the next lines; the last (here: only) expression is the answer.
    for (const m of code.matchAll(/^[ \t]*def\s+(?:self\.)?([\w]+[?!]?)[ \t]*(?:\([^)]*\))?[ \t]*\n[ \t]*([^\n]*)/gm)) {
      const name = m[1]!;
      if (!isGuard(name) && !(policyFile && name.endsWith('?'))) continue;
      const body = m[2]!.trim();
      out.push({ name, statement: body === 'true' ? 'return true' : body, index: m.index + m[0].length - m[2]!.length + (m[2]!.length - m[2]!.trimStart().length) });
    }
    return out;
  }
  const re = new RegExp(FN_HEAD.source, FN_HEAD.flags);
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const name = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (!name || !isGuard(name)) continue;
    const st = firstStatement(code, m.index + m[0].length - 1, python);
    if (st) out.push({ name, statement: st.text.replace(/;$/, ''), index: st.index });
  }
  return out;
}

function allowsAll(fn: GuardFn, ext: string): boolean {
  if (NEG_FN.test(fn.name)) return DENY_NONE.test(fn.statement);
  if (ALLOW_ALL.test(fn.statement)) return true;
  if (/middleware|require|ensure|auth_?guard|guard$|filter|handler|check_?jwt|checkJwt|jwt_required|login_required/i.test(fn.name) && PASS_THROUGH.test(fn.statement)) return true;
  return ext === 'go' && /verify|validate|check|authori[sz]e|authenticate/i.test(fn.name) && /^return\s+nil\s*$/.test(fn.statement);
}

export function authBypass(ch: Change, out: Findings, code: boolean): void {
  const markers = [...MARKERS.filter((m) => code || m.config), ...(code && /(^|\/)settings[^/]*\.py$|\/settings\/[^/]+\.py$/.test(ch.file.path) ? DJANGO : [])];
  for (const mk of markers) {
    for (const m of addedMatches(ch, mk.re)) out.added('content.auth-removed', m, `${excerpt(m.text, 60)}: ${mk.message}`, mk.risk);
  }
  if (!code) return;
  // Conditions about access made always true (or always false for the deny branch).
  const authLine = (m: { index: number }, s: Side) => AUTH_COND.test(lineText({ ...s, text: s.views.bare }, lineOf(s, m.index)));
  for (const m of addedMatches(ch, TAUTOLOGY, 'code', authLine)) {
    const line = lineText(ch.after, lineOf(ch.after, m.index));
    out.added('content.auth-removed', m, `\`${excerpt(line, 70)}\`: the access check is made always true.`);
  }
  // Guard functions whose body now starts by letting everyone through (only when an added line could be that body).
  if (!ALLOWISH_LINE.test(changedText(ch, 'after', 'code'))) return;
  const was = ch.before ? guardFunctions(ch.before, ch.file.ext, ch.file.path) : [];
  for (const fn of guardFunctions(ch.after, ch.file.ext, ch.file.path)) {
    if (!allowsAll(fn, ch.file.ext)) continue;
    if (was.some((w) => w.name === fn.name && w.statement === fn.statement)) continue;
    if (!ch.added.has(lineOf(ch.after, fn.index))) continue;
    out.added('content.auth-removed', { index: fn.index, text: fn.statement, groups: [] }, `\`${fn.name}\` now starts with \`${excerpt(fn.statement, 40)}\`: the check lets everyone through.`);
  }
}
