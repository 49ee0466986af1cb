// CORS opened to any origin together with credentials: any web page may then call the API with the visitor's
// cookies. The two halves are often apart (an `origin: true` here, `credentials: true` a few lines on, or in the
// part of the file an edit did not touch), so both are looked for in the whole new file when it is known. Any origin
// without credentials is a review at most.
import { addedMatches, changedText, excerpt, find, type Change, type Findings, type Match, type Side } from './change';

/** Any origin allowed, or the request's origin reflected back. */
const ORIGIN_ANY = new RegExp(
  [
    String.raw`Access-Control-Allow-Origin['"]?\s*\]?\s*(?:[,:=]|=>)\s*['"]\*['"]`,
    String.raw`Access-Control-Allow-Origin:\s*\*`,
    String.raw`Access-Control-Allow-Origin['"]?\s+['"]?(?:\*|\$http_origin)\b`,
    String.raw`["']key["']\s*:\s*["']Access-Control-Allow-Origin["']\s*,\s*["']value["']\s*:\s*["']\*["']`,
    String.raw`Access-Control-Allow-Origin['"]?\s*\]?\s*(?:[,:=]|=>)\s*(?:\w+\.)*(?:headers?|Header)\s*(?:\.get\s*\(|\[|\.|\.Get\s*\()\s*['"]?(?:[Oo]rigin|ORIGIN|HTTP_ORIGIN)['"]?`,
    String.raw`Access-Control-Allow-Origin['"]?\s*\]?\s*(?:[,:=]|=>)\s*\$_SERVER\s*\[\s*['"]HTTP_ORIGIN['"]\s*\]`,
    String.raw`\borigin['"]?\s*:\s*(?:true\b|['"]\*['"]|\/\^?\.[*+]\$?\/|\[\s*['"]\*['"]\s*\])`,
    String.raw`\borigin['"]?\s*:\s*(?:async\s*)?(?:\([^)]{0,200}\)|\w+)\s*=>\s*\{?\s*(?:return\s+)?(?:true\b|\w+\s*\(\s*null\s*,\s*(?:true|origin|requestOrigin|o|reqOrigin)\s*\))`,
    String.raw`\borigin['"]?\s*:\s*(?:async\s*)?\(\s*(?<ro>\w+)\s*(?:,[^)]{0,200})?\)\s*=>\s*\k<ro>\s*(?:[,})\n]|$)`,
    String.raw`\borigin['"]?\s*:\s*(?:async\s*)?function\s*\w*\s*\([^)]{0,200}\)\s*\{\s*(?:return\s+true|\w+\s*\(\s*null\s*,\s*(?:true|origin|requestOrigin|o|reqOrigin)\s*\))`,
    String.raw`\ballow_origins\s*=\s*\[\s*['"]\*['"]\s*\]|\ballow_origin_regex\s*=\s*r?['"]\^?\.[*+]\$?['"]`,
    String.raw`\borigins\s*=\s*(?:\[\s*)?['"]\*['"]|['"]origins['"]\s*:\s*(?:\[\s*)?['"]\*['"]`,
    String.raw`\bCORS_(?:ALLOW_ALL_ORIGINS|ORIGIN_ALLOW_ALL)\s*=\s*True\b|\bCORS_(?:ALLOWED_ORIGIN_REGEXES|ORIGIN_REGEX_WHITELIST)\s*=\s*[[(]\s*r?['"]\^?\.[*+]`,
    String.raw`\b(?:allowedOrigins|allowedOriginPatterns|addAllowedOrigin|addAllowedOriginPattern)\s*\(\s*"\*"|\bsetAllowedOrigin(?:s|Patterns)\s*\(\s*(?:List\.of|Arrays\.asList|Collections\.singletonList|listOf)\s*\(\s*"\*"`,
    String.raw`@CrossOrigin\s*\(\s*(?:origins\s*=\s*|value\s*=\s*)?"\*"|@CrossOrigin\s*\(\s*originPatterns\s*=\s*"\*"`,
    String.raw`\bAllowAnyOrigin\s*\(\s*\)|\bSetIsOriginAllowed\s*\(\s*(?:\(?\s*\w+\s*\)?\s*=>\s*true|_\s*=>\s*true)`,
    String.raw`\bAllowAllOrigins\s*:\s*true\b|\bAllow(?:ed)?Origins\s*:\s*\[\]string\s*\{\s*"\*"|\bAllowOriginFunc\s*:\s*func\s*\([^)]{0,200}\)\s*bool\s*\{\s*return\s+true|\bAllowedOrigins\s*\(\s*\[\]string\s*\{\s*"\*"`,
    String.raw`^\s*origins\s*\(?\s*(?:['"]\*['"]|\/\.\*\/)`,
    String.raw`['"]allowed_origins['"]\s*=>\s*\[\s*['"]\*['"]|['"]allowed_origins_patterns['"]\s*=>\s*\[\s*['"]\/?\^?\.\*`,
    String.raw`\ballow_any_origin\s*\(\s*\)|\bAllowOrigin::(?:any|mirror_request)\s*\(\s*\)|\bCors::permissive\s*\(\s*\)|\bCorsLayer::permissive\s*\(\s*\)`,
  ].join('|'),
  'gm',
);

/** Credentials allowed. */
const CREDENTIALS =
  /Access-Control-Allow-Credentials['"]?\s*\]?\s*(?:[,:=]|=>)\s*['"]?true|Access-Control-Allow-Credentials:\s*true|\bcredentials['"]?\s*:\s*true\b|\b(?:supports|allow)_credentials\s*=\s*True\b|\bCORS_ALLOW_CREDENTIALS\s*=\s*True\b|['"]supports_credentials['"]\s*=>\s*true\b|\b(?:allowCredentials|setAllowCredentials)\s*\(\s*true\s*\)|\ballowCredentials\s*=\s*"true"|\bAllowCredentials\s*\(\s*\)|\bAllowCredentials\s*:\s*true\b|\bsupports_credentials\s*\(\s*\)|\ballow_credentials\s*\(\s*true\s*\)|Access-Control-Allow-Credentials['"]?\s+['"]?true|["']key["']\s*:\s*["']Access-Control-Allow-Credentials["']\s*,\s*["']value["']\s*:\s*["']true["']/gm;

/** One spelling says both: Flask-CORS with credentials and no origins list, tower-http's very_permissive. */
const BOTH = /\bCORS\s*\((?![^)]{0,300}\borigins\b)[^)]{0,300}\bsupports_credentials\s*=\s*True|\bCorsLayer::very_permissive\s*\(\s*\)|@CrossOrigin\s*\((?![^)]{0,300}\b(?:origins|value|originPatterns)\b)[^)]{0,300}allowCredentials\s*=\s*"true"/gm;

function opened(s: Side | undefined): { any: boolean; creds: boolean } {
  if (!s) return { any: false, creds: false };
  const both = find(s, BOTH).length > 0;
  return { any: both || find(s, ORIGIN_ANY).length > 0, creds: both || find(s, CREDENTIALS).length > 0 };
}

export function corsOpen(ch: Change, out: Findings): void {
  if (!/origin|cors|credential/i.test(changedText(ch, 'after', 'code'))) return;
  const now = opened(ch.wholeAfter ?? ch.after);
  if (!now.any) return;
  const was = opened(ch.wholeBefore ?? ch.before);
  const both: Match[] = addedMatches(ch, BOTH);
  const origin: Match[] = addedMatches(ch, ORIGIN_ANY);
  const creds: Match[] = addedMatches(ch, CREDENTIALS);
  if (now.creds && !(was.any && was.creds)) {
    const m = both[0] ?? origin[0] ?? creds[0];
    if (m) out.added('content.cors-open', m, `${excerpt(m.text, 60)}: CORS lets any origin call with the user's credentials (cookies, auth headers).`);
    return;
  }
  if (!now.creds && origin[0]) out.added('content.cors-open', origin[0], `${excerpt(origin[0].text, 60)}: CORS allows any origin (without credentials).`, 'review');
}
