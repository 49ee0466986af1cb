// kubectl and friends: Secrets and kubeconfig credentials are secrets; Roles, bindings, service-account tokens and
// `auth` changes are RBAC permissions; `exec` runs a command inside a container (analyzed too); the rest is review.
import { text } from '../args';
import { checkPathWord } from '../pathArgs';
import { table, type Handler, type HandlerTable } from './handler';
import { judgeCli } from './cliRules';

const kubectl: Handler = (inv, a) => {
  const t = inv.args.map((w) => text(w).toLowerCase());
  const { call, matched } = judgeCli(a, inv, 'kubectl');
  for (const w of ['-f', '--filename', '--kubeconfig', '--from-file', '--from-env-file', '--patch-file'].flatMap((o) => call.optionWords.get(o) ?? [])) if (w.value !== '-') checkPathWord(a, inv, w, 'read');
  if (t.some((x) => x === '--token' || x.startsWith('--token='))) a.hitOn('secret.credential-cli', 'Passes a cluster token on the command line.', inv);
  // `kubectl apply -f - <<EOF … EOF`: the manifest is right here; check it like a written file.
  // (tree-sitter-bash drops a lone `-` right before `<<EOF`, so a trailing -f means stdin too.)
  const stdinManifest = t.some((x, i) => ((x === '-f' || x === '--filename') && (t[i + 1] === '-' || i === t.length - 1)) || x === '--filename=-' || x === '-f-');
  if (stdinManifest && inv.stdin?.kind === 'text') a.contentOfStdin(inv.stdin, 'manifest.yaml');
  const verb = call.path[0] ?? '';
  if (verb === 'exec' || verb === 'debug' || verb === 'run' || verb === 'attach' || verb === 'cp' || verb === 'port-forward' || verb === 'proxy' || verb === 'rsh' || verb === 'rsync') {
    if (!matched) a.hitOn('container.run', `Runs or reaches into a workload in the cluster (${inv.name} ${verb}).`, inv);
    // `kubectl cp pod:/app/.env .`: both ends are files (pod paths match the built-in globs at any depth).
    if (verb === 'cp' || verb === 'rsync') for (const w of call.pathWords.slice(1)) checkPathWord(a, inv, w, 'read');
    if (call.dash >= 0 && call.dash + 1 < inv.args.length) a.dispatchFrom(inv, call.dash + 1, inv.name);
    else if (verb === 'rsh' && call.pathIndex[2] !== undefined) a.dispatchFrom(inv, call.pathIndex[2], inv.name);
    return;
  }
  if (matched) return;
  if (/^(version|help|explain|api-resources|api-versions|cluster-info|completion|whoami)$/.test(verb) || verb === '') return;
  a.hitOn('cloud.command', `Reads or changes the cluster (${inv.name} ${verb}).`, inv);
};

const helm: Handler = (inv, a) => {
  const { call, matched } = judgeCli(a, inv, 'helm');
  for (const w of [...(call.optionWords.get('-f') ?? []), ...(call.optionWords.get('--values') ?? []), ...(call.optionWords.get('--set-file') ?? []), ...(call.optionWords.get('--kubeconfig') ?? [])]) checkPathWord(a, inv, w, 'read', { skipSpaces: true });
  for (const w of call.optionWords.get('--password') ?? []) if (w.vars.length === 0 && w.substitutions.length === 0 && (w.value ?? '') !== '') a.hitOn('secret.literal', 'Passes a registry password on the command line (--password).', inv, w);
  if (matched) return;
  if (/^(version|help|lint|template|search|show|list|ls|status|history|env|dependency|repo|verify|get|plugin list)?$/.test(call.path[0] ?? '')) return;
  a.hitOn('cloud.command', `Changes cluster releases (helm ${call.path[0] ?? ''}).`, inv);
};

/** argocd and eksctl: tokens, initial passwords and kubeconfigs are credentials; identity mappings are access. */
const clusterTool: Handler = (inv, a) => {
  const path = inv.args.filter((w) => !(w.value ?? '-').startsWith('-')).map((w) => text(w).toLowerCase()).join(' ');
  if (/^(account generate-token|account update-password|admin initial-password|login|cluster add|proj role create-token|utils write-kubeconfig|create iamserviceaccount)\b/.test(path)) {
    a.hitCommand('secret.credential-cli', `Prints or mints cluster credentials (${inv.name} ${path.split(' ').slice(0, 2).join(' ')}).`, inv);
    return;
  }
  if (/^((create|delete) (iamidentitymapping|accessentry|podidentityassociation)|associate-access-policy|utils associate-iam-oidc-provider|proj role add-policy)\b/.test(path)) {
    a.hitCommand('perm.rbac', `Changes who can reach the cluster (${inv.name} ${path.split(' ').slice(0, 2).join(' ')}).`, inv);
    return;
  }
  a.hitOn('cloud.command', `Manages a Kubernetes cluster (${inv.name}).`, inv);
};

/** `k3s kubectl …`, `microk8s kubectl …`, `minikube kubectl -- …`: the kubectl inside. */
const kubeDistribution: Handler = (inv, a) => {
  const first = inv.args.findIndex((w) => !(w.value ?? '-').startsWith('-'));
  const sub = text(inv.args[first]).toLowerCase();
  if (first >= 0 && /^(kubectl|helm|helm3|ctr|crictl|oc)$/.test(sub)) {
    const dash = inv.args.findIndex((w, i) => i > first && w.value === '--');
    // `minikube kubectl -- get secret`: kubectl's arguments follow `--`.
    if (inv.name === 'minikube' && dash > first) a.dispatch({ ...inv, name: '', nameWord: inv.args[first]!, args: inv.args.slice(dash + 1), via: [...inv.via, inv.name] });
    else a.dispatchFrom(inv, first, inv.name);
    return;
  }
  if (/^(kubeconfig|config)$/.test(sub) || (inv.name === 'kind' && sub === 'get' && text(inv.args[first + 1]) === 'kubeconfig') || (inv.name === 'k3d' && sub === 'kubeconfig')) {
    a.hitCommand('secret.credential-cli', `Prints or writes cluster credentials (${inv.name} ${sub}).`, inv);
    return;
  }
  a.hitOn('cloud.command', `Manages a Kubernetes cluster (${inv.name}).`, inv);
};

export const KUBE_COMMANDS: HandlerTable = {
  ...table(['kubectl', 'oc', 'k', 'kubectl.exe', 'microk8s.kubectl', 'kubecolor'], kubectl),
  ...table(['helm', 'helm3', 'microk8s.helm', 'microk8s.helm3'], helm),
  ...table(['k3s', 'microk8s', 'k0s', 'minikube', 'kind', 'k3d'], kubeDistribution),
  ...table(['argocd', 'eksctl'], clusterTool),
  ...table(['k9s', 'kubectx', 'kubens', 'kustomize', 'flux', 'istioctl', 'linkerd', 'skaffold', 'tilt'], (inv, a) => a.hitOn('cloud.command', `Manages a Kubernetes cluster (${inv.name}).`, inv)),
};
