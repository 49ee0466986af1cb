// MongoDB shell code (`mongosh --eval`, heredocs, migrate-mongo files): user and role administration, and writes
// whose update document makes someone an admin or overwrites a password. Read from the calls' argument text, split
// at top-level commas, so the filter of an update (`{role: 'admin'}` to find admins) is never taken for the change.
import { elevatedInDocument, secretColumn } from './vocabulary';

export interface MongoVerdict {
  rule: 'sql.grant' | 'sql.credential' | 'sql.data-privilege' | 'sql.secret-read';
  what: string;
  start: number;
  end: number;
}

const ADMIN_METHODS = /\.\s*(createUser|updateUser|grantRolesToUser|revokeRolesFromUser|grantPrivilegesToRole|revokePrivilegesFromRole|createRole|updateRole|grantRolesToRole|revokeRolesFromRole|dropUser|dropAllUsers|dropRole|dropAllRoles|changeUserPassword|auth)\s*\(/g;
const ADMIN_COMMANDS = /["']?\b(createUser|updateUser|grantRolesToUser|revokeRolesFromUser|grantPrivilegesToRole|createRole|updateRole|grantRolesToRole|dropUser|dropRole)\b["']?\s*:/g;
const WRITES = /\b(updateOne|updateMany|update|findOneAndUpdate|findAndModify|replaceOne|findOneAndReplace|insertOne|insertMany|insert|bulkWrite|save)\s*\(/g;
const READS = /\b(find|findOne)\s*\(/g;
const BUILTIN_POWER = /\b(root|userAdminAnyDatabase|userAdmin|dbOwner|dbAdminAnyDatabase|clusterAdmin|readWriteAnyDatabase|restore|__system|hostManager|clusterManager)\b/;

/** Whether text looks like MongoDB shell code at all. */
export function looksLikeMongo(text: string): boolean {
  return /\bdb\s*(?:\.|\[)|\b(?:getSiblingDB|getCollection|runCommand|adminCommand)\s*\(|\bcreateUser\b/.test(text);
}

/** Top-level argument spans of the call whose `(` is at `open` (strings and nested brackets respected). */
function callArgs(text: string, open: number): { args: { start: number; end: number }[]; end: number } {
  const args: { start: number; end: number }[] = [];
  let depth = 0;
  let argStart = open + 1;
  const limit = Math.min(text.length, open + 100_000);
  for (let i = open; i < limit; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === '`') {
      const q = c;
      for (i++; i < limit && text[i] !== q; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        if (text.slice(argStart, i).trim()) args.push({ start: argStart, end: i });
        return { args, end: i + 1 };
      }
    } else if (c === ',' && depth === 1) {
      args.push({ start: argStart, end: i });
      argStart = i + 1;
    }
  }
  return { args, end: limit };
}

/** Start of the receiver chain before a method (`db.getSiblingDB('admin').createUser` → the `db`). */
function chainStart(text: string, dot: number): number {
  const m = /(?:\b(?:db|mongo|conn|client|database|adminDb|admin)\b[\w$.'"[\]()\s-]{0,120})$/.exec(text.slice(Math.max(0, dot - 140), dot));
  return m ? dot - m[0].length : dot;
}

export function mongoFindings(text: string): MongoVerdict[] {
  const out: MongoVerdict[] = [];
  for (const m of text.matchAll(ADMIN_METHODS)) {
    const method = m[1]!;
    if (method === 'auth') continue;
    const open = m.index + m[0].length - 1;
    const { args, end } = callArgs(text, open);
    const body = args.map((a) => text.slice(a.start, a.end)).join(',');
    const power = BUILTIN_POWER.exec(body)?.[1];
    const rule = method === 'changeUserPassword' ? 'sql.credential' : 'sql.grant';
    const what = method === 'changeUserPassword' ? 'changes a MongoDB user password' : `${method === 'createUser' ? 'creates a MongoDB user' : method.startsWith('drop') ? 'drops MongoDB users or roles' : `changes MongoDB users or roles (${method})`}${power ? ` with the ${power} role` : ''}`;
    out.push({ rule, what, start: chainStart(text, m.index), end });
  }
  for (const m of text.matchAll(ADMIN_COMMANDS)) {
    if (out.some((o) => m.index >= o.start && m.index < o.end)) continue;
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    if (!/(?:runCommand|adminCommand|command)\s*\(\s*\{?[^]*$/.test(before)) continue;
    out.push({ rule: 'sql.grant', what: `runs the ${m[1]!} command, which changes MongoDB users or roles`, start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(/\bsystem\.users\b|\bgetCollection\s*\(\s*["']system\.users["']\s*\)/g)) {
    out.push({ rule: 'sql.grant', what: "touches system.users, MongoDB's own accounts and password hashes", start: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(WRITES)) {
    const method = m[1]!;
    const open = m.index + m[0].length - 1;
    const { args, end } = callArgs(text, open);
    const isInsert = /^insert|^save$/.test(method);
    const docs = method === 'bulkWrite' || method === 'findAndModify' ? args.slice(0, 1) : isInsert ? args.slice(0, 1) : args.slice(1, 2);
    const start = chainStart(text, m.index);
    for (const d of docs) {
      let docText = text.slice(d.start, d.end);
      // bulkWrite / findAndModify: only the update and document parts, not the filters.
      if (method === 'bulkWrite' || method === 'findAndModify') docText = docText.replace(/\b(?:filter|query)\s*:\s*\{[^{}]*\}/g, '');
      const elevated = elevatedInDocument(docText);
      if (elevated) {
        out.push({ rule: 'sql.data-privilege', what: `${isInsert ? 'inserts' : 'writes'} ${elevated.replace(/\s+/g, ' ')}, which gives someone privileges`, start, end });
        break;
      }
      if (!isInsert) {
        const secret = [...docText.matchAll(/["']?([A-Za-z_][\w.]*)["']?\s*:/g)].map((k) => k[1]!).find((k) => !k.startsWith('$') && secretColumn(k));
        if (secret) {
          out.push({ rule: 'sql.credential', what: `overwrites ${secret}, a stored credential`, start, end });
          break;
        }
      }
    }
  }
  for (const m of text.matchAll(READS)) {
    const { args, end } = callArgs(text, m.index + m[0].length - 1);
    const projection = args[1] ? text.slice(args[1].start, args[1].end) : '';
    const key = [...projection.matchAll(/["']?([A-Za-z_][\w.]*)["']?\s*:\s*(?:1|true)\b/g)].map((k) => k[1]!).find(secretColumn);
    if (key) out.push({ rule: 'sql.secret-read', what: `reads ${key}, which holds credentials`, start: chainStart(text, m.index), end });
  }
  for (const m of text.matchAll(/\bshowCredentials\s*:\s*true\b/g)) out.push({ rule: 'sql.secret-read', what: 'lists users with their credentials (showCredentials: true)', start: m.index, end: m.index + m[0].length });
  return out;
}
