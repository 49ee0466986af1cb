// What names and values mean: columns and tables that decide who may do what, values that look elevated, columns
// that hold credentials, tables that are an audit trail. Names are judged by their parts (`is_admin`, `isAdmin`,
// `user_role`, `AccessLevel`), so spellings nobody listed still count.

/** Lower-case parts of an identifier: `isSuperUser` → is, super, user; `access_level` → access, level. */
export function nameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The last part of a possibly qualified name (`public.users` → users, `"auth"."users"` → users). */
export function baseName(name: string): string {
  const i = name.lastIndexOf('.');
  return (i >= 0 ? name.slice(i + 1) : name).replace(/^["`[]|["`\]]$/g, '');
}

const FLAG_WORDS = new Set(['admin', 'administrator', 'superuser', 'superadmin', 'staff', 'root', 'sudo', 'sudoer', 'owner', 'moderator', 'mod', 'privileged', 'elevated', 'operator', 'god', 'manager', 'maintainer', 'su', 'sysadmin']);
const ROLE_WORDS = new Set(['role', 'roles', 'permission', 'permissions', 'perm', 'perms', 'privilege', 'privileges', 'priv', 'privs', 'scope', 'scopes', 'grant', 'grants', 'acl', 'acls', 'authority', 'authorities', 'capability', 'capabilities', 'group', 'groups', 'rights', 'clearance', 'entitlements', 'entitlement', 'claims']);
const LEVEL_WORDS = new Set(['level', 'type', 'tier', 'rank', 'kind', 'status']);
const LEVEL_OWNERS = new Set(['access', 'user', 'account', 'member', 'permission', 'privilege', 'auth', 'security', 'admin', 'role', 'usr']);
/** Parts that make a name an id, a time or a count rather than the privilege itself (`role_updated_at`, `admin_id`). */
const NOT_THE_VALUE = new Set(['at', 'on', 'date', 'time', 'ts', 'count', 'name', 'names', 'description', 'desc', 'label', 'title', 'note', 'notes', 'email', 'url', 'by', 'version', 'requested', 'request', 'requests', 'changed', 'updated', 'created', 'expires', 'expiry']);

export type PrivilegeColumn = 'flag' | 'role' | undefined;

/**
 * Whether a column decides privileges: `flag` for yes/no columns (is_admin, superuser, isStaff), `role` for columns
 * holding a role, level, group or permission list (role, user_type, access_level, permissions, scopes).
 */
export function privilegeColumn(name: string): PrivilegeColumn {
  const parts = nameParts(baseName(name));
  if (parts.length === 0 || parts.some((p) => NOT_THE_VALUE.has(p))) return undefined;
  const last = parts[parts.length - 1]!;
  if (last === 'id' || last === 'ids') return parts.length > 1 && ROLE_WORDS.has(parts[parts.length - 2]!) ? 'role' : undefined;
  if (ROLE_WORDS.has(last)) return 'role';
  if (LEVEL_WORDS.has(last) && parts.length > 1 && LEVEL_OWNERS.has(parts[parts.length - 2]!)) return 'role';
  if (parts.some((p) => FLAG_WORDS.has(p))) return 'flag';
  if (parts.join('') === 'issuperuser' || parts.join('').includes('superuser')) return 'flag';
  return undefined;
}

/** Values that read as elevated rights: admin, root, superuser, owner, '*', all … (in any case, inside lists too). */
export const ELEVATED_VALUE = /(?:^|[^a-z])(?:admin|administrator|admins|superuser|super[_ -]?user|super[_ -]?admin|root|sudo|sudoers?|owner|owners|staff|god|sysadmin|system[_ -]?admin|dbo|db_owner|sa|moderator|maintainer|manager|privileged|elevated|full[_ -]?access|all[_ -]?access|all|write|readwrite|read[_ -]?write|\*)(?:$|[^a-z])|^(?:\*|all)$|\*:\*|:\*|\.\*/i;

/** Values that are clearly not elevated: ordinary members, readers, guests, nothing. */
export const LOW_VALUE = /^(?:member|members|user|users|viewer|viewers|reader|read|readonly|read[_-]?only|guest|guests|basic|free|customer|subscriber|pending|none|null|anonymous|anon|visitor|public|default|normal|regular|standard|student|learner|participant|contributor|author|)$/i;

export function truthy(v: string): boolean {
  return /^(?:true|t|1|yes|y|on|'1'|b'1')$/i.test(v.trim());
}

const SECRET_PARTS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'secrets', 'credential', 'credentials', 'apikey', 'otp', 'totp', 'mfa', 'privatekey', 'salt', 'pin']);
const SECRET_PAIRS = [['api', 'key'], ['private', 'key'], ['secret', 'key'], ['access', 'key'], ['signing', 'key'], ['encryption', 'key'], ['auth', 'key'], ['authentication', 'string'], ['recovery', 'code'], ['recovery', 'codes'], ['backup', 'codes'], ['card', 'number'], ['cvv'], ['ssn']];
const NOT_SECRET_LAST = new Set(['id', 'ids', 'at', 'on', 'count', 'type', 'expires', 'expiry', 'expiration', 'ttl', 'length', 'len', 'hint', 'changed', 'updated', 'created', 'set', 'required', 'policy', 'version', 'enabled', 'name', 'url', 'prefix', 'last4', 'suffix', 'strength', 'algorithm', 'algo', 'scheme', 'format', 'rotated', 'used', 'attempts', 'method', 'label', 'kind', 'status', 'sent', 'verified', 'confirmed', 'reset', 'preview', 'masked', 'hint']);

/** Columns that hold credentials: passwords and their hashes, secrets, tokens, API and private keys. */
export function secretColumn(name: string): boolean {
  const parts = nameParts(baseName(name));
  if (parts.length === 0) return false;
  const last = parts[parts.length - 1]!;
  if (NOT_SECRET_LAST.has(last) && parts.length > 1) return false;
  if (parts.some((p) => SECRET_PARTS.has(p))) return !(parts.length === 1 && (last === 'pin' || last === 'salt'));
  if (last === 'token' || last === 'tokens' || last === 'jwt' || last === 'digest' && parts.includes('password')) return true;
  if (parts[0] === 'rolpassword' || last === 'hash' && parts.some((p) => p.startsWith('pass'))) return true;
  for (const pair of SECRET_PAIRS) {
    let at = 0;
    if (pair.every((p) => (at = parts.indexOf(p, at)) >= 0)) return true;
  }
  return false;
}

/** Tables that exist to hold credentials (api_keys, oauth_tokens, secrets) or the server's own users with hashes. */
export function secretTable(name: string): boolean {
  const full = name.toLowerCase().replace(/["`[\]]/g, '');
  if (/^(?:mysql\.user|pg_shadow|pg_authid|pg_catalog\.pg_shadow|pg_catalog\.pg_authid|sys\.sql_logins|master\.sys\.sql_logins|sys\.syslogins|auth\.users|mysql\.global_priv|admin\.system\.users|system\.users)$/.test(full)) return true;
  const parts = nameParts(baseName(full));
  const last = parts[parts.length - 1];
  if (!last) return false;
  if (['secret', 'secrets', 'credential', 'credentials', 'passwords', 'apikeys', 'vault'].includes(last)) return true;
  if (last === 'tokens' || last === 'keys') return parts.length > 1 && ['api', 'access', 'auth', 'refresh', 'oauth', 'personal', 'bearer', 'session', 'private', 'signing', 'secret'].some((p) => parts.includes(p));
  return false;
}

/** The database server's own account and privilege tables: writing them changes who may log in and do what. */
export function systemGrantTable(name: string): boolean {
  const full = name.toLowerCase().replace(/["`[\]]/g, '');
  return /^(?:mysql\.(?:user|db|tables_priv|columns_priv|procs_priv|proxies_priv|global_grants|role_edges|default_roles|global_priv)|(?:pg_catalog\.)?pg_(?:authid|auth_members|shadow|roles|user|default_acl|db_role_setting)|(?:master\.)?sys\.(?:server_principals|server_role_members|database_principals|database_role_members|sql_logins|syslogins)|(?:admin\.)?system\.(?:users|roles))$/.test(full);
}

/** Tables that assign roles or permissions to someone: a row inserted there is a grant. */
export function roleAssignmentTable(name: string): boolean {
  const parts = nameParts(baseName(name));
  if (parts.length === 0) return false;
  const j = parts.join('_');
  if (/^(?:admins|administrators|superusers|super_users|sudoers|staff_members|moderators|owners)$/.test(j)) return true;
  if (/^(?:model_has_roles|model_has_permissions|auth_user_groups|auth_user_user_permissions|auth_group_permissions|role_has_permissions|acl|acls|access_control|grants)$/.test(j)) return true;
  const last = parts[parts.length - 1]!;
  const assigns = ['assignments', 'assignment', 'memberships', 'membership', 'members', 'grants', 'bindings', 'role_bindings'];
  if (parts.length > 1 && ['roles', 'role', 'permissions', 'permission', 'privileges', 'groups', 'group', 'scopes', 'admins'].includes(last) && ['user', 'users', 'account', 'accounts', 'member', 'members', 'team', 'org', 'organization', 'project', 'workspace', 'group', 'principal', 'subject', 'api', 'client', 'token', 'role'].includes(parts[0]!)) return true;
  return parts.length > 1 && assigns.includes(last) || /^(?:role|permission|privilege|group|team|org|organization|workspace|project)_(?:members|memberships|assignments|grants|users)$/.test(j);
}

/** Audit trails: deleting or rewriting their rows hides what happened. */
export function auditTable(name: string): boolean {
  const parts = nameParts(baseName(name));
  return parts.includes('audit') || parts.includes('audits') || /^(?:activity|security|access|event|login|auth|admin)_(?:log|logs|history|events|trail)$/.test(parts.join('_')) || parts.join('_') === 'audit_trail';
}

/** Keys inside JSON-ish text (`{"role":"admin"}`, `{is_admin: true}`) that set a privilege to an elevated value. */
export function elevatedInDocument(text: string): string | undefined {
  const re = /["']?([A-Za-z_$][\w$.-]*)["']?\s*(?::|=>|=)\s*(\[[^\]]{0,200}\]|"[^"]{0,200}"|'[^']{0,200}'|[\w.*-]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const key = m[1]!;
    const raw = m[2]!;
    const kind = privilegeColumn(key);
    if (!kind) continue;
    const value = raw.replace(/^["']|["']$/g, '');
    if (kind === 'flag' ? truthy(value) : ELEVATED_VALUE.test(value) && !LOW_VALUE.test(value)) return m[0];
  }
  return undefined;
}
