// Data statements judged by what they change: a row that makes someone an admin, a password overwritten, the
// server's own account tables edited, credential columns read, an audit trail erased. Facts come from the grammar
// (parser.ts) and, when it rejects the statement, from the tokens (`tokenFacts`), so a dialect feature the grammar
// misses never turns a privilege change into silence.
import { closeParen, splitTop, type Statement, type Token } from './lexer';
import { normalizeForGrammar, parseDml } from './parser';
import { auditTable, baseName, ELEVATED_VALUE, elevatedInDocument, LOW_VALUE, nameParts, privilegeColumn, roleAssignmentTable, secretColumn, secretTable, systemGrantTable, truthy } from './vocabulary';

export interface Value {
  /** The literal (string, number, true/false, null) when the value is one. */
  literal: string | undefined;
  /** Every string literal inside the value (`raw || '{"role":"admin"}'`). */
  strings: string[];
  /** Not a plain literal: a column, parameter, function or expression. */
  unknown: boolean;
}

export interface Assignment {
  column: string;
  value: Value;
}

export interface DmlFacts {
  kind: 'update' | 'insert' | 'select' | 'delete';
  tables: string[];
  /** UPDATE … SET, INSERT … SET, ON CONFLICT DO UPDATE SET, ON DUPLICATE KEY UPDATE, MERGE … UPDATE SET. */
  sets: Assignment[];
  /** INSERT column list ([] when not given). */
  columns: string[];
  rows: Value[][];
  selected: { name: string; star: boolean }[];
}

export type DmlClass = 'sql.data-privilege' | 'sql.credential' | 'sql.grant' | 'sql.secret-read' | 'sql.audit';

export interface DmlVerdict {
  rule: DmlClass;
  what: string;
}

const DML_START = new Set(['update', 'insert', 'replace', 'upsert', 'merge', 'delete', 'truncate', 'select', 'with', 'drop', 'table']);

/** Words that make a data statement worth reading closely (everything else is ordinary data work). */
const HINT = /role|admin|super|staff|perm|priv|scope|acl|grant|level|type|group|owner|claim|meta|capab|author|entitle|member|moder|root|sudo|pass|pwd|secret|token|key|credential|hash|salt|otp|mfa|mysql|pg_|sys\.|system\.|audit|log|history|trail|rights|clearance|jwt|digest/i;

/** Grammar work allowed per text (statements, characters): beyond it the token reader alone decides. Counted, not
 * timed, so the same text always gets the same reading. */
export const PARSE_BUDGET = 100;
const PARSE_CHAR_BUDGET = 60_000;
const PARSE_MAX_CHARS = 20_000;

export interface DmlContext {
  parses: number;
  chars?: number;
}

export function isDml(s: Statement): boolean {
  const first = s.tokens[0];
  return first !== undefined && first.kind === 'word' && DML_START.has(first.value);
}

export function judgeDml(text: string, s: Statement, ctx: DmlContext): DmlVerdict[] {
  const sql = text.slice(s.start, s.end);
  if (!HINT.test(sql)) return [];
  if (s.tokens[0]!.value === 'drop' && s.tokens[1]?.value !== 'table') return [];
  let facts: DmlFacts[] | undefined;
  if (sql.length <= PARSE_MAX_CHARS && ctx.parses < PARSE_BUDGET && (ctx.chars ?? 0) + sql.length <= PARSE_CHAR_BUDGET) {
    ctx.parses++;
    ctx.chars = (ctx.chars ?? 0) + sql.length;
    facts = parseDml(normalizeForGrammar(sql, s.tokens.map((t) => ({ start: t.start - s.start, end: t.end - s.start, kind: t.kind }))));
  }
  // The grammar may read a fragment as something else (a bare SET as a session setting): tokens decide then.
  if (!facts || facts.length === 0) facts = tokenFacts(s.tokens);
  const out: DmlVerdict[] = [];
  for (const f of facts) for (const v of judge(f)) if (!out.some((o) => o.rule === v.rule && o.what === v.what)) out.push(v);
  return out;
}

const USERISH = /^(?:users?|accounts?|members?|profiles?|people|persons?|staff|employees?|principals?|identities|identity|logins?|admins?|operators?|customers?|auth_users?|app_users?|user_accounts?|players?|students?|teachers?|tenants?|[a-z]+_users|users_[a-z]+)$/;

/** On a users table, a bare `type`/`level`/`kind` column set to admin is a role too (but only with an elevated value). */
const BARE_LEVEL = /^["`[]?(?:type|level|kind|tier|rank|class|usertype|accounttype)["`\]]?$/i;

const usersish = (tables: string[]) => tables.some((t) => USERISH.test(nameParts(baseName(t)).join('_')) || /^auth\.users$/i.test(t));

function show(v: Value): string {
  return v.literal !== undefined ? (/^-?\d/.test(v.literal) || /^(true|false|null)$/i.test(v.literal) ? v.literal : `'${v.literal}'`) : 'a computed value';
}

/** Whether a value given to a privilege column is an elevation (true: yes; 'maybe': unknown value). */
function elevates(kind: 'flag' | 'role', v: Value): boolean | 'maybe' {
  if (kind === 'flag') {
    if (v.literal !== undefined) return truthy(v.literal);
    return v.strings.some(truthy) ? true : 'maybe';
  }
  if (v.literal !== undefined) {
    if (LOW_VALUE.test(v.literal.trim()) || /^(?:false|0|f|no|n)$/i.test(v.literal.trim())) return false;
    return ELEVATED_VALUE.test(v.literal) ? true : 'maybe';
  }
  if (v.strings.some((s) => ELEVATED_VALUE.test(s) && !LOW_VALUE.test(s))) return true;
  return 'maybe';
}

function documentElevation(v: Value): string | undefined {
  for (const s of v.strings) {
    const found = /[{:=]/.test(s) ? elevatedInDocument(s) : undefined;
    if (found) return found;
  }
  return undefined;
}

function judge(f: DmlFacts): DmlVerdict[] {
  const out: DmlVerdict[] = [];
  const table = f.tables[0] ?? 'a table';
  const sys = f.tables.find(systemGrantTable);
  if (sys && f.kind !== 'select') {
    out.push({ rule: 'sql.grant', what: `${f.kind === 'delete' ? 'deletes from' : f.kind === 'insert' ? 'inserts into' : 'changes'} ${sys}, the database server's own accounts and privileges` });
  }
  if (f.kind === 'select') {
    const cols = f.selected.filter((c) => !c.star && secretColumn(c.name)).map((c) => c.name);
    const secretT = f.tables.find(secretTable);
    if (cols.length > 0) out.push({ rule: 'sql.secret-read', what: `reads ${cols.join(', ')}, which hold${cols.length === 1 ? 's' : ''} credentials` });
    else if (secretT && f.selected.some((c) => c.star)) out.push({ rule: 'sql.secret-read', what: `reads every column of ${secretT}, which holds credentials` });
    return out;
  }
  if (f.kind === 'delete') {
    const audit = f.tables.find(auditTable);
    if (audit) out.push({ rule: 'sql.audit', what: `deletes rows of ${audit}, an audit trail` });
    return out;
  }
  const users = usersish(f.tables);
  for (const a of f.sets) {
    const kind = privilegeColumn(a.column) ?? (users && BARE_LEVEL.test(a.column) ? 'bare' : undefined);
    if (kind) {
      const e = elevates(kind === 'bare' ? 'role' : kind, a.value);
      if (e === true || (e === 'maybe' && kind !== 'bare' && (users || roleAssignmentTable(table)) && f.kind === 'update')) {
        out.push({ rule: 'sql.data-privilege', what: `sets ${a.column} = ${show(a.value)} in ${table}, which changes someone's privileges` });
        continue;
      }
    }
    if (secretColumn(a.column) && f.kind === 'update') {
      out.push({ rule: 'sql.credential', what: `overwrites ${a.column} in ${table}, a stored credential` });
      continue;
    }
    const doc = documentElevation(a.value);
    if (doc) out.push({ rule: 'sql.data-privilege', what: `writes ${doc} into ${a.column} of ${table}` });
  }
  if (f.kind === 'update' && auditTable(table)) out.push({ rule: 'sql.audit', what: `rewrites rows of ${table}, an audit trail` });
  if (f.kind !== 'insert') return out;
  const assigning = roleAssignmentTable(table);
  for (const row of f.rows) {
    let hit: string | undefined;
    row.forEach((v, i) => {
      if (hit) return;
      const column = f.columns[i];
      if (column) {
        const kind = privilegeColumn(column) ?? (users && BARE_LEVEL.test(column) ? 'bare' : undefined);
        const e = kind ? elevates(kind === 'bare' ? 'role' : kind, v) : false;
        if (e === true || (e === 'maybe' && kind !== 'bare' && assigning && v.literal !== undefined)) hit = `${column} = ${show(v)}`;
      } else if (v.literal !== undefined && /^(?:admin|administrator|superuser|super_?admin|root|owner|sysadmin|staff|god)$/i.test(v.literal) && (assigning || users)) hit = `'${v.literal}'`;
      const doc = hit ? undefined : documentElevation(v);
      if (doc) hit = doc;
    });
    if (!hit && /^(?:admins|administrators|superusers|super_users|sudoers|moderators|owners)$/.test(nameParts(baseName(table)).join('_'))) hit = 'a new row';
    if (hit) {
      out.push({ rule: 'sql.data-privilege', what: `inserts ${hit} into ${table}, which gives someone privileges` });
      break;
    }
  }
  return out;
}

// ---- the token reader: the same facts when the grammar rejects a statement ----

const CLAUSE_END = new Set(['where', 'from', 'returning', 'order', 'limit', 'output', 'when', 'on', 'option', 'set', 'values', 'select', 'union', 'group', 'having', 'into']);

function qualifiedName(tokens: readonly Token[], i: number): { name: string; next: number } | undefined {
  const t = tokens[i];
  if (!t || (t.kind !== 'word' && t.kind !== 'ident')) return undefined;
  let name = t.value;
  let k = i + 1;
  while (tokens[k]?.value === '.' && tokens[k + 1] && (tokens[k + 1]!.kind === 'word' || tokens[k + 1]!.kind === 'ident')) {
    name += `.${tokens[k + 1]!.value}`;
    k += 2;
  }
  return { name, next: k };
}

function tokenValue(ts: readonly Token[]): Value {
  const strings = ts.filter((t) => t.kind === 'string').map((t) => t.value);
  const body = ts.filter((t) => !(t.kind === 'punct' && (t.value === '(' || t.value === ')')));
  // Casts (`'admin'::role`, `CAST('admin' AS role)`) keep the literal.
  const core = body.length >= 3 && body[1]!.value === '::' ? [body[0]!] : body;
  if (core.length === 1) {
    const t = core[0]!;
    if (t.kind === 'string' || t.kind === 'number') return { literal: t.value, strings, unknown: false };
    if (t.kind === 'word' && /^(true|false|null)$/.test(t.value)) return { literal: t.value, strings, unknown: false };
    if (t.kind === 'ident') return { literal: undefined, strings: [...strings, t.value], unknown: true };
  }
  if (core.length === 2 && core[0]!.value === '-' && core[1]!.kind === 'number') return { literal: `-${core[1]!.value}`, strings, unknown: false };
  return { literal: undefined, strings, unknown: true };
}

function assignments(tokens: readonly Token[], from: number): Assignment[] {
  let end = from;
  let depth = 0;
  for (; end < tokens.length; end++) {
    const t = tokens[end]!;
    if (t.kind === 'punct' && t.value === '(') depth++;
    else if (t.kind === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && t.kind === 'word' && CLAUSE_END.has(t.value)) break;
  }
  const out: Assignment[] = [];
  for (const part of splitTop(tokens.slice(from, end))) {
    const eq = part.findIndex((t) => t.kind === 'punct' && (t.value === '=' || t.value === ':='));
    if (eq < 1) continue;
    const lhs = part.slice(0, eq).filter((t) => t.kind === 'word' || t.kind === 'ident');
    const column = lhs[lhs.length - 1]?.value;
    if (column) out.push({ column, value: tokenValue(part.slice(eq + 1)) });
  }
  return out;
}

/** Facts read from tokens alone; used when the grammar does not accept the statement. */
export function tokenFacts(tokens: readonly Token[]): DmlFacts[] {
  const w = (i: number) => (tokens[i]?.kind === 'word' ? tokens[i].value : '');
  const facts: DmlFacts = { kind: 'update', tables: [], sets: [], columns: [], rows: [], selected: [] };
  const depth = depths(tokens);
  // WITH … AS (…): CTE bodies are nested one level deeper; the main verb is the first at the top level.
  const verbAt = tokens.findIndex((t, k) => t.kind === 'word' && ['update', 'insert', 'replace', 'upsert', 'merge', 'delete', 'truncate', 'select', 'drop'].includes(t.value) && depth[k] === 0);
  if (verbAt < 0) return [];
  const verb = tokens[verbAt]!.value;
  let k = verbAt + 1;
  const skip = new Set(['into', 'from', 'only', 'table', 'low_priority', 'ignore', 'quick', 'delayed', 'high_priority', 'if', 'exists', 'top', 'using']);
  const nameAfter = () => {
    while (k < tokens.length && (skip.has(w(k)) || (w(k - 1) === 'top' && tokens[k]?.value === '('))) {
      if (tokens[k]?.value === '(') k = closeParen(tokens, k) + 1;
      else k++;
    }
    const q = qualifiedName(tokens, k);
    if (q) {
      facts.tables.push(q.name);
      k = q.next;
    }
  };
  if (verb === 'select') {
    facts.kind = 'select';
    const fromAt = tokens.findIndex((t, j) => j > verbAt && t.kind === 'word' && t.value === 'from' && depth[j] === 0);
    const list = tokens.slice(verbAt + 1, fromAt < 0 ? tokens.length : fromAt);
    for (const part of splitTop(list)) {
      const names = part.filter((t) => t.kind === 'word' || t.kind === 'ident' || (t.kind === 'punct' && t.value === '*'));
      if (part.some((t) => t.value === '(')) continue;
      // `col`, `t.col`, `col AS x`, `col x`: the column is the name before AS (or the last dotted part).
      const asAt = names.findIndex((t) => t.kind === 'word' && t.value === 'as');
      const head = asAt > 0 ? names.slice(0, asAt) : names.length === 2 && part.every((t) => t.value !== '.') ? names.slice(0, 1) : names;
      const last = head[head.length - 1];
      if (last) facts.selected.push({ name: last.value, star: last.value === '*' });
    }
    if (fromAt >= 0) {
      k = fromAt + 1;
      nameAfter();
    }
    return [facts];
  }
  if (verb === 'delete' || verb === 'truncate' || verb === 'drop') {
    facts.kind = 'delete';
    nameAfter();
    return [facts];
  }
  facts.kind = verb === 'update' || verb === 'merge' ? 'update' : 'insert';
  nameAfter();
  for (let j = k; j < tokens.length; j++) {
    const v = w(j);
    if (v === 'set' || (v === 'update' && w(j - 1) === 'key') || (v === 'update' && w(j - 1) === 'then')) facts.sets.push(...assignments(tokens, v === 'update' && w(j + 1) === 'set' ? j + 2 : j + 1));
  }
  if (facts.kind === 'insert') {
    // (col, …) VALUES (…), (…)  |  (col, …) SELECT a, b …
    if (tokens[k]?.value === '(') {
      const close = closeParen(tokens, k);
      facts.columns = splitTop(tokens.slice(k + 1, close)).map((p) => p[p.length - 1]?.value ?? '');
      k = close + 1;
    }
    while (k < tokens.length && w(k) !== 'values' && w(k) !== 'value' && w(k) !== 'select') k++;
    if (w(k) === 'select') {
      const fromAt = tokens.findIndex((t, j) => j > k && t.kind === 'word' && t.value === 'from' && depth[j] === 0);
      facts.rows.push(splitTop(tokens.slice(k + 1, fromAt < 0 ? tokens.length : fromAt)).map(tokenValue));
    } else {
      for (k++; tokens[k]?.value === '('; ) {
        const close = closeParen(tokens, k);
        facts.rows.push(splitTop(tokens.slice(k + 1, close)).map(tokenValue));
        k = close + 1;
        if (tokens[k]?.value === ',') k++;
      }
    }
  }
  return [facts];
}

/** Parenthesis depth before each token. */
function depths(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  let d = 0;
  for (const t of tokens) {
    out.push(d);
    if (t.kind === 'punct' && t.value === '(') d++;
    else if (t.kind === 'punct' && t.value === ')') d--;
  }
  return out;
}
