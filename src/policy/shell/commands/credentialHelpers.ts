// Credential helpers and account databases read directly: the programs Docker and git call to fetch a stored
// login (`docker-credential-<store> get|list`, `git-credential-<store> get`), run by hand, print it; `getent
// shadow` prints the password hashes `/etc/shadow` holds. Matched by the helper naming scheme, not by store name,
// so a new store is covered.
import { subcommands, type Handler, type HandlerTable } from './handler';

/** `docker-credential-desktop`, `docker-credential-osxkeychain`, `git-credential-libsecret` … */
export const CREDENTIAL_HELPER_NAME = /^(?:docker|git)-credential-[a-z0-9][\w.-]*$/;

/** `get`/`list`/`fill` hand a secret out; `store`/`erase` change what is stored: every operation touches it. */
export const credentialHelper: Handler = (inv, a) => {
  const op = subcommands(inv, 1).words[0] ?? '';
  if (/^(?:-v|--version|version|-h|--help|help)$/.test(op)) return;
  a.understand(inv, ...inv.args);
  a.hitCommand('secret.credential-cli', `Reads or changes stored logins with the credential helper \`${inv.name}\`${op ? ` (${op})` : ''}.`, inv);
};

/** Account databases that hold password hashes: a read of them is a read of /etc/shadow. */
const SHADOW_DATABASES = /^g?shadow$/;

const getent: Handler = (inv, a) => {
  a.understand(inv, ...inv.args);
  // `-s SERVICE` takes a value; the database is the first operand after the options.
  const db = inv.args.find((w, i) => !(w.value ?? '').startsWith('-') && !/^(-s|--service)$/.test(inv.args[i - 1]?.value ?? ''));
  if (db && (db.value === undefined || SHADOW_DATABASES.test(db.value))) a.hitOn('path.secret', `Prints the password hashes of the ${db.value ?? 'computed'} database (getent).`, inv, db);
};

export const CREDENTIAL_HELPER_COMMANDS: HandlerTable = { getent };
