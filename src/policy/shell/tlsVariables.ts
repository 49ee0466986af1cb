// Environment variables that turn TLS certificate checks off, or change which certificate authorities are trusted,
// for one command (`NODE_TLS_REJECT_UNAUTHORIZED=0 npm install`) or every later one (`export GIT_SSL_NO_VERIFY=1`).
// By effect that is `npm config set strict-ssl false` or git's `http.sslVerify false`: a machine in the middle can
// then serve the packages that get installed and read the tokens sent. A value only known at run time could be
// either, so it counts.

/** Off when the value is `0`: Node, Python's http client, Bundler. */
const OFF_WHEN_ZERO = /^(?:NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY|BUNDLE_SSL_VERIFY_MODE)$/;
/** Package managers' own boolean settings read from the environment (npm's names in any case). */
const OFF_WHEN_FALSE = /^(?:npm_config_strict_ssl|yarn_enable_strict_ssl|yarn_strict_ssl|pnpm_config_strict_ssl|bun_config_strict_ssl)$/i;
/** Off (or a host exempted) whenever set, whatever the value: git reads GIT_SSL_NO_VERIFY's presence. */
const OFF_WHEN_SET = /^(?:GIT_SSL_NO_VERIFY|PIP_TRUSTED_HOST|UV_INSECURE_HOST|GOINSECURE|HEX_UNSAFE_HTTPS|CARGO_HTTP_CHECK_REVOKE)$/;
/** Which certificate authorities are trusted (an empty CURL_CA_BUNDLE turns Python requests' checks off). */
const TRUST_STORE = /^(?:NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|REQUESTS_CA_BUNDLE|CURL_CA_BUNDLE|GIT_SSL_CAINFO|GIT_SSL_CAPATH|PIP_CERT|UV_NATIVE_TLS|AWS_CA_BUNDLE|CARGO_HTTP_CAINFO|DENO_CERT|DENO_TLS_CA_STORE|npm_config_cafile|npm_config_ca)$/i;

/**
 * Why setting `name` to `value` (undefined: known only at run time) weakens TLS, as a sentence the caller ends with
 * the scope (this command, later ones); undefined when it does not.
 */
export function tlsVariableEffect(name: string, value: string | undefined): string | undefined {
  const shown = value === undefined ? 'a value built at run time' : JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (OFF_WHEN_ZERO.test(name)) return value === undefined || value.trim() === '0' ? `Sets ${name} to ${shown}, which turns off TLS certificate checks` : undefined;
  if (OFF_WHEN_FALSE.test(name)) return value === undefined || /^\s*(?:false|0|no|off)?\s*$/i.test(value) ? `Sets ${name} to ${shown}, which turns off the package manager's TLS certificate checks` : undefined;
  if (OFF_WHEN_SET.test(name)) {
    if (name === 'CARGO_HTTP_CHECK_REVOKE' && value !== undefined && !/^\s*(?:false|0)\s*$/i.test(value)) return undefined;
    return `Sets ${name} to ${shown}, which turns off TLS certificate checks (for some hosts or all)`;
  }
  if (TRUST_STORE.test(name)) return `Sets ${name} to ${shown}, which changes which certificate authorities are trusted`;
  return undefined;
}
