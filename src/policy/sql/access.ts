// Statements that change who may do what inside the database, read from tokens so every dialect counts (the
// grammars reject most of these: CREATE ROLE … BYPASSRLS, CREATE POLICY, ALTER SERVER ROLE, CQL, ClickHouse):
// grants and revokes, users/roles/logins and their attributes and passwords, ownership, session identity,
// row-level security switched off or made always-true, server procedures that add role members, OS command
// execution from the server, and SECURITY DEFINER code (worth a look).
import { closeParen, splitTop, type Token } from './lexer';
import { ELEVATED_VALUE, privilegeColumn, truthy, LOW_VALUE } from './vocabulary';

export type AccessRule = 'sql.grant' | 'sql.credential' | 'sql.rls' | 'sql.exec' | 'sql.definer' | 'sql.data-privilege';

export interface AccessVerdict {
  rule: AccessRule;
  what: string;
}

const PRINCIPAL = new Set(['user', 'role', 'login', 'group', 'users', 'roles']);
/** Role attributes that raise rights (PostgreSQL, CockroachDB, Snowflake, Cassandra, MySQL account options). */
const ELEVATED_ATTR = new Set(['superuser', 'createrole', 'createdb', 'bypassrls', 'replication', 'createlogin', 'admin', 'sysadmin', 'inherit', 'controlchangefeed', 'createexternalconnection', 'modifyclustersetting', 'viewactivity', 'cancelquery']);
const PASSWORD_WORDS = new Set(['password', 'identified', 'encrypted', 'unencrypted']);
/** T-SQL procedures that add logins, users or role members, or change passwords and owners. */
const ROLE_PROCS = /^(?:sys\.|dbo\.|master\.\.?|master\.dbo\.)*(sp_addsrvrolemember|sp_addrolemember|sp_addlogin|sp_grantlogin|sp_grantdbaccess|sp_adduser|sp_droprolemember|sp_dropsrvrolemember|sp_droplogin|sp_revokelogin|sp_revokedbaccess|sp_dropuser|sp_password|sp_change_users_login|sp_addlinkedsrvlogin|sp_setapprole|sp_changedbowner|sp_addapprole|sp_approlepassword|sp_defaultdb)$/;

const v = (ts: readonly Token[], i: number) => (ts[i] && (ts[i].kind === 'word' || ts[i].kind === 'ident') ? ts[i].value : '');

function after(ts: readonly Token[], word: string, from = 0): number {
  for (let i = from; i < ts.length; i++) if (ts[i]!.kind === 'word' && ts[i]!.value === word) return i;
  return -1;
}

const has = (ts: readonly Token[], words: ReadonlySet<string>) => ts.some((t) => t.kind === 'word' && words.has(t.value));

/** Who receives a grant (`TO anon, authenticated`), lower-case. */
function grantees(ts: readonly Token[]): string[] {
  const to = after(ts, 'to');
  if (to < 0) return [];
  const out: string[] = [];
  for (let i = to + 1; i < ts.length && out.length < 8; i++) {
    const t = ts[i]!;
    if (t.kind === 'word' && (t.value === 'with' || t.value === 'granted' || t.value === 'as')) break;
    if (t.kind === 'word' || t.kind === 'ident' || t.kind === 'string') out.push(t.value.toLowerCase());
  }
  return out;
}

const EVERYONE = new Set(['public', 'anon', 'anonymous', 'authenticated', 'everyone', 'all', 'guest', 'web_anon', '%']);

/** Whether a policy expression lets every row through: true, 1=1, 'a'='a', x = x, true OR …, NOT false. */
export function alwaysTrue(ts: readonly Token[]): boolean {
  let body = ts.slice();
  while (body.length >= 2 && body[0]!.value === '(' && closeParen(body, 0) === body.length - 1) body = body.slice(1, -1);
  if (body.length === 0) return false;
  const ors = splitOn(body, 'or');
  if (ors.length > 1) return ors.some(alwaysTrue);
  const ands = splitOn(body, 'and');
  if (ands.length > 1) return ands.every(alwaysTrue);
  const vals = body.map((t) => (t.kind === 'string' ? `'${t.value}'` : t.value));
  if (vals.length === 1) return /^(?:true|'t'|'true'|'1'|'on'|'yes'|[1-9]\d*)$/.test(vals[0]!);
  if (vals.length === 2 && vals[0] === 'not') return /^(?:false|'f'|'false'|0|'0'|null)$/.test(vals[1]!);
  if (vals.length === 3 && (vals[1] === 'is') && vals[2] === 'true') return alwaysTrue(body.slice(0, 1));
  const op = vals.findIndex((x) => x === '=' || x === '<>' || x === '!=' || x === 'is');
  if (op > 0) {
    const l = vals.slice(0, op).join(' ');
    const r = vals.slice(op + 1).join(' ');
    if (vals[op] === '=' || vals[op] === 'is') return l === r && !/\(\)/.test(l) && !/random|now|uid|current|session|auth|jwt|setting/.test(l);
    return /^(?:\d+|'[^']*')$/.test(l) && /^(?:\d+|'[^']*')$/.test(r) && l !== r;
  }
  return false;
}

function splitOn(ts: readonly Token[], word: string): Token[][] {
  const out: Token[][] = [[]];
  let d = 0;
  for (const t of ts) {
    if (t.value === '(') d++;
    if (t.value === ')') d--;
    if (d === 0 && t.kind === 'word' && t.value === word) out.push([]);
    else out[out.length - 1]!.push(t);
  }
  return out;
}

/** Policy expressions: `USING (…)`, `WITH CHECK (…)`, ClickHouse `USING expr TO …`. */
function policyExpressions(ts: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  for (let i = 0; i < ts.length; i++) {
    const isUsing = v(ts, i) === 'using';
    const isCheck = v(ts, i) === 'check' && v(ts, i - 1) === 'with';
    if (!isUsing && !isCheck) continue;
    if (ts[i + 1]?.value === '(') {
      const close = closeParen(ts, i + 1);
      out.push(ts.slice(i + 1, close + 1));
      i = close;
    } else {
      let e = i + 1;
      while (e < ts.length && !['to', 'as', 'for', 'with', 'on'].includes(v(ts, e))) e++;
      out.push(ts.slice(i + 1, e));
      i = e - 1;
    }
  }
  return out;
}

export function judgeAccess(ts: readonly Token[]): AccessVerdict[] {
  const out: AccessVerdict[] = [];
  let i = 0;
  // EXEC/EXECUTE/CALL proc …, and a bare procedure as the first statement of a batch.
  if (['exec', 'execute', 'call'].includes(v(ts, 0))) i = 1;
  // A qualified procedure name (`master.dbo.sp_addsrvrolemember`, `master..sp_addlogin`) is read as one word.
  let w0 = v(ts, i);
  for (let k = i + 1; ts[k]?.value === '.' && w0; k++) if (v(ts, k + 1)) w0 = v(ts, ++k);
  const w1 = v(ts, i + 1);
  const proc = ROLE_PROCS.exec(w0);
  if (proc) {
    const args = ts.slice(i + 1).filter((t) => t.kind === 'string' || t.kind === 'word' || t.kind === 'ident').map((t) => t.value);
    const detail = args.length > 0 ? ` (${args.slice(0, 3).join(', ')})` : '';
    out.push({ rule: proc[1] === 'sp_password' || proc[1] === 'sp_approlepassword' ? 'sql.credential' : 'sql.grant', what: `calls ${proc[1]}${detail}, which changes logins, users or role members` });
    return out;
  }
  if (/^(?:master\.\.?|sys\.|dbo\.)*xp_cmdshell$/.test(w0) || (/sp_configure$/.test(w0) && ts.some((t) => t.kind === 'string' && /xp_cmdshell|ole automation|clr enabled|external scripts/i.test(t.value)))) {
    out.push({ rule: 'sql.exec', what: 'runs operating-system commands from the database server (xp_cmdshell)' });
    return out;
  }
  if (i > 0) return out;

  switch (w0) {
    case 'grant': {
      const to = grantees(ts);
      const open = to.filter((g) => EVERYONE.has(g.replace(/^'|'$/g, '')));
      const all = ts.some((t) => t.kind === 'word' && t.value === 'all');
      const on = after(ts, 'on');
      const what = on < 0 && !all ? 'grants role membership' : 'grants privileges';
      out.push({ rule: 'sql.grant', what: `${what}${to.length > 0 ? ` to ${to.slice(0, 3).join(', ')}` : ''}${open.length > 0 ? ' (everyone can use them)' : ''}` });
      return out;
    }
    case 'revoke':
    case 'deny':
      out.push({ rule: 'sql.grant', what: `${w0 === 'deny' ? 'denies' : 'revokes'} privileges or role membership` });
      return out;
    case 'flush':
      if (w1 === 'privileges') out.push({ rule: 'sql.grant', what: 'reloads the privilege tables (FLUSH PRIVILEGES)' });
      return out;
    case 'rename':
      if (w1 === 'user') out.push({ rule: 'sql.grant', what: 'renames a database account' });
      return out;
    case 'reassign':
      out.push({ rule: 'sql.grant', what: 'hands every object of a role to another (REASSIGN OWNED)' });
      return out;
    case 'set':
    case 'reset':
      return setStatement(ts, w0);
    case 'use':
      return out;
    case 'execute':
    case 'exec':
      return out;
    case 'create':
    case 'alter':
    case 'drop':
    case 'comment':
      break;
    case 'copy':
      if (ts.some((t, k) => t.kind === 'word' && t.value === 'program' && (v(ts, k - 1) === 'from' || v(ts, k - 1) === 'to'))) out.push({ rule: 'sql.exec', what: 'runs an operating-system command from the database server (COPY … PROGRAM)' });
      return out;
    default:
      return out;
  }

  // CREATE [OR REPLACE] [TEMP] …, ALTER …, DROP …
  let k = i + 1;
  while (['or', 'replace', 'if', 'not', 'exists', 'temporary', 'temp', 'unique', 'global', 'local', 'external', 'remote', 'definer'].includes(v(ts, k)) || (v(ts, k - 1) === 'definer' && ts[k]?.value === '=')) {
    if (v(ts, k) === 'definer') k += 3;
    else k++;
  }
  const obj = v(ts, k);
  const obj2 = v(ts, k + 1);
  const rest = ts.slice(k + 1);
  const verb = w0;

  if (obj === 'default' && obj2 === 'privileges' && verb === 'alter') {
    out.push({ rule: 'sql.grant', what: 'changes the privileges every new object gets (ALTER DEFAULT PRIVILEGES)' });
    return out;
  }
  if (obj === 'user' && obj2 === 'mapping') {
    out.push({ rule: has(rest, PASSWORD_WORDS) ? 'sql.credential' : 'sql.grant', what: `${verb}s a user mapping, the credentials used for a foreign server` });
    return out;
  }
  if (obj === 'server' && obj2 === 'role' && verb !== 'create') {
    out.push({ rule: 'sql.grant', what: `${verb === 'drop' ? 'drops' : 'changes'} a server role${after(rest, 'member') >= 0 ? ' member' : ''}` });
    return out;
  }
  if ((obj === 'row' && obj2 === 'level') || obj === 'rls') return out;
  if (PRINCIPAL.has(obj) || (obj === 'application' && obj2 === 'role') || (obj === 'server' && obj2 === 'role') || (obj === 'database' && obj2 === 'role')) {
    if (verb === 'comment') return out;
    const attrs = rest.filter((t) => t.kind === 'word' && ELEVATED_ATTR.has(t.value)).map((t) => t.value.toUpperCase());
    const cassandraSuper = rest.some((t, j) => t.kind === 'word' && t.value === 'superuser' && rest[j + 1]?.value === '=' && truthy(rest[j + 2]?.value ?? ''));
    const password = has(rest, PASSWORD_WORDS);
    const who = rest.find((t) => t.kind !== 'punct' && t.kind !== 'word') ?? rest.find((t) => t.kind === 'word' && !['if', 'exists', 'not'].includes(t.value));
    const name = who ? (who.kind === 'string' ? `'${who.value}'` : who.value) : '';
    const host = rest.findIndex((t) => t.value === '@');
    const anyHost = host >= 0 && /^%$|^0\.0\.0\.0/.test(rest[host + 1]?.value ?? '');
    const label = obj === 'user' || obj === 'login' || obj === 'users' ? (obj === 'login' ? 'login' : 'user') : obj === 'group' ? 'group' : 'role';
    if (verb === 'alter') {
      // ALTER ROLE x SET search_path / RESET …: session defaults, not rights (unless the setting is the role).
      const setAt = rest.findIndex((t) => t.kind === 'word' && (t.value === 'set' || t.value === 'reset'));
      const setting = setAt >= 0 ? v(rest, setAt + 1) : '';
      if (setAt >= 0 && setAt <= 4 && !/^(?:role|session_authorization|row_security|password|default_role|default_secondary_roles)$/.test(setting) && attrs.length === 0 && !password && !cassandraSuper) return out;
      if (rest.some((t) => t.kind === 'word' && t.value === 'rename') && attrs.length === 0 && !password) {
        out.push({ rule: 'sql.grant', what: `renames a database ${label}` });
        return out;
      }
    }
    const parts: string[] = [];
    if (attrs.length > 0 || cassandraSuper) parts.push(`with ${[...new Set(cassandraSuper ? ['SUPERUSER', ...attrs] : attrs)].join(', ')}`);
    if (anyHost) parts.push('reachable from any host');
    const verbs = verb === 'create' ? 'creates' : verb === 'drop' ? 'drops' : 'changes';
    const rule = password && attrs.length === 0 && !cassandraSuper && verb === 'alter' ? 'sql.credential' : 'sql.grant';
    out.push({ rule, what: `${verbs} the database ${label} ${name}${parts.length > 0 ? ` ${parts.join(', ')}` : ''}${password ? `${parts.length > 0 ? ' and' : ''} sets its password` : ''}`.replace(/\s+/g, ' ').trim() });
    return out;
  }
  if (verb === 'drop' && obj === 'owned') {
    out.push({ rule: 'sql.grant', what: "drops a role's objects and privileges (DROP OWNED)" });
    return out;
  }

  // Row-level security.
  if (obj === 'policy' || (obj === 'row' && (obj2 === 'policy' || (obj2 === 'access' && v(ts, k + 2) === 'policy'))) || (obj === 'masking' && obj2 === 'policy')) {
    if (verb === 'drop') {
      out.push({ rule: 'sql.rls', what: 'drops a row-level security policy' });
      return out;
    }
    if (verb === 'comment') return out;
    const to = grantees(rest);
    const open = policyExpressions(rest).some(alwaysTrue);
    if (open) out.push({ rule: 'sql.rls', what: `adds a row-level security policy that lets every row through${to.length > 0 ? ` for ${to.slice(0, 3).join(', ')}` : ''}` });
    return out;
  }
  if (verb === 'alter' && (obj === 'table' || obj === 'view' || obj === 'materialized')) {
    for (let j = 0; j < rest.length; j++) {
      const a = v(rest, j);
      if ((a === 'disable' || (a === 'no' && v(rest, j + 1) === 'force')) && v(rest, j + (a === 'no' ? 2 : 1)) === 'row' && v(rest, j + (a === 'no' ? 3 : 2)) === 'level') {
        out.push({ rule: 'sql.rls', what: a === 'no' ? 'stops row-level security from applying to the table owner (NO FORCE ROW LEVEL SECURITY)' : 'turns row-level security off (DISABLE ROW LEVEL SECURITY)' });
      }
      if (a === 'drop' && v(rest, j + 1) === 'row' && v(rest, j + 2) === 'access' && v(rest, j + 3) === 'policy') out.push({ rule: 'sql.rls', what: 'removes a row access policy' });
      if (a === 'owner' && v(rest, j + 1) === 'to') out.push({ rule: 'sql.grant', what: `gives ownership to ${v(rest, j + 2) || 'another role'}` });
    }
    out.push(...columnDefaults(rest.slice(afterName(rest)), false));
    return out;
  }
  // ALTER <anything> … OWNER TO …: ownership carries every privilege on the object.
  if (verb === 'alter') {
    const o = after(rest, 'owner');
    if (o >= 0 && v(rest, o + 1) === 'to') out.push({ rule: 'sql.grant', what: `gives ownership of a ${obj} to ${v(rest, o + 2) || 'another role'}` });
    if (obj === 'authorization' || (obj === 'database' && has(rest, new Set(['owner'])))) return out;
  }
  if (verb === 'create' && obj === 'table') out.push(...columnDefaults(rest, true));
  // SECURITY DEFINER code runs with its owner's rights: worth a look, not an alarm by itself.
  if ((verb === 'create' || verb === 'alter') && ['function', 'procedure'].includes(obj)) {
    const d = rest.findIndex((t, j) => t.kind === 'word' && t.value === 'definer' && v(rest, j - 1) === 'security');
    if (d >= 0) out.push({ rule: 'sql.definer', what: `defines a ${obj} that runs with its owner's rights (SECURITY DEFINER)` });
  }
  if (verb === 'create' && obj === 'extension' && /^(?:plpython3?u|plperlu|pltclu|adminpack|dblink|file_fdw|pg_execute_server_program)$/.test(obj2)) {
    out.push({ rule: 'sql.exec', what: `installs ${obj2}, which reaches the server's files or operating system` });
  }
  return out;
}

function setStatement(ts: readonly Token[], verb: string): AccessVerdict[] {
  const out: AccessVerdict[] = [];
  let k = 1;
  while (['session', 'local', 'global', 'persist', 'persist_only', '@@global', '@@session'].includes(v(ts, k)) || ts[k]?.value === '.') k++;
  const what = v(ts, k);
  if (verb === 'set' && what === 'password') out.push({ rule: 'sql.credential', what: 'sets a database password (SET PASSWORD)' });
  else if (verb === 'set' && (what === 'role' || (what === 'default' && v(ts, k + 1) === 'role')) && !/^(?:none)$/.test(v(ts, k + 1))) out.push({ rule: 'sql.grant', what: what === 'default' ? 'changes the default roles of an account' : `acts as another role (SET ROLE ${v(ts, k + 1) || ''})`.replace(' )', ')') });
  else if (verb === 'set' && what === 'session' && v(ts, k + 1) === 'authorization') out.push({ rule: 'sql.grant', what: 'acts as another user (SET SESSION AUTHORIZATION)' });
  else if (verb === 'set' && (what === 'session_authorization' || what === 'authorization')) out.push({ rule: 'sql.grant', what: 'acts as another user (SET SESSION AUTHORIZATION)' });
  else if (verb === 'set' && what === 'row_security' && ts.some((t) => /^(?:off|false|0)$/i.test(t.value) || (t.kind === 'string' && /^(?:off|false)$/i.test(t.value)))) out.push({ rule: 'sql.rls', what: 'turns row-level security off for the session (row_security = off)' });
  if (verb === 'set' && what === 'session' && v(ts, k + 1) === 'authorization') return out;
  return out;
}

/** Index just past a (possibly qualified) object name at the start, after IF EXISTS / ONLY. */
function afterName(ts: readonly Token[]): number {
  let k = 0;
  while (['if', 'exists', 'only', 'not'].includes(v(ts, k))) k++;
  k++;
  while (ts[k]?.value === '.' && ts[k + 1]) k += 2;
  return k;
}

/** Column definitions whose DEFAULT makes every row privileged: `is_admin boolean DEFAULT true`, `role … DEFAULT 'admin'`. */
export function columnDefaults(ts: readonly Token[], create: boolean): AccessVerdict[] {
  const out: AccessVerdict[] = [];
  // CREATE TABLE name ( col …, col … ): the column list; otherwise (ALTER TABLE clauses, a fragment) the text itself.
  const open = create ? afterName(ts) : -1;
  const groups = open >= 0 && ts[open]?.value === '(' ? splitTop(ts.slice(open + 1, closeParen(ts, open))) : splitTop(ts);
  for (const g of groups) {
    const d = g.findIndex((t) => t.kind === 'word' && t.value === 'default');
    if (d < 0) continue;
    const skip = new Set(['add', 'column', 'if', 'not', 'exists', 'alter', 'modify', 'change', 'set', 'constraint']);
    const name = g.find((t) => (t.kind === 'word' || t.kind === 'ident') && !skip.has(t.value));
    if (!name) continue;
    const kind = privilegeColumn(name.value);
    if (!kind) continue;
    const raw = g.slice(d + 1).filter((t) => t.value !== '(' && t.value !== ')');
    const val = raw[0];
    if (!val) continue;
    const elevated = kind === 'flag' ? truthy(val.value) : val.kind === 'string' && ELEVATED_VALUE.test(val.value) && !LOW_VALUE.test(val.value);
    if (elevated) out.push({ rule: 'sql.data-privilege', what: `makes ${name.value} default to ${val.kind === 'string' ? `'${val.value}'` : val.value}, so every row gets it` });
  }
  return out;
}
