// Cloud CLIs: IAM and policy changes are permissions; commands that print keys or tokens are secrets; opening
// network rules or public ACLs are permissions; the rest changes remote infrastructure (review).
import { text } from '../args';
import { checkPathWord } from '../pathArgs';
import type { Invocation } from '../types';
import { table, type Handler, type HandlerTable } from './handler';
import type { ShellAnalyzer } from '../analyzer';
import { has, pathOf, type CliCall, type CliName } from './cliGrammar';
import { judgeCli } from './cliRules';

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
  fileRefs(a, inv);
  const { call, matched } = judgeCli(a, inv, 'aws');
  if (matched) return;
  const [service, op] = [call.path[0] ?? '', call.path[1] ?? ''];
  if (inv.args.length === 0 || /^(--version|help)$/.test(service) || (service === '' && has(call, '--version'))) return;
  a.hitOn('cloud.command', `Runs a cloud command against AWS (aws ${service} ${op}).`, inv);
};

const gcloud: Handler = (inv, a) => {
  fileRefs(a, inv);
  const { call, matched } = judgeCli(a, inv, 'gcloud');
  if (matched) return;
  const path = pathOf(call);
  if (inv.args.length === 0 || /^(version|help|info|config (list|get|get-value|configurations list))(?= |$)/.test(path) || (path === '' && has(call, '--version'))) return;
  a.hitOn('cloud.command', `Runs a cloud command against Google Cloud (gcloud ${pathOf(call, 3)}).`, inv);
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
  fileRefs(a, inv);
  const { call, matched } = judgeCli(a, inv, 'az');
  if (matched) return;
  const path = pathOf(call);
  if (inv.args.length === 0 || /^(version|help|account (show|list))(?= |$)/.test(path) || (path === '' && has(call, '--version'))) return;
  a.hitOn('cloud.command', `Runs a cloud command against Azure (az ${pathOf(call, 3)}).`, inv);
};

/** terraform, tofu, terragrunt: changes are review; printing state or secret outputs is sensitive. */
const terraform: Handler = (inv, a) => {
  const { call, matched } = judgeCli(a, inv, 'terraform');
  for (const w of [...(call.optionWords.get('-var-file') ?? []), ...(call.optionWords.get('-state') ?? []), ...(call.optionWords.get('-backend-config') ?? [])]) checkPathWord(a, inv, w, 'read');
  if (matched) return;
  if (/^(fmt|validate|version|init|plan|graph|providers|workspace (list|show)|help|get|test|metadata)?$/.test(pathOf(call, 2)) && !(call.path[0] === 'workspace' && !/^(list|show)$/.test(call.path[1] ?? ''))) return;
  a.hitOn('cloud.command', `Changes or reads infrastructure (${inv.name} ${pathOf(call, 2)}).`, inv);
};

const pulumi: Handler = (inv, a) => {
  const { call, matched } = judgeCli(a, inv, 'pulumi');
  if (matched) return;
  const path = pathOf(call);
  if (/^(version|about|whoami|preview|help|stack (ls|select|init)|plugin ls|config)?(?= |$)/.test(path) && !/^config (set|rm|cp)/.test(path) && !/^config get/.test(path)) return;
  a.hitOn('cloud.command', `Changes or reads infrastructure (pulumi ${pathOf(call, 2)}).`, inv);
};

/** Other infrastructure tools: changes are review; printing state or secret outputs is sensitive. */
const iac: Handler = (inv, a) => {
  const t = words(inv);
  const all = t.join(' ');
  if (/\bacl (policy|role|binding-rule|auth-method) (create|update|delete)/.test(all)) {
    a.hitCommand('perm.iam', `Changes ACL policies (${inv.name} acl).`, inv);
    return;
  }
  if (/\bacl (bootstrap|token (create|read|update|clone))|\bacl set-agent-token/.test(all)) {
    a.hitCommand('secret.credential-cli', `Mints or prints ACL tokens (${inv.name} acl).`, inv);
    return;
  }
  if (/output.*(-json|-raw)|state (pull|show)|show.*-json|--show-secrets|\bsecrets? (get|show|read|list|access)|vault (view|decrypt)/.test(all)) {
    a.hitCommand('secret.credential-cli', `Prints infrastructure state or outputs, which hold secrets (${inv.name}).`, inv);
    return;
  }
  if (/^(fmt|validate|version|-version|--version|init|plan|graph|providers|workspace (list|show)|preview|about|whoami|help|-help|synth|diff|ls|list|check)/.test(all) || /--(check|syntax-check|list-hosts|list-tasks)\b/.test(all)) return;
  a.hitOn('cloud.command', `Changes infrastructure (${inv.name} ${t[0] ?? ''}).`, inv);
};

/** PaaS CLIs with their own grammar: a rule names what prints or changes secrets and access; the rest is review. */
function paasByGrammar(cli: CliName): Handler {
  return (inv, a) => {
    const { call, matched } = judgeCli(a, inv, cli);
    literalTokenOption(a, inv, call);
    if (cli === 'heroku' && call.path[0] === 'run' && call.pathIndex[1] !== undefined) a.dispatchFrom(inv, call.pathIndex[1], inv.name);
    if (matched) return;
    const path = pathOf(call);
    if (inv.args.length === 0 || path === '' && has(call, '--version', '-v', '--help', '-h') || /^(version|help|whoami|status)$/.test(path)) return;
    a.hitOn('cloud.command', `Runs ${inv.name} ${pathOf(call, 2)}, which changes or reads a hosted app or service.`, inv);
  };
}

/** `--token sk_live_…`, `--api-key …`, `-t dop_v1_…`: a credential typed on the command line. */
function literalTokenOption(a: ShellAnalyzer, inv: Invocation, call: CliCall): void {
  // `-t` is the token only where the CLI says so (heroku's `-t` is a team).
  const names = ['--token', '--access-token', '--api-key', '--auth', ...(/^(doctl|vercel|vc|fly|flyctl)$/.test(inv.name) ? ['-t'] : [])];
  for (const name of names) {
    for (const w of call.optionWords.get(name) ?? []) {
      const v = w.value ?? '';
      const value = v.includes('=') && v.startsWith('-') ? v.slice(v.indexOf('=') + 1) : v;
      if (value.length >= 8 && !value.startsWith('-') && w.vars.length === 0 && w.substitutions.length === 0) a.hitOn('secret.literal', `Passes a credential on the command line (${name}).`, inv, w);
    }
  }
}

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
  ...table(['terraform', 'tofu', 'terragrunt'], terraform),
  pulumi,
  ...table(['cdk', 'cdktf', 'sam', 'serverless', 'sls', 'ansible', 'ansible-playbook', 'packer', 'nomad', 'consul'], iac),
  heroku: paasByGrammar('heroku'),
  ...table(['vercel', 'vc'], paasByGrammar('vercel')),
  ...table(['netlify', 'ntl', 'netlify-cli'], paasByGrammar('netlify')),
  ...table(['fly', 'flyctl'], paasByGrammar('fly')),
  doctl: paasByGrammar('doctl'),
  ...table(['firebase', 'firebase-tools'], paasByGrammar('firebase')),
  supabase: paasByGrammar('supabase'),
  wrangler: paasByGrammar('wrangler'),
  stripe: paasByGrammar('stripe'),
  ...table(['railway', 'render', 'amplify', 'eb', 'cf', 'oci', 'ibmcloud', 'linode-cli', 'hcloud', 'scw', 'upctl', 'exo', 'twilio', 'sentry-cli', 'planetscale', 'pscale', 'neonctl', 'turso', 'convex'], paas),
};
