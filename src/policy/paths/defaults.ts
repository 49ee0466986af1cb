// Built-in sensitive paths. Globs are matched case-insensitively against absolute paths with forward slashes;
// `~/` is the user's home, a pattern without a leading `/`, `~` or `**` matches at any depth. Home-directory
// secrets are written location-independently (`**/.ssh/**`, not `~/.ssh/**`) so they also catch other users'
// homes, /root, and payloads evaluated on another machine.

import { WINDOWS_SECRET_PATHS, WINDOWS_SYSTEM_PATHS } from './windowsDefaults';

export type PathCategory = 'secret' | 'self' | 'protected' | 'system';
/** `any`: reading, listing or writing counts; `write`: only changes count (reading them is ordinary). */
export type PathAccess = 'any' | 'write';

export interface PathRuleSpec {
  glob: string;
  category: PathCategory;
  access: PathAccess;
  /** What the file is, for the reviewer: "an SSH private key". */
  label: string;
  /** A directory rule whose listing is ordinary (names only): `ls secrets/` is not a whole secret directory. */
  listable?: boolean;
}

function rules(category: PathCategory, access: PathAccess, label: string, globs: string[]): PathRuleSpec[] {
  return globs.map((glob) => ({ glob, category, access, label }));
}

/** One command-line tool's credential files, labelled with the tool (the reviewer sees which login is at stake). */
function tool(name: string, globs: string[]): PathRuleSpec[] {
  return rules('secret', 'any', `${name} credentials`, globs);
}

/**
 * Where command-line tools keep logins and tokens. Home-directory files are written `**`-led (other users, /root);
 * files that are also ordinary project files of the same name (`.yarnrc.yml`, `NuGet.Config`, `profiles.yml`)
 * only in the home or tool directory where the token lives.
 */
const CREDENTIAL_STORES: PathRuleSpec[] = [
  ...tool('Kubernetes (kubeconfig)', [
    '/etc/kubernetes/*.conf',
    '**/kubeconfig',
    '**/*.kubeconfig',
    '**/kubeconfig.{yaml,yml,json,conf}',
    '**/*-kubeconfig.{yaml,yml}',
    '**/.kube/*.{yaml,yml,conf,json}',
    '**/.kube/configs/**',
    '**/.talos/config',
  ]),
  ...tool('k3s / RKE2 (Rancher Kubernetes)', [
    '/etc/rancher/{k3s,rke2}/*.yaml',
    '/var/lib/rancher/{k3s,rke2}/server/{token,node-token,agent-token}',
    '/var/lib/rancher/{k3s,rke2}/server/cred/**',
    '/var/lib/rancher/{k3s,rke2}/server/tls/**',
  ]),
  ...tool('Maven', ['**/.m2/settings.xml']),
  ...tool('Gradle', ['**/.gradle/gradle.properties']),
  ...tool('Hugging Face', ['**/.cache/huggingface/token', '**/.cache/huggingface/stored_tokens', '**/.huggingface/token']),
  ...tool('Cloudflare Wrangler', ['**/.dev.vars', '**/.dev.vars.*', '**/.wrangler/config/**', '**/.cloudflared/*.json']),
  ...tool('rclone', ['**/.config/rclone/rclone.conf', '**/.rclone.conf']),
  ...tool('container registry (podman, buildah, skopeo, docker)', ['**/containers/auth.json', '**/.dockercfg']),
  ...tool('Databricks', ['**/.databrickscfg']),
  ...tool('Stripe CLI', ['**/.config/stripe/config.toml']),
  ...tool('yarn (npmAuthToken)', ['~/.yarnrc.yml', '~/.yarnrc', '**/.config/pnpm/rc']),
  ...tool('pip (index URLs with tokens)', ['**/.config/pip/pip.conf', '**/.pip/pip.conf', '**/AppData/Roaming/pip/pip.ini', '/etc/pip.conf']),
  ...tool('Poetry', ['**/pypoetry/auth.toml']),
  ...tool('NuGet', ['**/.nuget/NuGet/NuGet.Config', '**/AppData/Roaming/NuGet/NuGet.Config']),
  ...tool('Composer', ['**/.config/composer/auth.json']),
  ...tool('Vercel', ['**/.vercel/auth.json', '**/com.vercel.cli/auth.json']),
  ...tool('Netlify', ['**/.netlify/config.json', '**/.config/netlify/config.json', '**/Preferences/netlify/config.json']),
  ...tool('Fly.io', ['**/.fly/config.yml']),
  ...tool('Railway', ['**/.railway/config.json']),
  ...tool('Supabase', ['**/.supabase/access-token']),
  ...tool('Firebase', ['**/.config/configstore/firebase-tools.json']),
  ...tool('Snowflake', ['**/.snowflake/connections.toml', '**/.snowflake/config.toml', '**/.snowsql/config']),
  ...tool('dbt', ['**/.dbt/profiles.yml']),
  ...tool('Pulumi', ['**/.pulumi/credentials.json']),
  ...tool('Ansible Vault (password file)', ['**/.vault_pass*', '**/.vault-pass*', '**/.vault_password*', '**/.vault-password*', '**/vault_pass{,word}{,.txt}', '**/vault-pass{,word}{,.txt}']),
  ...tool('Chef / Puppet', ['**/encrypted_data_bag_secret', '**/puppet/ssl/private_keys/**', '**/puppetlabs/puppet/ssl/private_keys/**']),
  ...tool('WireGuard / OpenVPN', ['/etc/wireguard/**', '**/*.ovpn']),
  ...tool('age / SOPS', ['**/sops/age/keys.txt', '**/.age/*.txt']),
  ...tool('Tailscale', ['/var/lib/tailscale/**', '**/tailscaled.state']),
  ...tool('Atuin (history sync key)', ['**/.local/share/atuin/key', '**/.local/share/atuin/session', '**/.config/atuin/key']),
  ...tool('Sentry CLI', ['**/.sentryclirc']),
  ...tool('GitLab (glab, runner)', ['**/glab-cli/config.yml', '**/gitlab-runner/config.toml']),
  ...tool('JFrog', ['**/.jfrog/jfrog-cli.conf*']),
  ...tool('ngrok', ['**/ngrok2/ngrok.yml', '**/.config/ngrok/ngrok.yml', '**/ngrok/ngrok.yml']),
  ...tool('Kaggle', ['**/.kaggle/kaggle.json']),
  ...tool('MinIO client', ['**/.mc/config.json']),
  ...tool('OpenStack', ['**/openstack/clouds.yaml', '**/openstack/secure.yaml']),
  ...tool('Hetzner / Linode / Scaleway / Alibaba / IBM Cloud', ['**/.config/hcloud/cli.toml', '**/.config/linode-cli', '**/.linode-cli', '**/.config/scw/config.yaml', '**/.aliyun/config.json', '**/.bluemix/config.json']),
  ...tool('Cloud Foundry', ['**/.cf/config.json']),
  ...tool('MySQL (login path)', ['**/.mylogin.cnf']),
  ...tool('Bitwarden CLI', ['**/Bitwarden CLI/data.json']),
  ...tool('CircleCI', ['**/.circleci/cli.yml']),
];

const EDITORS = '{Code,Code - Insiders,Code - OSS,VSCodium,Cursor,Windsurf,code-server,Positron}';

/** Files that hold secrets: reading them is as sensitive as changing them. */
export const SECRET_PATHS: PathRuleSpec[] = [
  ...rules('secret', 'any', 'an environment file with secrets', ['**/.env', '**/.env.*', '**/.envrc', '**/*.env', '**/.env*']),
  // Before the generic credential rules, so the reviewer is told which tool's login it is.
  ...CREDENTIAL_STORES,
  ...rules('secret', 'any', 'a private key or certificate store', [
    '**/*.pem',
    '**/*.key',
    '**/*.p12',
    '**/*.pfx',
    '**/*.jks',
    '**/*.keystore',
    '**/*.ppk',
    '**/*.kdbx',
    '**/*.p8',
    '**/*.keychain',
    '**/*.keychain-db',
    '**/id_rsa*',
    '**/id_dsa*',
    '**/id_ecdsa*',
    '**/id_ed25519*',
    '**/secring.*',
  ]),
  ...rules('secret', 'any', 'stored browser or editor logins', [
    `**/${'{Code,Code - Insiders,Code - OSS,VSCodium,Cursor,Windsurf,code-server,Positron}'}/User/globalStorage/state.vscdb*`,
    '**/.mozilla/firefox/*/logins.json',
    '**/.mozilla/firefox/*/key4.db',
    '**/{google-chrome,chromium,Google/Chrome,Chromium,BraveSoftware/Brave-Browser,Microsoft/Edge}/*/{Login Data,Cookies}',
  ]),
  ...rules('secret', 'any', 'an SSH, GPG or keyring directory', [
    '**/.ssh/**',
    '**/.gnupg/**',
    '**/.password-store/**',
    '**/.local/share/keyrings/**',
    '**/Library/Keychains/**',
  ]),
  ...rules('secret', 'any', 'cloud credentials', [
    '**/.aws/**',
    '**/.azure/**',
    '**/.config/gcloud/**',
    '**/.kube/config',
    '**/.kube/config.*',
    '**/.docker/config.json',
    '**/.terraform.d/credentials*',
    '**/*.tfstate',
    '**/*.tfstate.backup',
    '**/*.tfvars',
    '**/.vault-token',
    '**/.config/op/**',
    '**/.oci/**',
    '**/.config/doctl/**',
    '**/.boto',
    '**/.s3cfg',
    '**/.terraformrc',
    '**/terraform.rc',
    '**/local.settings.json',
    '**/*firebase-adminsdk*.json',
    '**/.composer/auth.json',
    '**/.config/github-copilot/**',
  ]),
  ...rules('secret', 'any', 'a credentials file', [
    '**/.netrc',
    '**/_netrc',
    '**/.npmrc',
    '**/.pypirc',
    '**/.pgpass',
    '**/.my.cnf',
    '**/.git-credentials',
    '**/.config/git/credentials',
    '**/.config/gh/hosts.yml',
    '**/.config/hub',
    '**/.cargo/credentials',
    '**/.cargo/credentials.toml',
    '**/.gem/credentials',
    '**/.m2/settings-security.xml',
    '**/.htpasswd',
    '**/credentials',
    '**/credentials.{json,yml,yaml,xml,toml,ini,txt,csv}',
    '**/client_secret*.json',
    '**/service-account*.json',
    '**/*service-account-key*.json',
    '**/secrets.{json,yml,yaml,toml,ini,env,txt,properties,xml}',
    '**/.secrets',
    '**/*.secret',
    '**/*.secrets',
    '**/.*_history',
  ]),
  // A folder named `secrets` holds secret files in deployments (Kubernetes, Docker, SOPS) but code in projects
  // (`src/secrets/manager.ts`): its source files are exceptions (SECRETS_FOLDER_CODE below), and listing it only
  // shows names, so it is not a whole secret directory.
  { glob: '**/secrets/**', category: 'secret', access: 'any', label: 'a file in a secrets folder', listable: true },
  ...rules('secret', 'any', 'system credentials', [
    '/etc/shadow',
    '/etc/shadow-',
    '/etc/gshadow',
    '/etc/sudoers',
    '/etc/sudoers.d/**',
    '/etc/ssh/ssh_host_*',
    '/etc/security/opasswd',
    '/proc/*/environ',
    '/proc/self/environ',
    '/run/secrets/**',
    '/var/run/secrets/**',
  ]),
  ...WINDOWS_SECRET_PATHS,
];

/** Countersign's own guard rails: the agent hook configs, agent permission settings, editor settings, git hooks. */
export const SELF_PATHS: PathRuleSpec[] = [
  ...rules('self', 'any', "an agent's hook or permission settings", [
    '**/.claude/settings*.json',
    '**/.claude/hooks/**',
    '**/.claude/.credentials.json',
    '**/.claude.json',
    '**/.github/hooks/**',
    '**/.copilot/**',
    '**/.cursor/hooks.json',
    '**/.cursor/hooks/**',
    '**/.cursor/cli.json',
    '**/.cursor/cli-config.json',
    '**/.gemini/**',
    '**/.codex/**',
    '**/.clinerules/hooks/**',
    '**/.cline/**',
    '**/Documents/Cline/**',
    '**/.mcp.json',
    '**/.vscode/mcp.json',
    '**/.cursor/mcp.json',
  ]),
  ...rules('self', 'any', 'VS Code settings', [
    '**/.vscode/settings.json',
    '**/*.code-workspace',
    `**/${EDITORS}/User/settings.json`,
    `**/${EDITORS}/User/profiles/*/settings.json`,
    `**/${EDITORS}/User/globalStorage/countersign.countersign/**`,
    '**/.vscode-server*/data/{Machine,User}/settings.json',
    '**/.vscode-server*/data/User/globalStorage/countersign.countersign/**',
    '**/extensions/countersign.countersign-*/**',
  ]),
  ...rules('self', 'any', 'git hooks', ['**/.git/hooks/**', '**/.githooks/**']),
  ...rules('self', 'write', 'git configuration (core.hooksPath, credential helpers)', [
    '**/.git/config',
    '**/.gitconfig',
    '**/.config/git/config',
    '/etc/gitconfig',
  ]),
];

/** System and start-up files: reading them is ordinary, changing them is not. */
export const SYSTEM_PATHS: PathRuleSpec[] = [
  ...rules('system', 'write', 'a system file', [
    '/etc/**',
    '/usr/**',
    '/bin/**',
    '/sbin/**',
    '/lib/**',
    '/lib64/**',
    '/boot/**',
    '/var/spool/cron/**',
    '/Library/**',
    '/System/**',
    'C:/Windows/**',
  ]),
  ...rules('system', 'write', 'a shell start-up or auto-start file', [
    '**/.bashrc',
    '**/.bash_profile',
    '**/.bash_login',
    '**/.bash_logout',
    '**/.profile',
    '**/.zshrc',
    '**/.zprofile',
    '**/.zshenv',
    '**/.zlogin',
    '**/.config/fish/**',
    '**/.config/autostart/**',
    '**/.config/systemd/**',
    '**/Library/LaunchAgents/**',
    '**/Library/LaunchDaemons/**',
    '**/.ssh/rc',
  ]),
  ...WINDOWS_SYSTEM_PATHS,
];

/**
 * Source code, docs and tests inside a `secrets/` folder (or a `credentials/` or `kubeconfig/` package, which the
 * file rules of those names also cover) are the project's code about secrets, not secrets
 * (`src/secrets/manager.ts`, `app/secrets/__init__.py`, `pkg/kubeconfig/loader.go`). Data files there (.yaml, .json, .env, no extension) stay
 * secret. A real key written into such a file is still caught by the content detectors.
 */
const SECRETS_FOLDER_CODE =
  '**/{secrets,credentials,kubeconfig}/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,py,pyi,go,rs,rb,java,kt,kts,scala,swift,c,h,cc,cpp,hpp,cs,fs,php,ex,exs,erl,clj,dart,lua,vue,svelte,md,mdx,rst,adoc,snap,html,css,scss,proto,graphql,sql}';

/** Not secrets although a secret glob matches them: templates and public keys. Users add more in allowedPaths. */
export const BUILTIN_ALLOWED: string[] = [
  '**/.env.example',
  '**/.env.sample',
  '**/.env.template',
  '**/.env.dist',
  '**/.env.defaults',
  '**/.env.schema',
  '**/.env*.example',
  '**/.env*.sample',
  '**/.env*.template',
  '**/.env*.dist',
  '**/*.example.env',
  '**/*.sample.env',
  '**/*.pub',
  '**/.dev.vars.{example,sample,template}',
  SECRETS_FOLDER_CODE,
  // A secrets package inside a source tree, as a whole (`git diff src/secrets/`, `grep -rn TODO app/secrets`).
  '**/{src,lib,app,apps,pkg,internal,cmd,packages,modules,services,server,client,core}/**/{secrets,credentials}',
];

/** The list shown as the default of `countersign.sensitivePaths` (reads and writes; the policy always applies it). */
export function defaultSensitiveGlobs(): string[] {
  return [...SECRET_PATHS, ...SELF_PATHS].filter((r) => r.access === 'any').map((r) => r.glob);
}
