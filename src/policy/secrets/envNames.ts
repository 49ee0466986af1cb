// Which environment variable names hold secrets, judged by the words in the name rather than by a list: a name is
// split into words (`_`, `-`, `.`, camelCase, and glued suffixes like PGPASSWORD or SYSTEM_ACCESSTOKEN), then a
// secret head noun (password, secret, token, api key, credentials, DSN, a datastore's URL, a webhook …) makes it a
// secret unless a metadata word follows the head (`TOKEN_TTL_SECONDS`, `PASSWORD_MIN_LENGTH`, `SECRET_NAME`,
// `API_KEY_HEADER`) or a qualifier says it is public or not a credential (`SUPABASE_ANON_KEY`, `SORT_KEY`,
// `MAX_TOKENS`, `NEXT_PAGE_TOKEN`).
//
// Names ending in FILE/PATH/DIR hold a path, not the secret: printing `$SSL_KEY_FILE` shows a path. Those whose
// path leads to a credential (`SSL_KEY_FILE`, `POSTGRES_PASSWORD_FILE`, `KUBECONFIG`) are a class of their own
// (`isCredentialPathName`): reading the file they name is reading a secret.
// `GOOGLE_APPLICATION_CREDENTIALS` holds a path too, but its name is all credential: it is treated as a secret.

/** Words that name a secret value wherever they stand (unless metadata follows). */
const HEADS = new Set(['password', 'passwd', 'passphrase', 'secret', 'secrets', 'token', 'tokens', 'apikey', 'credential', 'credentials', 'creds', 'cred', 'dsn', 'cookie', 'cookies', 'bearer', 'webhook', 'webhooks', 'mnemonic', 'htpasswd']);
/** Words that name a secret only as the name's last word (`NPM_AUTH`, `GH_PAT`, `AUTH_SALT`, `CI_JOB_JWT_V2`). */
const LAST_HEADS = new Set(['auth', 'pat', 'salt', 'jwt', 'pass', 'pwd', 'pw', 'pswd', 'pword']);
/** Glued spellings split back into words (`PGPASSWORD` → pg password, `SYSTEM_ACCESSTOKEN` → access token). */
const GLUED = ['password', 'passwd', 'passphrase', 'secret', 'token', 'apikey', 'accesskey', 'secretkey', 'privatekey', 'signingkey', 'masterkey', 'authkey', 'credentials'];
/** `KEY` is a secret after these words (and after any word not listed in NOT_SECRET_KEY). */
const NOT_SECRET_KEY = new Set([
  'public', 'pub', 'publishable', 'anon', 'site', 'sort', 'partition', 'primary', 'foreign', 'cache', 'idempotency', 'routing', 'object', 'hot', 'short', 'shortcut', 'lookup',
  'group', 'row', 'column', 'col', 'index', 'range', 'dedup', 'dedupe', 'cursor', 'table', 'dict', 'translation', 'i18n', 'message', 'msg', 'label', 'field', 'prop', 'property',
  'attribute', 'attr', 'item', 'metric', 'tag', 'gpg', 'pgp', 'fingerprint', 'hash', 'composite', 'unique', 'join', 'map', 'event', 'queue', 'stream', 'redis', 'kv',
  'prefix', 'lock', 'state', 'config', 'env', 'bucket', 'file', 'path', 'dir', 'name', 'id',
]);
/** Qualifiers before a head that make the value public or not a credential. */
const PUBLIC = new Set(['public', 'pub', 'publishable', 'anon']);
const NOT_CREDENTIAL_TOKEN = new Set(['max', 'min', 'num', 'n', 'count', 'total', 'page', 'next', 'prev', 'pagination', 'continuation', 'cancellation', 'cancel', 'sync', 'cursor', 'input', 'output', 'prompt', 'completion', 'context', 'eos', 'bos', 'pad', 'unk', 'sep', 'cls', 'mask', 'special', 'stop', 'start', 'end', 'per', 'limit', 'budget', 'design', 'color', 'theme']);
/** Words after a head that make the name metadata about the secret, not the secret. */
const METADATA = new Set([
  'ttl', 'seconds', 'second', 'secs', 'sec', 'ms', 'millis', 'minutes', 'minute', 'mins', 'hours', 'hour', 'hrs', 'days', 'day', 'lifetime', 'expiry', 'expires', 'expire', 'expiration', 'exp', 'age', 'timeout', 'duration', 'interval', 'in',
  'length', 'len', 'min', 'max', 'minimum', 'maximum', 'size', 'bytes', 'bits', 'count', 'limit', 'limits', 'num', 'rounds', 'iterations', 'cost', 'name', 'names', 'id', 'ids', 'arn', 'enabled', 'enable', 'disabled', 'disable', 'required', 'require', 'optional',
  'header', 'headers', 'dir', 'directory', 'folder', 'type', 'types', 'kind', 'format', 'algorithm', 'algorithms', 'alg', 'algo', 'version', 'ver', 'region', 'zone', 'endpoint', 'url', 'uri', 'urls', 'host', 'hostname', 'port', 'domain', 'issuer', 'iss', 'audience', 'aud', 'scope', 'scopes',
  'policy', 'policies', 'rotation', 'rotate', 'prefix', 'suffix', 'field', 'fields', 'param', 'parameter', 'location', 'provider', 'providers', 'mode', 'strategy', 'method', 'store', 'manager', 'backend', 'vault', 'service', 'sock', 'socket', 'tty', 'layout', 'complexity', 'pattern', 'regex',
  'rule', 'rules', 'hasher', 'hashers', 'hash', 'hashing', 'validator', 'validators', 'validation', 'strength', 'encoder', 'prompt', 'charset', 'chars', 'encoding', 'label', 'description', 'help', 'hint', 'usage', 'quota', 'rate', 'stats', 'scan', 'scanning', 'scanner', 'claim', 'claims', 'status', 'state', 'check',
  'verify', 'verification', 'source', 'src', 'engine', 'class', 'module', 'plugin', 'handler', 'callback', 'redirect', 'route', 'page', 'user', 'username', 'users', 'login', 'email', 'account', 'principal', 'subject', 'helper', 'permissions', 'used', 'events', 'event', 'ttls', 'grace', 'leeway', 'skew',
  'secure', 'httponly', 'samesite', 'same', 'site', 'file', 'files', 'filename', 'path', 'paths', 'loc', 'exists', 'set', 'present', 'command', 'cmd', 'program', 'timeout', 'retries', 'retry', 'reset', 'sent', 'tokenizer',
]);
/** Words after a head that name a path to the secret (`SSL_KEY_FILE`, `POSTGRES_PASSWORD_FILE`). */
const PATH_WORDS = new Set(['file', 'files', 'filename', 'path', 'paths', 'loc', 'location']);
/** Stems whose URL or connection string carries credentials (`DATABASE_URL`, `REDIS_URL`, `AMQP_URL`). */
const DATASTORES = new Set([
  'database', 'databases', 'db', 'postgres', 'postgresql', 'pg', 'psql', 'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'rediss', 'valkey', 'kv', 'amqp', 'amqps', 'rabbitmq', 'rabbit', 'broker', 'celery', 'sql', 'mssql',
  'sqlserver', 'elasticsearch', 'elastic', 'opensearch', 'clickhouse', 'cockroach', 'cockroachdb', 'neo4j', 'cassandra', 'couchdb', 'influx', 'influxdb', 'jdbc', 'odbc', 'smtp', 'ftp', 'sftp', 'prisma', 'supabase_db',
  'connection', 'conn', 'mq', 'nats', 'memcached', 'dragonfly', 'turso', 'libsql', 'neon', 'planetscale', 'timescale', 'timescaledb', 'cosmos', 'cosmosdb', 'dynamo', 'firestore', 'arangodb', 'surrealdb', 'questdb', 'minio',
]);
/** After these the URL is an API or dashboard address, not a connection string (`UPSTASH_REDIS_REST_URL`). */
const NOT_CONNECTION_URL = new Set(['rest', 'api', 'http', 'https', 'dashboard', 'ui', 'console', 'web', 'docs', 'explorer', 'studio', 'admin', 'metrics', 'health', 'proxy']);
/** Names that break the word model either way. */
const EXACT_SECRET = new Set(['docker_auth_config', 'kube_config_data', 'kubeconfig_data', 'npm_config__auth', 'npm_config_auth', 'fastlane_session', 'gcloud_service_key', 'service_account_json', 'gcp_sa_key', 'sa_key', 'netrc_data']);
const EXACT_NOT_SECRET = new Set(['pwd', 'oldpwd', 'ssh_auth_sock', 'gpg_tty', 'git_askpass', 'ssh_askpass', 'sudo_askpass', 'pass_through', 'bypass']);
const EXACT_CREDENTIAL_PATH = new Set(['kubeconfig', 'kube_config', 'kube_config_path', 'pgpassfile', 'netrc', 'aws_shared_credentials_file', 'aws_web_identity_token_file', 'docker_config', 'cloudsdk_config', 'gnupghome', 'password_store_dir', 'vault_config_path', 'boto_config', 'azure_config_dir', 'rclone_config', 'gh_config_dir', 'npm_config_userconfig']);

/** The lower-case words of a name: `GITHUB_TOKEN` → github token, `apiKey` → api key, `PGPASSWORD` → pg password. */
export function nameWords(name: string): string[] {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
  const out: string[] = [];
  for (const part of spaced.split(/[^a-z0-9]+/)) {
    if (!part) continue;
    const glued = GLUED.find((g) => part.length > g.length && part.endsWith(g));
    if (glued) {
      const stem = part.slice(0, part.length - glued.length);
      out.push(stem);
      // `accesskey` → access key, `privatekey` → private key; `apikey` stays one word.
      if (glued !== 'apikey' && glued.endsWith('key')) out.push(glued.slice(0, -3), 'key');
      else out.push(glued);
    } else if (part.length > 3 && part.endsWith('key') && ['api', 'access', 'secret', 'private', 'signing', 'master', 'auth'].includes(part.slice(0, -3))) out.push(part.slice(0, -3), 'key');
    else out.push(part);
  }
  return out;
}

function isVersionish(w: string): boolean {
  return /^(v?\d+|b64|base64|value|val|raw|json|data|encoded|enc|string|str|text|content|contents|old|new|prod|production|dev|staging|test|ci|local)$/.test(w);
}

/** The index of the secret head whose following words contain no metadata, or -1. */
function secretHead(words: string[]): number {
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i]!;
    const before = words[i - 1];
    const after = words.slice(i + 1);
    let head = false;
    if (HEADS.has(w)) {
      head = true;
      if ((w === 'token' || w === 'tokens') && before !== undefined && NOT_CREDENTIAL_TOKEN.has(before)) head = false;
      if (w === 'tokens' && words.length === 1) head = false;
    } else if (LAST_HEADS.has(w)) {
      head = after.every(isVersionish);
      if ((w === 'pwd' || w === 'pw' || w === 'pass') && words.length === 1 && w !== 'pass') head = false;
      if (w === 'pwd' && before === 'old') head = false;
    } else if (w === 'key') {
      head = before !== undefined && !NOT_SECRET_KEY.has(before);
    } else if (w === 'url' || w === 'uri' || w === 'urls' || w === 'string' || w === 'str' || w === 'connstr' || w === 'conn') {
      const stem = words.slice(0, i);
      const lastStem = stem[stem.length - 1];
      if (w === 'conn' || w === 'connstr') head = true;
      else if (w === 'string' || w === 'str') head = lastStem === 'connection' || lastStem === 'conn';
      else head = stem.some((s) => DATASTORES.has(s) || s === 'webhook' || s === 'hook') && (lastStem === undefined || !NOT_CONNECTION_URL.has(lastStem));
    } else if (w === 'phrase') head = before === 'seed' || before === 'recovery';
    if (!head) continue;
    // `TOKEN_URL` is where tokens come from (`WEBHOOK_URL`, `DATABASE_URL` were taken above as URL heads).
    if (after.some((x) => METADATA.has(x))) continue;
    if ((w === 'key' || w === 'apikey' || w === 'token' || w === 'tokens' || w === 'secret') && words.slice(0, i).some((x) => PUBLIC.has(x))) return -1;
    return i;
  }
  return -1;
}

/** The name follows shell convention for an exported variable (upper case), or is a compound like `db_password`. */
function plausibleEnvName(name: string, words: string[]): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return false;
  if (/[A-Z]/.test(name)) return true;
  // Lower-case shell variables are usually loop or local names (`for key in …`, `$token` of a tokenizer): only
  // compounds, or single words that can only mean a secret, count.
  return words.length > 1 || ['password', 'passwd', 'passphrase', 'apikey', 'secret'].includes(words[0] ?? '');
}

/** Whether an environment variable with this name conventionally holds a secret value. */
export function isSecretEnvName(name: string): boolean {
  const lower = name.toLowerCase();
  if (EXACT_NOT_SECRET.has(lower)) return false;
  if (EXACT_SECRET.has(lower)) return true;
  const words = nameWords(name);
  if (words.length === 0 || !plausibleEnvName(name, words)) return false;
  return secretHead(words) >= 0;
}

/** Whether the variable holds the path of a credential file (`KUBECONFIG`, `SSL_KEY_FILE`, `PGPASSFILE`). */
export function isCredentialPathName(name: string): boolean {
  const lower = name.toLowerCase();
  if (EXACT_CREDENTIAL_PATH.has(lower)) return true;
  if (!/[A-Z]/.test(name) && !lower.includes('_')) return false;
  const words = nameWords(name);
  const last = words[words.length - 1];
  if (last === undefined || !PATH_WORDS.has(last)) return false;
  // `SSL_KEY_FILE` → `SSL_KEY` names a secret; `PUBLIC_KEY_PATH`, `TLS_CERT_FILE` do not.
  const stem = words.slice(0, -1);
  if (stem.length === 0) return false;
  return secretHead(stem) >= 0 || (stem[stem.length - 1] === 'key' && stem.length === 1);
}

/** Vendors and services whose environment families hold keys: `env | grep AWS` shows AWS_SECRET_ACCESS_KEY. */
const SECRET_FAMILIES = new Set([
  'aws', 'azure', 'arm', 'gcp', 'google', 'gcloud', 'github', 'gh', 'gitlab', 'gl', 'ci', 'npm', 'openai', 'anthropic', 'claude', 'hf', 'hugging', 'huggingface', 'vault', 'database', 'db', 'pg', 'postgres', 'mysql',
  'mongo', 'mongodb', 'redis', 'slack', 'discord', 'stripe', 'twilio', 'sendgrid', 'docker', 'dockerhub', 'actions', 'buildkite', 'circle', 'sentry', 'supabase', 'firebase', 'jwt', 'cookie', 'session', 'smtp',
  'api', 'oauth', 'auth', 'auth0', 'okta', 'cloudflare', 'cf', 'vercel', 'netlify', 'heroku', 'digitalocean', 'do', 'linode', 'datadog', 'dd', 'newrelic', 'twine', 'pypi', 'cargo', 'gem', 'nuget', 'sonar',
  'snyk', 'codecov', 'tf', 'terraform', 'consul', 'nomad', 'mailgun', 'telegram', 'pinecone', 'cohere', 'groq', 'mistral', 'gemini', 'replicate', 'wandb', 'langchain', 'langsmith', 'minio', 's3', 'rabbitmq',
  'amqp', 'registry', 'private', 'access', 'client', 'credential', 'credentials', 'secret', 'secrets', 'pass', 'key', 'keys', 'token', 'tokens', 'password', 'pwd', 'passwd', 'apikey', 'bearer', 'signing',
  'encryption', 'webhook', 'sas', 'sa', 'kube', 'kubeconfig', 'ssh', 'gpg', 'age', 'sops', 'app', 'bot', 'admin', 'root', 'master', 'cred', 'creds',
]);

/**
 * Whether a grep pattern over `env`/`set`/`printenv` output can show a secret: a secret name or fragment
 * (`token`, `DATABASE_URL`, `_KEY`), or a family with keys in it (`AWS`, `GITHUB`). `NODE_ENV`, `PATH`, `HOME`,
 * `proxy` show nothing secret.
 */
export function grepMayShowSecrets(pattern: string): boolean {
  const p = pattern.replace(/^\^/, '').replace(/=.*$/, '').replace(/[$\\.*+?()[\]{}|]/g, '_');
  if (!p.replace(/_/g, '')) return true;
  if (isSecretEnvName(p.toUpperCase()) || isCredentialPathName(p.toUpperCase())) return true;
  const words = nameWords(p.toUpperCase());
  if (words.some((w) => SECRET_FAMILIES.has(w) || HEADS.has(w) || LAST_HEADS.has(w) || w === 'key' || w === 'url' || w === 'uri' || DATASTORES.has(w))) return true;
  // A fragment of a secret word (`tok`, `pass`, `secr`, `cred`) matches the names that contain it.
  const lower = p.toLowerCase().replace(/_/g, '');
  return lower.length >= 3 && ['password', 'passwd', 'secret', 'token', 'apikey', 'credential', 'cookie', 'bearer', 'private', 'webhook'].some((w) => w.includes(lower));
}
