// Codex runs a hook only once the user trusted it: each hook's trust is a `[hooks.state."<key>"] trusted_hash`
// entry in the user's $CODEX_HOME/config.toml, and an untrusted hook is skipped silently (the tool runs). Connect
// Agents writes that entry itself, so a connected Codex is guarded without a trip through Codex's /hooks screen.
//
// What Codex 0.169 does (checked against `codex app-server` hooks/list by the conformance suite on every run):
// - key: `<absolute hooks.json path>:pre_tool_use:<matcher group index>:<handler index>`;
// - hash: `sha256:` + hex SHA-256 of the compact JSON, keys sorted at every level, of
//   {event_name:"pre_tool_use", matcher, hooks:[{type:"command", command, timeout, async}]} (absent fields omitted);
// - only the user layer's config.toml may hold trust (a repository cannot trust its own hooks).
// Pure: text in, text out.
import { createHash } from 'node:crypto';
import { parse } from '@decimalturn/toml-patch';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { isCountersignCommand } from './hookConfig';

export interface CodexHookRef {
  key: string;
  hash: string;
}

/** The fields of a command hook that make up its trust identity. */
export interface CodexHookIdentity {
  command: string;
  /** Seconds; Codex uses 600 when absent and at least 1. */
  timeout?: number;
  matcher?: string;
  async?: boolean;
  statusMessage?: string;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = canonical(v);
    }
    return out;
  }
  return value;
}

export function codexHookHash(hook: CodexHookIdentity): string {
  const handler = {
    type: 'command',
    command: hook.command,
    timeout: Math.max(1, hook.timeout ?? 600),
    async: hook.async ?? false,
    statusMessage: hook.statusMessage,
  };
  const identity = { event_name: 'pre_tool_use', matcher: hook.matcher, hooks: [handler] };
  return `sha256:${createHash('sha256').update(JSON.stringify(canonical(identity))).digest('hex')}`;
}

export function codexHookKey(hooksFile: string, group: number, handler: number): string {
  return `${hooksFile}:pre_tool_use:${group}:${handler}`;
}

const str = (n: Node | undefined): string | undefined => (typeof n?.value === 'string' ? n.value : undefined);

interface Handler extends CodexHookRef {
  ours: boolean;
}

/** Every command handler under PreToolUse, in order, with the key and hash Codex gives it. */
function handlers(hooksFile: string, hooksJson: string | undefined): Handler[] {
  if (!hooksJson?.trim()) return [];
  const root = parseTree(hooksJson, [], { allowTrailingComma: true, disallowComments: false });
  const groups = root ? findNodeAtLocation(root, ['hooks', 'PreToolUse']) : undefined;
  if (groups?.type !== 'array') return [];
  const found: Handler[] = [];
  (groups.children ?? []).forEach((group, g) => {
    const list = findNodeAtLocation(group, ['hooks']);
    (list?.type === 'array' ? list.children ?? [] : []).forEach((h, i) => {
      const command = str(findNodeAtLocation(h, ['command']));
      if (command === undefined || str(findNodeAtLocation(h, ['type'])) !== 'command') return;
      const timeout = findNodeAtLocation(h, ['timeout'])?.value as unknown;
      found.push({
        key: codexHookKey(hooksFile, g, i),
        ours: isCountersignCommand(command),
        hash: codexHookHash({
          command,
          timeout: typeof timeout === 'number' ? timeout : undefined,
          matcher: str(findNodeAtLocation(group, ['matcher'])),
          async: findNodeAtLocation(h, ['async'])?.value === true,
          statusMessage: str(findNodeAtLocation(h, ['statusMessage'])),
        }),
      });
    });
  });
  return found;
}

/** Countersign's PreToolUse hooks in a Codex hooks.json, with the key and hash Codex gives each. */
export function codexHookRefs(hooksFile: string, hooksJson: string | undefined): CodexHookRef[] {
  return handlers(hooksFile, hooksJson)
    .filter((h) => h.ours)
    .map(({ key, hash }) => ({ key, hash }));
}

/**
 * Keys are positions, so removing Countersign's hook moves every hook after it to a new key, and their trust
 * would stop matching (Codex would then skip the user's own hooks silently). Returns old → new key for each
 * other hook whose position changed between the two texts.
 */
export function codexMovedKeys(hooksFile: string, before: string | undefined, after: string | undefined): Map<string, string> {
  const was = handlers(hooksFile, before).filter((h) => !h.ours);
  const now = handlers(hooksFile, after).filter((h) => !h.ours);
  const moved = new Map<string, string>();
  if (was.length !== now.length) return moved;
  was.forEach((h, i) => {
    const to = now[i]!;
    if (h.hash === to.hash && h.key !== to.key) moved.set(h.key, to.key);
  });
  return moved;
}

// ---- config.toml: a line editor for exactly the tables Countersign writes, checked by a TOML parser ---------
// (@decimalturn/toml-patch's own patch() rewrites the layout: empty [hooks] and [hooks.state] headers, a renamed
// table moved to the end; the line edit keeps Connect's diff to the lines it means.)

/** TOML basic string; JSON's escapes are a subset of TOML's. */
const tomlString = (s: string): string => JSON.stringify(s);

const HEADER = /^\s*\[\s*hooks\s*\.\s*state\s*\.\s*("(?:[^"\\]|\\.)*"|'[^']*')\s*\]\s*(?:#.*)?$/;
const ANY_HEADER = /^\s*\[/;
const TRUSTED_HASH = /^\s*trusted_hash\s*=/;

function headerKey(line: string): string | undefined {
  const m = HEADER.exec(line);
  if (!m) return undefined;
  const quoted = m[1]!;
  if (quoted.startsWith("'")) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

/** Shapes this editor cannot extend safely: hook state written as inline tables or dotted keys. */
function unsupportedShape(lines: string[], keys: readonly string[]): string | undefined {
  let table = '';
  for (const line of lines) {
    if (ANY_HEADER.test(line)) {
      table = line.trim();
      continue;
    }
    if (/^\s*hooks\s*[=.]/.test(line) && table === '') return 'hooks are set as a dotted key or inline table';
    if (/^\s*state\s*[=.]/.test(line) && /^\[\s*hooks\s*\]/.test(table)) return 'hook state is set as a dotted key or inline table';
    if (keys.some((k) => line.includes(k) || line.includes(tomlString(k).slice(1, -1))) && headerKey(line) === undefined) {
      return 'this hook already has state in a form Countersign does not edit';
    }
  }
  return undefined;
}

/** Lines [start, end) of the `[hooks.state."key"]` table, or undefined. */
function tableRange(lines: string[], key: string): [number, number] | undefined {
  const start = lines.findIndex((l) => headerKey(l) === key);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && !ANY_HEADER.test(lines[end]!)) end++;
  return [start, end];
}

export type TrustEdit = { text: string; problem?: undefined } | { text?: undefined; problem: string };

/** Records each hook as trusted with its current hash (adding or updating its table). */
export function trustCodexHooks(configToml: string | undefined, refs: readonly CodexHookRef[]): TrustEdit {
  const original = configToml ?? '';
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const lines = original === '' ? [] : original.replace(/\r?\n$/, '').split(/\r?\n/);
  const problem = unsupportedShape(lines, refs.map((r) => r.key));
  if (problem) return { problem: `config.toml: ${problem}; trust the Countersign hook in Codex with /hooks instead.` };
  for (const ref of refs) {
    const entry = `trusted_hash = ${tomlString(ref.hash)}`;
    const range = tableRange(lines, ref.key);
    if (!range) {
      if (lines.length > 0 && lines[lines.length - 1]!.trim() !== '') lines.push('');
      lines.push(`[hooks.state.${tomlString(ref.key)}]`, entry);
      continue;
    }
    const [start, end] = range;
    const at = lines.slice(start + 1, end).findIndex((l) => TRUSTED_HASH.test(l));
    if (at < 0) lines.splice(start + 1, 0, entry);
    else lines[start + 1 + at] = entry;
  }
  const text = lines.length === 0 ? '' : lines.join(eol) + eol;
  // The edit is checked by a TOML parser: the file must parse and record exactly these hashes, or nothing is written.
  const check = parsed(text);
  const states = check && hookStates(check, false);
  const recorded = (key: string): unknown => (typeof states === 'object' && isTable(states[key]) ? states[key].trusted_hash : undefined);
  if (refs.some((r) => recorded(r.key) !== r.hash)) {
    return { problem: 'config.toml: Countersign could not record the trust as valid TOML; trust the Countersign hook in Codex with /hooks instead.' };
  }
  return { text: configToml !== undefined && text.replace(/\r?\n$/, '') === configToml.replace(/\r?\n$/, '') ? configToml : text };
}

/**
 * Drops the trust of the given hooks: the whole table when it holds nothing else (as Connect wrote it), else only
 * its trusted_hash line, so a user's `enabled = false` survives.
 */
export function untrustCodexHooks(configToml: string, keys: readonly string[]): string {
  const eol = configToml.includes('\r\n') ? '\r\n' : '\n';
  const lines = configToml.replace(/\r?\n$/, '').split(/\r?\n/);
  for (const key of keys) {
    const range = tableRange(lines, key);
    if (!range) continue;
    const [start, end] = range;
    const body = lines.slice(start + 1, end);
    const others = body.filter((l) => l.trim() !== '' && !TRUSTED_HASH.test(l));
    if (others.length > 0) {
      lines.splice(start + 1, end - start - 1, ...body.filter((l) => !TRUSTED_HASH.test(l)));
      continue;
    }
    // Remove the table and the blank line Connect put before it.
    const from = start > 0 && lines[start - 1]!.trim() === '' ? start - 1 : start;
    lines.splice(from, end - from);
  }
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === '') lines.pop();
  return lines.length === 0 ? '' : lines.join(eol) + eol;
}

/** Moves each hook's state table to its hook's new key (see codexMovedKeys); all at once, so shifts cannot collide. */
export function rekeyCodexHookStates(configToml: string, moved: ReadonlyMap<string, string>): string {
  if (moved.size === 0) return configToml;
  return configToml
    .split(/(?<=\n)/)
    .map((line) => {
      const eol = /\r?\n$/.exec(line)?.[0] ?? '';
      const text = line.slice(0, line.length - eol.length);
      const key = headerKey(text);
      const to = key === undefined ? undefined : moved.get(key);
      return to === undefined ? line : `${/^\s*/.exec(text)![0]}[hooks.state.${tomlString(to)}]${eol}`;
    })
    .join('');
}

// ---- reading config.toml as TOML (@decimalturn/toml-patch's parser) -------------------------------------

type Table = Record<string, unknown>;

const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function parsed(text: string | undefined): Table | undefined {
  try {
    const doc = parse(text ?? '') as unknown;
    return isTable(doc) ? doc : undefined;
  } catch {
    return undefined;
  }
}

/** `hooks.state` of a parsed config.toml; `create` adds the tables it needs. A non-table in the way: a problem. */
function hookStates(doc: Table, create: boolean): Table | string | undefined {
  let at: Table = doc;
  for (const name of ['hooks', 'state']) {
    const next = at[name];
    if (next === undefined) {
      if (!create) return undefined;
      at[name] = {};
    } else if (!isTable(next)) return `${name} is not a table`;
    at = at[name] as Table;
  }
  return at;
}


/** The trust Codex has recorded for one hook: its trusted hash and whether it is enabled. */
export function codexHookState(configToml: string | undefined, key: string): { trustedHash?: string; enabled: boolean } {
  const doc = parsed(configToml);
  const states = doc && hookStates(doc, false);
  const state = typeof states === 'object' ? states[key] : undefined;
  if (!isTable(state)) return { enabled: true };
  const enabled = state.enabled !== false;
  return typeof state.trusted_hash === 'string' ? { trustedHash: state.trusted_hash, enabled } : { enabled };
}

/** A top-level key of config.toml (before any table), as text. */
export function codexTopLevel(configToml: string | undefined, key: string): string | undefined {
  const value = parsed(configToml)?.[key];
  return typeof value === 'string' || typeof value === 'boolean' ? String(value) : undefined;
}

/** `[projects."<dir>"] trust_level` for a project folder, if recorded. */
export function codexProjectTrust(configToml: string | undefined, dir: string): string | undefined {
  const projects = parsed(configToml)?.projects;
  if (!isTable(projects)) return undefined;
  for (const [name, project] of Object.entries(projects)) {
    if (name.replace(/\/+$/, '') !== dir.replace(/\/+$/, '') || !isTable(project)) continue;
    if (typeof project.trust_level === 'string') return project.trust_level;
  }
  return undefined;
}
