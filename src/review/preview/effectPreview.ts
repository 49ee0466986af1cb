// Runs an effect plan against the file system, read-only: expands globs and stats targets (modes, owners), only inside
// the workspace (relative paths resolve against the command's cwd). The planning itself is pure (effectPlan.ts); the
// disk comes from the host (ReadOnlyDisk: node:fs in the extension, a fake in tests).
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { EffectRowView } from '../../protocol/webviewMessages';
import { planEffects } from './effectPlan';
import { describeMode, S_IFDIR, S_IFMT } from './fileMode';
import type { Word } from './shellWords';
import { isInside } from '../../policy/paths/containment';

/** What the preview needs of a file's status (node's Stats has it). */
export interface FileStatus {
  mode: number;
  uid: number;
  gid: number;
  isDirectory(): boolean;
}

/** The only disk access of the preview: reads, never writes. Each call rejects when the path cannot be read. */
export interface ReadOnlyDisk {
  readdir(dir: string): Promise<string[]>;
  /** Follows symlinks. */
  stat(path: string): Promise<FileStatus>;
  /** Does not follow symlinks. */
  lstat(path: string): Promise<FileStatus>;
  readText(path: string): Promise<string>;
}

export interface EffectContext {
  disk: ReadOnlyDisk;
  cwd: string;
  /** Workspace folders; files outside them are not inspected. Empty: the cwd is the boundary. */
  folders: readonly string[];
  /** How the panel names a path (workspace-relative). */
  display: (path: string) => string;
  /** The umask chmod would apply to symbolic modes without a who; the agent's is unknown, 022 is usual. */
  umask?: number;
}

export interface EffectPreview {
  rows: EffectRowView[];
}

const MAX_MATCHES = 200;
const MAX_ROWS_PER_PLAN = 25;
const MAX_WALK = 2000;

interface Accounts {
  userName: Map<number, string>;
  groupName: Map<number, string>;
  user: Map<string, { uid: number; gid: number }>;
  group: Map<string, number>;
}

async function loadAccounts(disk: ReadOnlyDisk): Promise<Accounts> {
  const accounts: Accounts = { userName: new Map(), groupName: new Map(), user: new Map(), group: new Map() };
  const read = (p: string) => disk.readText(p).catch(() => '');
  for (const line of (await read('/etc/passwd')).split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (!name || uid === undefined || gid === undefined) continue;
    accounts.userName.set(Number(uid), name);
    accounts.user.set(name, { uid: Number(uid), gid: Number(gid) });
  }
  for (const line of (await read('/etc/group')).split('\n')) {
    const [name, , gid] = line.split(':');
    if (!name || gid === undefined) continue;
    accounts.groupName.set(Number(gid), name);
    accounts.group.set(name, Number(gid));
  }
  return accounts;
}

function inside(path: string, roots: readonly string[]): boolean {
  return roots.some((root) => isInside(path, root, 'exact'));
}

const hasGlob = (segment: string) => /(^|[^\\])[*?[]/.test(segment);
const unescape = (segment: string) => segment.replace(/\\(.)/g, '$1');

/** Expands a word the way the shell would (globs only match existing entries; no match leaves it literal). */
async function expand(disk: ReadOnlyDisk, word: Word, cwd: string): Promise<string[]> {
  if (!word.glob) return [resolve(cwd, word.text)];
  const absolute = word.pattern.startsWith('/');
  const segments = word.pattern.split('/').filter((s, i) => s !== '' || i === 0);
  let current = [absolute ? '/' : cwd];
  for (const segment of segments) {
    if (segment === '') continue;
    if (!hasGlob(segment)) {
      current = current.map((d) => join(d, unescape(segment)));
      continue;
    }
    const isMatch = picomatch(segment, { dot: segment.startsWith('.') });
    const next: string[] = [];
    for (const dir of current) {
      const names = await disk.readdir(dir).catch(() => [] as string[]);
      for (const name of names.sort()) if (isMatch(name)) next.push(join(dir, name));
      if (next.length >= MAX_MATCHES) break;
    }
    current = next.slice(0, MAX_MATCHES);
    if (current.length === 0) return [resolve(cwd, word.text)];
  }
  return current;
}

/** A directory's entries for chmod -R, not following symlinks met on the way (as chmod does). */
async function walk(disk: ReadOnlyDisk, root: string, limit: number): Promise<string[]> {
  const out = [root];
  for (let i = 0; i < out.length && out.length < limit; i++) {
    const dir = out[i] as string;
    const st = await disk.lstat(dir).catch(() => undefined);
    if (!st?.isDirectory()) continue;
    const names = await disk.readdir(dir).catch(() => [] as string[]);
    for (const name of names.sort()) {
      if (out.length >= limit) break;
      out.push(join(dir, name));
    }
  }
  return out;
}

async function targetsOf(plan: { targets: Word[]; recursive?: boolean }, ctx: EffectContext, roots: readonly string[], rows: EffectRowView[]): Promise<string[]> {
  const paths: string[] = [];
  for (const word of plan.targets) {
    if (word.dynamic) {
      rows.push({ kind: 'note', text: `${word.text} depends on a shell expansion; not inspected.` });
      continue;
    }
    for (const p of await expand(ctx.disk, word, ctx.cwd)) {
      if (!inside(p, roots)) {
        rows.push({ kind: 'note', text: `${p} is outside the workspace; not inspected.` });
        continue;
      }
      if (plan.recursive) paths.push(...(await walk(ctx.disk, p, MAX_WALK)).filter((q) => inside(q, roots)));
      else paths.push(p);
    }
  }
  return [...new Set(paths)];
}

function capRows(rows: EffectRowView[], total: number): EffectRowView[] {
  if (total <= MAX_ROWS_PER_PLAN) return rows;
  return [...rows.slice(0, MAX_ROWS_PER_PLAN), { kind: 'note', text: `…and ${total - MAX_ROWS_PER_PLAN} more files.` }];
}

export async function previewEffects(command: string, ctx: EffectContext): Promise<EffectPreview> {
  const plans = planEffects(command);
  const rows: EffectRowView[] = [];
  if (plans.length === 0) return { rows };
  const roots = ctx.folders.length ? ctx.folders : [ctx.cwd];
  const umask = ctx.umask ?? 0o022;
  let accounts: Accounts | undefined;

  for (const plan of plans) {
    switch (plan.kind) {
      case 'note':
        rows.push({ kind: 'note', text: plan.text });
        break;
      case 'mode': {
        const out: EffectRowView[] = [];
        const paths = await targetsOf(plan, ctx, roots, rows);
        for (const p of paths) {
          const st = await ctx.disk.stat(p).catch(() => undefined);
          if (!st) {
            out.push({ kind: 'note', text: `${ctx.display(p)} does not exist; chmod would fail on it.` });
            continue;
          }
          const isDir = (st.mode & S_IFMT) === S_IFDIR;
          const next = plan.change(st.mode, isDir, umask);
          const after = (st.mode & ~0o7777) | next;
          out.push({ kind: 'mode', path: ctx.display(p), before: describeMode(st.mode), after: after === st.mode ? 'unchanged' : describeMode(after) });
        }
        rows.push(...capRows(out, out.length));
        break;
      }
      case 'owner': {
        accounts ??= await loadAccounts(ctx.disk);
        const acc = accounts;
        const out: EffectRowView[] = [];
        const paths = await targetsOf(plan, ctx, roots, rows);
        const uidOf = (name: string) => (/^\d+$/.test(name) ? Number(name) : acc.user.get(name)?.uid);
        const gidOf = (name: string) => (/^\d+$/.test(name) ? Number(name) : acc.group.get(name));
        const newUid = plan.owner === undefined ? undefined : uidOf(plan.owner);
        const newGid = plan.group !== undefined ? gidOf(plan.group) : plan.loginGroup && plan.owner ? acc.user.get(plan.owner)?.gid : undefined;
        if (plan.owner !== undefined && newUid === undefined) rows.push({ kind: 'note', text: `There is no user "${plan.owner}" on this machine.` });
        if (plan.group !== undefined && newGid === undefined) rows.push({ kind: 'note', text: `There is no group "${plan.group}" on this machine.` });
        const who = (uid: number, gid: number) => `${acc.userName.get(uid) ?? uid}:${acc.groupName.get(gid) ?? gid}`;
        for (const p of paths) {
          const st = await ctx.disk.stat(p).catch(() => undefined);
          if (!st) {
            out.push({ kind: 'note', text: `${ctx.display(p)} does not exist; ${plan.command} would fail on it.` });
            continue;
          }
          const uid = plan.owner !== undefined ? (newUid ?? st.uid) : st.uid;
          const gid = newGid ?? st.gid;
          const before = who(st.uid, st.gid);
          const after = who(uid, gid);
          const afterLabel = plan.owner !== undefined && newUid === undefined ? `${plan.owner}:${plan.group ?? acc.groupName.get(gid) ?? gid}` : after;
          out.push({ kind: 'owner', path: ctx.display(p), before, after: afterLabel === before ? 'unchanged' : afterLabel });
        }
        rows.push(...capRows(out, out.length));
        break;
      }
    }
  }
  return { rows };
}
