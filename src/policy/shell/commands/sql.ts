// Database clients: running SQL is a review; statements that create users or grant privileges, or turn off
// row-level security, change permissions (GRANT, CREATE USER, ALTER ROLE … SUPERUSER, db.createUser, ACL SETUSER).
import { table, type Handler, type HandlerTable } from './handler';
import { checkPathWords } from '../pathArgs';

export const SQL_PERMISSION = /\b(grant|revoke)\b[\s\S]{0,200}?\b(to|from|on)\b|\b(create|alter|drop)\s+(user|role|login)\b|\bset\s+password\b|\balter\s+default\s+privileges\b|\b(superuser|bypassrls|createrole)\b|\bdisable\s+row\s+level\s+security\b|\bno\s+force\s+row\s+level\s+security\b|\bcreate\s+policy\b[\s\S]{0,200}\busing\s*\(\s*true\s*\)|\bdb\.(createUser|grantRolesToUser|updateUser|grantPrivilegesToRole|createRole)\b|\bACL\s+SETUSER\b|\bCONFIG\s+SET\s+requirepass\b|\bsp_addsrvrolemember\b|\bsp_addrolemember\b|\bALTER\s+SERVER\s+ROLE\b|\bidentified\s+by\b/i;

const client: Handler = (inv, a) => {
  const texts: { text: string; start: number; end: number }[] = inv.args.map((w) => ({ text: w.value ?? w.raw, start: w.start, end: w.end }));
  if (inv.stdin?.kind === 'text') texts.push({ text: inv.stdin.text, start: inv.nameWord.start, end: inv.nameWord.end });
  // redis-cli CONFIG SET requirepass "" arrives as separate words.
  if (inv.args.length > 1) texts.push({ text: inv.args.map((w) => w.value ?? '').join(' '), start: inv.args[0]!.start, end: inv.args[inv.args.length - 1]!.end });
  const found = texts.find((t) => SQL_PERMISSION.test(t.text));
  if (found) {
    a.hitAt('perm.sql', 'Runs SQL that creates users, grants privileges or disables row-level security.', inv.frame, found.start, found.end);
    return;
  }
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

export const SQL_COMMANDS: HandlerTable = table(
  ['psql', 'mysql', 'mariadb', 'sqlcmd', 'sqlite3', 'sqlite', 'mongosh', 'mongo', 'redis-cli', 'clickhouse-client', 'clickhouse', 'cockroach', 'snowsql', 'bq', 'duckdb', 'pg_dump', 'pg_dumpall', 'mysqldump', 'mongodump', 'mongoexport', 'pgcli', 'mycli', 'litecli', 'usql', 'cqlsh', 'influx', 'trino', 'presto', 'beeline', 'isql', 'osql', 'sqlplus'],
  client,
);
