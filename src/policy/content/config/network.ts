// Whether a source address range means "the whole internet", in every spelling the clouds accept, and whether a
// port range is more than the web ports. Opening 80/443 to the world is what a public load balancer is for; any
// other port (SSH, RDP, databases, the Docker API, "all traffic") open to the world is a permission change.

/** Names clouds use for "anywhere". */
const ANYWHERE = new Set(['*', 'any', 'internet', 'all', '0/0', '0.0.0.0', '::', '::0', '0::0', 'anywhere']);

function ipv4Prefix(s: string): number | undefined {
  const m = /^(\d{1,3})(?:\.(\d{1,3}))?(?:\.(\d{1,3}))?(?:\.(\d{1,3}))?\/(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  // A netmask spelling (0.0.0.0/0.0.0.0) is handled by the caller; here the prefix length.
  return Number(m[5]);
}

/** True when `raw` names the internet: 0.0.0.0/0, 0/0, 0.0.0.0/00, ::/0, *, Internet, Any, or a range so wide
 * (/0 to /4 in IPv4, /0 to /8 in IPv6) that it is most of it (0.0.0.0/1 + 128.0.0.0/1 is the internet in two). */
export function openCidr(raw: string): boolean {
  const s = raw.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (ANYWHERE.has(s)) return true;
  if (/^0+(?:\.0+){0,3}\/0+(?:\.0+){3}$/.test(s)) return true; // 0.0.0.0/0.0.0.0 (netmask form)
  const v4 = ipv4Prefix(s);
  if (v4 !== undefined) return v4 <= 4;
  const v6 = /^([0-9a-f:]+)\/(\d{1,3})$/.exec(s);
  if (v6 && v6[1]!.includes(':')) return Number(v6[2]) <= 8;
  return false;
}

/** Any open range spelled inside a longer expression (`concat(["0.0.0.0/0"], var.x)`). */
export function mentionsOpenCidr(text: string): string | undefined {
  const m = /(?<![\d.])0+(?:\.0+){0,3}\/0+(?![\d.])|(?<![\w:])::0?\/0(?!\d)/.exec(text);
  return m?.[0];
}

export interface PortRange {
  from?: number;
  to?: number;
  /** "all" when the protocol is -1/all/* (every port). */
  proto?: string;
}

const ALL_PROTOCOLS = /^(?:-1|all|\*|any)$/i;

/** The web ports only (80, 443, 8443 is not one: it is usually an admin console). */
export function webOnly(r: PortRange): boolean {
  if (r.proto !== undefined && ALL_PROTOCOLS.test(r.proto)) return false;
  if (r.proto !== undefined && /^(?:icmp|icmpv6|1|58)$/i.test(r.proto)) return true;
  if (r.from === undefined || r.to === undefined) return false;
  for (let p = r.from; p <= r.to; p++) if (p !== 80 && p !== 443) return false;
  return true;
}

export function portText(r: PortRange): string {
  if (r.proto !== undefined && ALL_PROTOCOLS.test(r.proto)) return 'every port';
  if (r.from === undefined && r.to === undefined) return 'ports it does not name';
  if (r.from === 0 && (r.to === 0 || r.to === 65535)) return 'every port';
  if (r.from === r.to || r.to === undefined) return `port ${r.from}`;
  if (r.from === undefined) return `port ${r.to}`;
  return `ports ${r.from}-${r.to}`;
}

/** "22", "22-25", "*" (Azure and GCP port spellings). */
export function parsePortSpec(spec: string): PortRange {
  const s = spec.trim();
  if (s === '*' || /^any$/i.test(s)) return { proto: 'all' };
  const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(s);
  if (!m) return {};
  return { from: Number(m[1]), to: Number(m[2] ?? m[1]) };
}

/** Ports nobody should expose to the internet, for rules that name no range (a LoadBalancer Service). */
export const ADMIN_PORTS = new Set([21, 22, 23, 135, 139, 445, 1433, 1521, 2049, 2375, 2376, 2379, 2380, 3306, 3389, 5432, 5900, 5984, 6379, 6443, 7001, 8086, 9000, 9042, 9092, 9200, 9300, 10250, 10255, 11211, 27017, 27018, 50070]);
