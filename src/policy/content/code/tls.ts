// TLS certificate or hostname verification turned off by what a change adds, in every language's spelling:
// `verify=False`, unverified SSL contexts, `CERT_NONE`, `rejectUnauthorized: false`, `NODE_TLS_REJECT_UNAUTHORIZED=0`,
// `InsecureSkipVerify: true`, `VERIFY_NONE`, curl's `CURLOPT_SSL_VERIFYPEER` off, trust-all managers and hostname
// verifiers, validation callbacks that return true, `danger_accept_invalid_certs(true)`, and config flags that
// say the same. Connection strings that drop TLS to a database are a review: often a local container.
import { addedMatches, excerpt, lineOf, lineText, type Change, type Findings } from './change';

interface Marker {
  re: RegExp;
  message: string;
  risk?: 'review';
  /** Applies to configuration files too, not only code. */
  config?: boolean;
}

const OFF = String.raw`['"]?\s*(?:[:=]|=>)\s*['"]?(?:false|no|off|0|none)\b`;
const ON = String.raw`['"]?\s*(?:[:=]|=>)\s*['"]?(?:true|yes|on|1)\b`;

const MARKERS: Marker[] = [
  // Python.
  { re: /\bverify\s*=\s*False\b/g, message: 'turns TLS certificate verification off (verify=False).' },
  { re: /\bssl\._create_unverified_context\b|_create_default_https_context\s*=/g, message: 'uses an unverified SSL context: any certificate is accepted.' },
  { re: /\bCERT_NONE\b|\bcert_reqs\s*=\s*['"]CERT_NONE['"]/g, message: 'accepts any TLS certificate (CERT_NONE).' },
  { re: /\bcheck_hostname\s*=\s*False\b/g, message: 'turns TLS hostname checking off (check_hostname = False).' },
  { re: /\b(?:TCPConnector|ClientSession|\.(?:get|post|put|patch|delete|request|ws_connect))\s*\([^)\n]{0,300}\bssl\s*=\s*False\b/g, message: 'turns TLS verification off for the aiohttp request (ssl=False).' },
  { re: /\bPYTHONHTTPSVERIFY['"]?\s*\]?\s*(?:[:=]|,)\s*['"]?0/g, message: 'turns HTTPS certificate verification off for Python (PYTHONHTTPSVERIFY=0).' },
  { re: /\burllib3\.disable_warnings\s*\(|\bInsecureRequestWarning\b/g, message: 'silences the warning for unverified HTTPS requests.', risk: 'review' },
  // JavaScript / TypeScript.
  { re: /\brejectUnauthorized['"]?\s*[:=]\s*(?:false|0)\b/g, message: 'accepts any TLS certificate (rejectUnauthorized: false).' },
  { re: /\bNODE_TLS_REJECT_UNAUTHORIZED['"]?\s*\]?\s*(?:[:=]|,)\s*['"]?0/g, message: 'turns TLS verification off for the whole Node process (NODE_TLS_REJECT_UNAUTHORIZED=0).', config: true },
  { re: /\bstrict[_-]?ssl['"]?\s*[:=]\s*false\b/gi, message: 'turns TLS verification off (strictSSL: false).', config: true },
  { re: /\bcheckServerIdentity['"]?\s*:\s*(?:\(\s*\)\s*=>\s*(?:undefined|null|\{\s*\})|function\s*\(\s*\)\s*\{\s*(?:return\s*(?:undefined|null)?;?\s*)?\})/g, message: 'skips the TLS hostname check (checkServerIdentity returns nothing).' },
  { re: /\bignoreHTTPSErrors['"]?\s*:\s*true\b|\bacceptInsecureCerts['"]?\s*:\s*true\b|--ignore-certificate-errors\b/g, message: 'ignores TLS certificate errors in the browser.', risk: 'review' },
  // Go.
  { re: /\bInsecureSkipVerify\s*(?::|=)\s*true\b/g, message: 'accepts any TLS certificate (InsecureSkipVerify: true).' },
  // Ruby, PHP, C.
  { re: /\bVERIFY_NONE\b|\bverify_mode['"]?\s*(?:=>|:|=)\s*0\b|:verify_none\b/g, message: 'accepts any TLS certificate (VERIFY_NONE).' },
  { re: /\bCURLOPT_SSL_VERIFY(?:PEER|HOST)\s*(?:,|=>)\s*(?:false|FALSE|0L?)\b|\bCURLOPT_SSL_VERIFY(?:PEER|HOST)\s*,\s*0/g, message: 'turns curl certificate verification off (CURLOPT_SSL_VERIFYPEER/HOST).' },
  { re: /['"]verify_peer(?:_name)?['"]\s*=>\s*(?:false|0)\b|['"]allow_self_signed['"]\s*=>\s*true\b/gi, message: 'turns TLS peer verification off for the stream.' },
  { re: /\bwithoutVerifying\s*\(|\bRequestOptions::VERIFY\s*=>\s*false\b/g, message: 'turns TLS verification off for the HTTP client (withoutVerifying).' },
  { re: /\b(?:HTTParty|RestClient|Faraday|Excon|Typhoeus|HTTPX|Net::HTTP|HTTP)\b[^\n]{0,200}\b(?:verify(?:_ssl|_peer)?|ssl_verifypeer|ssl_verify)\s*(?::|=>)\s*false\b/g, message: 'turns TLS verification off for the HTTP client (verify: false).' },
  { re: /['"]verify['"]\s*=>\s*false\b/gi, message: 'turns TLS verification off for the HTTP client (verify => false).' },
  { re: /\b(?:ssl|tls)['"]?\s*(?::|=>|=)\s*\{[^}\n]{0,200}\bverify['"]?\s*(?::|=>|=)\s*false\b/gi, message: 'turns TLS verification off for the HTTP client (ssl: { verify: false }).' },
  { re: /\bSSL_CTX_set_verify\s*\([^,]+,\s*SSL_VERIFY_NONE|\bSSL_VERIFY_NONE\b/g, message: 'accepts any TLS certificate (SSL_VERIFY_NONE).' },
  // Java / Kotlin / Scala.
  {
    re: /\b(?:TrustAllCerts?|trustAllCerts?|TrustAll(?:Manager|Strategy|X509TrustManager)|trustAll(?:Manager|Certificates)?|TrustSelfSignedStrategy|InsecureTrustManagerFactory|NoopHostnameVerifier|ALLOW_ALL_HOSTNAME_VERIFIER|AllowAllHostnameVerifier|NullHostnameVerifier|NaiveTrustManager|DummyTrustManager|UnsafeTrustManager|TrustEverything\w*|DisabledTrustEvaluator|DisabledEvaluator|NoCertificateVerification|AcceptAnyCert\w*|SkipServerVerification|NoVerifier|InsecureCertVerifier|DangerousAcceptAnyServerCertificateValidator)\b/g,
    message: 'installs a trust-everything certificate or hostname verifier.',
  },
  { re: /\b(?:hostnameVerifier|HostnameVerifier|setHostnameVerifier|setDefaultHostnameVerifier)\s*[({]\s*(?:\(\s*\w*\s*,\s*\w*\s*\)|\w+\s*,\s*\w+|_\s*,\s*_)\s*->\s*true\b/g, message: 'accepts any TLS hostname (a hostname verifier that returns true).' },
  { re: /\bboolean\s+verify\s*\(\s*(?:final\s+)?String\s+\w+\s*,\s*(?:final\s+)?SSLSession\s+\w+\s*\)\s*\{\s*return\s+true\b/g, message: 'accepts any TLS hostname (verify() returns true).' },
  { re: /\bvoid\s+check(?:Server|Client)Trusted\s*\([^)]{0,200}\)\s*(?:throws\s+[\w., ]+)?\{\s*\}/g, message: 'accepts any certificate chain (an empty checkServerTrusted).' },
  { re: /\bTrustStrategy\b[^;\n]{0,200}->\s*true\b|\bloadTrustMaterial\s*\([^)]{0,200}(?:\(\s*\w*\s*,\s*\w*\s*\)\s*->\s*true|TrustAllStrategy|TrustSelfSignedStrategy)/g, message: 'trusts every certificate chain (a TrustStrategy that returns true).' },
  // C# / .NET.
  { re: /\b(?:ServerCertificateValidationCallback|ServerCertificateCustomValidationCallback|RemoteCertificateValidationCallback|CertificateValidationCallback)\b[^;\n]{0,200}(?:=>\s*true\b|\{\s*return\s+true\b|DangerousAcceptAnyServerCertificateValidator)/g, message: 'accepts any TLS certificate (a validation callback that returns true).' },
  { re: /\bCertificateValidationMode\s*=\s*X509CertificateValidationMode\.None\b/g, message: 'turns certificate validation off.' },
  // Rust, Dart, Swift.
  { re: /\bdanger_accept_invalid_(?:certs|hostnames)\s*\(\s*true\s*\)|\.dangerous\s*\(\s*\)\s*\.\s*set_certificate_verifier\b|\bSslVerifyMode::NONE\b|\binsecure_skip_verify\s*\(\s*true\s*\)/g, message: 'accepts invalid TLS certificates.' },
  { re: /\bbadCertificateCallback\s*=\s*\([^)]*\)\s*=>\s*true\b|\bonBadCertificate\s*:\s*\([^)]*\)\s*=>\s*true\b/g, message: 'accepts any TLS certificate (badCertificateCallback returns true).' },
  { re: /completionHandler\s*\(\s*\.useCredential\s*,\s*URLCredential\s*\(\s*trust\s*:/g, message: 'trusts whatever certificate the server presents (useCredential with the server trust).' },
  // Flags, in code and in configuration.
  {
    re: new RegExp(String.raw`\b(?:verify[_-]?ssl|ssl[_-]?verify|tls[_-]?verify|verify[_-]?tls|verify[_-]?certs?|cert[_-]?verify|verify[_-]?certificates?|ssl[_-]?verification|tls[_-]?verification|check[_-]?cert(?:ificate)?s?|validate[_-]?certs?|verify[_-]?peer|verify[_-]?hostname|ssl[_-]?check[_-]?hostname|http\.sslverify)${OFF}`, 'gi'),
    message: 'turns TLS certificate verification off.',
    config: true,
  },
  {
    re: new RegExp(String.raw`\b(?:insecure[_-]?skip[_-]?(?:tls[_-]?)?verify|skip[_-]?(?:tls|ssl|cert(?:ificate)?)[_-]?verif\w*|tls[_-]?skip[_-]?verify|disable[_-]?(?:ssl|tls|cert(?:ificate)?)[_-]?verif\w*|ignore[_-]?(?:ssl|tls|cert(?:ificate)?)[_-]?(?:errors?|validation)|accept[_-]?(?:invalid|any|all|untrusted)[_-]?certs?\w*|allow[_-]?(?:invalid|insecure|self[_-]?signed|untrusted)[_-]?certs?\w*|trust[_-]?all[_-]?certs?\w*|ssl[_-]?no[_-]?verify|no[_-]?verify[_-]?ssl|insecure[_-]?ssl)${ON}`, 'gi'),
    message: 'turns TLS certificate verification off.',
    config: true,
  },
  // Database connections without TLS or without certificate checks: a review (local containers do this).
  { re: /\bsslmode\s*=\s*(?:disable|allow)\b|\buseSSL\s*=\s*false\b|\bTrustServerCertificate\s*=\s*(?:true|yes)\b|\btrustServerCertificate\s*=\s*true\b|\bsslaccept\s*=\s*accept_invalid_certs\b/gi, message: 'connects to the database without TLS certificate checks.', risk: 'review', config: true },
];

/** A `verify=False` inside a JWT decode is a JWT finding (jwt.ts), not a TLS one. */
const JWT_LINE = /\bjwt\b|\bjose\b|\bdecode\s*\(/i;

export function tlsOff(ch: Change, out: Findings, code: boolean): void {
  for (const mk of MARKERS) {
    if (!code && !mk.config) continue;
    for (const m of addedMatches(ch, mk.re)) {
      if (mk.re.source.startsWith(String.raw`\bverify\s*=\s*False`) && JWT_LINE.test(lineText(ch.after, lineOf(ch.after, m.index)))) continue;
      out.added('content.tls-off', m, `${excerpt(m.text, 60)}: ${mk.message}`, mk.risk);
    }
  }
}
