// Application and server configuration that turns authentication or TLS checks off: web servers (nginx
// `auth_basic off`, Apache `Require valid-user` dropped), Redis without protected mode or password, Grafana
// anonymous access, Jupyter without a token, Spring actuator exposing every endpoint, and tool rc files that stop
// checking certificates (`.npmrc strict-ssl=false`, `.curlrc insecure`, pip `trusted-host`, `.yarnrc.yml
// enableStrictSsl: false`). Cluster, cloud and CI configuration is judged elsewhere (content/permissions.ts).
import { addedMatches, excerpt, removedMatches, type Change, type Findings } from './change';

/** Tool rc files that are configuration without an extension. */
export const RC_FILES = new Set(['.npmrc', '.yarnrc', '.curlrc', '.wgetrc', 'wgetrc', '.gitconfig', '.pypirc', '.condarc', '.bowerrc', '.hgrc', 'pip.conf', 'pip.ini', '.htaccess', 'redis.conf', 'grafana.ini']);

interface Marker {
  re: RegExp;
  rule: 'content.auth-removed' | 'content.tls-off';
  message: string;
  applies: (base: string, ext: string) => boolean;
}

const any = () => true;
const web = (base: string, ext: string) => ext === 'conf' || base === '.htaccess' || ext === 'htaccess' || /nginx|apache|httpd|site/.test(base);

const ADDED: Marker[] = [
  { re: /^\s*auth_basic\s+off\s*;/gm, rule: 'content.auth-removed', message: 'turns HTTP basic authentication off for the location.', applies: web },
  { re: /^\s*Satisfy\s+Any\b/gim, rule: 'content.auth-removed', message: 'lets requests in without authentication (Satisfy Any).', applies: web },
  { re: /^\s*protected-mode\s+no\b/gm, rule: 'content.auth-removed', message: 'runs Redis without protected mode: reachable without a password.', applies: any },
  { re: /\[auth\.anonymous\][^[]{0,500}?\benabled\s*=\s*true\b/g, rule: 'content.auth-removed', message: 'lets anonymous users into Grafana.', applies: any },
  { re: /\bc\.\w+\.(?:token|password)\s*=\s*(?:''|"")|\bc\.\w+\.disable_check_xsrf\s*=\s*True\b/g, rule: 'content.auth-removed', message: 'runs Jupyter without a token or password (anyone who reaches it runs code).', applies: (b) => /jupyter|notebook/.test(b) },
  { re: /\bexposure\s*(?::\s*\n\s*|\.)include\s*[:=]\s*['"]?\*|^\s*include\s*:\s*['"]\*['"]\s*$/gm, rule: 'content.auth-removed', message: 'exposes every Spring actuator endpoint (env, heapdump, …).', applies: (b) => /^(?:application|bootstrap)[\w-]*\.(?:ya?ml|properties)$/.test(b) },
  { re: /\bstrict[_-]?ssl\s*[:=]\s*false\b|\benable_?strict_?ssl\s*:\s*false\b/gi, rule: 'content.tls-off', message: 'stops checking the registry TLS certificate.', applies: any },
  { re: /^\s*(?:-k|--insecure|insecure)\s*$/gm, rule: 'content.tls-off', message: 'makes every curl call skip TLS certificate checks.', applies: (b) => b === '.curlrc' || b === '_curlrc' },
  { re: /^\s*check_certificate\s*=\s*off\b/gim, rule: 'content.tls-off', message: 'makes wget skip TLS certificate checks.', applies: (b) => /wgetrc/.test(b) },
  { re: /^\s*trusted[-_]host\s*=\s*\S/gim, rule: 'content.tls-off', message: 'makes pip trust these hosts without TLS verification (trusted-host).', applies: (b) => /^pip\.(?:conf|ini)$|pip\.conf|requirements/.test(b) },
];

const REMOVED: Marker[] = [
  { re: /^\s*auth_basic\s+["'][^"']*["']\s*;|^\s*auth_request\s+\/\S*\s*;/gm, rule: 'content.auth-removed', message: 'removes the authentication of the location', applies: web },
  { re: /^\s*Require\s+(?:valid-user|user\s|group\s|ldap-\w+)|^\s*AuthType\s+\w+/gim, rule: 'content.auth-removed', message: 'removes the Apache authentication requirement', applies: web },
  { re: /^\s*requirepass\s+\S+/gm, rule: 'content.auth-removed', message: 'removes the Redis password', applies: (b) => /redis/.test(b) },
];

export function serverConfig(ch: Change, out: Findings): void {
  const { base, ext } = ch.file;
  for (const mk of ADDED) {
    if (!mk.applies(base, ext)) continue;
    for (const m of addedMatches(ch, mk.re)) out.added(mk.rule, m, `\`${excerpt(m.text, 60)}\`: ${mk.message}`);
  }
  for (const mk of REMOVED) {
    if (!mk.applies(base, ext)) continue;
    for (const m of removedMatches(ch, mk.re)) out.removed(mk.rule, m, `\`${excerpt(m.text, 60)}\` removed: ${mk.message}.`);
  }
}
