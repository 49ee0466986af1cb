// JWT verification turned off: signature checks disabled (`options={"verify_signature": False}`, `verify=False`,
// `JWT.decode(t, nil, false)`, `ValidateIssuerSigningKey = false`), the `none` algorithm allowed, expiry ignored,
// unverified parsing (`ParseUnverified`, `get_unverified_claims`, `parseClaimsJwt`), and a verifying call replaced
// by a decoding one before → after (`jwt.verify(…)` → `jwt.decode(…)`). Audience and issuer checks switched off are
// a review: the signature still holds.
import { addedMatches, excerpt, find, lineOf, lineText, type Change, type Findings } from './change';

interface Marker {
  re: RegExp;
  message: string;
  risk?: 'review';
}

const MARKERS: Marker[] = [
  { re: /['"]?verify_?signature['"]?\s*[:=]\s*(?:False|false|0)\b/gi, message: 'decodes the JWT without checking its signature.' },
  { re: /\bverify\s*=\s*False\b/g, message: 'decodes the JWT without verification (verify=False).' },
  { re: /\balgorithms?['"]?\s*[:=]\s*\[?[^\]\n]{0,200}['"]none['"]|\balg['"]?\s*:\s*['"]none['"]|\bAlgorithm\.none\s*\(|\bSigningMethodNone\b|\bUnsafeAllowNoneSignatureType\b|\bAlgorithm\.NONE\b|\bJWSAlgorithm\.NONE\b/gi, message: 'accepts unsigned JWTs (the "none" algorithm).' },
  { re: /\bignoreExpiration['"]?\s*:\s*true\b|['"]?verify_?exp(?:iration)?['"]?\s*(?:[:=]|=>)\s*(?:False|false|0)\b|\bValidateLifetime\s*=\s*false\b|\bRequireExpirationTime\s*=\s*false\b|\bvalidate_exp\s*=\s*false\b|\bWithoutClaimsValidation\s*\(|\bSkipClaimsValidation\s*:\s*true\b|\bskipExpirationCheck\s*\(|\bacceptExpiresAt\s*\(\s*(?:Long\.MAX_VALUE|\d{7,})/gi, message: 'accepts expired JWTs (expiry not checked).' },
  { re: /\bValidateIssuerSigningKey\s*=\s*false\b|\bRequireSignedTokens\s*=\s*false\b|\bSignatureValidator\s*=|\binsecure_disable_signature_validation\s*\(|\bParseUnverified\s*\(|\bget_unverified_claims\s*\(|\bparseUnsecuredClaims\s*\(|\bparseClaimsJwt\s*\(|\bparseUnsecuredJwt\s*\(|\bdecode_unverified\s*\(|\bunverified_?decode\s*\(/g, message: 'reads JWT claims without verifying the signature.' },
  { re: /\bJWT\.decode\s*\(\s*[^,()\s]{1,100}(?:\([^)]{0,100}\))?\s*,\s*[^,()\s]{1,100}\s*,\s*false\b|\bverify_signature\s*:\s*false\b/g, message: 'decodes the JWT without verification (JWT.decode(token, key, false)).' },
  { re: /\bValidate(?:Audience|Issuer)\s*=\s*false\b|['"]?verify_(?:aud|iss)['"]?\s*[:=]\s*(?:False|false)\b|\bvalidate_aud\s*=\s*false\b/gi, message: 'stops checking the JWT audience or issuer.', risk: 'review' },
];

/** Calls that verify a token's signature, and calls that only decode it (per the languages where that holds). */
const VERIFY_CALL = /\b(?:jwt|jsonwebtoken|jose|JWT|Jwt|jwtVerifier|verifier|JWTVerifier|JwtHelper)\s*\.\s*verify\w*\s*\(|\bjwtVerify\s*\(|\bverify(?:Jwt|JWT|Token|IdToken|AccessToken)\s*\(|\bparseClaimsJws\s*\(|\bparseSignedClaims\s*\(|\bverifyWith\s*\(|\bParseWithClaims\s*\(|\bjwt\.Parse\s*\(|\bJWT\.require\s*\(/g;
const DECODE_CALL = /\b(?:jwt|JWT|jsonwebtoken)\s*\.\s*decode\s*\(|\bjwtDecode\s*\(|\bjwt_decode\s*\(|\bdecodeJwt\s*\(|\bdecode(?:Token|JWT|Jwt)\s*\(/g;
/** In Python and Ruby `jwt.decode` verifies by default: only the options above disable it. */
const DECODE_VERIFIES = new Set(['py', 'pyw', 'rb']);

const JWT_LINE = /\bjwt\b|\bjose\b|\bdecode\s*\(/i;

export function jwtOff(ch: Change, out: Findings): void {
  for (const mk of MARKERS) {
    for (const m of addedMatches(ch, mk.re)) {
      if (mk.re.source.startsWith(String.raw`\bverify\s*=\s*False`) && !JWT_LINE.test(lineText(ch.after, lineOf(ch.after, m.index)))) continue;
      out.added('content.jwt-off', m, `${excerpt(m.text, 60)}: ${mk.message}`, mk.risk);
    }
  }
  if (!ch.before || DECODE_VERIFIES.has(ch.file.ext)) return;
  const verifiedBefore = find(ch.before, VERIFY_CALL).length;
  const verifiedAfter = find(ch.after, VERIFY_CALL).length;
  if (verifiedAfter >= verifiedBefore) return;
  for (const m of addedMatches(ch, DECODE_CALL)) {
    out.added('content.jwt-off', m, `${excerpt(m.text, 40)} replaces a verifying call: the JWT is read without checking its signature.`);
  }
}
