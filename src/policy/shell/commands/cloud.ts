// Cloud CLIs: IAM and policy changes are permissions; commands that print keys or tokens are secrets; opening
// network rules or public ACLs are permissions; the rest changes remote infrastructure (review).
import { text } from '../args';
import { checkPathWord } from '../pathArgs';
import type { Invocation } from '../types';
import { table, type Handler, type HandlerTable } from './handler';
import type { ShellAnalyzer } from '../analyzer';

function words(inv: Invocation): string[] {
  return inv.args.map((w) => text(w).toLowerCase());
}

function fileRefs(a: ShellAnalyzer, inv: Invocation): void {
  // file://policy.json, fileb://key, --cli-input-json file://…: the file is read and sent.
  for (const w of inv.args) {
    const v = w.value ?? '';
    if (/^fileb?:\/\//i.test(v)) checkPathWord(a, inv, { ...w, pattern: w.pattern.replace(/^fileb?:\/\//i, ''), value: v.replace(/^fileb?:\/\//i, '') }, 'read');
    else if (/^[~./]/.test(v) || v.includes('/')) checkPathWord(a, inv, w, 'read', { skipSpaces: true });
  }
}

const aws: Handler = (inv, a) => {
  const t = words(inv);
  const ops = t.filter((x) => !x.startsWith('-'));
  const [service, op] = [ops[0] ?? '', ops[1] ?? ''];
  const all = t.join(' ');
  fileRefs(a, inv);
  if (service === 'iam' || service === 'organizations' || service === 'sso-admin' || service === 'identitystore' || (service === 'lambda' && /permission/.test(op)) || /(put|delete)-(bucket|key|resource|repository|queue|topic|function|secret|vault|registry)-policy|set-(topic|queue)-attributes.*policy|-iam-|add-permission|remove-permission|create-grant|put-bucket-acl|put-object-acl|put-public-access-block|delete-public-access-block|modify-snapshot-attribute|modify-image-attribute/.test(op)) {
    a.hitCommand('perm.iam', `Changes or reads cloud access policies (aws ${service} ${op}).`, inv);
    return;
  }
  if (/authorize-security-group|revoke-security-group|modify-security-group|create-network-acl-entry|replace-network-acl-entry/.test(op)) {
    a.hitCommand('perm.firewall', `Changes network access rules (aws ${service} ${op}).`, inv);
    return;
  }
  if ((service === 'sts' && /assume-role|get-session-token|get-federation-token/.test(op)) || (service === 'secretsmanager' && /get-secret-value|put-secret-value|create-secret|batch-get-secret-value|update-secret/.test(op)) || (service === 'ssm' && /get-parameter/.test(op) && /with-decryption/.test(all)) || (service === 'configure' && op !== 'list' && op !== 'list-profiles') || (service === 'ecr' && /get-login/.test(op)) || (service === 'kms' && /decrypt|generate-data-key/.test(op)) || (service === 'cognito-idp' && /admin-|initiate-auth/.test(op)) || (service === 'iot' && /create-keys/.test(op)) || /create-access-key|get-access-key|create-login-profile|get-secret|get-password|get-authorization-token|export-credentials|create-key-pair|get-password-data/.test(op)) {
    a.hitCommand('secret.credential-cli', `Prints or changes cloud credentials or secrets (aws ${service} ${op}).`, inv);
    return;
  }
  if (/--acl\s+(public-read|public-read-write|authenticated-read)|--grants/.test(all)) {
    a.hitCommand('perm.iam', 'Makes cloud storage objects public.', inv);
    return;
  }
  if (t.length === 0 || /^(--version|help)$/.test(service)) return;
  a.hitOn('cloud.command', `Runs a cloud command against AWS (aws ${service} ${op}).`, inv);
};

const gcloud: Handler = (inv, a) => {
  const t = words(inv);
  const all = t.join(' ');
  fileRefs(a, inv);
  if (/(add|remove)-iam-policy-binding|set-iam-policy|get-iam-policy|\biam\b|organizations|resource-manager|service-accounts keys|access-context-manager/.test(all)) {
    a.hitCommand('perm.iam', 'Changes or reads Google Cloud IAM policy.', inv);
    return;
  }
  if (/auth (print-access-token|print-identity-token|application-default print-access-token|login|activate-service-account|application-default login)|secrets versions access|secrets (create|add)|kms decrypt|config config-helper|sql users|container clusters get-credentials/.test(all)) {
    a.hitCommand('secret.credential-cli', 'Prints or changes Google Cloud credentials or secrets.', inv);
    return;
  }
  if (/compute firewall-rules (create|update)|source-ranges/.test(all)) {
    a.hitCommand('perm.firewall', 'Changes Google Cloud firewall rules.', inv);
    return;
  }
  if (t.length === 0 || /^(--version|version|help|info|config list|config get)/.test(all)) return;
  a.hitOn('cloud.command', 'Runs a cloud command against Google Cloud.', inv);
};

const gsutil: Handler = (inv, a) => {
  const t = words(inv);
  fileRefs(a, inv);
  if (t.some((x) => x === 'iam' || x === 'acl' || x === 'defacl') || t.some((x) => /allusers|allauthenticatedusers/.test(x))) {
    a.hitCommand('perm.iam', 'Changes Cloud Storage access (gsutil iam/acl).', inv);
    return;
  }
  a.hitOn('cloud.command', 'Copies or changes Cloud Storage data.', inv);
};

const az: Handler = (inv, a) => {
  const t = words(inv);
  const all = t.join(' ');
  fileRefs(a, inv);
  if (/\brole (assignment|definition)|\bad (user|group|sp|app)|\bidentity\b|policy assignment|lock (create|delete)/.test(all)) {
    a.hitCommand('perm.iam', 'Changes or reads Azure role assignments or directory objects.', inv);
    return;
  }
  if (/keyvault (secret|key|certificate)|account get-access-token|storage account keys|\blogin\b|sp create-for-rbac|credential reset|acr credential|aks get-credentials|connection-string|list-keys|list-secrets|keys list/.test(all)) {
    a.hitCommand('secret.credential-cli', 'Prints or changes Azure credentials or secrets.', inv);
    return;
  }
  if (/nsg rule (create|update)|firewall-rule (create|update)|network-rule add|public-network-access\s+enabled/.test(all)) {
    a.hitCommand('perm.firewall', 'Changes Azure network access rules.', inv);
    return;
  }
  if (t.length === 0 || /^(--version|version|help|account show|account list)/.test(all)) return;
  a.hitOn('cloud.command', 'Runs a cloud command against Azure.', inv);
};

/** Infrastructure tools: changes are review; printing state or secret outputs is sensitive. */
const iac: Handler = (inv, a) => {
  const t = words(inv);
  const all = t.join(' ');
  if (/output.*(-json|-raw)|state (pull|show)|show.*-json|config.*--show-secrets|stack output.*--show-secrets|secrets|vault/.test(all)) {
    a.hitCommand('secret.credential-cli', `Prints infrastructure state or outputs, which hold secrets (${inv.name}).`, inv);
    return;
  }
  if (/^(fmt|validate|version|-version|--version|init|plan|graph|providers|workspace (list|show)|preview|about|whoami|help|-help)/.test(all)) return;
  a.hitOn('cloud.command', `Changes infrastructure (${inv.name} ${t[0] ?? ''}).`, inv);
};

/** PaaS CLIs whose config/env commands print secrets. */
const paas: Handler = (inv, a) => {
  const all = words(inv).join(' ');
  if (/\b(config|env|secrets?|auth:token|tokens?|login|keys|credentials)\b/.test(all) && !/\b(help|--help)\b/.test(all)) {
    a.hitCommand('secret.credential-cli', `Reads or changes app secrets or credentials (${inv.name}).`, inv);
    return;
  }
  if (/\b(access|members|collaborators|roles?|permissions|teams?)\b/.test(all)) {
    a.hitCommand('perm.iam', `Changes who can access the app (${inv.name}).`, inv);
    return;
  }
  a.hitOn('cloud.command', `Runs ${inv.name}, which changes a hosted app or service.`, inv);
};

export const CLOUD_COMMANDS: HandlerTable = {
  ...table(['aws', 'awslocal', 'aws.exe'], aws),
  ...table(['gcloud', 'gcloud.cmd'], gcloud),
  gsutil,
  ...table(['az', 'az.cmd'], az),
  ...table(['terraform', 'tofu', 'terragrunt', 'pulumi', 'cdk', 'cdktf', 'sam', 'serverless', 'sls', 'ansible', 'ansible-playbook', 'packer', 'nomad', 'consul'], iac),
  ...table(['heroku', 'vercel', 'netlify', 'fly', 'flyctl', 'railway', 'render', 'doctl', 'firebase', 'supabase', 'wrangler', 'amplify', 'eb', 'cf', 'oci', 'ibmcloud', 'linode-cli', 'hcloud', 'scw', 'upctl', 'exo', 'stripe', 'twilio', 'sentry-cli', 'planetscale', 'pscale', 'neonctl', 'turso', 'convex'], paas),
};
