// One positioned tree for every configuration language (YAML, JSON, HCL), so each detector is written once and
// every finding knows its offset in the text (and so its line). Readers for YAML and JSON live here; HCL in hcl.ts.
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { RuleId } from '../../reasons';
import type { Risk } from '../../types';

interface At {
  start: number;
  end: number;
}
export interface PMap extends At {
  t: 'map';
  entries: PEntry[];
  /** HCL block labels (`resource "aws_s3_bucket" "b"` → ["aws_s3_bucket", "b"]). */
  labels?: string[];
}
export interface PEntry {
  key: string;
  keyStart: number;
  value: PNode;
}
export interface PList extends At {
  t: 'list';
  items: PNode[];
}
export interface PScalar extends At {
  t: 'scalar';
  v: string | number | boolean | null;
  /** An expression the reader did not evaluate (HCL references, calls): `v` is its source text. */
  expr?: boolean;
}
export type PNode = PMap | PList | PScalar;

/** One thing a change loosens. `key` identifies it without its position, so old and new text can be compared. */
export interface ConfigFinding {
  rule: RuleId;
  message: string;
  start: number;
  end: number;
  key: string;
  risk?: Risk;
}

/** A protection the text has (a permissions block, a Deny statement): losing it in the new text is a finding. */
export interface Guard {
  key: string;
  rule: RuleId;
  /** What removing it means, e.g. "removes the workflow's permissions: block". */
  message: string;
  /** Where it is in the text analyzed. */
  start?: number;
}

export interface Analysis {
  findings: ConfigFinding[];
  guards: Guard[];
}

export const emptyAnalysis = (): Analysis => ({ findings: [], guards: [] });

// ---- Access helpers -------------------------------------------------------------------------------------------

export const isMapN = (n: PNode | undefined): n is PMap => n?.t === 'map';
export const isListN = (n: PNode | undefined): n is PList => n?.t === 'list';

/** First value under `key` (case-sensitive), or under any of several spellings. */
export function get(n: PNode | undefined, ...keys: string[]): PNode | undefined {
  if (!isMapN(n)) return undefined;
  for (const k of keys) {
    const e = n.entries.find((x) => x.key === k);
    if (e) return e.value;
  }
  return undefined;
}

/** Case-insensitive `get`. */
export function getI(n: PNode | undefined, ...keys: string[]): PNode | undefined {
  if (!isMapN(n)) return undefined;
  const want = new Set(keys.map((k) => k.toLowerCase()));
  return n.entries.find((x) => want.has(x.key.toLowerCase()))?.value;
}

export function entryOf(n: PNode | undefined, key: string): PEntry | undefined {
  return isMapN(n) ? n.entries.find((x) => x.key === key) : undefined;
}

/** Every value under `key` (HCL repeats blocks), lists flattened one level. */
export function all(n: PNode | undefined, ...keys: string[]): PNode[] {
  if (!isMapN(n)) return [];
  const out: PNode[] = [];
  for (const e of n.entries) if (keys.includes(e.key)) out.push(...(isListN(e.value) ? e.value.items : [e.value]));
  return out;
}

/** A value as a list of nodes (a scalar is a one-item list). */
export function items(n: PNode | undefined): PNode[] {
  if (!n) return [];
  return isListN(n) ? n.items : [n];
}

export function str(n: PNode | undefined): string | undefined {
  if (n?.t !== 'scalar' || n.v === null) return undefined;
  return String(n.v);
}

/** Scalars of a value (a string or a list of strings). */
export function strs(n: PNode | undefined): { s: string; node: PNode }[] {
  const out: { s: string; node: PNode }[] = [];
  for (const i of items(n)) {
    const s = str(i);
    if (s !== undefined) out.push({ s, node: i });
  }
  return out;
}

/** YAML 1.1 spellings count (Kubernetes and Compose read `yes`/`on` as true). */
export function truthy(n: PNode | undefined): boolean {
  if (n?.t !== 'scalar') return false;
  if (n.v === true) return true;
  return typeof n.v === 'string' && /^(?:true|yes|on|y)$/i.test(n.v.trim());
}

export function falsy(n: PNode | undefined): boolean {
  if (n?.t !== 'scalar') return false;
  if (n.v === false) return true;
  return typeof n.v === 'string' && /^(?:false|no|off|n)$/i.test(n.v.trim());
}

export function num(n: PNode | undefined): number | undefined {
  if (n?.t !== 'scalar') return undefined;
  if (typeof n.v === 'number') return n.v;
  if (typeof n.v === 'string' && /^\s*-?\d+\s*$/.test(n.v)) return Number(n.v);
  return undefined;
}

/** Calls `fn` on every node, depth first, with the chain of keys above it. */
export function walk(n: PNode, fn: (node: PNode, path: string[]) => void, path: string[] = []): void {
  fn(n, path);
  if (n.t === 'map') for (const e of n.entries) walk(e.value, fn, [...path, e.key]);
  else if (n.t === 'list') for (const i of n.items) walk(i, fn, path);
}

export { lineNumber as lineOf } from '../../lines';

/** Builds findings for one analyzer: `add(rule, node, message, key?)`. */
export class Findings implements Analysis {
  findings: ConfigFinding[] = [];
  guards: Guard[] = [];
  add(rule: RuleId, at: At | undefined, message: string, key: string = message, risk?: Risk): void {
    const f: ConfigFinding = { rule, message, start: at?.start ?? -1, end: at?.end ?? -1, key: `${rule}|${key}` };
    if (risk) f.risk = risk;
    this.findings.push(f);
  }
  guard(rule: RuleId, key: string, message: string, at?: At): void {
    const g: Guard = { rule, key: `${rule}|${key}`, message };
    if (at) g.start = at.start;
    this.guards.push(g);
  }
  merge(a: Analysis): void {
    this.findings.push(...a.findings);
    this.guards.push(...a.guards);
  }
}

// ---- YAML ------------------------------------------------------------------------------------------------------

function fromYaml(n: YamlNode | null | undefined, doc: Document): PNode {
  if (!n) return { t: 'scalar', v: null, start: 0, end: 0 };
  const [start, end] = n.range ?? [0, 0];
  if (isAlias(n)) {
    const target = n.resolve(doc);
    return target ? fromYaml(target, doc) : { t: 'scalar', v: null, start, end };
  }
  if (isMap(n)) {
    const entries: PEntry[] = [];
    for (const p of n.items) {
      if (!isPair(p)) continue;
      const k = p.key as YamlNode | null;
      const key = isScalar(k) ? String(k.value) : k ? String(k) : '';
      const value = fromYaml(p.value as YamlNode | null, doc);
      const keyStart = k?.range?.[0] ?? value.start;
      // `<<: *defaults` merges: keep the merged keys reachable.
      if (key === '<<' && value.t === 'map') entries.push(...value.entries);
      else entries.push({ key, keyStart, value: value.start === 0 && value.end === 0 ? { ...value, start: keyStart, end: k?.range?.[1] ?? keyStart } : value });
    }
    return { t: 'map', entries, start, end };
  }
  if (isSeq(n)) return { t: 'list', items: n.items.map((i) => fromYaml(i as YamlNode, doc)), start, end };
  if (isScalar(n)) {
    const v = n.value;
    // Dates and big integers (YAML 1.1 timestamps, huge numbers) are kept as their source text.
    return { t: 'scalar', v: typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v === null || v === undefined ? null : (n.source ?? null), start, end };
  }
  return { t: 'scalar', v: null, start, end };
}

/** Every document of a YAML stream, or undefined when any of them has a syntax error. */
export function readYaml(text: string): PNode[] | undefined {
  try {
    const docs = parseAllDocuments(text, { uniqueKeys: false, lineCounter: new LineCounter(), prettyErrors: false, strict: false });
    if (!Array.isArray(docs)) return undefined;
    if (docs.some((d) => d.errors.length > 0)) return undefined;
    return docs.filter((d) => d.contents !== null).map((d) => fromYaml(d.contents as YamlNode, d));
  } catch {
    return undefined;
  }
}

// ---- JSON ------------------------------------------------------------------------------------------------------

function fromJson(n: JsonNode, base: number): PNode {
  const start = base + n.offset;
  const end = start + n.length;
  if (n.type === 'object') {
    const entries: PEntry[] = [];
    for (const p of n.children ?? []) {
      const [k, v] = p.children ?? [];
      if (!k || !v) continue;
      entries.push({ key: String(k.value), keyStart: base + k.offset, value: fromJson(v, base) });
    }
    return { t: 'map', entries, start, end };
  }
  if (n.type === 'array') return { t: 'list', items: (n.children ?? []).map((c) => fromJson(c, base)), start, end };
  const v = n.value as unknown;
  return { t: 'scalar', v: typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null, start, end };
}

/** JSON (comments and trailing commas allowed), or undefined on a syntax error. `base` offsets every position. */
export function readJson(text: string, base = 0): PNode | undefined {
  const errors: ParseError[] = [];
  try {
    const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    if (!tree || errors.length > 0) return undefined;
    return fromJson(tree, base);
  } catch (e) {
    if (e instanceof RangeError) return undefined;
    throw e;
  }
}

/** A scalar that holds a JSON document (a heredoc policy, a CloudFormation string), parsed in place. */
export function embeddedJson(n: PNode | undefined): PNode | undefined {
  const s = str(n);
  if (!n || s === undefined || !/^\s*[[{]/.test(s)) return undefined;
  const tree = readJson(s, n.start);
  if (!tree) return undefined;
  // Escaped strings do not keep offsets: point every node at the scalar then.
  const exact = s.length === n.end - n.start;
  if (exact) return tree;
  const pin = (x: PNode): PNode => {
    const at = { start: n.start, end: n.end };
    if (x.t === 'map') return { ...x, ...at, entries: x.entries.map((e) => ({ key: e.key, keyStart: n.start, value: pin(e.value) })) };
    if (x.t === 'list') return { ...x, ...at, items: x.items.map(pin) };
    return { ...x, ...at };
  };
  return pin(tree);
}
