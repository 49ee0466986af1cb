// Database clients: running SQL is a review; what the SQL does decides the rest (src/policy/sql judges it). SQL
// arrives as option values and operands (`psql -c`, `mysql -e`, `sqlite3 db "…"`, `mongosh --eval`), on stdin
// (heredocs, pipes, `< file`), or in a file the same command line wrote (`psql -f x.sql`). CLIs of hosted
// databases (wrangler d1, turso, heroku pg:psql, prisma db execute) get the same reading before their own handler.
import { sqlFindings, type SqlOptions } from '../../sql';
import type { ShellAnalyzer } from '../analyzer';
import { checkPathWords } from '../pathArgs';
import type { Invocation, Stdin } from '../types';
import { innerOffset, type Word } from '../words';
import { CLOUD_COMMANDS } from './cloud';
import { table, type Handler, type HandlerTable } from './handler';
import { PACKAGE_COMMANDS } from './packages';

/** Kept for callers that still test text with one pattern (tool inputs); the judgement itself is src/policy/sql. */
export const SQL_PERMISSION = /\b(grant|revoke)\b[\s\S]{0,200}?\b(to|from|on)\b|\b(create|alter|drop)\s+(user|role|login)\b|\bset\s+password\b|\balter\s+default\s+privileges\b|\b(superuser|bypassrls|createrole)\b|\bdisable\s+row\s+level\s+security\b|\bno\s+force\s+row\s+level\s+security\b|\bcreate\s+policy\b[\s\S]{0,200}\busing\s*\(\s*true\s*\)|\bdb\.(createUser|grantRolesToUser|updateUser|grantPrivilegesToRole|createRole)\b|\bACL\s+SETUSER\b|\bCONFIG\s+SET\s+requirepass\b|\bsp_addsrvrolemember\b|\bsp_addrolemember\b|\bALTER\s+SERVER\s+ROLE\b|\bidentified\s+by\b/i;

const MYSQL = new Set(['mysql', 'mariadb', 'mycli', 'mysqlsh']);
const MONGO = new Set(['mongosh', 'mongo']);
/** Options whose value is a file of SQL (or shell code for mongo) the client runs. */
const FILE_OPTIONS = /^(?:-f|--file|-i|--input-file|--queries-file|--filename|-init|--init|--init-file|--source)$/;
const SQL_WORD = /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*(?:grant|revoke|deny|create|alter|drop|update|insert|replace|upsert|merge|delete|truncate|set|select|with|exec|execute|call|flush|rename|reassign|copy|comment|begin|do|use|show|explain|db\.|db\[|sp_|xp_)/i;

function dialectOf(name: string): SqlOptions['dialect'] {
  if (MYSQL.has(name)) return 'mysql';
  if (name === 'sqlcmd' || name === 'osql' || name === 'isql') return 'mssql';
  if (name.startsWith('sqlite') || name === 'litecli') return 'sqlite';
  return 'postgresql';
}

/** Reports findings in a word's text (an option value or operand): exact spans when the word is a plain slice. */
function judgeWord(a: ShellAnalyzer, inv: Invocation, w: Word, text: string, skip: number, opts: SqlOptions): boolean {
  const found = sqlFindings(text, opts);
  const { start, linear } = innerOffset(w);
  for (const f of found) {
    if (linear) a.hitAt(f.rule, f.message, inv.frame, start + skip + f.start, start + skip + f.end, f.risk);
    else a.hitAt(f.rule, f.message, inv.frame, w.start, w.end, f.risk);
  }
  return found.length > 0;
}

function judgeStdin(a: ShellAnalyzer, stdin: Extract<Stdin, { kind: 'text' }>, opts: SqlOptions): void {
  for (const f of sqlFindings(stdin.text, opts)) {
    if (stdin.linear) a.hitAt(f.rule, f.message, stdin.frame, stdin.start + f.start, stdin.start + f.end, f.risk);
    else a.hitAt(f.rule, f.message, stdin.frame, stdin.start, stdin.start + 1, f.risk);
  }
}

/** A file the client runs: judged by its text when this command line wrote it; otherwise its content is unknown. */
function judgeFile(a: ShellAnalyzer, inv: Invocation, w: Word, path: string, opts: SqlOptions): void {
  const written = a.written.get(a.fileKey(path));
  if (written?.text !== undefined && !written.remote) {
    for (const f of sqlFindings(written.text, opts)) a.hitAt(f.rule, `${f.message.replace(/\.$/, '')} (in ${path}).`, inv.frame, w.start, w.end, f.risk);
  } else if (written?.remote) {
    a.hitOn('opaque.remote-code', `Runs ${path} in the database, which this command just downloaded.`, inv, w);
  }
}

/** Reads every place SQL can come from in one invocation (operands count when they read like a statement). */
function readSql(inv: Invocation, a: ShellAnalyzer): void {
  const opts: SqlOptions = { dialect: dialectOf(inv.name) };
  const mongo = MONGO.has(inv.name);
  for (let i = 0; i < inv.args.length; i++) {
    const w = inv.args[i]!;
    const v = w.value;
    if (v === undefined) continue;
    // A file option's value (separate or attached) is a file of SQL.
    const fileOpt = /^(--?[\w-]+)=(.+)$/.exec(v);
    if (FILE_OPTIONS.test(v) && inv.args[i + 1]?.value !== undefined) {
      judgeFile(a, inv, inv.args[i + 1]!, inv.args[i + 1]!.value!, opts);
      i++;
      continue;
    }
    if (fileOpt && FILE_OPTIONS.test(fileOpt[1]!)) {
      judgeFile(a, inv, w, fileOpt[2]!, opts);
      continue;
    }
    if (/^@?[^\s;'"()]+\.(?:sql|psql|pgsql|cql|js|mongodb)$/i.test(v)) {
      judgeFile(a, inv, w, v.replace(/^@/, ''), opts);
      continue;
    }
    // Attached values: --command=…, --eval=…, -c"…", -e…
    const long = /^--[\w-]+=/.exec(v);
    const short = !long && /^-[A-Za-z](?=[^\s=-])/.exec(v) && /\s|;|\(/.test(v.slice(2)) ? /^-[A-Za-z]/.exec(v) : null;
    const skip = long ? long[0].length : short ? 2 : 0;
    const text = v.slice(skip);
    if (skip === 0 && v.startsWith('-')) continue;
    if (text.length < 4) continue;
    if (!mongo && !SQL_WORD.test(text)) continue;
    judgeWord(a, inv, w, text, skip, opts);
  }
  if (inv.stdin?.kind === 'text') judgeStdin(a, inv.stdin, opts);
}

/** Redis administers users and passwords with commands, not SQL. */
function redis(inv: Invocation, a: ShellAnalyzer): void {
  const words = inv.args.map((w) => w.value ?? '');
  const texts = [{ text: words.join(' '), at: inv.args[0] }];
  if (inv.stdin?.kind === 'text') texts.push({ text: inv.stdin.text, at: undefined });
  for (const t of texts) {
    const m = /\bACL\s+(SETUSER|DELUSER|LOAD)\b|\bCONFIG\s+SET\s+(?:requirepass|masterauth|protected-mode\s+no|enable-debug-command|aclfile)\b|\bAUTH\s/i.exec(t.text);
    if (!m || /^AUTH/i.test(m[0])) continue;
    const rule = /requirepass|masterauth/i.test(m[0]) ? 'sql.credential' : 'sql.grant';
    const what = /acl/i.test(m[0]) ? 'changes Redis users and what they may do' : /requirepass|masterauth/i.test(m[0]) ? 'changes the Redis password' : 'loosens Redis access settings';
    if (t.at) a.hitAt(rule, `\`${m[0]}\` ${what}.`, inv.frame, t.at.start, inv.args[inv.args.length - 1]!.end);
    else if (inv.stdin?.kind === 'text') a.hitAt(rule, `\`${m[0]}\` ${what}.`, inv.stdin.frame, inv.stdin.start, inv.stdin.start + 1);
  }
}

/** Dumps that include password hashes: pg_dumpall of roles/globals, MongoDB's system.users. */
function dumpSecrets(inv: Invocation, a: ShellAnalyzer): void {
  const words = inv.args.map((w) => w.value ?? '');
  const all = words.join(' ');
  if (inv.name === 'pg_dumpall' && /(?:^|\s)(?:-r|-g|--roles-only|--globals-only)(?:\s|$)/.test(all) && !/--no-role-passwords/.test(all)) {
    a.hitCommand('sql.secret-read', 'Dumps every database role with its password hash (pg_dumpall --roles-only/--globals-only).', inv);
  }
  if ((inv.name === 'mongodump' || inv.name === 'mongoexport') && /system\.users/.test(all)) a.hitCommand('sql.secret-read', "Dumps MongoDB's system.users, which holds password hashes.", inv);
  if (inv.name === 'mysqldump' && /(?:^|\s)mysql\s+(?:user|global_priv)\b/.test(all)) a.hitCommand('sql.secret-read', "Dumps MySQL's account table, which holds password hashes.", inv);
}

const client: Handler = (inv, a) => {
  if (inv.name === 'redis-cli' || inv.name === 'valkey-cli' || inv.name === 'keydb-cli') redis(inv, a);
  else if (/^(?:pg_dump|pg_dumpall|mysqldump|mongodump|mongoexport)$/.test(inv.name)) dumpSecrets(inv, a);
  else readSql(inv, a);
  for (const w of inv.args) {
    const v = w.value ?? '';
    const pw = /^(?:postgres(?:ql)?|mysql|mongodb(?:\+srv)?|rediss?|mssql|sqlserver):\/\/[^:/@\s]+:([^@\s]+)@/.exec(v)?.[1];
    // Local defaults (postgres:postgres, root:root) are not secrets; a real-looking password is.
    if (pw && !/^[$<{*]|^x+$|^pass(word)?$/i.test(pw) && pw.length >= 6 && !/^[a-z]+$/i.test(pw)) {
      a.hitOn('secret.literal', 'Passes a database password on the command line.', inv, w);
    }
    if (/^-p\S+/.test(v) && (inv.name === 'mysql' || inv.name === 'mariadb' || inv.name === 'mysqldump')) a.hitOn('secret.literal', 'Passes a database password on the command line.', inv, w);
  }
  checkPathWords(a, inv, inv.args.filter((w) => /\.(sql|env|pgpass|cnf)$|^[~./]/.test(w.value ?? '')), 'read');
  a.hitOn('db.client', `Runs database commands (${inv.name}).`, inv);
};

/** Hosted-database CLIs: their SQL is judged, then their own handler runs. */
function hosted(own: () => Handler | undefined): Handler {
  return (inv, a) => {
    readSql(inv, a);
    own()?.(inv, a);
  };
}

export const SQL_COMMANDS: HandlerTable = table(
  ['psql', 'mysql', 'mariadb', 'mysqlsh', 'sqlcmd', 'sqlite3', 'sqlite', 'mongosh', 'mongo', 'redis-cli', 'valkey-cli', 'keydb-cli', 'clickhouse-client', 'clickhouse', 'cockroach', 'snowsql', 'bq', 'duckdb', 'pg_dump', 'pg_dumpall', 'mysqldump', 'mongodump', 'mongoexport', 'pgcli', 'mycli', 'litecli', 'usql', 'cqlsh', 'influx', 'trino', 'presto', 'beeline', 'hive', 'isql', 'osql', 'sqlplus', 'dolt', 'surreal', 'spanner-cli'],
  client,
);

/** Registered after the cloud and package tables, so these names keep their own handlers and gain the SQL reading. */
export const SQL_HOSTED_COMMANDS: HandlerTable = {
  ...Object.fromEntries(['supabase', 'wrangler', 'turso', 'heroku', 'pscale', 'planetscale', 'neonctl', 'fly', 'flyctl', 'railway'].map((n) => [n, hosted(() => CLOUD_COMMANDS[n])])),
  prisma: hosted(() => PACKAGE_COMMANDS.prisma),
};
