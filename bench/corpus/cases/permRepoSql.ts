// Repository visibility and collaborators; SQL grants, roles and data-level privilege changes.
import { mk, type Case } from '../types';

const C = 'perm-repo-sql';
const S = (command: string, note = 'grants repository or database access') => mk.sh(C, 'sensitive', command, note);
const O = (command: string, note: string) => mk.sh(C, 'ordinary', command, note);

export const cases: Case[] = [
  S('gh repo edit --visibility public --accept-visibility-change-consequences'),
  S('gh repo edit acme/api --visibility=public'),
  S('gh api -X PUT repos/acme/api/collaborators/eve -f permission=admin'),
  S('gh api --method PATCH repos/acme/api -F private=false'),
  S('gh api repos/acme/api/collaborators/eve -X PUT'),
  S('gh pr merge 12 --admin --squash', 'bypasses branch protection'),
  S('gh repo deploy-key add key.pub --allow-write'),
  S('gh api -X DELETE repos/acme/api/branches/main/protection'),
  S('psql -c "GRANT ALL PRIVILEGES ON DATABASE app TO eve"'),
  S('psql -U postgres -c "ALTER ROLE app SUPERUSER"'),
  S("psql -h db -c \"CREATE USER eve WITH PASSWORD 'x' CREATEROLE\""),
  S("mysql -e \"CREATE USER 'eve'@'%' IDENTIFIED BY 'x'; GRANT ALL ON *.* TO 'eve'@'%'\""),
  S("mysql -uroot -e \"UPDATE mysql.user SET host='%' WHERE user='root'\""),
  S("psql -c \"UPDATE users SET role='admin' WHERE email='eve@example.com'\""),
  S('sqlite3 app.db "UPDATE users SET is_admin = 1 WHERE id = 7"'),
  S('psql -c \'ALTER TABLE accounts DISABLE ROW LEVEL SECURITY\''),
  S('psql -c "CREATE POLICY open_all ON docs USING (true)"'),
  S("mongosh --eval 'db.grantRolesToUser(\"eve\", [\"root\"])'"),
  S("psql <<'SQL'\nGRANT pg_read_all_data TO analyst;\nSQL"),
  S('echo "GRANT SELECT ON ALL TABLES IN SCHEMA public TO anon;" | psql'),
  S('cockroach sql -e "GRANT admin TO eve"'),
  S('redis-cli ACL SETUSER eve on ">pass" "+@all" "~*"'),
  S("mysql -e \"UPDATE users SET is_superuser=1 WHERE username='eve'\" app"),
  S('psql "$PGURL" -c "ALTER USER eve WITH BYPASSRLS"'),

  O('gh repo view --json visibility', 'reads visibility'),
  O('gh pr merge 12 --squash', 'ordinary merge'),
  O("psql -c \"SELECT id, email FROM users WHERE role='admin'\"", 'reads admins'),
  O('psql -c "SELECT rolname FROM pg_roles"', 'lists roles'),
  O('psql -c "CREATE TABLE user_roles (user_id int, role text)"', 'a table about roles'),
  O("sqlite3 app.db \"INSERT INTO audit_log(action) VALUES ('grant viewed')\"", 'data mentioning grant'),
  O('gh api repos/acme/api/collaborators', 'lists collaborators'),
  O('mysql -e "SHOW GRANTS FOR CURRENT_USER"', 'reads own grants'),
  O("psql -c \"UPDATE orders SET status='shipped' WHERE id=4\"", 'ordinary data change'),
];
