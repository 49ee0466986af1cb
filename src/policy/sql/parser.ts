// The data statements (UPDATE, INSERT, SELECT, DELETE …) read with node-sql-parser's PostgreSQL grammar, which also
// reads most MySQL/SQLite/T-SQL DML once identifier quotes and casts are normalized. Only the facts the judgement
// needs are kept (`DmlFacts`); the token reader in dml.ts produces the same facts when the grammar rejects a
// statement. The grammar (about 300 KB) is loaded on first use, so commands without SQL never pay for it.
import type { DmlFacts, Assignment, Value } from './dml';

interface AstParser {
  astify(sql: string, opt?: { database?: string }): unknown;
}

let parser: AstParser | null | undefined;

function load(): AstParser | null {
  if (parser !== undefined) return parser;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('node-sql-parser/build/postgresql') as { Parser: new () => AstParser };
    parser = new mod.Parser();
  } catch {
    parser = null;
  }
  return parser;
}

/**
 * Same-length rewrites that keep every offset: `x`/[x] identifiers become "x", `::type` casts become spaces, T-SQL
 * `TOP (n)` is blanked. Strings and comments are left alone (the caller passes token spans to find them).
 */
export function normalizeForGrammar(sql: string, spans: { start: number; end: number; kind: string }[]): string {
  const chars = sql.split('');
  const inside = (i: number) => spans.some((s) => s.kind === 'string' && i > s.start && i < s.end - 1);
  for (const s of spans) {
    if (s.kind !== 'ident') continue;
    const open = chars[s.start];
    if (open === '`' || open === '[') {
      chars[s.start] = '"';
      chars[s.end - 1] = '"';
    }
  }
  const text = chars.join('');
  return text
    .replace(/::\s*[A-Za-z_][\w.]*(?:\s*\[\s*\])?(?:\s*\(\s*\d+(?:\s*,\s*\d+)?\s*\))?/g, (m, off: number) => (inside(off) ? m : ' '.repeat(m.length)))
    .replace(/\bTOP\s*\(\s*\d+\s*\)(?:\s+PERCENT)?/gi, (m, off: number) => (inside(off) ? m : ' '.repeat(m.length)));
}

/** Facts of every data statement in the AST (CTEs and subqueries included), or undefined when it does not parse. */
export function parseDml(sql: string): DmlFacts[] | undefined {
  const p = load();
  if (!p) return undefined;
  let ast: unknown;
  try {
    ast = p.astify(sql, { database: 'postgresql' });
  } catch {
    return undefined;
  }
  const out: DmlFacts[] = [];
  walk(ast, out, 0);
  return out;
}

type Node = Record<string, unknown>;

const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && !Array.isArray(x);

function walk(x: unknown, out: DmlFacts[], depth: number): void {
  if (depth > 60) return;
  if (Array.isArray(x)) {
    for (const y of x) walk(y, out, depth + 1);
    return;
  }
  if (!isNode(x)) return;
  const facts = factsOf(x);
  if (facts) out.push(facts);
  for (const v of Object.values(x)) if (typeof v === 'object' && v !== null) walk(v, out, depth + 1);
}

function tableNames(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const t of list) {
    if (!isNode(t) || typeof t.table !== 'string') continue;
    out.push(typeof t.db === 'string' && t.db ? `${t.db}.${t.table}` : t.table);
  }
  return out;
}

function columnName(c: unknown): string | undefined {
  if (typeof c === 'string') return c;
  if (!isNode(c)) return undefined;
  if (typeof c.value === 'string') return c.value;
  if (c.type === 'column_ref') return columnName(c.column);
  if (isNode(c.expr)) return columnName(c.expr);
  return undefined;
}

const STRING_TYPES = new Set(['single_quote_string', 'natural_string', 'hex_string', 'full_hex_string', 'bit_string', 'dollar_quote_string', 'regex_string', 'string', 'backticks_quote_string']);

/** A value expression as the judgement sees it: its literal when it is one, and every string literal inside it. */
export function valueOf(e: unknown): Value {
  const v: Value = { literal: undefined, strings: [], unknown: true };
  if (!isNode(e)) return v;
  if (STRING_TYPES.has(String(e.type)) || e.type === 'number' || e.type === 'bool' || e.type === 'null') {
    v.literal = e.type === 'null' ? 'null' : String(e.value);
    v.unknown = false;
    if (e.type !== 'null') v.strings.push(v.literal);
    return v;
  }
  // MySQL "admin" reads as a double-quoted identifier in the PostgreSQL grammar: it may be a string.
  if (e.type === 'column_ref' && isNode(e.column) && isNode(e.column.expr) && e.column.expr.type === 'double_quote_string') {
    const s = String(e.column.expr.value);
    v.strings.push(s);
    return v;
  }
  collectStrings(e, v.strings, 0);
  return v;
}

function collectStrings(x: unknown, out: string[], depth: number): void {
  if (depth > 30 || out.length > 50) return;
  if (Array.isArray(x)) {
    for (const y of x) collectStrings(y, out, depth + 1);
    return;
  }
  if (!isNode(x)) return;
  if (STRING_TYPES.has(String(x.type)) && typeof x.value === 'string') out.push(x.value);
  for (const y of Object.values(x)) if (typeof y === 'object' && y !== null) collectStrings(y, out, depth + 1);
}

function setList(list: unknown): Assignment[] {
  if (!Array.isArray(list)) return [];
  const out: Assignment[] = [];
  for (const s of list) {
    if (!isNode(s)) continue;
    const column = columnName(s.column) ?? columnName(s);
    if (column) out.push({ column, value: valueOf(s.value) });
  }
  return out;
}

function factsOf(x: Node): DmlFacts | undefined {
  switch (x.type) {
    case 'update':
      if (!Array.isArray(x.set)) return undefined;
      return { kind: 'update', tables: [...tableNames(x.table), ...tableNames(x.from)], sets: setList(x.set), columns: [], rows: [], selected: [] };
    case 'insert':
    case 'replace': {
      const tables = tableNames(x.table);
      const columns = Array.isArray(x.columns) ? x.columns.map((c) => columnName(c) ?? '') : [];
      const rows: Value[][] = [];
      const values = x.values;
      if (isNode(values) && values.type === 'values' && Array.isArray(values.values)) {
        for (const r of values.values) if (isNode(r) && Array.isArray(r.value)) rows.push(r.value.map(valueOf));
      } else if (isNode(values) && values.type === 'select' && Array.isArray(values.columns)) {
        rows.push(values.columns.map((c) => valueOf(isNode(c) ? c.expr : undefined)));
      }
      const sets = setList(x.set);
      const conflict = isNode(x.conflict) && isNode(x.conflict.action) && isNode(x.conflict.action.expr) ? setList(x.conflict.action.expr.set) : [];
      return { kind: 'insert', tables, sets: [...sets, ...conflict, ...setList(x.on_duplicate_update && isNode(x.on_duplicate_update) ? x.on_duplicate_update.set : undefined)], columns, rows, selected: [] };
    }
    case 'select': {
      const selected: DmlFacts['selected'] = [];
      if (Array.isArray(x.columns)) {
        for (const c of x.columns) {
          const e = isNode(c) ? c.expr : undefined;
          if (!isNode(e)) continue;
          if (e.type === 'column_ref') {
            const name = columnName(e.column);
            if (name) selected.push({ name, star: name === '*' });
          } else if (e.type === 'star') selected.push({ name: '*', star: true });
        }
      } else if (x.columns === '*') selected.push({ name: '*', star: true });
      return { kind: 'select', tables: tableNames(x.from), sets: [], columns: [], rows: [], selected };
    }
    case 'delete':
      return { kind: 'delete', tables: tableNames(x.from).length > 0 ? tableNames(x.from) : tableNames(x.table), sets: [], columns: [], rows: [], selected: [] };
    case 'truncate':
      return { kind: 'delete', tables: tableNames(x.name), sets: [], columns: [], rows: [], selected: [] };
    case 'drop':
      return x.keyword === 'table' ? { kind: 'delete', tables: tableNames(x.name), sets: [], columns: [], rows: [], selected: [] } : undefined;
    default:
      return undefined;
  }
}
