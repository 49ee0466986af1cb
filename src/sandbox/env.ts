// The environment a sandboxed command starts with: the agent's, minus every variable whose name says it holds a
// secret (the effect model's classes, src/policy/secrets/envNames.ts), a credential file's path, an agent socket
// that hands out keys, or Countersign's own wiring. Pure: the name classifiers are passed in.

/** Variables removed whatever their name's class: key agents and Countersign's wiring. */
const ALWAYS_REMOVED = new Set([
  'SSH_AUTH_SOCK',
  'SSH_AGENT_PID',
  'GPG_AGENT_INFO',
  'GNOME_KEYRING_CONTROL',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_SECURITY_TOKEN',
  'AZURE_CLIENT_SECRET',
  'AZURE_CLIENT_CERTIFICATE_PASSWORD',
  'GOOGLE_APPLICATION_CREDENTIALS',
  'GOOGLE_GHA_CREDS_PATH',
  'CLOUDSDK_AUTH_ACCESS_TOKEN',
  'VAULT_TOKEN',
  'NPM_TOKEN',
  'NODE_AUTH_TOKEN',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITLAB_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'KUBECONFIG',
  // Set when VS Code's own runtime runs the CLI; inside, it would turn every Electron app into a bare Node.
  'ELECTRON_RUN_AS_NODE',
]);

export interface EnvClassifiers {
  isSecretEnvName: (name: string) => boolean;
  isCredentialPathName: (name: string) => boolean;
}

export interface SandboxEnv {
  env: Record<string, string>;
  removed: string[];
}

export function isRemovedEnvName(name: string, c: EnvClassifiers): boolean {
  const upper = name.toUpperCase();
  if (upper.startsWith('COUNTERSIGN_')) return true;
  if (ALWAYS_REMOVED.has(upper)) return true;
  return c.isSecretEnvName(name) || c.isCredentialPathName(name);
}

export function sandboxEnv(env: NodeJS.ProcessEnv, c: EnvClassifiers): SandboxEnv {
  const out: Record<string, string> = {};
  const removed: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (isRemovedEnvName(name, c)) removed.push(name);
    else out[name] = value;
  }
  return { env: out, removed: removed.sort() };
}
