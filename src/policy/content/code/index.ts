// Security loosened in application code and rules, judged on the change (before → after) rather than on the new
// text alone: authentication or authorization removed or bypassed, TLS or JWT verification off, CORS open with
// credentials, policy engines and Firebase rules defaulting to allow, the Supabase service key in client code, and
// world-writable modes set from code. Every finding names its line.
import type { ContentFinding, FileKind } from '../permissions';
import { authBypass } from './authBypass';
import { authRemoval } from './authRemoval';
import { buildChange, Findings, type CodeChangeInput } from './change';
import { corsOpen } from './cors';
import { firebaseRules, isRulesFile } from './firebase';
import { fsPermissions } from './fsPerms';
import { jwtOff } from './jwt';
import { policyEngines } from './policyEngines';
import { RC_FILES, serverConfig } from './serverConfig';
import { supabaseServiceKey } from './supabase';
import { tlsOff } from './tls';

export type { CodeChangeInput } from './change';

const CODE = new Set(['py', 'pyw', 'js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts', 'vue', 'svelte', 'astro', 'go', 'rb', 'rake', 'php', 'java', 'kt', 'kts', 'scala', 'groovy', 'cs', 'vb', 'fs', 'rs', 'swift', 'm', 'mm', 'dart', 'ex', 'exs', 'erl', 'clj', 'lua', 'pl', 'pm', 'cr', 'c', 'cc', 'cpp', 'cxx', 'h', 'hpp']);
/** Application configuration where the same flags (`verify_ssl: false`, `auth: false`) mean the same thing. */
const APP_CONFIG = new Set(['json', 'jsonc', 'json5', 'yaml', 'yml', 'toml', 'ini', 'cfg', 'conf', 'properties', 'env', 'config', 'xml', 'plist']);
const POLICY = new Set(['rego', 'cedar', 'cedarpolicy', 'csv', 'conf']);

/** Quick filter: text none of whose words any detector looks for is skipped without lexing. */
const HINT = /auth|ssl|insecure|trusted|protected-mode|requirepass|anonymous|require|include|token|password|login|user|session|depends|middleware|mixin|filter|protect|policy|permit|grant|logged|permi|guard|role|secur|csrf|verif|ssl|tls|cert|trust|jwt|token|decode|cors|origin|credential|public|anonym|allow|deny|forbid|default|skip|exempt|401|403|unauthori|chmod|umask|setuid|setgid|mode|service_?role|debug|hosts|match|rules?|request|admin|next|return|\|\||&&|\bor\b|\band\b|true|false/i;

const isConfig = (file: FileKind) => APP_CONFIG.has(file.ext) || RC_FILES.has(file.base) || /(?:^|\/)(?:jupyter|notebook)_\w*config\.py$/.test(file.path);

export function codeApplies(file: FileKind): boolean {
  return CODE.has(file.ext) || isConfig(file) || POLICY.has(file.ext) || isRulesFile(file.path, file.base, file.ext);
}

/** Findings about what the change loosens; offsets index `input.after`. */
export function codeLooseningFindings(raw: CodeChangeInput): ContentFinding[] {
  // A notebook's cells arrive as their Python source.
  const input = raw.file.ext === 'ipynb' ? { ...raw, file: { ...raw.file, ext: 'py' } } : raw;
  const { file } = input;
  if (!codeApplies(file)) return [];
  if (!HINT.test(input.after) && !(input.before !== undefined && HINT.test(input.before))) return [];
  const ch = buildChange(input);
  const out = new Findings(ch);
  const code = CODE.has(file.ext);
  if (code) {
    authRemoval(ch, out);
    jwtOff(ch, out);
    fsPermissions(ch, out);
    supabaseServiceKey(ch, out);
  }
  if (code || isConfig(file)) {
    serverConfig(ch, out);
    corsOpen(ch, out);
    authBypass(ch, out, code);
    tlsOff(ch, out, code);
  }
  if (isRulesFile(file.path, file.base, file.ext)) firebaseRules(ch, out);
  if (POLICY.has(file.ext)) policyEngines(ch, out);
  // One finding per rule and line: several detectors may see the same removed guard.
  const seen = new Set<string>();
  return out.list.filter((f) => {
    const key = `${f.rule}:${f.message.slice(0, f.message.indexOf(':'))}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
