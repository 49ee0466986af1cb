// kubectl and friends: Secrets and kubeconfig credentials are secrets; Roles, bindings, service-account tokens and
// `auth` changes are RBAC permissions; `exec` runs a command inside a container (analyzed too); the rest is review.
import { text } from '../args';
import { checkPathWord } from '../pathArgs';
import { table, type Handler, type HandlerTable } from './handler';

const RBAC = /^(roles?|clusterroles?|rolebindings?|clusterrolebindings?|serviceaccounts?|sa|role\.rbac|clusterrole\.rbac|podsecuritypolic(y|ies)|psp|certificatesigningrequests?|csr)(\.|\/|$)/;
const SECRET = /^(secrets?)(\.|\/|$)/;

const kubectl: Handler = (inv, a) => {
  const t = inv.args.map((w) => text(w).toLowerCase());
  const positional = t.filter((x) => !x.startsWith('-'));
  const verb = positional[0] ?? '';
  const resources = (positional[1] ?? '').split(',');
  for (let i = 0; i < inv.args.length; i++) {
    if (/^(-f|--filename|--kubeconfig)$/.test(t[i]!) && inv.args[i + 1]) checkPathWord(a, inv, inv.args[i + 1]!, 'read');
    if (/^(--filename|--kubeconfig)=/.test(t[i]!)) checkPathWord(a, inv, inv.args[i]!, 'read');
  }
  if (t.some((x) => x === '--token' || x.startsWith('--token='))) a.hitOn('secret.credential-cli', 'Passes a cluster token on the command line.', inv);
  // `kubectl apply -f - <<EOF … EOF`: the manifest is right here; check it like a written file.
  // (tree-sitter-bash drops a lone `-` right before `<<EOF`, so a trailing -f means stdin too.)
  const stdinManifest = t.some((x, i) => ((x === '-f' || x === '--filename') && (t[i + 1] === '-' || i === t.length - 1)) || x === '--filename=-' || x === '-f-');
  if (stdinManifest && inv.stdin?.kind === 'text') a.contentOfStdin(inv.stdin, 'manifest.yaml');
  if (verb === 'config' && (t.includes('--raw') || t.includes('--flatten') || /set-credentials|set-cluster/.test(positional[1] ?? ''))) {
    a.hitCommand('secret.credential-cli', 'Prints or changes cluster credentials (kubectl config).', inv);
    return;
  }
  if (verb === 'create' && (positional[1] === 'token' || SECRET.test(positional[1] ?? ''))) {
    a.hitCommand('secret.credential-cli', `Creates a cluster ${positional[1]} (kubectl create ${positional[1]}).`, inv);
    return;
  }
  if (resources.some((r) => SECRET.test(r)) && /^(get|describe|edit|patch|create|delete|apply|replace|label|annotate)$/.test(verb)) {
    a.hitCommand('secret.credential-cli', `Reads or changes Kubernetes Secrets (kubectl ${verb} ${positional[1]}).`, inv);
    return;
  }
  if (resources.some((r) => RBAC.test(r)) && verb !== 'explain') {
    a.hitCommand('perm.rbac', `Reads or changes Kubernetes RBAC (kubectl ${verb} ${positional[1]}).`, inv);
    return;
  }
  if (verb === 'auth' && positional[1] !== 'can-i' && positional[1] !== 'whoami') {
    a.hitCommand('perm.rbac', 'Changes Kubernetes authorization (kubectl auth).', inv);
    return;
  }
  if (verb === 'exec' || verb === 'debug' || verb === 'run' || verb === 'attach' || verb === 'cp' || verb === 'port-forward' || verb === 'proxy') {
    a.hitOn('container.run', `Runs or reaches into a workload in the cluster (kubectl ${verb}).`, inv);
    // `kubectl cp pod:/app/.env .`: both ends are files (pod paths match the built-in globs at any depth).
    if (verb === 'cp') for (const w of inv.args) if (!(w.value ?? '-').startsWith('-') && (w.value ?? '').toLowerCase() !== 'cp') checkPathWord(a, inv, w, 'read');
    const dash = inv.args.findIndex((w) => w.value === '--');
    if (dash >= 0 && dash + 1 < inv.args.length) a.dispatchFrom(inv, dash + 1, inv.name);
    if (t.includes('--privileged') || t.some((x) => /"privileged":\s*true|hostpid|hostnetwork/.test(x))) a.hitCommand('perm.container', 'Starts a privileged pod.', inv);
    return;
  }
  if (/^(version|help|explain|api-resources|api-versions|cluster-info|completion)$/.test(verb) || verb === '') return;
  a.hitOn('cloud.command', `Reads or changes the cluster (kubectl ${verb}).`, inv);
};

const helm: Handler = (inv, a) => {
  const t = inv.args.map((w) => text(w).toLowerCase());
  if (t[0] === 'get' && (t[1] === 'values' || t[1] === 'all' || t[1] === 'manifest')) {
    a.hitCommand('secret.credential-cli', 'Prints a release’s values and manifests, which often hold secrets.', inv);
    return;
  }
  if (/^(version|help|lint|template|search|show|list|ls|status|history|env|dependency|repo)$/.test(t[0] ?? '')) return;
  a.hitOn('cloud.command', `Changes cluster releases (helm ${t[0] ?? ''}).`, inv);
};

export const KUBE_COMMANDS: HandlerTable = {
  ...table(['kubectl', 'oc', 'k', 'kubectl.exe', 'microk8s.kubectl'], kubectl),
  helm,
  ...table(['k9s', 'kubectx', 'kubens', 'minikube', 'kind', 'k3d', 'eksctl', 'kustomize', 'argocd', 'flux', 'istioctl', 'linkerd', 'skaffold', 'tilt'], (inv, a) => a.hitOn('cloud.command', `Manages a Kubernetes cluster (${inv.name}).`, inv)),
};
