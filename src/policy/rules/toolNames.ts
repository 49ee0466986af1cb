// What a tool does, read from its name in any agent's spelling (`mcp__github__add_collaborator`,
// `mcp_github_add_collaborator`, `github-mcp-server-add_collaborator`, Cline's use_mcp_tool {server_name, tool_name},
// Cursor's plain `add_collaborator`), and from a few arguments that change its meaning (`private: false`,
// `WithDecryption: true`, `role: "admin"`). Words, not substrings: `count_tokens` is not about a token, `reset`
// is not `set`.
import { canonicalTool } from '../normalize/detect';
import { decodeJsonText, isObj, str } from '../normalize/fields';

export interface ToolIdentity {
  /** The name shown to the reviewer (`github/add_collaborator` for Cline's use_mcp_tool). */
  name: string;
  /** Lower-case words of the server and tool names. */
  words: string[];
  /** The server's words, when the name says which part is the server (`mcp__srv__tool`, `srv/tool`). */
  server: string[];
  /** The arguments the tool itself receives (Cline's `arguments`, decoded). */
  args: unknown;
  mcp: boolean;
}

/** Splits `mcp__my-server__listPullRequests` into [mcp, my, server, list, pull, requests]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const MCP_NAME = /^mcp(__|_|-)|__|-mcp-|^mcp$/i;

/** The tool behind the agent's tool call: Cline's use_mcp_tool and access_mcp_resource name theirs in the input. */
export function identify(tool: string, input: unknown, agent: string, server?: string): ToolIdentity {
  const canon = canonicalTool(tool);
  if (server) return { name: `${server}/${tool}`, words: [...nameWords(server), ...nameWords(tool)], server: nameWords(server), args: input, mcp: true };
  if ((canon === 'usemcptool' || canon === 'accessmcpresource') && isObj(input)) {
    const server = str(input.server_name) ?? str(input.serverName) ?? '';
    const inner = str(input.tool_name) ?? str(input.toolName) ?? (canon === 'accessmcpresource' ? 'read_resource' : '');
    const args = canon === 'usemcptool' ? decodeJsonText(input.arguments ?? input.args ?? {}) : { uri: input.uri };
    return { name: `${server}/${inner}`, words: [...nameWords(server), ...nameWords(inner)], server: nameWords(server), args, mcp: true };
  }
  const parts = /^mcp__(.+?)__(.+)$/i.exec(tool) ?? /^([^/]+)\/([^/]+)$/.exec(tool);
  return { name: tool, words: nameWords(tool), server: parts ? nameWords(parts[1]!) : [], args: input, mcp: MCP_NAME.test(tool) || canon === 'mcp' || agent === 'cursor' };
}

const READ_VERBS = new Set([
  'list', 'get', 'search', 'find', 'read', 'query', 'describe', 'show', 'view', 'lookup', 'count', 'check', 'status',
  'browse', 'inspect', 'explain', 'summarize', 'diff', 'log', 'logs', 'history', 'retrieve', 'resolve', 'validate',
  'lint', 'preview', 'compare', 'analyze', 'tail', 'cat', 'head', 'info', 'ping', 'health', 'stat', 'stats',
  'select', 'recall', 'fetch', 'load', 'open', 'download', 'whoami', 'me', 'current', 'latest', 'test', 'verify',
  'resource', 'resources', 'glance', 'peek', 'overview', 'dump', 'print', 'export', 'echo', 'snapshot', 'screenshot',
  'suggest', 'estimate', 'count', 'measure', 'metrics', 'trace', 'traces', 'events', 'audit', 'discover', 'scan',
]);
const WRITE_VERBS = new Set([
  'create', 'update', 'delete', 'remove', 'set', 'put', 'post', 'send', 'write', 'add', 'insert', 'upsert', 'edit',
  'modify', 'patch', 'move', 'rename', 'merge', 'push', 'deploy', 'run', 'exec', 'execute', 'invoke', 'trigger',
  'start', 'stop', 'restart', 'kill', 'cancel', 'approve', 'close', 'comment', 'reply', 'upload', 'publish', 'share',
  'grant', 'invite', 'assign', 'unassign', 'transfer', 'archive', 'restore', 'apply', 'install', 'uninstall',
  'enable', 'disable', 'rotate', 'revoke', 'reset', 'sync', 'import', 'commit', 'release', 'schedule', 'submit',
  'save', 'store', 'lock', 'unlock', 'terminate', 'scale', 'reboot', 'drop', 'truncate', 'migrate', 'seed', 'click',
  'type', 'navigate', 'press', 'evaluate', 'fill', 'drag', 'hover', 'mark', 'attach', 'detach',
  'change', 'replace', 'append', 'copy', 'fork', 'clone', 'generate', 'mint', 'regenerate', 'make',
  'promote', 'demote', 'impersonate', 'elevate', 'authorize', 'connect', 'disconnect', 'mkdir', 'new', 'pay',
  'purchase', 'order', 'book', 'subscribe', 'unsubscribe', 'link', 'unlink', 'tag', 'label',
  'dismiss', 'reopen', 'request', 'notify', 'email', 'message', 'call', 'batch', 'bulk', 'destroy', 'purge', 'wipe',
  'provision', 'build', 'rollback', 'rerun', 'retry', 'undo', 'toggle', 'configure', 'register', 'unregister',
]);
/** Verbs that change who may do what when their object is an access object (a role, a member, a policy). */
const CHANGE_VERBS = new Set([
  'create', 'update', 'delete', 'remove', 'set', 'put', 'add', 'assign', 'unassign', 'change', 'modify', 'attach',
  'detach', 'patch', 'edit', 'grant', 'revoke', 'invite', 'promote', 'demote', 'transfer', 'replace', 'upsert',
  'disable', 'enable', 'apply', 'make', 'new', 'generate', 'mint', 'regenerate', 'rotate', 'reset',
]);

/** Sharing and granting, whatever the object: `share_file`, `invite_user`, `add_collaborator`, `make_public`. */
const GRANT_WORDS = new Set(['share', 'unshare', 'grant', 'invite', 'publish', 'impersonate', 'elevate', 'sudo', 'chmod', 'chown', 'setfacl', 'delegate', 'authorize']);
/** Objects whose change is a permission change: `update_role`, `add_member`, `put_bucket_policy`, `set_visibility`. */
const ACCESS_OBJECTS = new Set([
  'role', 'roles', 'member', 'members', 'membership', 'memberships', 'permission', 'permissions', 'policy',
  'policies', 'visibility', 'access', 'owner', 'owners', 'ownership', 'admin', 'admins', 'privilege', 'privileges',
  'protection', 'ruleset', 'rulesets', 'codeowners', 'scope', 'scopes', 'group', 'groups', 'team', 'teams',
  'user', 'users', 'account', 'accounts', 'login', 'logins', 'principal', 'principals', 'binding', 'bindings',
  'firewall', 'ingress', 'whitelist', 'allowlist', 'public', 'collaborator', 'collaborators', 'acl', 'acls', 'iam',
  'rbac', 'rolebinding', 'rolebindings', 'clusterrolebinding', 'clusterrole', 'sharing', 'delegation', 'oauth', 'mfa',
  '2fa', 'sso', 'saml', 'webauthn', 'securitygroup', 'sg', 'grants',
]);
const MESSAGING = new Set(['message', 'messages', 'event', 'events', 'topic', 'topics', 'pubsub', 'mqtt', 'kafka', 'redis', 'nats', 'channel', 'sns', 'sqs', 'queue', 'amqp', 'rabbitmq', 'stream', 'notification']);
/** User objects: only creating, removing or elevating accounts counts (an `update_user` of a name does not). */
const USER_OBJECTS = new Set(['user', 'users', 'account', 'accounts', 'login', 'logins', 'group', 'groups', 'team', 'teams']);
const USER_CHANGES = new Set(['create', 'add', 'delete', 'remove', 'invite', 'promote', 'demote', 'impersonate', 'disable', 'enable', 'new', 'assign', 'unassign', 'transfer']);

/** Secret stores: every tool of such a server handles secrets. */
const SECRET_SERVERS = /^(vault|1password|onepassword|bitwarden|lastpass|keychain|keyring|doppler|infisical|akeyless|conjur|keyvault|secretsmanager|secretmanager|kms|hsm|passbolt|gopass)$/;
/** Server names too short or common to count anywhere but in the server position (`mcp__op__…`). */
const SECRET_SERVER_NAMES = /^(op|bw|pass|keeper|hashicorp|sops|age)$/;
/** Words that name a secret: any tool about one reads, writes or mints a secret. */
const SECRET_WORDS = new Set([
  'secret', 'secrets', 'password', 'passwords', 'passwd', 'passphrase', 'credential', 'credentials', 'creds',
  'keychain', 'keyring', 'vault', 'apikey', 'apikeys', 'cookie', 'cookies', 'decrypt', 'reveal', 'unseal', 'unwrap',
  'kms', 'pat', 'pats', 'privatekey', 'dotenv', 'keystore', 'totp', 'otp',
]);
/** `<x>_key` compounds that are keys to something (not a Redis key or a sort key). */
const KEY_QUALIFIERS = new Set(['api', 'access', 'secret', 'private', 'ssh', 'deploy', 'signing', 'gpg', 'pgp', 'encryption', 'license', 'account', 'master', 'client', 'service', 'auth', 'session', 'storage', 'shared', 'webhook', 'sas']);
/** Tokens that are not credentials: LLM tokens, crypto tokens, CSS/design tokens, lexer tokens. */
const NOT_CREDENTIAL_TOKEN = new Set(['count', 'counts', 'tokenize', 'tokenizer', 'tokenizes', 'max', 'limit', 'limits', 'usage', 'budget', 'estimate', 'price', 'prices', 'balance', 'balances', 'market', 'supply', 'holder', 'holders', 'swap', 'chart', 'design', 'css', 'lexer', 'ttl', 'expiry', 'expiration', 'metadata', 'info', 'contract', 'nft']);
const ENV_WORDS = new Set(['env', 'envs', 'environ', 'printenv', 'dotenv']);
const VAR_WORDS = new Set(['var', 'vars', 'variable', 'variables']);
/** Reading these exposes secrets even from a "read-only" tool. */
const REVEAL_ARGS = /^(with_?decryption|decrypt(ed)?|reveal|show_?(secrets?|values?|passwords?|tokens?)|include_?(secrets?|values?|credentials?)|with_?values|plain_?text|unmask(ed)?|expose|print_?secrets?)$/i;
const PUBLIC_VALUE = /^(public|public-read|public-read-write|authenticated-read|allusers|allauthenticatedusers|anyone|anyonewithlink|everyone|\*)$/i;
const ELEVATED_ROLE = /^(admin|administrator|admins|owner|owners|maintainer|maintain|write|push|editor|superuser|super_?admin|root|contributor|writer|organizer|fileorganizer)$/i;
const ACCESS_ARG = /^(role|roles|permission|permissions|access_?level|access|is_?admin|admin|privileges?|scopes?|grants?|acl|member_?role|team_?role|org_?role|repo_?role|user_?role|new_?role)$/i;

export type Intent =
  | { kind: 'grant'; why: string }
  | { kind: 'secret'; why: string }
  | { kind: 'read-access'; why: string }
  | { kind: 'read'; why: string }
  | { kind: 'write'; why: string }
  | { kind: 'unknown'; why: string };

function pairs(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(`${words[i]}_${words[i + 1]}`);
  return out;
}

/** A field in the tool's arguments (at any depth): key → values. */
function argEntries(args: unknown, out: [string, unknown][] = [], depth = 0): [string, unknown][] {
  if (depth > 6 || out.length > 400) return out;
  const v = decodeJsonText(args);
  if (Array.isArray(v)) for (const x of v) argEntries(x, out, depth + 1);
  else if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) {
      out.push([k, x]);
      if (typeof x === 'object' && x !== null) argEntries(x, out, depth + 1);
    }
  }
  return out;
}

const truthy = (v: unknown) => v === true || v === 1 || (typeof v === 'string' && /^(true|yes|1|on)$/i.test(v));
const falsy = (v: unknown) => v === false || v === 0 || (typeof v === 'string' && /^(false|no|0|off)$/i.test(v));

/** Arguments that make any changing tool a permission change or a secret read. */
function argumentIntent(args: unknown, changes: boolean): Intent | undefined {
  for (const [k, v] of argEntries(args)) {
    if (REVEAL_ARGS.test(k) && truthy(v)) return { kind: 'secret', why: `asks for secret values in plain text (${k}: ${String(v)})` };
    if (/^(kind|resource|resources|resource_?type|resource_?kind|type|object|object_?type)$/i.test(k) && typeof v === 'string' && /^(secrets?|v1\/secrets?)$/i.test(v.trim())) return { kind: 'secret', why: `works on secrets (${k}: ${v})` };
    if (!changes) continue;
    const key = k.toLowerCase();
    if ((key === 'private' || key === 'is_private' || key === 'isprivate') && falsy(v)) return { kind: 'grant', why: `makes something public (${k}: ${String(v)})` };
    if ((key === 'public' || key === 'is_public' || key === 'ispublic' || key === 'make_public' || key === 'allow_public_access') && truthy(v)) return { kind: 'grant', why: `makes something public (${k}: ${String(v)})` };
    if (/^(visibility|acl|canned_?acl|access|general_?access|link_?sharing|sharing|type|audience)$/.test(key) && typeof v === 'string' && PUBLIC_VALUE.test(v.replace(/[\s_]/g, ''))) {
      if (key === 'type' || key === 'audience') {
        if (!/^(anyone|allusers|allauthenticatedusers|everyone)$/i.test(v.replace(/[\s_]/g, ''))) continue;
      }
      return { kind: 'grant', why: `makes something public (${k}: ${v})` };
    }
    if (ACCESS_ARG.test(k)) {
      const values = (Array.isArray(v) ? v : [v]).filter((x) => typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean');
      if (/admin$/i.test(k) && values.some(truthy)) return { kind: 'grant', why: `grants admin rights (${k}: true)` };
      if (/^access_?level$/i.test(k) && values.length > 0) return { kind: 'grant', why: `sets an access level (${k}: ${String(values[0])})` };
      const elevated = values.find((x) => typeof x === 'string' && ELEVATED_ROLE.test(x));
      if (elevated !== undefined) return { kind: 'grant', why: `grants the ${String(elevated)} role (${k})` };
    }
  }
  return undefined;
}

/** What the tool does, from its name words and (for changing tools) its arguments. */
export function intentOf(id: ToolIdentity): Intent {
  const w = id.words.filter((x) => x !== 'mcp' && x !== 'server' && x !== 'tool');
  const set = new Set(w);
  const pair = new Set(pairs(w));
  const has = (words: Set<string>) => w.find((x) => words.has(x));
  const writeVerb = has(WRITE_VERBS);
  const changeVerb = has(CHANGE_VERBS);
  const readVerb = has(READ_VERBS);

  const server = w.find((x) => SECRET_SERVERS.test(x)) ?? id.server.find((x) => SECRET_SERVER_NAMES.test(x));
  if (server) return { kind: 'secret', why: `is a tool of a secret store (${server})` };
  const secretWord = has(SECRET_WORDS);
  if (secretWord) return { kind: 'secret', why: `handles ${secretWord}` };
  const keyPair = w.findIndex((x, i) => (x === 'key' || x === 'keys') && i > 0 && KEY_QUALIFIERS.has(w[i - 1]!));
  if (keyPair > 0) return { kind: 'secret', why: `handles ${w[keyPair - 1]} keys` };
  if ((set.has('token') || set.has('tokens')) && !w.some((x) => NOT_CREDENTIAL_TOKEN.has(x))) return { kind: 'secret', why: 'handles access tokens' };
  if (has(ENV_WORDS) && (has(VAR_WORDS) || readVerb || set.has('set') || set.has('unset'))) return { kind: 'secret', why: 'reads or sets environment variables, where secrets live' };
  if ((set.has('environment') || set.has('config') || set.has('app')) && has(VAR_WORDS)) return { kind: 'secret', why: 'reads or sets environment variables, where secrets live' };
  const reveal = argumentIntent(id.args, false);
  if (reveal) return reveal;

  const grant = has(GRANT_WORDS);
  // Publishing a message to a topic or queue is messaging, not making something public.
  const messaging = grant === 'publish' && w.some((x) => MESSAGING.has(x));
  if (grant && !messaging) return { kind: 'grant', why: `${grant === 'publish' ? 'publishes' : 'changes access'} (${grant})` };
  if (pair.has('make_public') || pair.has('set_public')) return { kind: 'grant', why: 'makes something public' };
  const object = has(ACCESS_OBJECTS);
  if (object && changeVerb) {
    const userOnly = USER_OBJECTS.has(object) && !w.some((x) => ACCESS_OBJECTS.has(x) && !USER_OBJECTS.has(x));
    if (!userOnly || USER_CHANGES.has(changeVerb)) return { kind: 'grant', why: `changes access (${changeVerb} ${object})` };
  }
  if (set.has('branch') && set.has('protection') && (writeVerb || changeVerb)) return { kind: 'grant', why: 'changes branch protection' };
  if (set.has('transfer') && w.some((x) => /^(repo|repos|repository|repositories|ownership|project|projects|org|organization|domain|domains|app|apps|workspace|team|bucket)$/.test(x))) return { kind: 'grant', why: 'transfers ownership' };

  const args = argumentIntent(id.args, writeVerb !== undefined || changeVerb !== undefined);
  if (args) return args;
  if (object && readVerb && !writeVerb) return { kind: 'read-access', why: `reads access settings (${object})` };
  if (writeVerb) return { kind: 'write', why: `changes something (${writeVerb})` };
  if (readVerb) return { kind: 'read', why: `only reads (${readVerb})` };
  return { kind: 'unknown', why: 'does something Countersign does not know' };
}
