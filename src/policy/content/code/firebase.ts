// Firebase security rules opened beyond what content.rules-open already catches (`if true`, a bare `allow`,
// `".read": true`): "test mode" (`if request.time < timestamp.date(…)`, `"now < 1700000000000"`), conditions made
// always true (`|| true`), and an `auth` condition dropped from a rule that still allows the same operations.
import { addedMatches, excerpt, lineText, type Change, type Findings, type Side } from './change';

export function isRulesFile(path: string, base: string, ext: string): boolean {
  return ext === 'rules' || /^(?:firestore|storage|database)\.rules(?:\.json)?$/.test(base) || (ext === 'json' && /rules/.test(base));
}

/** The same openings content.rules-open's line rules see, found again here so the reason names the line. */
const OPEN = /\ballow\s+[a-z]+(?:\s*,\s*[a-z]+)*\s*(?::\s*if\s+(?:true|1\s*==\s*1)\s*;?|;)|["']\.(?:read|write)["']\s*:\s*(?:true|["']true["'])/g;
const TEST_MODE = /\ballow\s+[\w, ]+:\s*if\s+request\.time\s*<\s*timestamp\.date\s*\(|["']\.(?:read|write)["']\s*:\s*["']\s*now\s*<\s*\d+/g;
const ALWAYS = /\ballow\s+[\w, ]+:\s*if\b[^;\n]{0,300}(?:\|\|\s*true\b|\btrue\s*\|\||\b1\s*==\s*1\b)|["']\.(?:read|write)["']\s*:\s*["'][^"'\n]{0,300}(?:\|\|\s*true\b|\btrue\s*\|\|)/g;
/** `allow read, write: if …` or `".read": "…"`: the operations a line grants, and whether it checks auth. */
const GRANT = /\ballow\s+([\w, ]+?)\s*(?::|;)|["']\.(read|write)["']\s*:/;
const AUTH = /\bauth\b|request\.auth|auth\.uid|auth\.token|auth\s*!=\s*null/;

function grants(s: Side, k: number): { ops: string; auth: boolean } | undefined {
  const code = lineText({ ...s, text: s.views.code }, k);
  const m = GRANT.exec(code);
  if (!m) return undefined;
  return { ops: (m[1] ?? m[2]!).replace(/\s+/g, ''), auth: AUTH.test(code) };
}

export function firebaseRules(ch: Change, out: Findings): void {
  for (const m of addedMatches(ch, OPEN)) out.added('content.rules-open', m, `\`${excerpt(m.text)}\`: the rule lets everyone read or write.`);
  for (const m of addedMatches(ch, TEST_MODE)) out.added('content.rules-open', m, `\`${excerpt(m.text)}\`: "test mode" rules open the data to everyone until the date.`);
  for (const m of addedMatches(ch, ALWAYS)) out.added('content.rules-open', m, `\`${excerpt(m.text)}\`: the rule's condition is always true.`);
  if (!ch.before) return;
  // An auth check dropped: a removed line granted some operations under an auth condition, and an added line
  // grants the same operations without one.
  const lost = new Map<string, number>();
  for (const k of ch.removed) {
    const g = grants(ch.before, k);
    if (g?.auth) lost.set(g.ops, k);
  }
  if (lost.size === 0) return;
  for (const k of ch.added) {
    const g = grants(ch.after, k);
    if (!g || g.auth || !lost.has(g.ops)) continue;
    const start = ch.after.starts[k]!;
    const text = lineText(ch.after, k);
    out.added('content.rules-open', { index: start + (text.length - text.trimStart().length), text: text.trim(), groups: [] }, `\`${excerpt(text)}\` no longer checks \`auth\` (${ch.lineName('before', lost.get(g.ops)!)} did).`);
  }
}
