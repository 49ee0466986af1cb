// What multi-level CLI commands mean, over the command path the grammar found (cliGrammar.ts): commands that print
// or mint credentials are secrets, commands that change who can do what (IAM, RBAC, repository access, TLS
// verification) are permissions. Each rule names the effect, not a spelling; handlers keep their own fallbacks for
// everything no rule names (a cloud command stays a review).
import { RULES, type RuleId } from '../../reasons';
import type { Risk } from '../../types';
import type { ShellAnalyzer } from '../analyzer';
import type { Invocation } from '../types';
import type { Word } from '../words';
import { GRAMMARS, has, on, optValue, optValues, pathOf, readCli, type CliCall, type CliName } from './cliGrammar';

export interface CliRule {
  /** Tested against the path words joined by single spaces (lower case). */
  path: RegExp;
  when?: (c: CliCall) => boolean;
  /** 'ok': known and harmless (stop here, nothing to add). */
  rule: RuleId | 'ok';
  /** What the command does, for the reason. */
  says: string;
}

/** `^(…)` followed by a word boundary of the path (a space or the end). */
function P(alternatives: string): RegExp {
  return new RegExp(`^(?:${alternatives})(?= |$)`);
}

/** Anywhere in the path, as whole words. */
function W(alternatives: string): RegExp {
  return new RegExp(`(?:^| )(?:${alternatives})(?= |$)`);
}

const SECRET = 'secret.credential-cli';

/** Path words from index `from` on, as written (case kept: `dbPassword`). */
function operands(c: CliCall, from: number): string[] {
  return c.pathWords.slice(from).map((w) => w.value ?? w.raw);
}

/** A configuration key or output name that names a secret (`dbPassword`, `stripe:secretKey`, `api_token`). */
export function secretKey(k: string): boolean {
  const parts = k
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  // The secret word is the last part (`dbPassword`, `client_secret`): `tokenTtlSeconds`, `passwordMinLength` are settings.
  const last = parts[parts.length - 1] ?? '';
  const before = parts[parts.length - 2] ?? '';
  return /^(password|passwd|pass|pwd|passphrase|secret|secrets|token|tokens|apikey|credential|credentials|creds|privatekey|dsn|cookie|auth)$/.test(last) || /(apikey|accesskey|secretkey|privatekey|signingkey|connectionstring|databaseurl|dburl|clientsecret)$/.test(parts.join('')) || (last === 'key' && parts.length > 1 && !/^(public|ssh|gpg|pub|cache|partition|sort|primary|foreign|idempotency)$/.test(before));
}

/** `false`, `0`, `no`, `off` (or nothing) as a setting's value. */
const OFF = /^(false|0|no|off|none|disabled?|)$/i;

// ---- rules per CLI ----

const aws: CliRule[] = [
  { path: P('sts get-caller-identity'), rule: 'cloud.command', says: 'Asks AWS which identity the credentials belong to (no secret printed)' },
  { path: P('eks get-token|rds generate-db-auth-token|sts (get-session-token|assume-role|assume-role-with-saml|assume-role-with-web-identity|get-federation-token|assume-root)|sso get-role-credentials|sso-oidc create-token|sso login|(ecr|ecr-public) (get-login-password|get-login|get-authorization-token)|codeartifact get-authorization-token|redshift get-cluster-credentials(-with-iam)?|redshift-serverless get-credentials|cognito-identity (get-credentials-for-identity|get-open-id-token)|s3 presign'), rule: SECRET, says: 'Mints temporary cloud credentials or a token' },
  { path: P('configure'), when: (c) => !/^(list|list-profiles)$/.test(c.path[1] ?? ''), rule: SECRET, says: 'Prints or changes stored AWS credentials' },
  { path: P('secretsmanager (get-secret-value|batch-get-secret-value|put-secret-value|create-secret|update-secret|restore-secret|rotate-secret|get-random-password)'), rule: SECRET, says: 'Reads or writes a secret in AWS Secrets Manager' },
  { path: P('ssm (get-parameter|get-parameters|get-parameters-by-path|get-parameter-history)'), when: (c) => on(c, '--with-decryption'), rule: SECRET, says: 'Prints decrypted SSM parameters' },
  { path: P('ssm put-parameter'), when: (c) => /securestring/i.test(optValue(c, '--type') ?? ''), rule: SECRET, says: 'Stores a secret parameter' },
  { path: P('kms (decrypt|generate-data-key|generate-data-key-pair|generate-data-key-without-plaintext|re-encrypt)'), rule: SECRET, says: 'Decrypts data or mints data keys with KMS' },
  { path: P('iam (create-access-key|create-login-profile|update-login-profile|create-service-specific-credential|reset-service-specific-credential|upload-ssh-public-key|create-virtual-mfa-device)'), rule: SECRET, says: 'Mints or changes IAM credentials' },
  { path: P('ec2 (get-password-data|create-key-pair)|lightsail (get-instance-access-details|download-default-key-pair|create-key-pair)|iot create-keys-and-certificate|cognito-idp (admin-initiate-auth|initiate-auth|admin-set-user-password|admin-respond-to-auth-challenge)|lambda get-function-configuration'), rule: SECRET, says: 'Prints credentials, keys or secret settings' },
  { path: P('iam|organizations|sso-admin|identitystore'), rule: 'perm.iam', says: 'Changes or reads cloud access policies' },
  { path: P('lambda (add-permission|remove-permission|add-layer-version-permission)'), rule: 'perm.iam', says: 'Changes who may invoke a function' },
  { path: P('lambda (create-function-url-config|update-function-url-config)'), when: (c) => /^none$/i.test(optValue(c, '--auth-type') ?? ''), rule: 'perm.iam', says: 'Opens a function URL with no authentication' },
  { path: /^\S+ (?:(?:put|delete|set)-\S*policy|set-(?:topic|queue)-attributes|add-permission|remove-permission|create-grant|put-bucket-acl|put-object-acl|put-public-access-block|delete-public-access-block|put-bucket-ownership-controls|modify-snapshot-attribute|modify-image-attribute|modify-db-snapshot-attribute|modify-db-cluster-snapshot-attribute|\S*-iam-\S*)(?= |$)/, when: (c) => !/^set-(topic|queue)-attributes$/.test(c.path[1] ?? '') || /policy/i.test(optValues(c, '--attribute-name', '--attributes').join(' ')), rule: 'perm.iam', says: 'Changes a resource access policy' },
  { path: /^\S+ (?:(?:authorize|revoke)-\S*(?:ingress|egress)|modify-security-group-rules|create-network-acl-entry|replace-network-acl-entry)(?= |$)/, rule: 'perm.firewall', says: 'Changes network access rules' },
  { path: P('rds (modify-db-instance|create-db-instance|modify-db-cluster|restore-db-instance-from-db-snapshot)'), when: (c) => on(c, '--publicly-accessible'), rule: 'perm.firewall', says: 'Makes a database reachable from the internet' },
  { path: /^(s3|s3api) /, when: (c) => /^(public-read|public-read-write|authenticated-read)$/i.test(optValue(c, '--acl') ?? '') || /allusers|authenticatedusers/i.test(optValues(c, '--grant-read', '--grant-write', '--grant-full-control', '--grant-read-acp', '--grant-write-acp', '--grants').join(' ')), rule: 'perm.iam', says: 'Makes cloud storage public' },
];

const gcloud: CliRule[] = [
  { path: P('auth (print-access-token|print-identity-token|application-default print-access-token|login|activate-service-account|application-default login)|config config-helper|container clusters get-credentials|sql generate-login-token|iam service-accounts (keys create|sign-jwt|sign-blob)|iam workload-identity-pools create-cred-config'), rule: SECRET, says: 'Prints or mints Google Cloud credentials' },
  { path: P('secrets (versions access|create|versions add)|kms (decrypt|asymmetric-decrypt)'), rule: SECRET, says: 'Reads, writes or decrypts a secret' },
  { path: W('add-iam-policy-binding|remove-iam-policy-binding|set-iam-policy'), rule: 'perm.iam', says: 'Changes Google Cloud IAM policy' },
  { path: /^iam \S+(?: \S+)? (?:create|update|delete|undelete|enable|disable|upload|add-\S+|remove-\S+|set-\S+)(?= |$)/, rule: 'perm.iam', says: 'Changes Google Cloud IAM roles or service accounts' },
  // Reading who has access is kept with the changes: the same panel, the same click.
  { path: W('get-iam-policy|iam'), rule: 'perm.iam', says: 'Reads Google Cloud IAM policy' },
  { path: P('sql users (create|set-password|delete|assign-roles)'), rule: 'perm.iam', says: 'Changes database users' },
  { path: /^(organizations|resource-manager|access-context-manager) .*(?:create|update|delete|set|add|remove|replace)/, rule: 'perm.iam', says: 'Changes organization access policies' },
  { path: P('compute firewall-rules (create|update)'), rule: 'perm.firewall', says: 'Changes Google Cloud firewall rules' },
  // `--allow-unauthenticated` binds allUsers to the invoker role: anyone on the internet may call it.
  { path: P('run deploy|run services update|functions deploy'), when: (c) => on(c, '--allow-unauthenticated'), rule: 'perm.iam', says: 'Lets anyone on the internet invoke the service' },
  { path: P('storage buckets (update|create)'), when: (c) => has(c, '--no-public-access-prevention') || /^(inherited|unspecified)$/i.test(optValue(c, '--public-access-prevention') ?? ''), rule: 'perm.iam', says: 'Removes a bucket’s public-access prevention' },
  { path: P('sql instances (patch|create)'), when: (c) => has(c, '--authorized-networks'), rule: 'perm.firewall', says: 'Changes which networks reach a database' },
  { path: P('config set (auth/disable_ssl_validation|core/custom_ca_certs_file)'), when: (c) => !OFF.test(operands(c, 3)[0] ?? ''), rule: 'perm.tls', says: 'Turns off or replaces TLS verification for gcloud' },
];

const az: CliRule[] = [
  { path: P('account get-access-token|login|aks get-credentials|ad sp create-for-rbac|ad (app|sp) credential reset|acr credential (show|renew)|acr token (create|credential)'), rule: SECRET, says: 'Prints or mints Azure credentials' },
  { path: P('acr login'), when: (c) => has(c, '--expose-token', '-t'), rule: SECRET, says: 'Prints a registry token' },
  { path: P('keyvault secret (show|download|set|backup|restore|recover)|keyvault (key|certificate) (download|backup|import)'), rule: SECRET, says: 'Reads or writes a Key Vault secret' },
  { path: P('(webapp|functionapp) config (appsettings|connection-string) list|(webapp|functionapp) deployment list-publishing-(profiles|credentials)'), rule: SECRET, says: 'Prints app settings and connection strings' },
  { path: W('keys list|keys show|keys renew|keys regenerate|list-keys|regenerate-key|list-connection-strings|show-connection-string|connection-string|list-secrets|list-credentials|get-credentials|generate-sas'), rule: SECRET, says: 'Prints or mints access keys' },
  { path: P('role (assignment|definition) (create|delete|update)|keyvault (set-policy|delete-policy)|policy (assignment|definition|exemption|set-definition) (create|delete|update)|lock (create|delete|update)|identity (create|delete)|identity federated-credential (create|update)'), rule: 'perm.iam', says: 'Changes Azure role assignments or policies' },
  { path: /^ad \S+(?: \S+)? (?:create|delete|update|add|remove|reset|grant|admin-consent)(?= |$)/, rule: 'perm.iam', says: 'Changes Azure directory users, groups or apps' },
  { path: P('role (assignment|definition)|ad (user|group|sp|app)'), rule: 'perm.iam', says: 'Reads Azure role assignments or directory objects' },
  { path: /^\S+(?: \S+)? identity (?:assign|remove)(?= |$)/, rule: 'perm.iam', says: 'Changes a managed identity assignment' },
  { path: P('storage account (create|update)|storage container (create|set-permission)'), when: (c) => /^(true|blob|container)$/i.test(optValue(c, '--allow-blob-public-access', '--public-access') ?? ''), rule: 'perm.iam', says: 'Makes storage public' },
  { path: W('nsg rule (create|update)|firewall-rule (create|update)|network-rule add'), rule: 'perm.firewall', says: 'Changes Azure network access rules' },
  { path: /./, when: (c) => /^enabled$/i.test(optValue(c, '--public-network-access') ?? ''), rule: 'perm.firewall', says: 'Opens a resource to the public network' },
];

const KUBE_SECRET = /^secrets?(\.|\/|$)/;
const KUBE_RBAC = /^(roles?|clusterroles?|rolebindings?|clusterrolebindings?|serviceaccounts?|sa|podsecuritypolic(y|ies)|psp|certificatesigningrequests?|csr|securitycontextconstraints|scc)(\.|\/|$)/;
const resources = (c: CliCall, i = 1): string[] => (c.path[i] ?? '').split(',');
const PRIVILEGED_BODY = /"?privileged"?\s*:\s*true|"?hostpid"?\s*:\s*true|"?hostnetwork"?\s*:\s*true|"?hostipc"?\s*:\s*true|hostpath|"?allowprivilegeescalation"?\s*:\s*true|"?runasuser"?\s*:\s*0\b|capabilities|sys_admin/i;

const kubectl: CliRule[] = [
  { path: P('get|describe|edit|patch|create|delete|apply|replace|label|annotate|set'), when: (c) => resources(c).some((r) => KUBE_SECRET.test(r)) || c.path.slice(1).some((r) => /^secrets?\//.test(r)), rule: SECRET, says: 'Reads or changes Kubernetes Secrets' },
  { path: P('create token|create secret|extract|view-secret|ksd|modify-secret|get-secret|serviceaccounts (get-token|new-token)|sa (get-token|new-token)'), rule: SECRET, says: 'Mints a cluster token or creates a Secret' },
  { path: P('whoami'), when: (c) => on(c, '-t', '--show-token'), rule: SECRET, says: 'Prints the cluster token' },
  { path: P('login'), rule: SECRET, says: 'Logs in to the cluster with credentials' },
  { path: P('config view'), when: (c) => on(c, '--raw', '--flatten'), rule: SECRET, says: 'Prints cluster credentials from the kubeconfig' },
  { path: P('config (set-credentials|set-cluster)'), rule: SECRET, says: 'Changes cluster credentials in the kubeconfig' },
  { path: P('config set'), when: (c) => /token|password|client-key|auth-provider|exec|insecure-skip-tls-verify/.test(c.path[2] ?? ''), rule: SECRET, says: 'Changes cluster credentials in the kubeconfig' },
  { path: P('adm (policy|groups)|policy (add|remove)-\\S+'), rule: 'perm.rbac', says: 'Changes cluster roles or security constraints' },
  { path: P('auth'), when: (c) => !/^(can-i|whoami)$/.test(c.path[1] ?? ''), rule: 'perm.rbac', says: 'Changes Kubernetes authorization' },
  { path: P('certificate (approve|deny)|set (subject|serviceaccount|sa)'), rule: 'perm.rbac', says: 'Grants cluster credentials or changes who a workload runs as' },
  { path: P('create|apply|edit|patch|replace|delete|set|label|annotate|scale|rollout|get|describe'), when: (c) => resources(c).some((r) => KUBE_RBAC.test(r)), rule: 'perm.rbac', says: 'Reads or changes Kubernetes RBAC' },
  // Impersonation acts with another identity's rights.
  { path: /^/, when: (c) => has(c, '--as', '--as-group', '--as-uid'), rule: 'perm.rbac', says: 'Acts as another cluster identity (impersonation)' },
  // A manifest on disk is not read here; one whose name says RBAC is judged by that.
  { path: P('apply|create|replace|patch'), when: (c) => optValues(c, '-f', '--filename').some((f) => /(^|[/._-])(rbac|(cluster)?role-?bindings?|(cluster)?roles?|serviceaccounts?|psp|podsecurity)([/._-]|$)/i.test(f ?? '')), rule: 'perm.rbac', says: 'Applies a manifest whose name says it holds RBAC objects' },
  { path: P('debug'), when: (c) => c.path.slice(1).some((r) => /^(node|nodes|no)\//.test(r)) || /^(sysadmin|netadmin)$/.test(optValue(c, '--profile') ?? ''), rule: 'perm.container', says: 'Debugs with host-level access (node or sysadmin profile)' },
  { path: P('patch|run|create|set'), when: (c) => PRIVILEGED_BODY.test([...optValues(c, '-p', '--patch', '--overrides')].join(' ')) || on(c, '--privileged'), rule: 'perm.container', says: 'Starts or changes a workload to run privileged' },
  { path: P('label'), when: (c) => c.path.slice(1).some((w) => /pod-security\.kubernetes\.io\/\S*=privileged/.test(w)), rule: 'perm.container', says: 'Lets a namespace run privileged pods' },
];

const helm: CliRule[] = [
  { path: P('get (values|all|manifest)'), rule: SECRET, says: 'Prints a release’s values and manifests, which often hold secrets' },
  { path: P('registry login'), rule: SECRET, says: 'Stores registry credentials' },
];

const GH_PERMISSION_API = /\/(collaborators|permissions?|teams?|members|memberships|invitations|keys|deploy[-_]keys|hooks|protection|rulesets|environments|secrets|variables|actions\/permissions|installations|outside_collaborators|access|visibility|settings|vulnerability-alerts|private-vulnerability-reporting)(\/|$|\?)/i;
const ghFields = (c: CliCall): string => optValues(c, '-f', '-F', '--field', '--raw-field').join(' ');
const ghMethod = (c: CliCall): string => (optValue(c, '-X', '--method') ?? '').toUpperCase();

const gh: CliRule[] = [
  { path: P('auth token'), rule: SECRET, says: 'Prints the GitHub token' },
  { path: P('auth status'), when: (c) => on(c, '-t', '--show-token'), rule: SECRET, says: 'Prints the GitHub token' },
  { path: P('auth status'), rule: 'ok', says: '' },
  { path: P('auth'), rule: SECRET, says: 'Handles GitHub credentials' },
  { path: P('config get'), when: (c) => operands(c, 2).some(secretKey), rule: SECRET, says: 'Prints a stored GitHub credential' },
  { path: P('secret (list|ls)|variable'), rule: 'net.command', says: 'Lists secret names or variables' },
  { path: P('secret|ssh-key (add|delete)|gpg-key (add|delete)|repo deploy-key (add|delete)'), rule: SECRET, says: 'Manages GitHub secrets or keys' },
  { path: P('repo (edit|create|fork)'), when: (c) => has(c, '--visibility', '--public', '--internal', '--private') || c.path.slice(2).some((w) => /^(public|private|internal)$/.test(w)), rule: 'perm.repo', says: 'Changes repository visibility' },
  { path: P('repo (delete|archive|unarchive|rename|transfer)'), rule: 'perm.repo', says: 'Deletes, archives or transfers a repository' },
  { path: P('pr merge'), when: (c) => on(c, '--admin'), rule: 'perm.repo', says: 'Merges past branch protection with admin rights' },
  { path: P('api'), when: (c) => GH_PERMISSION_API.test(c.path[1] ?? ''), rule: 'perm.repo', says: 'Reads or changes repository access through the API' },
  { path: P('api'), when: (c) => /(^|\s)(visibility|private|permission|role|allow_forking|security_and_analysis)(\[[^\]]*\])*=/i.test(ghFields(c)) || (c.path[1] === 'graphql' && /updateRepository|addCollaborator|createDeployKey|BranchProtection|visibility|updateTeamRepository|updateEnterprise|updateOrganization/i.test(ghFields(c))), rule: 'perm.repo', says: 'Changes repository access or visibility through the API' },
  { path: P('api'), when: (c) => /^(PATCH|PUT)$/.test(ghMethod(c)) && /^\/?repos\/[^/]+\/[^/]+\/?$/.test(c.path[1] ?? '') && has(c, '--input'), rule: 'perm.repo', says: 'Changes repository settings from a file through the API' },
];

const glab: CliRule[] = [
  { path: P('auth status'), when: (c) => on(c, '-t', '--show-token'), rule: SECRET, says: 'Prints the GitLab token' },
  { path: P('auth status'), rule: 'ok', says: '' },
  { path: P('auth|token (create|rotate)|(ssh-key|deploy-key|gpg-key) (add|delete)|variable (get|set|update|delete|export|import)|securefile (download|create)'), rule: SECRET, says: 'Handles GitLab credentials or CI variables' },
  { path: P('config get'), when: (c) => operands(c, 2).some(secretKey), rule: SECRET, says: 'Prints a stored GitLab credential' },
  { path: P('repo (delete|transfer|archive)|repo members'), rule: 'perm.repo', says: 'Changes GitLab repository access' },
  { path: P('repo create'), when: (c) => has(c, '--public', '--internal', '--visibility'), rule: 'perm.repo', says: 'Creates a repository with wider visibility' },
  { path: P('api'), when: (c) => GH_PERMISSION_API.test(`/${c.path[1] ?? ''}`) || /(^|\s)(visibility|access_level|permission)=/i.test(ghFields(c)), rule: 'perm.repo', says: 'Reads or changes GitLab access through the API' },
];

/** `docker inspect -f '{{.State.Status}}'` prints one field; without a format (or with Env/Config/everything) it prints the environment. */
function inspectShowsEnv(c: CliCall): boolean {
  // Images (`node:20`, `ghcr.io/o/app`) carry only their build-time ENV; containers carry the secrets given at run time.
  const targets = c.path.slice(c.path[0] === 'container' ? 2 : 1);
  if (/^image$/i.test(optValue(c, '--type') ?? '') || (targets.length > 0 && targets.every((t) => /[:/]/.test(t)))) return false;
  const f = optValue(c, '-f', '--format');
  if (f === undefined) return !has(c, '-f', '--format');
  return /env|\{\{\s*(json\s+)?\.(config)?\s*\}\}|json \.config\s*\}\}/i.test(f) || f === '' || /^(json|yaml)$/i.test(f);
}

const docker: CliRule[] = [
  { path: P('login|logout'), rule: SECRET, says: 'Stores or uses registry credentials' },
  { path: P('inspect|container inspect'), when: inspectShowsEnv, rule: SECRET, says: 'Prints a container’s configuration, including its environment variables' },
];

const git: CliRule[] = [];

const terraform: CliRule[] = [
  // `-json` prints every output, sensitive ones in plain text; one named output is judged by its name.
  { path: P('output'), when: (c) => on(c, '-json') || operands(c, 1).some(secretKey) || (on(c, '-raw') && operands(c, 1).length === 0), rule: SECRET, says: 'Prints infrastructure outputs in plain text, sensitive ones included' },
  { path: P('state (pull|show)|show'), when: (c) => c.path[0] === 'state' || on(c, '-json'), rule: SECRET, says: 'Prints infrastructure state, which holds secrets' },
  { path: P('login'), rule: SECRET, says: 'Stores a registry token' },
];

const pulumi: CliRule[] = [
  { path: P('config get'), when: (c) => operands(c, 2).some(secretKey), rule: SECRET, says: 'Prints a configuration secret, decrypted' },
  { path: P('config'), when: (c) => on(c, '--show-secrets'), rule: SECRET, says: 'Prints configuration secrets, decrypted' },
  { path: P('config set'), when: (c) => on(c, '--secret') || operands(c, 2).slice(0, 1).some(secretKey), rule: SECRET, says: 'Stores a secret in stack configuration' },
  { path: P('stack (output|export)'), when: (c) => on(c, '--show-secrets'), rule: SECRET, says: 'Prints stack secrets, decrypted' },
  { path: P('env (open|get|run)'), rule: SECRET, says: 'Opens an environment’s secrets' },
];

const op: CliRule[] = [
  { path: P('(item|vault|document|user|group|account|connect server|events-api) list|whoami|--version|account get|vault get'), rule: 'net.command', says: 'Lists 1Password items or accounts (names only)' },
];

const doctl: CliRule[] = [
  { path: P('auth (init|switch|token)|kubernetes cluster kubeconfig (save|show)|registry (login|docker-config)|databases (connection|user (get|reset|create)|pool (get|create))|compute ssh-key (create|import|delete)|apps (spec get)'), rule: SECRET, says: 'Prints or stores DigitalOcean credentials' },
  { path: P('databases firewalls (append|replace)|compute firewall (create|update|add-rules)'), rule: 'perm.firewall', says: 'Changes who can reach a resource' },
];

const heroku: CliRule[] = [
  { path: P('config|config:get|config:set|config:unset|config:edit|config:pull|auth:token|authorizations|authorizations:create|authorizations:info|authorizations:rotate|pg:credentials|pg:credentials:url|pg:credentials:rotate|redis:credentials|login|auth:login|keys:add'), rule: SECRET, says: 'Prints or changes app secrets or credentials' },
  { path: P('access:add|access:remove|access:update|members:add|members:remove|members:set|apps:transfer|spaces:trust'), rule: 'perm.iam', says: 'Changes who can access the app' },
];

const vercel: CliRule[] = [
  { path: P('env (ls|list)|secrets (ls|list)'), rule: 'net.command', says: 'Lists environment variable names' },
  { path: P('env|pull|secrets|login'), rule: SECRET, says: 'Downloads, prints or changes project secrets' },
  { path: P('teams (add|invite)|project (add|rm)'), rule: 'perm.iam', says: 'Changes who can access the project' },
];

const netlify: CliRule[] = [
  { path: P('env:list|env:get|env:set|env:import|env:unset|env:clone|login|api createAccessToken'), rule: SECRET, says: 'Prints or changes site secrets or credentials' },
];

const fly: CliRule[] = [
  { path: P('secrets (list|ls)'), rule: 'net.command', says: 'Lists secret names' },
  { path: P('secrets|auth (token|login|docker)|tokens (create|attenuate)|ssh issue|postgres users|consul attach'), rule: SECRET, says: 'Prints or changes app secrets or credentials' },
];

const firebase: CliRule[] = [
  { path: P('login|login:ci|login:add|login:use|functions:config:get|functions:config:set|functions:config:clone|functions:config:export|functions:config:unset|functions:secrets:access|functions:secrets:set|functions:secrets:destroy|auth:export'), rule: SECRET, says: 'Prints or changes project credentials or secrets' },
];

const supabase: CliRule[] = [
  { path: P('secrets (list|ls)'), rule: 'net.command', says: 'Lists secret names' },
  { path: P('secrets|login|projects api-keys|branches get'), rule: SECRET, says: 'Prints or changes project secrets or keys' },
];

const wrangler: CliRule[] = [
  { path: P('secret (list|ls)|versions secret (list|ls)'), rule: 'net.command', says: 'Lists secret names' },
  { path: P('secret|versions secret|secret:bulk|login'), rule: SECRET, says: 'Changes Worker secrets or credentials' },
];

const stripe: CliRule[] = [
  { path: P('config'), when: (c) => on(c, '-l', '--list', '-e', '--edit') || has(c, '--set'), rule: SECRET, says: 'Prints or changes stored Stripe API keys' },
  { path: P('login'), rule: SECRET, says: 'Stores Stripe API keys' },
  { path: P('listen'), when: (c) => on(c, '--print-secret'), rule: SECRET, says: 'Prints the webhook signing secret' },
];

export const CLI_RULES: Record<CliName, readonly CliRule[]> = { aws, gcloud, az, kubectl, helm, gh, glab, docker, git, terraform, pulumi, vault: [], op, doctl, heroku, vercel, netlify, fly, firebase, supabase, wrangler, stripe };

function rank(r: CliRule | undefined): number {
  if (!r) return 1;
  if (r.rule === 'ok') return 0;
  const risk: Risk = RULES[r.rule];
  return { safe: 0, review: 1, sensitive: 2, blocked: 3 }[risk];
}

export interface CliJudgement {
  /** The reading the verdict rests on. */
  call: CliCall;
  /** The rule that matched (undefined: none; the handler's own fallback decides). */
  matched: CliRule | undefined;
}

/** Reads the command line by its CLI's grammar and applies the CLI's rules, keeping the worst reading. */
export function judgeCli(a: ShellAnalyzer, inv: Invocation, cli: CliName, args: readonly Word[] = inv.args, label = inv.name): CliJudgement {
  let best: CliJudgement | undefined;
  for (const call of readCli(args, GRAMMARS[cli])) {
    const joined = pathOf(call);
    const matched = CLI_RULES[cli].find((r) => r.path.test(joined) && (!r.when || r.when(call)));
    if (!best || rank(matched) > rank(best.matched)) best = { call, matched };
  }
  const j = best!;
  if (j.matched && j.matched.rule !== 'ok') {
    const shown = j.call.path.slice(0, 3).join(' ');
    // Looking at who may do what changes nothing and reveals no secret: a review, not a permission change.
    if (ACCESS_RULES.has(j.matched.rule) && readsOnly(cli, j.call)) a.hitCommand('cloud.command', `Reads access settings without changing them (${label}${shown ? ` ${shown}` : ''}).`, inv);
    else a.hitCommand(j.matched.rule, `${j.matched.says} (${label}${shown ? ` ${shown}` : ''}).`, inv);
  }
  return j;
}

const ACCESS_RULES = new Set<RuleId>(['perm.iam', 'perm.rbac', 'perm.repo', 'perm.firewall']);
const READ_VERB = /^(list|ls|get|describe|show|view|read|simulate|lookup|search|check|test-iam-permissions|get-iam-policy|can-i|whoami)([-_].*)?$/;
const CHANGE_VERB = /^(create|update|delete|set|add|remove|put|attach|detach|patch|apply|edit|replace|grant|revoke|enable|disable|assign|reset|upload|import|tag|untag|append|modify|authorize|transfer|rename|archive|merge)([-_]|$)/;

/** A command that only reads access settings: a read verb where the CLI puts its verb, and no verb that changes. */
function readsOnly(cli: CliName, c: CliCall): boolean {
  if (cli === 'gh' || cli === 'glab') return c.path[0] === 'api' && (ghMethod(c) === '' || ghMethod(c) === 'GET') && ghFields(c) === '' && !has(c, '--input');
  // Acting as another identity is using its privileges, whatever the verb.
  if (c.path.some((w) => CHANGE_VERB.test(w)) || (cli === 'kubectl' && has(c, '--as', '--as-group', '--as-uid'))) return false;
  const verbs = cli === 'kubectl' ? c.path.slice(0, 1) : cli === 'aws' ? c.path.slice(1, 2) : c.path.slice(1);
  return verbs.some((v) => READ_VERB.test(v));
}
