// Masks secret values before anything reaches the audit log. `redact(value)` walks strings, arrays and plain
// objects (deeply) and returns a redacted copy; other values pass through. Well-known token formats keep their
// recognisable prefix (`ghp_[REDACTED]`, `AKIA[REDACTED]`) so a reader still knows what kind of secret was there.
// Idempotent: redacting twice changes nothing. Errs on the side of masking: a false positive costs a little
// context in the log, a false negative leaks a credential into a file that is kept forever.

export const MASK = '[REDACTED]';

interface Pattern {
  re: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const keepPrefix = (_m: string, prefix: string) => `${prefix}${MASK}`;
const hasDigit = /[0-9]/;

const PATTERNS: Pattern[] = [
  // PEM private keys (RSA, EC, OPENSSH, ENCRYPTED, PGP … BLOCK); an unterminated block (a capped summary) is masked to the end.
  {
    re: /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----[\s\S]*?(?:-----END \1-----|$)/g,
    replace: (_m, label) => `-----BEGIN ${label}-----${MASK}-----END ${label}-----`,
  },
  // JWTs: base64url header and payload both start with `{"` = eyJ.
  { re: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, replace: () => `eyJ${MASK}` },
  // GitHub classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained tokens.
  { re: /\b(gh[pousr]_)[A-Za-z0-9]{30,}/g, replace: keepPrefix },
  { re: /\b(github_pat_)[A-Za-z0-9_]{20,}/g, replace: keepPrefix },
  // Slack bot/user/app/refresh tokens.
  { re: /\b(xox[abposre]-|xapp-)[A-Za-z0-9-]{8,}/g, replace: keepPrefix },
  // Stripe secret and restricted keys (publishable pk_ keys are public by design).
  { re: /\b((?:sk|rk)_(?:live|test)_)[A-Za-z0-9]{8,}/g, replace: keepPrefix },
  // Google API keys.
  { re: /\b(AIza)[0-9A-Za-z_-]{30,}/g, replace: keepPrefix },
  // Anthropic, then OpenAI (project, service-account, admin and legacy) keys; a digit rules out prose like sk-learn-…
  { re: /\b(sk-ant-)[A-Za-z0-9_-]{16,}/g, replace: keepPrefix },
  {
    re: /\b(sk-(?:proj-|svcacct-|admin-)?)([A-Za-z0-9_-]{20,})/g,
    replace: (m, prefix, body) => (hasDigit.test(body) ? `${prefix}${MASK}` : m),
  },
  // AWS access key ids (long-term AKIA, temporary ASIA and the other IAM unique-id prefixes).
  { re: /\b(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA|ASCA)[A-Z0-9]{16}\b/g, replace: keepPrefix },
  // AWS secret access keys: 40 base64 characters, after a name that says so (`set aws_secret_access_key X`,
  // "SecretAccessKey": "X"), or on their own when mixed case with digits and no `/` (git SHAs are lowercase hex,
  // and paths must stay readable).
  {
    re: /\b((?:aws_?)?secret_?access_?key\W{1,5})([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    replace: (_m, head) => `${head}${MASK}`,
  },
  {
    re: /(?<![A-Za-z0-9/+=])[A-Za-z0-9+]{40}(?![A-Za-z0-9/+=])/g,
    replace: (m) => (/[a-z]/.test(m) && /[A-Z]/.test(m) && /[0-9]/.test(m) ? MASK : m),
  },
  // Passwords in URL userinfo: scheme://user:password@host.
  { re: /\b([a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:)([^\s@/]+)@/gi, replace: (_m, head) => `${head}${MASK}@` },
  // HTTP authorization values.
  { re: /\b(Bearer)(\s+)[A-Za-z0-9._~+/-]{12,}=*/gi, replace: (_m, scheme, sp) => `${scheme}${sp}${MASK}` },
  {
    re: /\b(Basic)(\s+)([A-Za-z0-9+/]{8,}=*)/g,
    replace: (m, scheme, sp, value) => (/[0-9=+/]/.test(value) ? `${scheme}${sp}${MASK}` : m),
  },
  // NAME=value, NAME: value, "NAME": "value", --NAME=value (env files, YAML, JSON, TOML, shell, CLI flags).
  {
    // Quotes may be backslash-escaped: JSON inside a shell command (curl -d "{\"password\":\"…\"}").
    re: /(\\?["']?)\b([A-Za-z][A-Za-z0-9_.-]*)(\\?["']?)([ \t]*[:=][ \t]*)(?!=)(\\?"[^"\n]*"|\\?'[^'\n]*'|[^\s"',;&|(){}[\]\\]+(?=[\s"',;&|)}\]\\]|$))/g,
    replace: (m, open, name, close, sep, value) => (isSecretName(name) && isLiteral(value) ? `${open}${name}${close}${sep}${maskValue(value)}` : m),
  },
  // --password VALUE, --token VALUE (the flag names a secret and its value follows after a space).
  {
    re: /(--?[A-Za-z][A-Za-z0-9-]*)([ \t]+)("[^"\n]*"|'[^'\n]*'|[^\s"'-][^\s"']*)/g,
    replace: (m, flag, sp, value) => (isSecretFlag(flag) && isLiteral(value) ? `${flag}${sp}${maskValue(value)}` : m),
  },
];

/** Words that make a whole name secret wherever they appear (PGPASSWORD, client_secret, SecretAccessKey). */
const SECRET_SUBSTRINGS = /passw(?:or)?d|secret|passphrase|credential/;
/** Words that make a name secret only as a whole component (token but not max_tokens; pwd but not cwd). */
const SECRET_COMPONENTS = new Set(['token', 'pwd', 'apikey', 'privatekey', 'accesskey', 'secretkey', 'auth', 'authorization', 'pat']);
/** `…_key` names that are identifiers, not credentials. */
const PUBLIC_KEY_QUALIFIERS = new Set(['public', 'primary', 'foreign', 'sort', 'partition', 'cache', 'hash', 'unique', 'idempotency', 'row', 'map', 'lookup']);

function components(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_.-]+/)
    .filter(Boolean);
}

/** Whether a variable, key or setting name says its value is a secret. Exported so callers mask by key the same way. */
export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  if (SECRET_SUBSTRINGS.test(lower)) return true;
  const parts = components(name);
  if (parts.some((p) => SECRET_COMPONENTS.has(p))) return true;
  const last = parts[parts.length - 1];
  if (last === 'key' || last === 'keys') return !PUBLIC_KEY_QUALIFIERS.has(parts[parts.length - 2] ?? '');
  return false;
}

function isSecretFlag(flag: string): boolean {
  const name = flag.replace(/^-+/, '');
  // --password-stdin / --token-file name where the secret is, not the secret itself.
  if (/-(?:stdin|file|path|env|command|cmd)$/i.test(name)) return false;
  return isSecretName(name);
}

/** A quoted value (quotes possibly backslash-escaped) and its content. */
const QUOTED = /^(\\?["'])([\s\S]*)\1$/;

/** A literal value, not a reference to one ($VAR, ${{ secrets.X }}, %VAR%), not empty, not already masked. */
function isLiteral(value: string): boolean {
  const inner = (QUOTED.exec(value)?.[2] ?? value).trim();
  if (inner === '' || inner.includes('[REDACTED')) return false;
  if (/^(?:\$|%[A-Za-z_]|\{\{|<)/.test(inner)) return false;
  // Keywords, and the scheme word of `Authorization: Bearer …` (the token after it is masked on its own).
  return !/^(?:true|false|null|none|undefined|bearer|basic|digest|token)$/i.test(inner);
}

function maskValue(value: string): string {
  const q = QUOTED.exec(value);
  return q ? `${q[1]}${MASK}${q[1]}` : MASK;
}

/** Masks secrets inside one string. */
export function redactString(text: string): string {
  let out = text;
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    out = out.replace(p.re, p.replace as (substring: string, ...args: unknown[]) => string);
  }
  return out;
}

const MAX_DEPTH = 64;

function walk(value: unknown, depth: number, secretKey: boolean): unknown {
  if (typeof value === 'string') return secretKey && isLiteral(value) ? MASK : redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return MASK; // a structure this deep is not an audit entry; do not risk leaking it
  if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1, secretKey));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value; // Dates, Buffers…: not JSON strings we own
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = walk(v, depth + 1, isSecretName(k));
  return out;
}

/** A redacted deep copy of `value` (strings anywhere inside; string values under secret-named keys are masked whole). */
export function redact<T>(value: T): T {
  return walk(value, 0, false) as T;
}
