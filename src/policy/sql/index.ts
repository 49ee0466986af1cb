// SQL judged by meaning. `sqlFindings(text)` reads a script statement by statement (lexer.ts), judges statements that
// change access from their tokens (access.ts) and data statements with node-sql-parser plus a token fallback
// (dml.ts), follows code inside code (function bodies, DO blocks, EXECUTE '…'), and reads MongoDB shell code
// (mongo.ts). Each finding spans its statement and names it with its line, so the panel can highlight it.
//
// What counts (see reasons.ts for the risks): grants, revokes, users/roles/logins and their rights and passwords,
// ownership, acting as another role (`sql.grant`, `sql.credential`); row-level security off or always true
// (`sql.rls`); rows that make someone an admin, passwords overwritten (`sql.data-privilege`, `sql.credential`);
// reading credential columns or tables (`sql.secret-read`: password hashes, tokens and keys are secrets even hashed);
// OS commands from the server (`sql.exec`); and, worth one look, audit trails erased and SECURITY DEFINER code.
// Ordinary SQL (queries, schema for a roles table, members inserted as members) raises nothing.
import type { RuleId } from '../reasons';
import type { Risk } from '../types';
import { columnDefaults, judgeAccess } from './access';
import { isDml, judgeDml, type DmlContext } from './dml';
import { splitStatements, type Statement, type Token } from './lexer';
import { looksLikeMongo, mongoFindings } from './mongo';
import { sqlStringsInCode } from './embedded';
import { lineIndex, lineStarts } from '../lines';

export interface SqlFinding {
  rule: RuleId;
  message: string;
  start: number;
  end: number;
  /** Defaults to the rule's risk. */
  risk?: Risk;
}

export interface SqlOptions {
  /** MySQL and MariaDB: backslash escapes inside strings. */
  dialect?: 'mysql' | 'postgresql' | 'mssql' | 'sqlite' | 'other';
}

const MAX_DEPTH = 4;
const EXCERPT = 72;

/** Findings in SQL (or MongoDB shell) text; offsets index `text`. */
export function sqlFindings(text: string, opts: SqlOptions = {}): SqlFinding[] {
  const out: SqlFinding[] = [];
  const lines = lineStarts(text);
  const ctx: DmlContext = { parses: 0 };
  scan(text, 0, text.length, opts, ctx, lines, out, 0);
  if (looksLikeMongo(text)) {
    for (const f of mongoFindings(text)) out.push(finding(text, lines, f.rule, f.what, f.start, f.end));
  }
  return dedupe(out);
}

/** SQL inside program text (a migration in TypeScript, Python, Ruby, Go): string literals that hold statements. */
export function sqlFindingsInCode(code: string): SqlFinding[] {
  const out: SqlFinding[] = [];
  const lines = lineStarts(code);
  const ctx: DmlContext = { parses: 0 };
  for (const s of sqlStringsInCode(code)) {
    const found: SqlFinding[] = [];
    scan(s.text, 0, s.text.length, {}, ctx, lineStarts(s.text), found, 1);
    for (const f of found) {
      const [start, end] = s.linear ? [s.start + f.start, s.start + f.end] : [s.start, s.end];
      out.push(finding(code, lines, f.rule, whatOf(f.message), start, end, f.risk));
    }
  }
  if (looksLikeMongo(code)) for (const f of mongoFindings(code)) out.push(finding(code, lines, f.rule, f.what, f.start, f.end));
  return dedupe(out);
}

// Messages are built as "`excerpt` (line n) what."; nested findings are re-anchored on the outer text.
const whatOf = (message: string) => message.replace(/^`[^`]*` \(line \d+\) /, '').replace(/\.$/, '');

function scan(text: string, from: number, to: number, opts: SqlOptions, ctx: DmlContext, lines: number[], out: SqlFinding[], depth: number): void {
  const slice = text.slice(from, to);
  for (const st of splitStatements(slice, { backslash: opts.dialect === 'mysql' ? true : undefined })) {
    const s: Statement = from === 0 ? st : { ...st, start: st.start + from, end: st.end + from, tokens: st.tokens.map((t) => shift(t, from)) };
    judgeStatement(text, s, opts, ctx, lines, out, depth);
  }
}

function shift(t: Token, by: number): Token {
  return { ...t, start: t.start + by, end: t.end + by, inner: t.inner === undefined ? undefined : t.inner + by };
}

const BLOCK_WORDS = new Set(['begin', 'then', 'else', 'loop', 'do', 'declare', 'is', 'as', 'atomic']);
const STATEMENT_START = /^(?:grant|revoke|deny|create|alter|drop|set|reset|flush|rename|reassign|copy|exec|execute|call|update|insert|replace|upsert|merge|delete|truncate|select|with|comment|sp_\w+|xp_cmdshell|perform)$/;

function judgeStatement(text: string, s: Statement, opts: SqlOptions, ctx: DmlContext, lines: number[], out: SqlFinding[], depth: number): void {
  if (s.meta) {
    const line = s.tokens[0]!.value;
    if (/^\\password\b/.test(line)) out.push(finding(text, lines, 'sql.credential', 'changes a database password (psql \\password)', s.start, s.end));
    return;
  }
  let tokens = s.tokens;
  // Procedural wrappers: BEGIN … / IF … THEN … / ELSE … / T-SQL IF [NOT] EXISTS (…) stmt.
  for (let guard = 0; guard < 8 && tokens.length > 0; guard++) {
    const w = tokens[0]!.kind === 'word' ? tokens[0]!.value : '';
    if (w === 'begin' && (tokens[1]?.value === 'transaction' || tokens[1]?.value === 'work' || tokens[1]?.value === 'tran' || tokens.length === 1)) return;
    if (BLOCK_WORDS.has(w) && !(w === 'do' && tokens[1]?.kind === 'string')) tokens = tokens.slice(1);
    else if (w === 'end' && tokens.length <= 2) return;
    else if (w === 'if' || w === 'elsif' || w === 'elseif' || w === 'when' || w === 'while') {
      const then = tokens.findIndex((t) => t.kind === 'word' && (t.value === 'then' || t.value === 'loop'));
      if (then > 0) tokens = tokens.slice(then + 1);
      else tokens = afterCondition(tokens);
    } else break;
  }
  if (tokens.length === 0) return;
  const start = tokens[0]!.start;
  const st: Statement = { start, end: s.end, tokens };
  const found: { rule: RuleId; what: string }[] = [...judgeAccess(tokens)];
  // `SET role = 'admin' WHERE id = 3`: the tail of an UPDATE (an edit's replacement text), judged as one.
  const w0 = tokens[0]!.value;
  // A trigger's `SET NEW.is_admin = 1` or PL/pgSQL `NEW.role := 'admin'` sets the row being written.
  const newRow = (w0 === 'new' && tokens[1]?.value === '.') || (w0 === 'set' && tokens[1]?.value === 'new' && tokens[2]?.value === '.');
  const updateTail = (w0 === 'set' && tokens[2]?.value === '=' && tokens.some((t) => t.kind === 'word' && t.value === 'where')) || newRow;
  if (isDml(st) || updateTail) found.push(...judgeDml(text, updateTail ? withVerb(st, w0 !== 'set') : st, ctx));
  if (found.length === 0 && !STATEMENT_START.test(w0)) found.push(...fragment(tokens));
  for (const f of found) out.push(finding(text, lines, f.rule, f.what, st.start, st.end));
  // Routine and trigger bodies that are not dollar-quoted (MySQL, T-SQL): the statement after BEGIN.
  if (found.length === 0 && w0 === 'create' && depth < MAX_DEPTH) {
    const body = tokens.findIndex((t, i) => i > 1 && t.kind === 'word' && (t.value === 'begin' || (t.value === 'row' && tokens[i - 1]?.value === 'each')));
    if (body > 0 && body + 1 < tokens.length) judgeStatement(text, { start: tokens[body + 1]!.start, end: s.end, tokens: tokens.slice(body + 1) }, opts, ctx, lines, out, depth + 1);
  }
  // Code inside code: dollar-quoted bodies, and strings that hold statements (EXECUTE '…', sp_executesql N'…').
  if (depth >= MAX_DEPTH) return;
  // Plain strings only where something runs them; a string that merely spells a statement is data.
  const runs = tokens.some((t) => t.kind === 'word' && /^(?:execute|exec|sp_executesql|prepare|immediate|dblink_exec|dblink|query_exec|run_command_on_workers)$/.test(t.value));
  for (const t of tokens) {
    if (t.kind !== 'string' || t.value.length < 8) continue;
    if (!t.dollar && !(runs && /^\s*(?:grant|revoke|deny|create|alter|drop|update|insert|delete|set|exec|execute|merge|replace|truncate|select|rename|flush)\b/i.test(t.value))) continue;
    const nested: SqlFinding[] = [];
    const inner = t.value;
    scan(inner, 0, inner.length, opts, ctx, lineStarts(inner), nested, depth + 1);
    for (const f of nested) {
      const [a, b] = t.inner !== undefined ? [t.inner + f.start, t.inner + f.end] : [t.start, t.end];
      out.push(finding(text, lines, f.rule, whatOf(f.message), a, b, f.risk));
    }
  }
}

/** A bare SET tail read as `UPDATE users SET …` (synthetic tokens at the same position; the table is unknown). */
function withVerb(s: Statement, addSet: boolean): Statement {
  const first = s.tokens[0]!;
  const at = (value: string): Token => ({ kind: 'word', value, start: first.start, end: first.start });
  return { ...s, tokens: [at('update'), at('users'), ...(addSet ? [at('set')] : []), ...s.tokens] };
}

/** T-SQL `IF [NOT] EXISTS (…) stmt`: the statement after the condition's parentheses. */
function afterCondition(tokens: Token[]): Token[] {
  let k = 1;
  while (tokens[k]?.kind === 'word' && (tokens[k]!.value === 'not' || tokens[k]!.value === 'exists')) k++;
  if (tokens[k]?.value !== '(') return [];
  let d = 0;
  for (; k < tokens.length; k++) {
    if (tokens[k]!.value === '(') d++;
    else if (tokens[k]!.value === ')' && --d === 0) return tokens.slice(k + 1);
  }
  return [];
}

/**
 * Text that does not start like a statement (an edit's replacement, a line of a patch, a dialect the reader does not
 * know): the statement that begins inside it, then the pieces that carry meaning on their own.
 */
function fragment(tokens: Token[]): { rule: RuleId; what: string }[] {
  const at = tokens.findIndex((t, i) => i > 0 && t.kind === 'word' && /^(?:grant|revoke|create|alter|update|insert|drop)$/.test(t.value));
  if (at > 0) {
    const inner = judgeAccess(tokens.slice(at));
    if (inner.length > 0) return inner;
  }
  const words = tokens.filter((t) => t.kind === 'word').map((t) => t.value).join(' ');
  const out: { rule: RuleId; what: string }[] = [];
  if (/\b(?:disable|no force) row level security\b/.test(words)) out.push({ rule: 'sql.rls', what: 'turns row-level security off' });
  const policy = judgeAccess([{ kind: 'word', value: 'create', start: 0, end: 0 }, { kind: 'word', value: 'policy', start: 0, end: 0 }, ...tokens]);
  if (policy.length > 0 && /\b(?:using|check)\b/.test(words)) out.push(...policy);
  out.push(...columnDefaults(tokens, false));
  // The keyword net: a statement we could not read that still names a permission change.
  if (out.length === 0 && /\bgrant\b.*\b(?:to|on)\b|\brevoke\b.*\b(?:from|on)\b|\b(?:create|alter|drop) (?:user|role|login)\b|\bidentified by\b|\bset password\b|\b(?:superuser|bypassrls|createrole)\b|\bsp_add(?:srv)?rolemember\b/.test(words)) {
    out.push({ rule: 'sql.grant', what: 'names a privilege change in text that could not be read as a statement' });
  }
  return out;
}

function finding(text: string, lines: number[], rule: RuleId, what: string, start: number, end: number, risk?: Risk): SqlFinding {
  const line = lineIndex(lines, start) + 1;
  const raw = text.slice(start, end).replace(/\s+/g, ' ').trim();
  const excerpt = raw.length > EXCERPT ? `${raw.slice(0, EXCERPT - 1)}…` : raw;
  const f: SqlFinding = { rule, message: `\`${excerpt.replace(/`/g, "'")}\` (line ${line}) ${what}.`, start, end };
  if (risk) f.risk = risk;
  return f;
}


function dedupe(list: SqlFinding[]): SqlFinding[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = `${f.rule}:${f.start}:${f.end}:${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const SQL_EXT = new Set(['sql', 'psql', 'pgsql', 'plsql', 'mysql', 'tsql', 'ddl', 'dml', 'cql', 'hql', 'sqlite', 'prc', 'udf']);
const CODE_EXT = new Set(['ts', 'js', 'mjs', 'cjs', 'py', 'rb', 'go', 'php', 'java', 'kt', 'cs', 'ex', 'exs', 'rs']);

/** Findings for a file's new text: SQL files (and MCP queries named `query.sql`), and migrations written in code. */
export function sqlFileFindings(text: string, file: { base: string; ext: string; path: string }): SqlFinding[] {
  if (SQL_EXT.has(file.ext)) return sqlFindings(text);
  if (CODE_EXT.has(file.ext) && /\/(?:migrations?|migrate|seeds?|seeders|db|database|schema|sql)\//i.test(file.path)) return sqlFindingsInCode(text);
  return [];
}
