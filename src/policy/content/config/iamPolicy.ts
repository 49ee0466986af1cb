// AWS-style policy statements, wherever they sit: a policy JSON file, a CloudFormation PolicyDocument, Terraform
// jsonencode()/heredoc/aws_iam_policy_document, serverless.yml iamRoleStatements. A statement is judged by what it
// allows: every action, a whole service on every resource, privilege-escalation actions, every secret, everyone as
// the principal, any GitHub repository through OIDC. Specific actions on specific resources are ordinary.
import { embeddedJson, Findings, getI, isListN, isMapN, items, str, strs, walk, type PNode } from './tree';

interface Statement {
  node: PNode;
  allow: boolean;
  actions: { s: string; node: PNode }[];
  notActions: { s: string; node: PNode }[];
  resources: string[];
  notResource: boolean;
  /** Principal identifiers with their type ("AWS", "Service", "Federated", "*"). */
  principals: { type: string; id: string; node: PNode }[];
  notPrincipal: boolean;
  condition: PNode | undefined;
}

function principalList(p: PNode | undefined): Statement['principals'] {
  if (!p) return [];
  const out: Statement['principals'] = [];
  if (p.t === 'scalar' || p.t === 'list') for (const x of strs(p)) out.push({ type: '*', id: x.s, node: x.node });
  else for (const e of p.entries) for (const x of strs(e.value)) out.push({ type: e.key, id: x.s, node: x.node });
  return out;
}

/** A statement in JSON shape (Effect/Action/…) or in aws_iam_policy_document shape (effect/actions/principals{}). */
function statementOf(n: PNode): Statement | undefined {
  if (!isMapN(n)) return undefined;
  const action = getI(n, 'Action', 'actions');
  const notAction = getI(n, 'NotAction', 'not_actions');
  const principal = getI(n, 'Principal', 'principals');
  const effect = getI(n, 'Effect');
  if (!action && !notAction) return undefined;
  // A bare map with an "actions" key is a statement only with an effect or resources beside it.
  if (!effect && !getI(n, 'Resource', 'resources', 'Principal', 'principals', 'NotResource', 'not_resources')) return undefined;
  let principals: Statement['principals'] = [];
  if (isListN(principal) || (isMapN(principal) && getI(principal, 'identifiers'))) {
    // aws_iam_policy_document: principals { type = "AWS", identifiers = ["*"] } (possibly repeated).
    for (const b of items(principal)) {
      const type = str(getI(b, 'type')) ?? '*';
      const ids = getI(b, 'identifiers');
      if (ids) for (const x of strs(ids)) principals.push({ type, id: x.s, node: x.node });
      else principals.push(...principalList(b));
    }
  } else principals = principalList(principal);
  const np = getI(n, 'NotPrincipal', 'not_principals');
  return {
    node: n,
    allow: !/^deny$/i.test(str(effect) ?? 'Allow'),
    actions: strs(action),
    notActions: strs(notAction),
    resources: strs(getI(n, 'Resource', 'resources')).map((x) => x.s),
    notResource: getI(n, 'NotResource', 'not_resources') !== undefined,
    principals,
    notPrincipal: np !== undefined,
    condition: getI(n, 'Condition', 'condition'),
  };
}

const ESCALATION = /^iam:(?:CreateAccessKey|CreateLoginProfile|UpdateLoginProfile|Attach(?:User|Role|Group)Policy|Put(?:User|Role|Group)Policy|CreatePolicyVersion|SetDefaultPolicyVersion|UpdateAssumeRolePolicy|AddUserToGroup|PassRole)$/i;
const SECRET_READS = /^(?:secretsmanager:(?:GetSecretValue|\*)|ssm:GetParameters?(?:ByPath)?|kms:Decrypt|ssm:\*|kms:\*)$/i;
const HIGH_SERVICES = /^(?:iam|sts|kms|secretsmanager|organizations|ssm|sso|identitystore|account)$/i;

function describeResources(st: Statement): string {
  if (st.notResource) return 'every resource but a few (NotResource)';
  if (st.resources.length === 0 || st.resources.includes('*')) return 'every resource';
  return st.resources.length === 1 ? st.resources[0]! : `${st.resources.length} resources`;
}

function conditionText(c: PNode | undefined): string {
  if (!c) return '';
  let out = '';
  walk(c, (n, path) => {
    if (n.t === 'scalar') out += ` ${path.join('.')}=${String(n.v)}`;
  });
  return out.toLowerCase();
}

function judge(st: Statement, f: Findings, where: string): void {
  const what = where ? `${where}: ` : '';
  if (!st.allow) {
    f.guard('content.iam', `deny|${where}|${st.actions.map((a) => a.s).join(',')}|${st.resources.join(',')}`, `${what}removes a Deny statement (${st.actions.map((a) => a.s).join(', ') || 'NotAction'}), which allows what it used to forbid.`, st.node);
    return;
  }
  const everyResource = st.notResource || st.resources.length === 0 || st.resources.some((r) => r === '*' || /^arn:aws[\w-]*:[\w-]+:::?\*$|^arn:\*/.test(r));
  const onWhat = describeResources(st);
  for (const a of st.actions) {
    const act = a.s.trim();
    if (act === '*' || act === '*:*') f.add('content.iam', a.node, `${what}allows every action ("${act}") on ${onWhat}: administrator access.`);
    else if (/^[\w-]+:\*$/.test(act) && (everyResource || HIGH_SERVICES.test(act.split(':')[0]!))) f.add('content.iam', a.node, `${what}allows every ${act.split(':')[0]} action ("${act}") on ${onWhat}.`);
    else if (/^iam:/i.test(act) && act.includes('*')) f.add('content.iam', a.node, `${what}allows IAM actions "${act}" on ${onWhat}, which can grant any permission.`);
    else if (ESCALATION.test(act) && (everyResource || !/^iam:PassRole$/i.test(act))) f.add('content.iam', a.node, `${what}allows ${act} on ${onWhat}, which lets the holder raise its own privileges.`);
    else if (/^sts:AssumeRole$/i.test(act) && everyResource && st.principals.length === 0) f.add('content.iam', a.node, `${what}allows assuming any role (sts:AssumeRole on ${onWhat}).`);
    else if (SECRET_READS.test(act) && everyResource) f.add('content.iam', a.node, `${what}allows ${act} on ${onWhat}: reads every secret.`);
  }
  for (const a of st.notActions) f.add('content.iam', a.node, `${what}allows every action except ${a.s} (NotAction with Allow).`);
  if (st.notPrincipal) f.add('content.iam', st.node, `${what}allows every principal but a few (NotPrincipal with Allow).`);
  const cond = conditionText(st.condition);
  for (const p of st.principals) {
    const id = p.id.trim();
    if (id === '*' || /^arn:aws[\w-]*:iam::\*:/.test(id)) {
      if (!st.condition) f.add('content.iam', p.node, `${what}grants ${st.actions.map((a) => a.s).join(', ') || 'access'} to everyone (Principal "*") with no condition.`);
    } else if (/^[\w.-]*token\.actions\.githubusercontent\.com$|oidc-provider\/token\.actions\.githubusercontent\.com$/.test(id)) {
      const subs = /[.:]sub=([^ ]*)/g;
      const values = [...cond.matchAll(subs)].map((m) => m[1]!);
      if (values.length === 0) f.add('content.iam', p.node, `${what}lets any GitHub repository's workflows assume this role (no condition on the token's sub).`);
      else if (values.some((v) => /^repo:\*|^\*$|^repo:[^/]*\*/.test(v))) f.add('content.iam', p.node, `${what}lets workflows of any repository (sub "${values.join(', ')}") assume this role.`);
    } else if ((p.type.toLowerCase() === 'federated' || /cognito-identity|accounts\.google|graph\.facebook|oidc/.test(id)) && !st.condition) {
      f.add('content.iam', p.node, `${what}lets anyone with a ${id} identity assume this role (no condition).`);
    }
  }
}

/** Judges every statement found anywhere under `root` (nested policy documents in JSON strings too). */
export function policyStatements(root: PNode, f: Findings, where = ''): void {
  walk(root, (n) => {
    if (n.t === 'scalar' && typeof n.v === 'string' && /"(?:Statement|Effect)"/.test(n.v)) {
      const inner = embeddedJson(n);
      if (inner) policyStatements(inner, f, where);
      return;
    }
    const st = statementOf(n);
    if (st) judge(st, f, where);
  });
}

/** AWS managed policies that amount to administrator or full-service access. */
export function managedPolicyFindings(root: PNode, f: Findings, where = ''): void {
  walk(root, (n) => {
    if (n.t !== 'scalar' || typeof n.v !== 'string') return;
    const m = /arn:aws[\w-]*:iam::aws:policy\/(?:[\w-]+\/)*(AdministratorAccess|PowerUserAccess|IAMFullAccess|[A-Za-z0-9]*FullAccess(?:V\d+)?)\b/.exec(n.v);
    if (m) f.add('content.iam', n, `${where ? `${where}: ` : ''}attaches the AWS managed policy ${m[1]}, which grants ${/Administrator|PowerUser|IAMFull/.test(m[1]!) ? 'administrator-level' : 'full service'} access.`);
  });
}

export function isPolicyDocument(root: PNode): boolean {
  return isMapN(root) && (getI(root, 'Statement') !== undefined || getI(root, 'Version') !== undefined && getI(root, 'Statement') !== undefined);
}
