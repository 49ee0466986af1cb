// Terraform (HCL or .tf.json), judged by attribute meaning in any resource: ingress open to the internet on more
// than the web ports (AWS security groups and rules, GCP firewalls, Azure NSGs, NACLs, authorized networks), public
// storage (ACLs, public-access blocks off or removed, allUsers, Azure public blobs), IAM wildcards (policies in
// jsonencode, heredocs, aws_iam_policy_document), administrator role bindings on AWS/GCP/Azure, credentials minted,
// functions and APIs without authentication, and the Kubernetes provider's RBAC and pod security fields.
import { kubernetesFindings } from './kubernetes';
import { managedPolicyFindings, policyStatements } from './iamPolicy';
import { mentionsOpenCidr, openCidr, parsePortSpec, portText, webOnly, type PortRange } from './network';
import { Findings, falsy, get, isMapN, items, num, str, strs, truthy, walk, type PEntry, type PMap, type PNode } from './tree';

interface Resource {
  type: string;
  name: string;
  body: PMap;
}

function resourcesOf(root: PMap): Resource[] {
  const out: Resource[] = [];
  for (const e of root.entries) {
    if (e.key !== 'resource' && e.key !== 'data' && e.key !== 'module') continue;
    const v = e.value;
    if (isMapN(v) && v.labels) {
      out.push({ type: `${e.key === 'data' ? 'data.' : e.key === 'module' ? 'module.' : ''}${v.labels[0] ?? ''}`, name: v.labels[v.labels.length - 1] ?? '', body: v });
    } else if (isMapN(v)) {
      // .tf.json: { "resource": { "aws_s3_bucket": { "b": {…} } } }
      for (const t of v.entries) for (const n of isMapN(t.value) ? t.value.entries : []) for (const b of items(n.value)) if (isMapN(b)) out.push({ type: t.key, name: n.key, body: b });
    }
  }
  return out;
}

const OPEN_ATTRS = new Set(['cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6', 'cidr_block', 'ipv6_cidr_block', 'source_ranges', 'source_address_prefix', 'source_address_prefixes', 'source_ip_ranges', 'ip_range', 'ip_ranges', 'source_cidr_blocks', 'allowed_cidr_blocks', 'ingress_cidr_blocks', 'cidr', 'start_ip_address', 'source_addresses', 'source_ips']);

/** Variables and module inputs named for who may connect (`ssh_cidr`, `allowed_ips`, `admin_ip_ranges` …). */
export const ALLOW_LIST_NAME = /(?:^|_)(?:cidrs?|cidr_blocks?|ip_ranges?|source_ranges?|allowed_ips?|allowed_cidrs?|ip_allow(?:list)?|whitelist|allowlist|trusted_(?:ips?|cidrs?|networks?)|admin_(?:ips?|cidrs?)|ssh_(?:ips?|cidrs?)|ingress_(?:ips?|cidrs?)|authorized_networks?|source_addresses)(?:_|$)/i;
const NOT_ALLOW_LIST = /egress|outbound|destination|vpc|subnet|private|pod_|service_cidr|cluster_cidr|docker_bridge/i;

function isEgress(m: PMap, path: string[], type: string): boolean {
  if (path.some((p) => /egress|outbound/i.test(p))) return true;
  if (/egress/.test(type)) return true;
  const t = (str(get(m, 'type')) ?? str(get(m, 'direction')) ?? '').toLowerCase();
  if (t === 'egress' || t === 'outbound') return true;
  if (truthy(get(m, 'egress'))) return true;
  const action = (str(get(m, 'access')) ?? str(get(m, 'rule_action')) ?? str(get(m, 'action')) ?? '').toLowerCase();
  return action === 'deny';
}

function portsOf(m: PMap, resource: PMap): PortRange[] {
  const proto = str(get(m, 'protocol', 'ip_protocol'));
  const from = num(get(m, 'from_port', 'port'));
  const to = num(get(m, 'to_port', 'port'));
  if (from !== undefined || to !== undefined || get(m, 'from_port', 'to_port')) {
    const r: PortRange = {};
    if (from !== undefined) r.from = from;
    if (to !== undefined) r.to = to;
    if (proto !== undefined) r.proto = proto;
    return [r];
  }
  const azure = strs(get(m, 'destination_port_range', 'destination_port_ranges', 'port_range'));
  if (azure.length) return azure.map((x) => parsePortSpec(x.s));
  // GCP: allow { protocol = "tcp", ports = ["22"] } blocks beside source_ranges.
  const allows = items(get(m, 'allow')).concat(m === resource ? [] : items(get(resource, 'allow')));
  if (allows.length) {
    const out: PortRange[] = [];
    for (const a of allows) {
      const p = str(get(a, 'protocol')) ?? 'all';
      const ports = strs(get(a, 'ports'));
      if (ports.length === 0) out.push(/^(?:tcp|udp|sctp|all)$/i.test(p) ? { proto: 'all' } : { proto: p });
      else for (const x of ports) out.push(parsePortSpec(x.s));
    }
    return out;
  }
  if (proto !== undefined) return [{ proto }];
  return [{}];
}

function networkFindings(r: Resource, f: Findings, where: string): void {
  walk(r.body, (n, path) => {
    if (!isMapN(n)) return;
    for (const e of n.entries) {
      if (!OPEN_ATTRS.has(e.key) && !(e.key === 'value' && path.includes('authorized_networks'))) continue;
      let open: string | undefined;
      // Azure SQL firewall rules spell "everyone" as the range 0.0.0.0–255.255.255.255 (0.0.0.0–0.0.0.0 is "Azure services").
      if (e.key === 'start_ip_address') open = str(e.value) === '0.0.0.0' && str(get(n, 'end_ip_address')) === '255.255.255.255' ? '0.0.0.0-255.255.255.255' : undefined;
      else for (const x of strs(e.value)) if (openCidr(x.s)) open = x.s;
      if (!open) {
        const raw = str(e.value);
        open = raw !== undefined && e.value.t === 'scalar' && e.value.expr ? mentionsOpenCidr(raw) : undefined;
      }
      if (!open || isEgress(n, path, r.type)) continue;
      if (e.key === 'cidr_block' && !/network_acl|security_group|firewall/.test(r.type) && !path.some((p) => /ingress/.test(p))) continue; // a VPC's own cidr_block is its address space
      if (e.key === 'value' && !path.includes('authorized_networks')) continue;
      // Network ACLs commonly admit return traffic from anywhere on the ephemeral ports: shown, not alarmed.
      const nacl = /network_acl/.test(r.type) || get(n, 'rule_action') !== undefined || get(n, 'rule_no') !== undefined;
      for (const p of portsOf(n, r.body)) {
        if (webOnly(p)) continue;
        f.add('content.network-open', e.value, `${where}allows ingress from ${open} (the internet) on ${portText(p)}.`, `${where}|open|${open}|${portText(p)}`, nacl ? 'review' : undefined);
      }
    }
    // Allow-lists by name: `ssh_cidr = "0.0.0.0/0"` in tfvars, `variable "admin_cidrs" { default = ["0.0.0.0/0"] }`.
    for (const e of n.entries) {
      const name = e.key === 'default' && path.length >= 1 && n.labels?.length ? n.labels[0]! : e.key;
      if (OPEN_ATTRS.has(e.key) || !ALLOW_LIST_NAME.test(name) || NOT_ALLOW_LIST.test(name) || path.some((p) => /egress/i.test(p))) continue;
      const open = strs(e.value).find((x) => openCidr(x.s) && x.s.trim() !== '0.0.0.0');
      if (open) f.add('content.network-open', open.node, `${where}allows ${name} = ${open.s} (the whole internet).`, `${where}|named|${name}|${open.s}`);
    }
  });
}

const PUBLIC_ACL = /^(?:public-read|public-read-write|authenticated-read|publicread|publicreadwrite|publicRead|publicReadWrite|allUsers|allAuthenticatedUsers)$/i;
const BLOCK_ATTRS = new Set(['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets']);

function storageFindings(r: Resource, f: Findings, where: string): void {
  walk(r.body, (n) => {
    if (!isMapN(n)) return;
    for (const e of n.entries) {
      const v = e.value;
      const s = str(v) ?? '';
      if ((e.key === 'acl' || e.key === 'predefined_acl' || e.key === 'canned_acl') && PUBLIC_ACL.test(s)) f.add('content.public-access', v, `${where}makes the bucket public (${e.key} = "${s}").`, `${where}|acl|${s}`);
      else if (BLOCK_ATTRS.has(e.key)) {
        if (falsy(v)) f.add('content.public-access', v, `${where}turns the S3 public-access block off (${e.key} = false).`, `${where}|${e.key}`);
        else if (truthy(v)) f.guard('content.public-access', `${where}|${e.key}`, `${where}removes or disables the S3 public-access block (${e.key} was true).`, v);
      } else if ((e.key === 'allow_blob_public_access' || e.key === 'allow_nested_items_to_be_public') && truthy(v)) f.add('content.public-access', v, `${where}allows public blob access (${e.key} = true).`, `${where}|${e.key}`);
      else if (e.key === 'container_access_type' && /^(?:blob|container)$/i.test(s)) f.add('content.public-access', v, `${where}makes the storage container public (container_access_type = "${s}").`, `${where}|container-access`);
      else if (e.key === 'publicly_accessible' && truthy(v)) f.add('content.public-access', v, `${where}makes the database reachable from the internet (publicly_accessible = true).`, `${where}|publicly_accessible`);
      else if (e.key === 'public_network_access_enabled' || e.key === 'public_network_access') {
        if (truthy(v) || /^enabled$/i.test(s)) f.add('content.public-access', v, `${where}enables public network access (${e.key}).`, `${where}|pna`, 'review');
        else if (falsy(v) || /^disabled$/i.test(s)) f.guard('content.public-access', `${where}|pna-off`, `${where}re-enables public network access (${e.key} was off).`, v);
      } else if (e.key === 'public_access_prevention' && /^enforced$/i.test(s)) f.guard('content.public-access', `${where}|pap`, `${where}stops enforcing public access prevention.`, v);
      else if (e.key === 'uri' && /acs\.amazonaws\.com\/groups\/global\/(?:AllUsers|AuthenticatedUsers)/.test(s)) f.add('content.public-access', v, `${where}grants access to ${s.split('/').pop()} (everyone).`, `${where}|grant-uri|${s}`);
    }
    // allUsers / allAuthenticatedUsers as an IAM member (GCS, Cloud Run, Cloud Functions, Pub/Sub, BigQuery …).
    for (const key of ['member', 'members', 'principal', 'principals']) {
      for (const m of strs(get(n, key))) {
        if (!/^(?:allUsers|allAuthenticatedUsers)$/.test(m.s) && !(key === 'principal' && m.s === '*')) continue;
        const role = str(get(n, 'role')) ?? '';
        const invoke = /invoker/i.test(role) || /cloud_run|cloudfunctions|lambda_permission/.test(r.type);
        const rule = key === 'principal' ? 'content.iam' : 'content.public-access';
        f.add(rule, m.node, `${where}${invoke ? 'lets anyone on the internet invoke it without authentication' : 'opens it to everyone'} (${key} = "${m.s}"${role ? `, ${role}` : ''}).`, `${where}|everyone|${m.s}|${role}`);
      }
    }
  });
}

const GCP_ADMIN = /^roles\/(?:owner|editor|iam\.[\w.]*(?:admin|Admin)|iam\.serviceAccount(?:TokenCreator|User|KeyAdmin)|resourcemanager\.[\w.]*Admin|[\w.]+\.admin)$/;
const AZURE_ADMIN = /^(?:Owner|Contributor|User Access Administrator|Role Based Access Control Administrator|Key Vault Administrator|Storage Blob Data Owner)$/i;
const MINTS = /^(?:aws_iam_access_key|aws_iam_user_login_profile|aws_iam_service_specific_credential|google_service_account_key|google_service_account_access_token|azuread_application_password|azuread_service_principal_password|azuread_application_certificate|azurerm_storage_account_sas|github_actions_secret|gitlab_project_access_token|gitlab_personal_access_token|github_repository_deploy_key)$/;

function iamFindings(r: Resource, f: Findings, where: string): void {
  policyStatements(r.body, f, where.replace(/: $/, ''));
  managedPolicyFindings(r.body, f, where.replace(/: $/, ''));
  if (MINTS.test(r.type)) f.add('content.iam', r.body, `${where}creates a long-lived credential (${r.type}).`, `${where}|mint`);
  walk(r.body, (n) => {
    if (!isMapN(n)) return;
    const role = get(n, 'role');
    const rs = str(role);
    if (rs && get(n, 'member', 'members', 'binding') !== undefined) {
      const members = strs(get(n, 'member', 'members')).map((m) => m.s).join(', ');
      f.add('content.iam', role, `${where}grants ${rs}${members ? ` to ${members}` : ''}.`, `${where}|gcp|${rs}|${members}`, GCP_ADMIN.test(rs) ? undefined : 'review');
    } else if (rs && (/google_.*iam/.test(r.type) || (r.type === '' && rs.startsWith('roles/')))) f.add('content.iam', role, `${where}grants ${rs}.`, `${where}|gcp|${rs}`, GCP_ADMIN.test(rs) ? undefined : 'review');
    const az = get(n, 'role_definition_name');
    const azs = str(az);
    if (azs) f.add('content.iam', az, `${where}assigns the Azure role ${azs}${str(get(n, 'scope')) ? ` at ${str(get(n, 'scope'))}` : ''}.`, `${where}|azure|${azs}`, AZURE_ADMIN.test(azs) ? undefined : 'review');
    if (/azurerm_role_definition/.test(r.type)) for (const a of strs(get(n, 'actions'))) if (a.s === '*' || a.s.endsWith('/*') && a.s.split('/').length <= 2) f.add('content.iam', a.node, `${where}defines a role allowing every action ("${a.s}").`, `${where}|azdef|${a.s}`);
  });
}

function serverlessFindings(r: Resource, f: Findings, where: string): void {
  walk(r.body, (n) => {
    if (!isMapN(n)) return;
    for (const key of ['authorization_type', 'authorization', 'auth_type']) {
      const v = get(n, key);
      if (!/^none$/i.test(str(v) ?? '')) continue;
      const method = str(get(n, 'http_method')) ?? str(get(n, 'route_key'))?.split(' ')[0] ?? '';
      if (/^options$/i.test(method)) continue;
      const what = /function_url/.test(r.type) ? 'a Lambda function URL' : /api_?gateway|apigatewayv2/.test(r.type) ? `an API Gateway ${method ? `${method} ` : ''}route` : 'an endpoint';
      f.add('content.public-access', v, `${where}exposes ${what} with no authentication (${key} = "NONE").`, `${where}|noauth|${method}`);
    }
    const ingress = str(get(n, 'ingress_settings')) ?? str(get(n, 'ingress'));
    if (ingress && /^(?:ALLOW_ALL|INGRESS_TRAFFIC_ALL|all)$/i.test(ingress) && truthy(get(n, 'allow_unauthenticated'))) f.add('content.public-access', get(n, 'allow_unauthenticated'), `${where}allows unauthenticated calls from the internet.`, `${where}|unauth`);
  });
}

/** Kubernetes provider resources use snake_case keys: map them onto the manifest spellings. */
function camel(n: PNode): PNode {
  if (n.t === 'list') return { ...n, items: n.items.map(camel) };
  if (n.t !== 'map') return n;
  const entries: PEntry[] = n.entries.map((e) => ({ ...e, key: e.key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value: camel(e.value) }));
  return { ...n, entries };
}

function kubernetesProvider(r: Resource, f: Findings, where: string): void {
  if (!/^kubernetes_|^aws_ecs_task_definition$|^google_container_node_pool$/.test(r.type)) return;
  const kind = /cluster_role_binding/.test(r.type) ? 'ClusterRoleBinding' : /role_binding/.test(r.type) ? 'RoleBinding' : /cluster_role/.test(r.type) ? 'ClusterRole' : /_role/.test(r.type) ? 'Role' : /_secret/.test(r.type) ? 'Secret' : /_namespace/.test(r.type) ? 'Namespace' : /_service(?:_v1)?$/.test(r.type) ? 'Service' : /network_policy/.test(r.type) ? 'NetworkPolicy' : '';
  const body = camel(r.body) as PMap;
  const doc: PMap = { ...body, entries: [{ key: 'kind', keyStart: body.start, value: { t: 'scalar', v: kind, start: body.start, end: body.start } }, { key: 'metadata', keyStart: body.start, value: { t: 'map', entries: [{ key: 'name', keyStart: body.start, value: { t: 'scalar', v: where.replace(/: $/, ''), start: body.start, end: body.start } }], start: body.start, end: body.start } }, ...body.entries.filter((e) => e.key !== 'metadata')] };
  if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    doc.entries = doc.entries.map((e) => (e.key === 'subject' ? { ...e, key: 'subjects' } : e.key === 'rule' ? { ...e, key: 'rules' } : e));
    // subject blocks repeat: gather them into one list.
    const subs = doc.entries.filter((e) => e.key === 'subjects').flatMap((e) => items(e.value));
    doc.entries = [...doc.entries.filter((e) => e.key !== 'subjects'), { key: 'subjects', keyStart: body.start, value: { t: 'list', items: subs, start: body.start, end: body.end } }];
  }
  if (kind === 'Role' || kind === 'ClusterRole') {
    const rules = doc.entries.filter((e) => e.key === 'rule').flatMap((e) => items(e.value));
    doc.entries = [...doc.entries.filter((e) => e.key !== 'rule'), { key: 'rules', keyStart: body.start, value: { t: 'list', items: rules, start: body.start, end: body.end } }];
  }
  kubernetesFindings(doc, f);
}

/** Resources that add someone to a repository, organization or identity directory: a grant by definition. */
const ACCESS_GRANTS = /^(?:github_(?:repository_collaborators?|team_repository|team_membership|team_members|membership|organization_(?:role_\w+|security_manager|custom_role)|repository_deploy_key|user_ssh_key|actions_organization_permissions|actions_repository_permissions)|gitlab_(?:project_membership|group_membership|deploy_key(?:_enable)?|user_sshkey|member_role|group_share_group|project_share_group)|azuread_(?:directory_role_(?:assignment|member)|app_role_assignment|group_member)|okta_(?:\w*admin_role\w*|role_subscription|group_memberships|user_group_memberships|app_(?:user|group)_assignments?)|auth0_(?:user_roles?|role_permissions?)|aws_organizations_account|aws_ssoadmin_account_assignment|google_organization_iam_\w+|google_folder_iam_\w+)$/;

function repositoryFindings(r: Resource, f: Findings, where: string): void {
  if (ACCESS_GRANTS.test(r.type)) {
    const who = ['username', 'user', 'team_id', 'member', 'members', 'principal_id', 'user_id', 'group_id', 'title'].map((k) => str(get(r.body, k))).find(Boolean);
    const role = ['permission', 'role', 'access_level', 'role_id', 'permission_set_arn'].map((k) => str(get(r.body, k))).find(Boolean);
    f.add('content.iam', r.body, `${where}grants ${role ? `${role} ` : ''}access${who ? ` to ${who}` : ''} (${r.type}).`, `${where}|grant|${who ?? ''}|${role ?? ''}`);
  }
  if (/^(?:github_repository|gitlab_project|bitbucket_repository)$/.test(r.type)) {
    const vis = get(r.body, 'visibility', 'visibility_level');
    if (/^public$/i.test(str(vis) ?? '') || (get(r.body, 'private') && str(get(r.body, 'private')) === 'false') || get(r.body, 'is_private') && str(get(r.body, 'is_private')) === 'false') {
      f.add('content.public-access', vis ?? get(r.body, 'private', 'is_private'), `${where}makes the repository public.`, `${where}|public-repo`);
    } else if (/^(?:private|internal)$/i.test(str(vis) ?? '') || str(get(r.body, 'private')) === 'true') f.guard('content.public-access', `${where}|private-repo`, `${where}stops keeping the repository private.`, vis ?? get(r.body, 'private'));
  }
  if (/^(?:github_branch_protection(?:_v3)?|github_repository_ruleset|gitlab_branch_protection)$/.test(r.type)) {
    f.guard('content.iam', `${where}|protection`, `${where}removes branch protection.`, r.body);
    for (const k of ['allows_force_pushes', 'allows_deletions', 'allow_force_push']) if (truthy(get(r.body, k))) f.add('content.iam', get(r.body, k), `${where}allows ${k.replace(/^allows?_/, '').replace(/_/g, ' ')} on a protected branch.`, `${where}|${k}`);
    if (truthy(get(r.body, 'enforce_admins'))) f.guard('content.iam', `${where}|enforce_admins`, `${where}lets admins bypass branch protection (enforce_admins was true).`, get(r.body, 'enforce_admins'));
  }
}

/** Cloud resources declared in YAML/JSON with camelCase keys (Pulumi YAML, Crossplane, Config Connector, CDK
 * output): the same network and storage meaning, read through snake_case names. */
export function declaredResourceFindings(doc: PNode, f: Findings, where: string): void {
  const snake = (n: PNode): PNode => {
    if (n.t === 'list') return { ...n, items: n.items.map(snake) };
    if (n.t !== 'map') return n;
    return { ...n, entries: n.entries.map((e) => ({ ...e, key: /^[a-z]+[A-Z]/.test(e.key) ? e.key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : e.key, value: snake(e.value) })) };
  };
  const body = snake(doc);
  if (!isMapN(body)) return;
  const r: Resource = { type: 'declared', name: '', body };
  networkFindings(r, f, where);
  storageFindings(r, f, where);
}

/** Vault policies (`path "…" { capabilities = […] }`): sudo, or write access to everything or to Vault's own
 * configuration (sys/, auth/, identity/). Read access to one application's secrets is ordinary. */
function vaultPolicyFindings(root: PMap, f: Findings): void {
  for (const e of root.entries) {
    if (e.key !== 'path' || !isMapN(e.value)) continue;
    const p = e.value.labels?.[0] ?? '';
    const caps = strs(get(e.value, 'capabilities'));
    const names = caps.map((c) => c.s.toLowerCase());
    if (names.length === 0 || names.every((c) => c === 'deny')) continue;
    const writes = names.some((c) => /^(?:create|update|delete|patch|sudo|\*)$/.test(c));
    const at = get(e.value, 'capabilities') ?? e.value;
    if (names.includes('sudo')) f.add('content.iam', at, `Vault policy grants sudo on path "${p}".`, `vault|${p}|sudo`);
    else if (/^\*$|^\+?\/?\*$/.test(p)) f.add('content.iam', at, `Vault policy grants ${names.join(', ')} on every path ("${p}").`, `vault|${p}`);
    else if (writes && /^(?:sys|auth|identity)\//.test(p)) f.add('content.iam', at, `Vault policy grants ${names.join(', ')} on Vault's own configuration ("${p}").`, `vault|${p}`);
  }
}

/** Every resource of a Terraform file (or the blocks of a fragment, judged by their attributes alone). */
export function terraformFindings(root: PMap, f: Findings): void {
  vaultPolicyFindings(root, f);
  const resources = resourcesOf(root);
  if (resources.length === 0) resources.push({ type: '', name: '', body: root });
  for (const r of resources) {
    const where = r.type ? `${r.type}.${r.name}: ` : '';
    networkFindings(r, f, where);
    storageFindings(r, f, where);
    iamFindings(r, f, where);
    serverlessFindings(r, f, where);
    repositoryFindings(r, f, where);
    kubernetesProvider(r, f, where);
    if (r.type === '') kubernetesProvider({ ...r, type: 'kubernetes_fragment' }, f, where);
  }
}
