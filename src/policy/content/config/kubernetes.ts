// Kubernetes manifests (any document of a multi-document file, pod templates inside Deployments, Jobs, CronJobs …,
// Helm values and kustomize patches, which carry the same keys without a kind): privileged containers, host
// namespaces and host paths, added capabilities, root users, unconfined profiles, Pod Security levels, RBAC roles
// and bindings, Secrets with literal values, Services and NetworkPolicies open to the internet.
import { ADMIN_PORTS, openCidr, webOnly } from './network';
import { Findings, get, getI, isListN, isMapN, items, num, str, strs, truthy, falsy, type PMap, type PNode } from './tree';

/** Capabilities a container runtime grants by default: listing them in `add` changes nothing. */
const DEFAULT_CAPS = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

const HOST_PATH_NOTES: [RegExp, string][] = [
  [/^\/+$/, "the host's whole filesystem"],
  [/docker\.sock|containerd\.sock|crio\.sock|podman\.sock/, 'the container runtime socket (root on the host)'],
  [/^\/(?:etc|root|home|var\/lib\/kubelet|proc|sys|dev|boot|var\/run|run)(?:\/|$)/, 'a host system directory'],
];

function hostPathNote(p: string): string {
  for (const [re, note] of HOST_PATH_NOTES) if (re.test(p)) return ` (${note})`;
  return '';
}

export function docName(doc: PNode): string {
  const kind = str(get(doc, 'kind'));
  const name = str(get(get(doc, 'metadata'), 'name'));
  return [kind, name].filter(Boolean).join(' ');
}

interface Ctx {
  f: Findings;
  where: string;
}

function label(ctx: Ctx, owner: string | undefined): string {
  const parts = [ctx.where, owner ? `container ${owner}` : ''].filter(Boolean);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

/** Capabilities listed under add/cap_add/capAdd/allowedCapabilities. */
export function capabilityFindings(list: PNode | undefined, ctx: Ctx, owner: string | undefined, what = 'adds'): void {
  for (const c of strs(list)) {
    const cap = c.s.trim().toUpperCase().replace(/^CAP_/, '');
    if (DEFAULT_CAPS.has(cap)) continue;
    ctx.f.add('content.privileged', c.node, `${label(ctx, owner)}${what} the Linux capability ${cap === 'ALL' || cap === '*' ? 'ALL (every capability)' : cap}.`, `${ctx.where}|${owner ?? ''}|cap|${cap}`);
  }
}

function securityKeys(m: PMap, ctx: Ctx, owner: string | undefined): void {
  const l = label(ctx, owner);
  const k = `${ctx.where}|${owner ?? ''}`;
  for (const e of m.entries) {
    const v = e.value;
    switch (e.key) {
      case 'privileged':
        if (truthy(v)) ctx.f.add('content.privileged', v, `${l}runs privileged (privileged: true): root on the host.`, `${k}|privileged`);
        else if (falsy(v)) ctx.f.guard('content.privileged', `${k}|privileged:false`, `${l}drops "privileged: false".`, v);
        break;
      case 'allowPrivilegeEscalation':
        if (truthy(v)) ctx.f.add('content.privileged', v, `${l}allows privilege escalation (allowPrivilegeEscalation: true).`, `${k}|ape`);
        else if (falsy(v)) ctx.f.guard('content.privileged', `${k}|ape:false`, `${l}drops "allowPrivilegeEscalation: false".`, v);
        break;
      case 'hostNetwork':
      case 'hostPID':
      case 'hostIPC':
      case 'hostUsers':
        if (e.key === 'hostUsers' ? false : truthy(v)) ctx.f.add('content.privileged', v, `${l}shares the host's ${e.key.slice(4) === 'Network' ? 'network' : e.key.slice(4)} namespace (${e.key}: true).`, `${k}|${e.key}`);
        break;
      case 'runAsUser':
        if (num(v) === 0) ctx.f.add('content.privileged', v, `${l}runs as root (runAsUser: 0).`, `${k}|uid0`);
        break;
      case 'runAsNonRoot':
        if (falsy(v)) ctx.f.add('content.privileged', v, `${l}allows running as root (runAsNonRoot: false).`, `${k}|nonroot:false`);
        else if (truthy(v)) ctx.f.guard('content.privileged', `${k}|nonroot`, `${l}drops "runAsNonRoot: true", so it may run as root.`, v);
        break;
      case 'readOnlyRootFilesystem':
        if (truthy(v)) ctx.f.guard('content.privileged', `${k}|rofs`, `${l}drops "readOnlyRootFilesystem: true".`, v);
        break;
      case 'capabilities':
        capabilityFindings(get(v, 'add'), ctx, owner);
        if (strs(get(v, 'drop')).some((d) => /^(?:CAP_)?ALL$/i.test(d.s))) ctx.f.guard('content.privileged', `${k}|dropall`, `${l}no longer drops ALL capabilities.`, v);
        break;
      case 'allowedCapabilities':
      case 'defaultAddCapabilities':
        capabilityFindings(v, ctx, owner, 'allows');
        break;
      case 'procMount':
        if (/^unmasked$/i.test(str(v) ?? '')) ctx.f.add('content.privileged', v, `${l}unmasks /proc (procMount: Unmasked).`, `${k}|procmount`);
        break;
      case 'seccompProfile':
      case 'appArmorProfile':
        if (/^unconfined$/i.test(str(get(v, 'type')) ?? '')) ctx.f.add('content.privileged', v, `${l}turns ${e.key === 'seccompProfile' ? 'seccomp' : 'AppArmor'} off (type: Unconfined).`, `${k}|${e.key}`);
        break;
      case 'windowsOptions':
        if (truthy(get(v, 'hostProcess'))) ctx.f.add('content.privileged', v, `${l}runs as a Windows host process.`, `${k}|hostprocess`);
        break;
      case 'allowPrivilegedContainer':
      case 'allowHostDirVolumePlugin':
      case 'allowHostNetwork':
      case 'allowHostPID':
      case 'allowHostIPC':
      case 'allowHostPorts':
        // OpenShift SecurityContextConstraints.
        if (truthy(v)) ctx.f.add('content.privileged', v, `${l}allows pods host access (${e.key}: true).`, `${k}|${e.key}`);
        break;
      case 'validationFailureAction':
      case 'enforcementAction':
      case 'failurePolicy':
        // Admission policies (Kyverno, Gatekeeper, webhooks): losing Enforce/deny/Fail lets violations through.
        if (/^(?:enforce|deny|fail)$/i.test(str(v) ?? '')) ctx.f.guard('content.privileged', `${k}|${e.key}`, `${l}stops enforcing an admission policy (${e.key} was ${str(v)}).`, v);
        break;
      case 'hostPath': {
        const p = str(get(v, 'path')) ?? str(v);
        if (p !== undefined) ctx.f.add('content.privileged', v, `${l}mounts the host path ${p}${hostPathNote(p)}.`, `${k}|hostpath|${p}`);
        break;
      }
      default:
        break;
    }
  }
}

/** Walks a document, tracking the container (a map with `image`/`name`) that owns each key. */
function podKeys(n: PNode, ctx: Ctx, owner: string | undefined): void {
  if (isListN(n)) {
    for (const i of n.items) podKeys(i, ctx, owner);
    return;
  }
  if (!isMapN(n)) return;
  const here = get(n, 'image') !== undefined ? (str(get(n, 'name')) ?? owner) : owner;
  securityKeys(n, ctx, here);
  for (const e of n.entries) if (e.value.t !== 'scalar') podKeys(e.value, ctx, here);
}

const DANGEROUS_VERBS = new Set(['escalate', 'bind', 'impersonate']);

/** Maps shaped like RBAC rules (verbs with resources), wherever they sit: a Role, a fragment of one, a chart. */
function rbacRules(doc: PNode): PNode[] {
  const out: PNode[] = [];
  const visit = (n: PNode): void => {
    if (isListN(n)) n.items.forEach(visit);
    else if (isMapN(n)) {
      if (get(n, 'verbs') !== undefined && (get(n, 'resources') !== undefined || get(n, 'apiGroups') !== undefined || get(n, 'nonResourceURLs') !== undefined || n.entries.length === 1)) out.push(n);
      else n.entries.forEach((e) => visit(e.value));
    }
  };
  visit(doc);
  return out;
}

function rbacRoles(doc: PNode, ctx: Ctx): void {
  for (const rule of rbacRules(doc)) {
    const verbs = strs(get(rule, 'verbs')).map((x) => x.s.toLowerCase());
    const resources = strs(get(rule, 'resources')).map((x) => x.s.toLowerCase());
    const groups = strs(get(rule, 'apiGroups')).map((x) => x.s);
    const urls = strs(get(rule, 'nonResourceURLs')).map((x) => x.s);
    const key = `${ctx.where}|rule|${[...verbs].sort().join(',')}|${[...resources].sort().join(',')}|${[...groups].sort().join(',')}|${urls.join(',')}`;
    const l = label(ctx, undefined);
    const why: string[] = [];
    if (verbs.includes('*')) why.push('every verb ("*")');
    if (resources.includes('*')) why.push('every resource ("*")');
    const dv = verbs.filter((v) => DANGEROUS_VERBS.has(v));
    if (dv.length) why.push(`${dv.join('/')} (privilege escalation)`);
    const reads = verbs.some((v) => v === '*' || v === 'get' || v === 'list' || v === 'watch');
    const writes = verbs.some((v) => v === '*' || v === 'create' || v === 'update' || v === 'patch');
    if (reads && resources.some((r) => r === 'secrets' || r === '*')) why.push('reading Secrets');
    if (resources.some((r) => r === 'pods/exec' || r === 'pods/attach' || r === 'nodes/proxy' || r === 'serviceaccounts/token')) why.push('exec or tokens');
    if (writes && resources.some((r) => /^(?:cluster)?role(?:binding)?s$|^(?:mutating|validating)webhookconfigurations$|^certificatesigningrequests\/approval$/.test(r))) why.push('changing RBAC or admission');
    if (urls.includes('*')) why.push('every non-resource URL');
    const at = get(rule, 'verbs') ?? rule;
    ctx.f.add('content.rbac', at, why.length ? `${l}RBAC rule grants ${why.join(', ')}.` : `${l}RBAC rule grants ${verbs.join(', ') || 'no verbs'} on ${resources.join(', ') || urls.join(', ') || 'nothing'}.`, key);
  }
  for (const sel of items(get(get(doc, 'aggregationRule'), 'clusterRoleSelectors'))) ctx.f.add('content.rbac', sel, `${label(ctx, undefined)}aggregates other roles' rules into this role.`, `${ctx.where}|aggregate`);
}

function isBindingSubjects(n: PNode | undefined): boolean {
  return items(n).some((s) => /^(?:User|Group|ServiceAccount)$/.test(str(get(s, 'kind')) ?? ''));
}

const BROAD_GROUPS = /^system:(?:anonymous|unauthenticated|authenticated|serviceaccounts)$/;

function rbacBindings(doc: PNode, ctx: Ctx): void {
  const role = str(get(get(doc, 'roleRef'), 'name')) ?? '?';
  const l = label(ctx, undefined);
  const subjects = items(get(doc, 'subjects'));
  for (const s of subjects) {
    const kind = str(get(s, 'kind')) ?? 'subject';
    const name = str(get(s, 'name')) ?? '?';
    const broad = BROAD_GROUPS.test(name) || name === 'system:anonymous';
    const admin = /^(?:cluster-admin|admin|edit|system:masters)$/.test(role);
    const why = broad ? ` (${name} is everyone${name.endsWith('authenticated') && !name.endsWith('unauthenticated') ? ' with any credential' : ''})` : admin ? ` (${role} is full control)` : '';
    ctx.f.add('content.rbac', get(s, 'name') ?? s, `${l}binds role ${role} to ${kind} ${name}${why}.`, `${ctx.where}|bind|${role}|${kind}|${name}`);
  }
  if (subjects.length === 0 && get(doc, 'roleRef')) ctx.f.add('content.rbac', get(doc, 'roleRef'), `${l}binds role ${role}.`, `${ctx.where}|bind|${role}`);
}

const PLACEHOLDER = /^\s*(?:|<[^>]*>|\$\{[^}]*\}|\{\{.*\}\}|changeme|change-me|placeholder|x+|\*+|todo|replace[-_ ]?me|example|dummy|secret|password)\s*$/i;

function secretManifest(doc: PNode, ctx: Ctx): void {
  for (const field of ['data', 'stringData']) {
    const m = get(doc, field);
    if (!isMapN(m)) continue;
    for (const e of m.entries) {
      const v = str(e.value);
      if (v === undefined || PLACEHOLDER.test(v)) continue;
      if (field === 'data' && PLACEHOLDER.test(Buffer.from(v, 'base64').toString('utf8'))) continue;
      ctx.f.add('content.secret', e.value, `${label(ctx, undefined)}writes a literal secret value (${field}.${e.key}) into a Kubernetes Secret manifest.`, `${ctx.where}|secret|${field}.${e.key}|${v}`);
    }
  }
}

function internalLb(doc: PNode): boolean {
  const ann = get(get(doc, 'metadata'), 'annotations');
  if (!isMapN(ann)) return false;
  return ann.entries.some((e) => (/load-balancer-internal|load-balancer-type|aws-load-balancer-scheme|lb-type/i.test(e.key) && /^(?:true|internal|1)$/i.test(str(e.value) ?? '')));
}

function service(doc: PNode, ctx: Ctx): void {
  const spec = get(doc, 'spec');
  if (!/^LoadBalancer$/i.test(str(get(spec, 'type')) ?? '') || internalLb(doc)) return;
  const ranges = strs(get(spec, 'loadBalancerSourceRanges'));
  const open = ranges.length === 0 || ranges.some((r) => openCidr(r.s));
  if (!open) return;
  const explicit = ranges.find((r) => openCidr(r.s));
  for (const p of items(get(spec, 'ports'))) {
    const port = num(get(p, 'port'));
    if (port === undefined || webOnly({ from: port, to: port })) continue;
    const risky = explicit !== undefined || ADMIN_PORTS.has(port) || ADMIN_PORTS.has(num(get(p, 'targetPort')) ?? -1);
    ctx.f.add('content.network-open', get(p, 'port') ?? p, `${label(ctx, undefined)}exposes port ${port} to the internet through a LoadBalancer${explicit ? ` (source ${explicit.s})` : ' with no source ranges'}.`, `${ctx.where}|lb|${port}`, risky ? undefined : 'review');
  }
}

function networkPolicy(doc: PNode, ctx: Ctx): void {
  const spec = get(doc, 'spec');
  ctx.f.guard('content.network-open', `${ctx.where}|netpol`, `${label(ctx, undefined)}removes a NetworkPolicy, so the pods it isolated accept traffic again.`, doc);
  for (const rule of items(get(spec, 'ingress'))) {
    if (isMapN(rule) && rule.entries.length === 0) {
      ctx.f.add('content.network-open', rule, `${label(ctx, undefined)}allows all ingress traffic (an empty ingress rule).`, `${ctx.where}|allow-all`);
      continue;
    }
    const ports = items(get(rule, 'ports')).map((p) => num(get(p, 'port')));
    const web = ports.length > 0 && ports.every((p) => p !== undefined && webOnly({ from: p, to: num(get(rule, 'endPort')) ?? p }));
    for (const from of items(get(rule, 'from'))) {
      const cidr = str(get(get(from, 'ipBlock'), 'cidr'));
      if (cidr !== undefined && openCidr(cidr) && !web) ctx.f.add('content.network-open', get(get(from, 'ipBlock'), 'cidr'), `${label(ctx, undefined)}allows ingress from ${cidr} (the internet)${ports.length ? ` on ports ${ports.join(', ')}` : ' on every port'}.`, `${ctx.where}|netpol-cidr|${cidr}|${ports.join(',')}`);
    }
    if (!get(rule, 'from') && get(rule, 'ports')) ctx.f.add('content.network-open', rule, `${label(ctx, undefined)}allows ingress from anywhere on ports ${ports.join(', ')}.`, `${ctx.where}|netpol-any|${ports.join(',')}`, web ? 'review' : undefined);
  }
}

const PSA_LEVELS = ['privileged', 'baseline', 'restricted'];

function podSecurityLabels(doc: PNode, ctx: Ctx): void {
  const labels = get(get(doc, 'metadata'), 'labels');
  if (!isMapN(labels)) return;
  for (const e of labels.entries) {
    const m = /^pod-security\.kubernetes\.io\/(enforce|audit|warn)$/.exec(e.key);
    if (!m) continue;
    const level = (str(e.value) ?? '').toLowerCase();
    const idx = PSA_LEVELS.indexOf(level);
    if (m[1] === 'enforce' && level === 'privileged') ctx.f.add('content.privileged', e.value, `${label(ctx, undefined)}sets Pod Security to "privileged": any pod may run with host access.`, `${ctx.where}|psa|privileged`);
    for (let i = 1; i <= idx; i++) ctx.f.guard('content.privileged', `${ctx.where}|psa|${m[1]}|${PSA_LEVELS[i]}`, `${label(ctx, undefined)}lowers or removes Pod Security ${m[1]} (was ${PSA_LEVELS[i]} or stricter).`, e.value);
  }
}

function annotations(doc: PNode, ctx: Ctx): void {
  const visit = (n: PNode | undefined): void => {
    if (!isMapN(n)) return;
    const ann = get(get(n, 'metadata'), 'annotations');
    if (isMapN(ann)) {
      for (const e of ann.entries) {
        if (/(?:seccomp|apparmor)\.security\.(?:alpha|beta)\.kubernetes\.io\//.test(e.key) && /^unconfined$/i.test(str(e.value) ?? '')) ctx.f.add('content.privileged', e.value, `${label(ctx, undefined)}turns ${e.key.startsWith('seccomp') ? 'seccomp' : 'AppArmor'} off (${e.key}: unconfined).`, `${ctx.where}|ann|${e.key}`);
      }
    }
    for (const e of n.entries) if (e.value.t === 'map') visit(e.value);
  };
  visit(doc);
}

/** JSON-patch operations (kustomize patchesJson6902, `kubectl patch --type json`): `path` ends in the key set. */
function jsonPatches(doc: PNode, ctx: Ctx): void {
  const visit = (n: PNode): void => {
    if (isListN(n)) n.items.forEach(visit);
    else if (isMapN(n)) {
      const op = str(get(n, 'op'));
      const path = str(get(n, 'path'));
      const value = get(n, 'value');
      if (op && /^(?:add|replace)$/i.test(op) && path && value) {
        const key = path.split('/').filter(Boolean).pop() ?? '';
        const synthetic: PMap = { t: 'map', start: n.start, end: n.end, entries: [{ key: /^\d+$|^-$/.test(key) ? path.split('/').filter(Boolean).slice(-2, -1)[0] ?? key : key, keyStart: n.start, value }] };
        podKeys(synthetic, ctx, undefined);
      } else n.entries.forEach((e) => visit(e.value));
    }
  };
  visit(doc);
}

/** Findings for one YAML/JSON document (a manifest, or a values file with the same keys). */
export function kubernetesFindings(doc: PNode, f: Findings): void {
  const kind = str(getI(doc, 'kind')) ?? '';
  const ctx: Ctx = { f, where: docName(doc) };
  podKeys(doc, ctx, undefined);
  jsonPatches(doc, ctx);
  annotations(doc, ctx);
  if (/^(?:Cluster)?RoleBinding$/.test(kind) || (!kind && (get(doc, 'roleRef') !== undefined || isBindingSubjects(get(doc, 'subjects'))))) rbacBindings(doc, ctx);
  else if (/^(?:Cluster)?Role$/.test(kind) || !kind) rbacRoles(doc, ctx);
  else if (kind === 'Secret') secretManifest(doc, ctx);
  else if (kind === 'Service') service(doc, ctx);
  else if (kind === 'NetworkPolicy') networkPolicy(doc, ctx);
  else if (kind === 'Namespace') podSecurityLabels(doc, ctx);
  else if (kind === 'List') for (const i of items(get(doc, 'items'))) kubernetesFindings(i, f);
}
