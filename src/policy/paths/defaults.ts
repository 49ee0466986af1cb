// Built-in sensitive paths. Globs are matched case-insensitively against absolute paths with forward slashes;
// `~/` is the user's home, a pattern without a leading `/`, `~` or `**` matches at any depth. Home-directory
// secrets are written location-independently (`**/.ssh/**`, not `~/.ssh/**`) so they also catch other users'
// homes, /root, and payloads evaluated on another machine.

export type PathCategory = 'secret' | 'self' | 'protected' | 'system';
/** `any`: reading, listing or writing counts; `write`: only changes count (reading them is ordinary). */
export type PathAccess = 'any' | 'write';

export interface PathRuleSpec {
  glob: string;
  category: PathCategory;
  access: PathAccess;
  /** What the file is, for the reviewer: "an SSH private key". */
  label: string;
}

function rules(category: PathCategory, access: PathAccess, label: string, globs: string[]): PathRuleSpec[] {
  return globs.map((glob) => ({ glob, category, access, label }));
}

const EDITORS = '{Code,Code - Insiders,Code - OSS,VSCodium,Cursor,Windsurf,code-server,Positron}';

/** Files that hold secrets: reading them is as sensitive as changing them. */
export const SECRET_PATHS: PathRuleSpec[] = [
  ...rules('secret', 'any', 'an environment file with secrets', ['**/.env', '**/.env.*', '**/.envrc', '**/*.env', '**/.env*']),
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
    '**/kubeconfig',
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
    '**/secrets/**',
    '**/.*_history',
  ]),
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
];

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
];

/** The list shown as the default of `countersign.sensitivePaths` (reads and writes; the policy always applies it). */
export function defaultSensitiveGlobs(): string[] {
  return [...SECRET_PATHS, ...SELF_PATHS].filter((r) => r.access === 'any').map((r) => r.glob);
}
