// Docker Compose services and dev containers: host namespaces, host mounts of the runtime socket or system
// directories, added capabilities, security profiles switched off, `--privileged` run arguments. (The
// `privileged: true` key itself is found by the Kubernetes walker, which reads it in any YAML or JSON.)
import { capabilityFindings } from './kubernetes';
import { Findings, get, isMapN, items, str, strs, type PNode } from './tree';

/** Host paths whose mount gives a container the host: the runtime socket, the root, system and credential dirs. */
function sensitiveHostPath(p: string): boolean {
  const s = p.replace(/\/+$/, '') || '/';
  if (/(?:docker|containerd|crio|podman|buildkitd?)\.sock$/.test(s)) return true;
  if (s === '/' || /^(?:~|\$HOME|\$\{HOME\}|\$\{localEnv:HOME\})$/.test(s)) return true;
  if (/^\/etc\/(?:localtime|timezone|ssl\/certs|ca-certificates|hosts|resolv\.conf)(?:\/|$)/.test(s)) return false;
  if (/^\/dev\/shm(?:\/|$)/.test(s)) return false;
  if (/^\/(?:etc|root|proc|sys|dev|boot|var\/lib\/docker|var\/lib\/kubelet|var\/run|run)(?:\/|$)/.test(s)) return true;
  return /(?:^(?:~|\$HOME|\$\{HOME\}|\$\{localEnv:HOME\})|^\/home\/[^/]+|^\/Users\/[^/]+)\/\.(?:ssh|aws|kube|docker|gnupg|config|azure|gcloud|npmrc|netrc)(?:\/|$)/.test(s);
}

function hostMount(spec: string): string | undefined {
  // "source:target[:mode]" or "source=…,target=…" (devcontainer mounts, --mount).
  const src = (/(?:^|,)\s*(?:source|src)=([^,]+)/.exec(spec)?.[1] ?? spec.split(':')[0] ?? '').trim();
  return src && sensitiveHostPath(src) ? src : undefined;
}

const UNCONFINED = /^(?:seccomp[:=]unconfined|apparmor[:=]unconfined|label[:=]disable|systempaths[:=]unconfined|no-new-privileges[:=]false)$/i;

function mountFinding(f: Findings, node: PNode, src: string, where: string): void {
  const why = /docker\.sock|containerd\.sock|crio\.sock|podman\.sock/.test(src) ? ' (the container runtime socket: root on the host)' : /^\/+$/.test(src) ? " (the host's whole filesystem)" : '';
  f.add('content.privileged', node, `${where}mounts the host path ${src}${why}.`, `${where}|mount|${src}`);
}

/** One compose file: every service under `services:`. */
export function composeFindings(doc: PNode, f: Findings): void {
  const services = get(doc, 'services');
  if (!isMapN(services)) return;
  for (const s of services.entries) {
    const svc = s.value;
    const where = `service ${s.key}: `;
    for (const key of ['network_mode', 'pid', 'ipc', 'userns_mode', 'uts', 'cgroup']) {
      const v = get(svc, key);
      if (/^host$/i.test(str(v) ?? '')) f.add('content.privileged', v, `${where}shares the host's ${key.replace(/_mode$/, '')} namespace (${key}: host).`, `${where}|${key}`);
    }
    capabilityFindings(get(svc, 'cap_add'), { f, where: `service ${s.key}` }, undefined);
    for (const o of strs(get(svc, 'security_opt'))) if (UNCONFINED.test(o.s.replace(/\s+/g, ''))) f.add('content.privileged', o.node, `${where}switches a container protection off (security_opt: ${o.s}).`, `${where}|secopt|${o.s}`);
    for (const v of items(get(svc, 'volumes'))) {
      const spec = str(v) ?? (isMapN(v) && /^bind$/i.test(str(get(v, 'type')) ?? 'bind') ? str(get(v, 'source')) : undefined);
      const src = spec !== undefined ? hostMount(spec) : undefined;
      if (src) mountFinding(f, v, src, where);
    }
    for (const d of strs(get(svc, 'devices'))) if (/^\/dev\/(?:mem|kmem|sd|nvme|disk|port)/.test(d.s)) f.add('content.privileged', d.node, `${where}passes the host device ${d.s.split(':')[0]} into the container.`, `${where}|device|${d.s}`);
  }
}

/** `docker run`-style argument lists (devcontainer runArgs, task args): --privileged, host namespaces, mounts. */
export function runArgFindings(list: PNode | undefined, f: Findings, where: string): void {
  const args = strs(list);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!.s.trim();
    const next = args[i + 1]?.s.trim() ?? '';
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const val = inline ?? next;
    if (flag === '--privileged') f.add('content.privileged', args[i]!.node, `${where}starts the container privileged (--privileged).`, `${where}|privileged`);
    else if (flag === '--cap-add') capabilityFindings({ t: 'scalar', v: val, start: args[i]!.node.start, end: args[i]!.node.end }, { f, where: where.replace(/: $/, '') }, undefined);
    else if ((flag === '--network' || flag === '--net' || flag === '--pid' || flag === '--ipc' || flag === '--userns' || flag === '--uts') && /^host$/i.test(val)) f.add('content.privileged', args[i]!.node, `${where}shares the host's ${flag.slice(2)} namespace (${flag}=host).`, `${where}|${flag}`);
    else if (flag === '--security-opt' && UNCONFINED.test(val.replace(/\s+/g, ''))) f.add('content.privileged', args[i]!.node, `${where}switches a container protection off (--security-opt ${val}).`, `${where}|secopt|${val}`);
    else if (flag === '-v' || flag === '--volume' || flag === '--mount') {
      const src = hostMount(val);
      if (src) mountFinding(f, args[i]!.node, src, where);
    }
  }
}

/** devcontainer.json: runArgs, capAdd, securityOpt, mounts. */
export function devcontainerFindings(doc: PNode, f: Findings): void {
  const where = 'dev container: ';
  runArgFindings(get(doc, 'runArgs'), f, where);
  capabilityFindings(get(doc, 'capAdd'), { f, where: 'dev container' }, undefined);
  for (const o of strs(get(doc, 'securityOpt'))) if (UNCONFINED.test(o.s.replace(/\s+/g, ''))) f.add('content.privileged', o.node, `${where}switches a container protection off (${o.s}).`, `${where}|secopt|${o.s}`);
  for (const m of items(get(doc, 'mounts'))) {
    const spec = str(m) ?? (isMapN(m) ? `source=${str(get(m, 'source')) ?? ''}` : undefined);
    const src = spec !== undefined ? hostMount(spec) : undefined;
    if (src) mountFinding(f, m, src, where);
  }
}
