// git's index file (`.git/index`, versions 2, 3 and 4) read from its bytes, never by running git: a hostile
// repository's config can make any git command run hooks, fsmonitor or filters. Only what a loss judgement needs:
// which paths are tracked, the stat data and object id git last recorded for each, and whether the index still
// equals the tree it was last written from (no staged changes).

export interface IndexEntry {
  path: string;
  mode: number;
  size: number;
  mtimeSec: number;
  mtimeNsec: number;
  ino: number;
  /** The blob's SHA-1, lowercase hex. */
  oid: string;
  /** 0 normally; 1–3 while a merge conflict is unresolved. */
  stage: number;
}

export interface GitIndex {
  entries: Map<string, IndexEntry>;
  /** Every tracked path, sorted as git sorts them (by bytes), for "is anything tracked under this folder". */
  sorted: string[];
  /** The cache-tree extension says the whole index equals one tree (no `git add` since the last commit or reset). */
  wholeTreeValid: boolean;
}

export const INDEX_LIMITS = { bytes: 32 * 1024 * 1024, entries: 200_000 } as const;

/** Parses an index; undefined when the bytes are not one this reader can vouch for (unknown version, truncated,
 *  a split index whose entries live elsewhere, too many entries). */
export function parseIndex(buf: Uint8Array): GitIndex | undefined {
  if (buf.length < 12 + 20 || buf.length > INDEX_LIMITS.bytes) return undefined;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (String.fromCharCode(buf[0]!, buf[1]!, buf[2]!, buf[3]!) !== 'DIRC') return undefined;
  const version = view.getUint32(4);
  const count = view.getUint32(8);
  if (version < 2 || version > 4 || count > INDEX_LIMITS.entries) return undefined;
  const end = buf.length - 20; // the trailing checksum
  const decoder = new TextDecoder('utf-8');
  const entries = new Map<string, IndexEntry>();
  const sorted: string[] = [];
  let at = 12;
  let previous: Uint8Array = new Uint8Array(0);
  for (let i = 0; i < count; i++) {
    const start = at;
    if (at + 62 > end) return undefined;
    const mtimeSec = view.getUint32(at + 8);
    const mtimeNsec = view.getUint32(at + 12);
    const ino = view.getUint32(at + 20);
    const mode = view.getUint32(at + 24);
    const size = view.getUint32(at + 36);
    const oid = hex(buf, at + 40, 20);
    const flags = view.getUint16(at + 60);
    at += 62;
    if (flags & 0x4000) {
      if (version < 3 || at + 2 > end) return undefined;
      at += 2; // extended flags (skip-worktree, intent-to-add)
    }
    let name: Uint8Array;
    if (version === 4) {
      // The name is the previous one minus N trailing bytes, plus a NUL-terminated suffix.
      let c = buf[at++];
      if (c === undefined) return undefined;
      let strip = c & 0x7f;
      while (c & 0x80) {
        c = buf[at++];
        if (c === undefined || strip > previous.length) return undefined;
        strip = ((strip + 1) << 7) | (c & 0x7f);
      }
      if (strip > previous.length) return undefined;
      const nul = buf.indexOf(0, at);
      if (nul < 0 || nul >= end) return undefined;
      name = new Uint8Array(previous.length - strip + (nul - at));
      name.set(previous.subarray(0, previous.length - strip));
      name.set(buf.subarray(at, nul), previous.length - strip);
      at = nul + 1;
    } else {
      const nul = buf.indexOf(0, at);
      if (nul < 0 || nul >= end) return undefined;
      name = buf.subarray(at, nul);
      // Entries are padded with 1–8 NULs to a multiple of 8 bytes.
      at = start + ((nul - start + 8) & ~7);
    }
    previous = name;
    const path = decoder.decode(name);
    const stage = (flags >> 12) & 3;
    const old = entries.get(path);
    // Conflicted paths have several stages; any of them means the file is mid-merge.
    if (!old || stage > 0) entries.set(path, { path, mode, size, mtimeSec, mtimeNsec, ino, oid, stage: Math.max(stage, old?.stage ?? 0) });
    if (!old) sorted.push(path);
  }
  let wholeTreeValid = false;
  // Extensions: a 4-byte signature, a 32-bit size, the data.
  while (at + 8 <= end) {
    const sig = String.fromCharCode(buf[at]!, buf[at + 1]!, buf[at + 2]!, buf[at + 3]!);
    const len = view.getUint32(at + 4);
    const data = at + 8;
    if (data + len > end) return undefined;
    if (sig === 'link') return undefined; // split index: the entries live in a shared file
    if (sig === 'TREE') wholeTreeValid = rootTreeValid(buf, data, data + len);
    at = data + len;
  }
  sorted.sort(); // code-unit order, so tracksUnder's binary search agrees with it whatever the names hold
  return { entries, sorted, wholeTreeValid };
}

/** The cache tree's first record is the root: `\0<entry count> <subtrees>\n<oid>`; a count of -1 means invalidated. */
function rootTreeValid(buf: Uint8Array, from: number, to: number): boolean {
  if (buf[from] !== 0) return false;
  const nl = buf.indexOf(0x0a, from + 1);
  if (nl < 0 || nl >= to) return false;
  const [count] = new TextDecoder().decode(buf.subarray(from + 1, nl)).split(' ');
  return /^\d+$/.test(count ?? '');
}

function hex(buf: Uint8Array, from: number, n: number): string {
  let s = '';
  for (let i = from; i < from + n; i++) s += buf[i]!.toString(16).padStart(2, '0');
  return s;
}

/** Whether any tracked path lies under `dir` (relative, no trailing slash; '' is the root). */
export function tracksUnder(index: GitIndex, dir: string): boolean {
  if (dir === '') return index.sorted.length > 0;
  const prefix = `${dir}/`;
  // Binary search for the first path ≥ prefix.
  let lo = 0;
  let hi = index.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  return index.sorted[lo]?.startsWith(prefix) ?? false;
}
