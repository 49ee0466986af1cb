// CloudFormation and SAM templates (YAML or JSON): security group ingress open to the internet, public buckets and
// public-access blocks turned off, publicly accessible databases, function URLs and API methods without
// authentication, everyone as a Lambda invoker, access keys minted, privileged ECS containers. Policy documents
// anywhere in the template are judged by iamPolicy.ts.
import { kubernetesFindings } from './kubernetes';
import { openCidr, portText, webOnly, type PortRange } from './network';
import { Findings, falsy, get, isMapN, num, str, truthy, walk, type PEntry, type PNode } from './tree';

export function looksLikeCloudFormation(doc: PNode): boolean {
  if (!isMapN(doc)) return false;
  if (get(doc, 'AWSTemplateFormatVersion') !== undefined) return true;
  const res = get(doc, 'Resources');
  return isMapN(res) && res.entries.some((e) => /^(?:AWS|Alexa|Custom)::/.test(str(get(e.value, 'Type')) ?? ''));
}

function lowerFirst(n: PNode): PNode {
  if (n.t === 'list') return { ...n, items: n.items.map(lowerFirst) };
  if (n.t !== 'map') return n;
  const entries: PEntry[] = n.entries.map((e) => ({ ...e, key: e.key.charAt(0).toLowerCase() + e.key.slice(1), value: lowerFirst(e.value) }));
  return { ...n, entries };
}

function ingress(rule: PNode, f: Findings, where: string): void {
  for (const key of ['CidrIp', 'CidrIpv6']) {
    const c = get(rule, key);
    const s = str(c);
    if (s === undefined || !openCidr(s)) continue;
    const r: PortRange = {};
    const from = num(get(rule, 'FromPort'));
    const to = num(get(rule, 'ToPort'));
    if (from !== undefined) r.from = from;
    if (to !== undefined) r.to = to;
    const proto = str(get(rule, 'IpProtocol'));
    if (proto !== undefined) r.proto = proto;
    if (webOnly(r)) continue;
    f.add('content.network-open', c, `${where}allows ingress from ${s} (the internet) on ${portText(r)}.`, `${where}|open|${s}|${portText(r)}`);
  }
}

export function cloudFormationFindings(doc: PNode, f: Findings): void {
  const resources = get(doc, 'Resources');
  if (!isMapN(resources)) return;
  for (const e of resources.entries) {
    const type = str(get(e.value, 'Type')) ?? '';
    const props = get(e.value, 'Properties');
    const where = `${e.key} (${type}): `;
    if (type === 'AWS::IAM::AccessKey') f.add('content.iam', e.value, `${where}creates a long-lived access key.`, `${where}|mint`);
    if (type === 'AWS::Lambda::Permission' && str(get(props, 'Principal')) === '*') f.add('content.iam', get(props, 'Principal'), `${where}lets anyone invoke the function (Principal "*").`, `${where}|invoke-any`);
    if (/^AWS::ECS::TaskDefinition$/.test(type)) kubernetesFindings(lowerFirst(props ?? e.value), f);
    if (props) propertyFindings(props, f, where);
  }
}

/** Property-level meaning, wherever the keys sit (a template, a SAM or serverless.yml resources section, a fragment). */
export function propertyFindings(root: PNode, f: Findings, where = ''): void {
  walk(root, (n) => {
    if (!isMapN(n)) return;
    if (get(n, 'CidrIp') !== undefined || get(n, 'CidrIpv6') !== undefined) ingress(n, f, where);
    for (const x of n.entries) {
      const v = x.value;
      const s = str(v) ?? '';
      if (x.key === 'AccessControl' && /^(?:PublicRead|PublicReadWrite|AuthenticatedRead)$/i.test(s)) f.add('content.public-access', v, `${where}makes the bucket public (AccessControl: ${s}).`, `${where}|acl|${s}`);
      else if (/^(?:BlockPublicAcls|BlockPublicPolicy|IgnorePublicAcls|RestrictPublicBuckets)$/.test(x.key)) {
        if (falsy(v)) f.add('content.public-access', v, `${where}turns the S3 public-access block off (${x.key}: false).`, `${where}|${x.key}`);
        else if (truthy(v)) f.guard('content.public-access', `${where}|${x.key}`, `${where}removes or disables the S3 public-access block (${x.key} was true).`, v);
      } else if (x.key === 'PubliclyAccessible' && truthy(v)) f.add('content.public-access', v, `${where}makes the database reachable from the internet (PubliclyAccessible: true).`, `${where}|public-db`);
      else if (x.key === 'AuthType' && /^none$/i.test(s)) f.add('content.public-access', v, `${where}exposes a function URL with no authentication (AuthType: NONE).`, `${where}|url-noauth`);
      else if (x.key === 'AuthorizationType' && /^none$/i.test(s) && !/^options$/i.test(str(get(n, 'HttpMethod')) ?? str(get(n, 'RouteKey'))?.split(' ')[0] ?? '')) {
        f.add('content.public-access', v, `${where}exposes an API route with no authentication (AuthorizationType: NONE).`, `${where}|noauth`);
      } else if (x.key === 'PublicAccessBlockConfiguration' && isMapN(v) && v.entries.length === 0) f.add('content.public-access', v, `${where}sets an empty public-access block.`, `${where}|empty-pab`);
    }
  });
}
