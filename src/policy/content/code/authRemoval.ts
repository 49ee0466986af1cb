// Authentication or authorization that a change removes or comments out: guard decorators and attributes
// (`@login_required`, `[Authorize]`, `@PreAuthorize`, `@UseGuards(AuthGuard)`), middleware on a router or a route
// (`app.use(requireAuth)`, `router.get('/x', ensureAuthenticated, h)`, `before_action :authenticate_user!`,
// `->middleware('auth')`, `Depends(get_current_user)`), guard base classes (`LoginRequiredMixin`), authorization
// calls inside a handler (`authorize @post`, `$this->authorize(…)`, `check_object_permissions`), and the deny
// branches themselves (`return res.status(401)`, `raise PermissionDenied`). A guard that leaves together with the
// endpoint it guarded (the whole function or route deleted) is not a loosening; a guard moved or renamed keeps the
// count and is not one either.
import { changedText, excerpt, find, lineOf, lineText, type Change, type Findings, type Match, type Side } from './change';

/** Identifiers that name a guard (case-insensitive). */
const AUTH_WORD = /auth(?!or)|login|get_current_\w+|current_(?:admin|account|member|principal|identity|staff|superuser)|token_required|(?:admin|staff|owner|member|user|session|scope|verified|mfa|otp)_required|httpBasic|basic_?auth|bearer|logged_?in|signed_?in|sign_?in|permission|perms?(?:_|$)|authori[sz]|jwt|guard|role|admin_required|staff_member|superuser|user_passes_test|access_?(?:required|control)|api_?key_required|verify_?(?:token|session|user|key)|verify_\w+|api_?key|current_?(?:active_?)?user|require_?(?:admin|auth|login|user|role|permission|scope|staff|owner|session|token)\w*|is_?admin|admin_?only|ensure_?\w*(?:auth|login|admin|user|permission)|session_required|acl(?:_|$)|rbac|protect_from_forgery|secured|enable\w*security|rolesallowed|requires_?(?:user|scopes?|claims)|denyall|csrf/i;
/** Guard-looking names that grant instead (or that are not guards at all). */
const NOT_GUARD = /not_?required|anonymous|public|permit_?all|allow_?any|skip|exempt|no_?auth|optional|bypass|disable|unauthenticated|without|throttl|rate_?limit|logout|signout|sign_?out|log_?out|logger|logging|author(?!i)/i;

/** A line that registers routes or middleware, declares guards, or lists them. */
const VERBS = 'get|post|put|patch|delete|del|all|options|head|route|any|GET|POST|PUT|PATCH|DELETE|Any|Get|Post|Put|Delete|Patch|Map\\w*';
const REGISTRAR = new RegExp(
  [
    // A route: on an app/router-like receiver, or with a path as its first argument.
    String.raw`\b(?:app|router|routes?|r|api|server|srv|mux|e|g|bp|blueprint|group|admin|v\d|fastify|instance|svc|endpoints?|engine|rg|authorized|protected|private)\s*\.\s*(?:${VERBS})\s*\(`,
    String.raw`\.\s*(?:${VERBS})\s*\(\s*['"\`]/`,
    // Middleware, guards and filters.
    String.raw`\.(?:use|Use|wrap|wrap_fn|layer|route_layer|Group|group|Handle|HandleFunc|With|middleware|register|addFilter\w*|useGlobalGuards|RequireAuthorization|UseAuthentication|UseAuthorization|addHook|oauth2ResourceServer|oauth2Login|httpBasic|formLogin|requestMatchers|antMatchers|mvcMatchers|pathMatchers|anyRequest|anyExchange|authorizeRequests|authorizeHttpRequests|authorizeExchange)\s*\(`,
    String.raw`\b(?:Depends|Security|before_action|before_filter|prepend_before_action|plug|pipe_through|append_before_action|around_action|middleware|canActivate|canLoad|canMatch|canActivateChild|preHandler|onRequest|beforeEnter|permission_classes|authentication_classes|APP_GUARD|MIDDLEWARE|middlewares|guards|decorators|method_decorators|dependencies)\b`,
  ].join('|'),
);

const DECORATOR_LINE = /^\s*(?:@|#\[|\[(?!\s*\])(?=[^\]=]*\]\s*$))/;
const CLASS_GUARD = /mixin|required|guard|authori[sz]e|authenticated|protected|secured|permission/i;
const CLASS_LINE = /^\s*(?:export\s+)?(?:public\s+|abstract\s+|final\s+)*class\s+\w+/;
const ARG_LINE = /^\s*(?:[\w.$!:]+(?:\([^()]*\))?|['"][^'"]*['"])[\s,)]*$/;
/** Guards named by a string: Laravel middleware names, Django/DRF dotted paths. */
const GUARD_STRING = /^(?:auth(?:[:.][\w,.-]+)?|can:.+|role:.+|permission:.+|abilities:.+|verified|password\.confirm|[\w.]*(?:Authentication|Authorization|Csrf|Auth|Login|Permission)\w*Middleware|[\w.]*permissions\.(?:IsAuthenticated|IsAdminUser|DjangoModelPermissions)\w*)$/;

const GUARD_STRING_HINT = /['"](?:auth|can:|role:|permission:|abilities:|verified|password\.confirm)|Middleware['"]|permissions\./;

/** A definition's name on a line, in most languages. */
const DEF_NAME = /\b(?:def|function|func|fn|fun|sub)\s+(?:\([^)]*\)\s*)?([A-Za-z_$][\w$]*[!?]?)|^\s*(?:(?:public|private|protected|internal|static|final|override|virtual|async|abstract|open|suspend|synchronized|export|default)\s+)*(?:[\w<>[\],.?]+\s+)?([A-Za-z_$][\w$]*)\s*\(|(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=/;

function defName(line: string): string | undefined {
  const m = DEF_NAME.exec(line);
  const name = m?.[1] ?? m?.[2] ?? m?.[3];
  if (!name || /^(?:if|for|while|switch|catch|return|await|new|else|elif|with|match|case)$/.test(name)) return undefined;
  return name;
}

interface Guard {
  /** Offset in the side's text. */
  index: number;
  text: string;
  line: number;
  /** What it guarded: a definition name or a route path, when that can be told. */
  target?: { kind: 'def' | 'route' | 'class'; name: string };
}

function isRegistrarNear(s: Side, k: number): boolean {
  for (let j = k; j >= Math.max(0, k - 6); j--) if (REGISTRAR.test(lineText({ ...s, text: s.views.code }, j))) return true;
  return false;
}

/** The definition a decorator line decorates: the next line that is not a decorator, blank or a comment. */
function decoratedTarget(s: Side, k: number): Guard['target'] {
  for (let j = k + 1; j < Math.min(s.starts.length, k + 12); j++) {
    const code = lineText({ ...s, text: s.views.code }, j);
    if (code.trim() === '' || DECORATOR_LINE.test(code)) continue;
    const name = defName(code);
    return name ? { kind: 'def', name } : undefined;
  }
  return undefined;
}

function routeTarget(code: string): Guard['target'] {
  const m = /['"`](\/[^'"`]*)['"`]/.exec(code);
  return m ? { kind: 'route', name: m[1]! } : undefined;
}

/** The function a line sits in: the nearest definition above (or on) it. */
function enclosingDef(s: Side, k: number): Guard['target'] {
  for (let j = k; j >= Math.max(0, k - 80); j--) {
    const code = lineText({ ...s, text: s.views.code }, j);
    if (/\b(?:def|function|func|fn|fun|sub)\b|=>|^\s*(?:(?:public|private|protected|internal|static|async)\s+)+/.test(code)) {
      const name = defName(code);
      if (name) return { kind: 'def', name };
    }
  }
  return undefined;
}

/** Every guard in protective position on one side. */
function guards(s: Side): Guard[] {
  const out: Guard[] = [];
  const codeLines = s.views.code.split('\n');
  const bareLines = s.views.bare.split('\n');
  for (let k = 0; k < codeLines.length; k++) {
    const code = codeLines[k]!;
    const bare = bareLines[k]!;
    if (code.trim() === '') continue;
    const decorator = DECORATOR_LINE.test(code);
    const klass = CLASS_LINE.test(code);
    const registrar = REGISTRAR.test(code);
    const argLine = !registrar && !decorator && ARG_LINE.test(code) && isRegistrarNear(s, k - 1);
    if (!decorator && !klass && !registrar && !argLine) continue;
    if (!decorator && !klass && /^\s*(?:def|function|func|fn|fun)\b/.test(code) && !/\b(?:Depends|Security)\s*\(/.test(code)) continue;
    const from = klass ? code.search(/class\s+\w+/) + (/class\s+\w+/.exec(code)?.[0].length ?? 0) : 0;
    let target: Guard['target'];
    if (klass) target = { kind: 'class', name: /class\s+(\w+)/.exec(code)![1]! };
    else if (decorator) target = decoratedTarget(s, k);
    else if (/\b(?:Depends|Security)\s*\(/.test(code)) target = enclosingDef(s, k);
    else target = routeTarget(code) ?? (argLine ? routeTarget(codeLines.slice(Math.max(0, k - 6), k).join('\n')) : undefined);
    const base = s.starts[k]!;
    const ident = /[A-Za-z_$][\w$]*[!?]?/g;
    const seen = new Set<number>();
    for (let m = ident.exec(bare); m; m = ident.exec(bare)) {
      if (m.index < from) continue;
      const word = m[0];
      if (!AUTH_WORD.test(word) || NOT_GUARD.test(word)) continue;
      // A base class is a guard only when it says so (LoginRequiredMixin, AuthGuard), not for any Auth… base.
      if (klass && !CLASS_GUARD.test(word)) continue;
      // A path segment ("/login") or a keyword argument's name is not a guard.
      if (/[/.-]$/.test(bare.slice(0, m.index)) && !/\w\.$/.test(bare.slice(0, m.index))) continue;
      if (/^\s*(?:=(?!=|>)|:(?!:))/.test(bare.slice(m.index + word.length)) && !decorator) continue;
      seen.add(m.index);
      out.push({ index: base + m.index, text: word, line: k, ...(target ? { target } : {}) });
    }
    for (const q of code.matchAll(/(['"])([^'"\n]+)\1/g)) {
      if (!GUARD_STRING.test(q[2]!)) continue;
      out.push({ index: base + q.index + 1, text: q[2]!, line: k, ...(target ? { target } : {}) });
    }
  }
  return out;
}

/** Authorization calls inside code and the deny branches themselves. */
const AUTH_CALL =
  /\b(?:authorize!?|authorize_\w+|check_?(?:object_?)?permissions?|has_?perms?|has_?permission|require_?\w*(?:auth|login|permission|role|admin|scope)\w*|ensure_?\w*(?:auth|login|logged|permission|admin)\w*|deny_?access\w*|denyAccessUnlessGranted|assert_?\w*(?:auth|permission|access|admin|can)\w*|verify_?(?:jwt\w*|token|session|access|auth\w*|permission\w*)|validate_?(?:token|jwt|session|access)|checkJwt|isAuthenticated|is_authenticated|require_login|authenticate!|isGranted|is_granted|current_user_can|user_can|verify_authorized|policy_scope|Gate::(?:authorize|allows|denies))\s*\(|\bauthorize!?\s+[@:]\w+|\bcan(?:not)?\?\s*\(?\s*:\w+|\bauthenticate_\w+!|\bhttp_basic_authenticate_with\b|\bauthenticate_or_request_with_http_\w+/gi;
const DENY =
  /\b(?:status\s*\(\s*40[13]\s*\)|status(?:Code)?\s*:\s*40[13]\b|new\s+(?:Response|NextResponse)\s*\(\s*['"](?:Unauthorized|Forbidden)|sendStatus\s*\(\s*40[13]\s*\)|abort\s*\(\s*40[13]\b|raise\s+(?:PermissionDenied|NotAuthenticated|AuthenticationFailed|Unauthorized|Forbidden|HTTPException\s*\(\s*(?:status_code\s*=\s*)?(?:40[13]|status\.HTTP_40[13]\w*))|throw\s+new\s+\w*(?:Unauthorized|Forbidden|AccessDenied|NotAuthorized|Authentication)\w*|(?:HttpStatus|StatusCodes|HttpStatusCode|http)\.(?:UNAUTHORIZED|FORBIDDEN|Status(?:Unauthorized|Forbidden)|Unauthorized|Forbidden)\b|HTTP_40[13]_\w+|head\s+:(?:unauthorized|forbidden)|render_40[13]|(?:return\s+)?(?:Unauthorized|Forbid|Challenge)\s*\(\s*\)|[Uu]nauthori[sz]ed\s*\(|redirect_to\s+(?:new_\w*session_path|login_path|login_url|sign_in_path)|redirect\s*\([^)\n]{0,200}?['"][^'"\n]{0,200}(?:login|signin|sign-in|sign_in|\/auth)|AccessDeniedException|PermissionDenied|not_authorized|permission_denied)/g;

function messageFor(g: Guard, live: string, commentedOut: boolean): string {
  const how = commentedOut ? 'commented out' : 'removed';
  const what = excerpt(live.trim() || g.text, 70);
  if (g.target?.kind === 'class') return `\`${g.text}\` ${how} from class \`${g.target.name}\` (${what}): authentication or authorization dropped.`;
  if (g.target?.kind === 'def') return `\`${g.text}\` ${how} from \`${g.target.name}\` (${what}): authentication or authorization dropped.`;
  if (g.target?.kind === 'route') return `\`${g.text}\` ${how} from route ${g.target.name} (${what}): authentication or authorization dropped.`;
  return `\`${g.text}\` ${how} (${what}): authentication or authorization dropped.`;
}

/** Whether `target` still exists in the new text (so the guard was taken off it rather than deleted with it). */
function targetSurvives(ch: Change, t: Guard['target']): boolean {
  if (!t) return true;
  if (t.kind === 'class') return new RegExp(`\\bclass\\s+${t.name}\\b`).test(ch.after.views.code);
  if (t.kind === 'def') return new RegExp(`(?<![\\w$])${t.name.replace(/[$!?]/g, (c) => `\\${c}`)}(?![\\w$])`).test(ch.after.views.bare);
  return ch.after.views.code.includes(t.name);
}

function wasCommentedOut(ch: Change, line: string): boolean {
  const t = line.trim();
  if (t.length < 3) return false;
  const at = ch.after.text.indexOf(t);
  return at >= 0 && ch.after.views.code.slice(at, at + t.length).trim() === '';
}

/** Guards present before and gone after (taking off the surviving ones the deleted endpoints account for). */
function lostGuards(ch: Change, before: Guard[], after: Guard[]): Guard[] {
  const candidates = before.filter((g) => ch.removed.has(g.line));
  if (candidates.length === 0) return [];
  const withTarget = candidates.filter((g) => targetSurvives(ch, g.target));
  const goneWithEndpoint = candidates.length - withTarget.length;
  const deficit = before.length - goneWithEndpoint - after.length;
  return deficit > 0 ? withTarget.slice(0, deficit) : [];
}

function callGuards(s: Side, re: RegExp): Guard[] {
  return find(s, re, 'code').map((m: Match) => {
    const line = lineOf(s, m.index);
    const target = enclosingDef(s, line);
    return { index: m.index, text: m.text.trim(), line, ...(target ? { target } : {}) };
  });
}

/** Next.js middleware that authenticates: each path dropped from its `matcher` is a path no longer checked. */
function nextMatcher(ch: Change, out: Findings): void {
  if (!/(?:^|\/)middleware\.[jt]s$/.test(ch.file.path) || !ch.before) return;
  const whole = (ch.wholeAfter ?? ch.after).text + (ch.wholeBefore ?? ch.before).text;
  if (!/auth|token|session|clerk|getToken|withAuth|jwt|login|signin/i.test(whole)) return;
  const paths = (s: Side) => {
    const m = /\bmatcher\s*:\s*(\[[^\]]*\]|['"`][^'"`]*['"`])/.exec(s.views.code);
    if (!m) return undefined;
    const at = m.index + m[0].length - m[1]!.length;
    return [...m[1]!.matchAll(/(['"`])([^'"`]+)\1/g)].map((q) => ({ path: q[2]!, index: at + q.index }));
  };
  const was = paths(ch.before);
  const now = paths(ch.after);
  if (!was || !now) return;
  const kept = new Set(now.map((p) => p.path));
  for (const p of was) {
    if (kept.has(p.path)) continue;
    out.removed('content.auth-removed', { index: p.index, text: p.path, groups: [] }, `\`${p.path}\` removed from the middleware matcher: those paths skip the authentication middleware.`);
  }
}

export function authRemoval(ch: Change, out: Findings): void {
  nextMatcher(ch, out);
  if (!ch.before) return;
  // Only removed lines can lose a guard: nothing guard-like among them, nothing to do.
  const removed = changedText(ch, 'before', 'code');
  if (!AUTH_WORD.test(removed) && !GUARD_STRING_HINT.test(removed) && !new RegExp(DENY.source).test(removed) && !new RegExp(AUTH_CALL.source, 'i').test(removed)) return;
  const reported = new Set<number>();
  const report = (lost: Guard[], kind: string) => {
    for (const g of lost) {
      if (reported.has(g.line)) continue;
      reported.add(g.line);
      const live = lineText(ch.before!, g.line);
      const msg = kind === 'guard' ? messageFor(g, live, wasCommentedOut(ch, live)) : `${kind} ${wasCommentedOut(ch, live) ? 'commented out' : 'removed'}${g.target ? ` from \`${g.target.name}\`` : ''} (${excerpt(live, 70)}).`;
      out.removed('content.auth-removed', { index: g.index, text: g.text, groups: [] }, msg);
    }
  };
  report(lostGuards(ch, guards(ch.before), guards(ch.after)), 'guard');
  report(lostGuards(ch, callGuards(ch.before, AUTH_CALL), callGuards(ch.after, AUTH_CALL)), 'Authorization check');
  report(lostGuards(ch, callGuards(ch.before, DENY), callGuards(ch.after, DENY)), 'Access-denied branch');
}
