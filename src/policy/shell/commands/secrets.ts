// Credential tools: password managers, keychains, secret stores, key decryption, and runners that inject secrets
// into a command's environment. Anything that prints or hands out a secret is sensitive.
import { text } from '../args';
import { checkPathWords } from '../pathArgs';
import { flag, subcommands, table, type Handler, type HandlerTable } from './handler';
import { judgeCli } from './cliRules';
import { PACKAGE_COMMANDS } from './packages';

const READ_ONLY_VAULT = /^(status|version|-v|--version|help|-h|--help|path-help|plugin)$/;

/** Secret stores: every subcommand except status/help touches secrets or their access. */
function secretStore(label: string): Handler {
  return (inv, a) => {
    const sub = subcommands(inv, 1).words[0] ?? '';
    if (READ_ONLY_VAULT.test(sub)) return;
    a.hitCommand('secret.credential-cli', `Reads, writes or grants access to secrets with ${label}.`, inv);
  };
}

/** Runners that put secrets into the wrapped command's environment (`op run -- cmd`, `doppler run -- cmd`). */
function secretRunner(label: string): Handler {
  return (inv, a) => {
    a.hitCommand('secret.credential-cli', `Runs a command with secrets injected by ${label}.`, inv);
    const dash = inv.args.findIndex((w) => w.value === '--');
    if (dash >= 0 && dash + 1 < inv.args.length) a.dispatchFrom(inv, dash + 1, inv.name);
  };
}

/** 1Password: listing names is a look; reading, injecting and running with secrets hand them out. */
const op: Handler = (inv, a) => {
  const { call, matched } = judgeCli(a, inv, 'op');
  if (matched) return;
  const sub = call.path[0] ?? '';
  if (sub === 'run') {
    a.hitCommand('secret.credential-cli', 'Runs a command with secrets injected by 1Password.', inv);
    if (call.dash >= 0 && call.dash + 1 < inv.args.length) a.dispatchFrom(inv, call.dash + 1, inv.name);
    return;
  }
  if (READ_ONLY_VAULT.test(sub) || (sub === '' && inv.args.length > 0 && call.options.has('--version'))) return;
  a.hitCommand('secret.credential-cli', `Reads, writes or grants access to secrets with 1Password (op ${call.path.slice(0, 2).join(' ')}).`, inv);
};

/** Rails encrypted credentials: `credentials:show|edit|diff|fetch` print or open them decrypted. */
const rails: Handler = (inv, a) => {
  const sub = subcommands(inv, 1, ['-e', '--environment']).words[0] ?? '';
  if (/^(credentials|secrets|encrypted):(show|edit|diff|fetch)$/.test(sub)) {
    a.hitCommand('secret.credential-cli', `Prints or opens the application's decrypted credentials (rails ${sub}).`, inv);
    return;
  }
  PACKAGE_COMMANDS['rails']?.(inv, a);
};

const security: Handler = (inv, a) => {
  const sub = text(inv.args[0]);
  if (/^(find|dump|export|unlock|show|set|add|delete|import|authorizationdb|trust-settings)/.test(sub) || sub === '') {
    a.hitCommand('secret.credential-cli', `Reads or changes the macOS keychain (security ${sub}).`, inv);
  }
};

const gpg: Handler = (inv, a) => {
  const t = inv.args.map(text);
  if (t.some((x) => /^(-d|--decrypt|--export-secret-keys|--export-secret-subkeys|--gen-key|--full-generate-key|--quick-gen-key|--import|--delete-secret-keys|--edit-key|--passphrase.*|--pinentry-mode)$/.test(x))) {
    a.hitCommand('secret.credential-cli', 'Decrypts data or handles private keys with gpg.', inv);
  }
  checkPathWords(a, inv, inv.args.filter((w) => !(w.value ?? '').startsWith('-')), 'read');
};

const sops: Handler = (inv, a) => {
  const t = inv.args.map(text);
  if (t.some((x) => /^(-d|--decrypt|exec-env|exec-file|decrypt|-e|--encrypt|edit|set|updatekeys|rotate)$/.test(x)) || t.length === 1) {
    a.hitCommand('secret.credential-cli', 'Decrypts or edits secrets with sops.', inv);
  }
};

const dotenvRunner: Handler = (inv, a) => {
  // dotenv-cli, direnv exec: load .env/.envrc into the command's environment.
  a.hitCommand('path.secret', `\`${inv.name}\` loads an environment file with secrets into the command.`, inv);
  const dash = inv.args.findIndex((w) => w.value === '--');
  if (dash >= 0 && dash + 1 < inv.args.length) a.dispatchFrom(inv, dash + 1, inv.name);
};

/** openssl: key and certificate files are read (a private key is a secret); decrypting or exporting keys hands them out. */
const openssl: Handler = (inv, a) => {
  const t = inv.args.map(text);
  const sub = t[0] ?? '';
  t.forEach((x, i) => {
    const next = inv.args[i + 1];
    if (!next) return;
    if (/^-(in|inkey|key|signkey|CAkey|passin|kfile|certfile)$/.test(x)) checkPathWords(a, inv, [next], 'read');
  });
  if (/^(s_client|s_server|s_time|ocsp)$/.test(sub)) a.hitOn('net.command', `Opens a network connection (openssl ${sub}).`, inv);
  else if ((sub === 'enc' && t.includes('-d')) || sub === 'pkcs12' || t.some((x) => /^-(decrypt|nodes|noenc|passout|passin)$/.test(x)) || /^(rsautl|pkeyutl|cms|smime)$/.test(sub) && t.includes('-decrypt')) {
    a.hitCommand('secret.credential-cli', `Decrypts data or exports private keys (openssl ${sub}).`, inv);
  } else if (/^(genrsa|genpkey|gendsa)$/.test(sub) || (sub === 'req' && t.some((x) => x === '-newkey' || x === '-new' && t.includes('-keyout')))) {
    a.hitCommand('secret.credential-cli', `Creates a private key (openssl ${sub}).`, inv);
  }
};

export const SECRET_COMMANDS: HandlerTable = {
  openssl,
  vault: secretStore('HashiCorp Vault'),
  op,
  'ansible-vault': (inv, a) => {
    const sub = subcommands(inv, 1, ['--vault-id', '--vault-password-file', '--vault-pass-file', '--output', '--new-vault-id', '--new-vault-password-file', '--encrypt-vault-id', '-n', '--name']).words[0] ?? '';
    if (/^(--version|--help|-h)$/.test(sub)) return;
    a.hitCommand('secret.credential-cli', `Decrypts, shows or changes Ansible Vault secrets (ansible-vault ${sub}).`, inv);
  },
  keyring: (inv, a) => {
    const sub = subcommands(inv, 1, ['-b', '--keyring-backend', '-p', '--keyring-path', '--mode', '--output']).words[0] ?? '';
    if (/^(get|set|del|delete)$/.test(sub)) a.hitCommand('secret.credential-cli', `Reads or changes a password in the system keyring (keyring ${sub}).`, inv);
  },
  rails,
  ...table(['bw', 'lpass', 'keepassxc-cli', 'kpcli', 'pass', 'gopass', 'passage', 'secret-tool', 'kwallet-query', 'keyctl', 'infisical', 'bao', 'chamber', 'akeyless', 'conjur', 'berglas'], (inv, a) => {
    if (['run', 'exec'].includes(text(inv.args[0]))) secretRunner(inv.name)(inv, a);
    else secretStore(inv.name)(inv, a);
  }),
  doppler: (inv, a) => (text(inv.args[0]) === 'run' ? secretRunner('Doppler')(inv, a) : secretStore('Doppler')(inv, a)),
  'aws-vault': secretRunner('aws-vault'),
  teller: secretRunner('teller'),
  security,
  ...table(['gpg', 'gpg2'], gpg),
  sops,
  ...table(['age', 'rage'], (inv, a) => {
    if (inv.args.some((w) => /^(-d|--decrypt|-i|--identity)$/.test(w.value ?? ''))) a.hitCommand('secret.credential-cli', 'Decrypts data with age.', inv);
  }),
  ...table(['dotenv', 'dotenvx', 'env-cmd', 'dotenv-cli'], dotenvRunner),
  direnv: (inv, a) => {
    const sub = text(inv.args[0]);
    if (sub === 'exec' || sub === 'allow' || sub === 'export') dotenvRunner(inv, a);
  },
  'git-credential-manager': flag('secret.credential-cli', () => 'Handles stored git credentials.'),
  ...table(['git-credential-store', 'git-credential-cache', 'git-credential-osxkeychain', 'git-credential-libsecret'], flag('secret.credential-cli', () => 'Handles stored git credentials.')),
};
