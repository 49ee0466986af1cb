// What a shell word means after quote removal and expansion, as far as it can be known without running it:
// `su''do` and `s\udo` are `sudo`, `$'\x73udo'` is `sudo`, `~/.ssh/id_*` is a glob under the home directory,
// `$HOME` and variables assigned earlier in the same command are substituted, anything else is unknown (`*` in the
// glob form, so a path built from it can still be matched conservatively).
import { isCredentialPathName, isSecretEnvName } from '../secrets/envNames';
import type { SyntaxNode } from './syntax';

export interface Word {
  node: SyntaxNode;
  start: number;
  end: number;
  raw: string;
  /** Literal value after quote removal; undefined when any part is only known at run time. */
  value: string | undefined;
  /** Glob form: literal characters escaped, unquoted glob/brace characters kept, unknown parts as `*`. */
  pattern: string;
  /** Contains unquoted glob characters or unknown parts. */
  glob: boolean;
  /** Any part was quoted (quoted text is never a glob). */
  quoted: boolean;
  /** Expansions of variables whose names say they hold secrets. */
  secretVars: { name: string; start: number; end: number }[];
  /** Names of all variables expanded (known or not). */
  vars: string[];
  /** Expansions of unknown value whose names say they hold the path of a credential file (`$KUBECONFIG`). */
  credentialPaths?: { name: string; start: number; end: number }[];
  /** `$(…)`, backticks, `<(…)` inside the word. */
  substitutions: SyntaxNode[];
  /** Part of it is text a substitution decoded, transformed or downloaded (`$(base64 -d <<< …)`, `$(rev …)`). */
  decoded?: boolean;
  /** Backtick code tree-sitter left as plain text (inside `${X:-`…`}`): [start, end) of the code in the source. */
  hiddenCode?: { start: number; end: number }[];
  /** Whether a leading wildcard skips dot files (bash without dotglob); find's patterns do not. */
  hidesDot: boolean;
  /** Evaluated with bash's dotglob on: a bare `*` also names dot files. */
  dotglob: boolean;
}

/** A variable's value: literal, or a glob (a loop over `~/.ssh/*`), or unknown (`*`). */
export interface VarValue {
  value: string | undefined;
  pattern: string;
  glob: boolean;
  /** Assigned from decoded or downloaded text (`f=$(base64 -d <<< …)`). */
  decoded?: boolean;
}

export interface WordEnv {
  home: string;
  cwd: string | undefined;
  vars: ReadonlyMap<string, VarValue>;
  dotglob: boolean;
  /** What a `$(…)` printed, when the analyzer could tell (`$(echo .env)`). */
  substitution?: (n: SyntaxNode) => VarValue | undefined;
}

export function literalVar(value: string): VarValue {
  return { value, pattern: escapeLiteral(value), glob: false };
}

export const UNKNOWN_VAR: VarValue = { value: undefined, pattern: '*', glob: true };

/** Environment variable names that hold secrets, by the words in the name (`secrets/envNames.ts`). */
export function isSecretVarName(name: string): boolean {
  return isSecretEnvName(name);
}

function escapeLiteral(s: string): string {
  return s.replace(/[*?[\]{}\\,]/g, '\\$&');
}

/** Unquoted word text: backslash escapes make the next character literal; glob and brace characters stay active. */
function unquotedParts(text: string): { value: string; pattern: string; glob: boolean } {
  let value = '';
  let pattern = '';
  let glob = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[i + 1];
      i++;
      if (next === undefined || next === '\n') continue; // line continuation
      value += next;
      pattern += escapeLiteral(next);
      continue;
    }
    value += c;
    pattern += c;
    if (c === '*' || c === '?' || c === '[') glob = true;
  }
  return { value, pattern, glob };
}

function decodeAnsiC(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3}|c.|.)/g, (_m, e: string) => {
    const k = e[0]!;
    if (k === 'x' || k === 'u' || k === 'U') return String.fromCodePoint(parseInt(e.slice(1), 16));
    if (/[0-7]/.test(k)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    if (k === 'c') return String.fromCharCode(e.charCodeAt(1) & 0x1f);
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v' };
    return simple[k] ?? k;
  });
}

/** Double-quoted literal text: only \\, \", \$, \` and \newline are escapes. */
function unescapeDouble(s: string): string {
  return s.replace(/\\([\\"$`\n])/g, (_m, c: string) => (c === '\n' ? '' : c));
}

interface Acc {
  value: string | undefined;
  pattern: string;
  glob: boolean;
  quoted: boolean;
  secretVars: Word['secretVars'];
  vars: string[];
  credentialPaths: { name: string; start: number; end: number }[];
  substitutions: SyntaxNode[];
  hidden: { start: number; end: number }[];
  decoded: boolean;
}

function addLiteral(acc: Acc, text: string): void {
  if (acc.value !== undefined) acc.value += text;
  acc.pattern += escapeLiteral(text);
}

function addUnknown(acc: Acc): void {
  acc.value = undefined;
  if (!acc.pattern.endsWith('*')) acc.pattern += '*';
  acc.glob = true;
}

function variableName(source: string, n: SyntaxNode): string | undefined {
  const v = n.children.find((c) => c.type === 'variable_name' || c.type === 'special_variable_name');
  if (v) return source.slice(v.start, v.end);
  const sub = n.children.find((c) => c.type === 'subscript'); // ${a[0]}
  return sub ? variableName(source, sub) : undefined;
}

function lookup(name: string, env: WordEnv): VarValue | undefined {
  if (env.vars.has(name)) return env.vars.get(name);
  if (name === 'HOME') return literalVar(env.home);
  if (name === 'PWD' && env.cwd !== undefined) return literalVar(env.cwd);
  return undefined;
}

/**
 * `${f%x}`, `${f#x}`, `${f,,}`, `${f/a/b}`, `${f:1:3}` of a variable whose value is known: computed like bash
 * (literal patterns only), so `f=.envx; cat "${f%x}"` is seen as `cat .env`. Anything else stays unknown.
 */
export function operatorExpansion(text: string, value: string): string | undefined {
  const m = /^\$\{[A-Za-z_][A-Za-z0-9_]*(.*)\}$/s.exec(text);
  if (!m) return undefined;
  const op = m[1]!;
  const lit = (p: string) => (/[*?[\]$`\\]/.test(p) ? undefined : p);
  let r: RegExpExecArray | null;
  if ((r = /^(%%?|##?)(.*)$/s.exec(op))) {
    const p = lit(r[2]!);
    if (p === undefined) return undefined;
    if (r[1]!.startsWith('%')) return value.endsWith(p) ? value.slice(0, value.length - p.length) : value;
    return value.startsWith(p) ? value.slice(p.length) : value;
  }
  if (op === ',,') return value.toLowerCase();
  if (op === '^^') return value.toUpperCase();
  if (op === ',') return value.charAt(0).toLowerCase() + value.slice(1);
  if (op === '^') return value.charAt(0).toUpperCase() + value.slice(1);
  if ((r = /^(\/\/?)([^/]*)\/?(.*)$/s.exec(op))) {
    const from = lit(r[2]!);
    const to = lit(r[3]!);
    if (from === undefined || to === undefined || from === '') return undefined;
    return r[1] === '//' ? value.split(from).join(to) : value.replace(from, to);
  }
  if ((r = /^:\s*(\d+)(?::\s*(\d+))?$/.exec(op))) return value.substr(Number(r[1]), r[2] === undefined ? undefined : Number(r[2]));
  return undefined; // defaults (`:-`, `:=` …), indirection and patterns: unknown
}

function expandVariable(acc: Acc, name: string | undefined, env: WordEnv, n: SyntaxNode, plain: boolean, text = ''): void {
  if (name !== undefined) {
    acc.vars.push(name);
    if (isSecretVarName(name)) acc.secretVars.push({ name, start: n.start, end: n.end });
  }
  let known: VarValue | undefined;
  if (plain && name !== undefined) known = lookup(name, env);
  else if (name !== undefined && /^\$\{[A-Za-z_][A-Za-z0-9_]*\[[^\]]*\]\}$/.test(text)) known = lookup(name, env); // ${a[0]}: one of a's values
  else if (name !== undefined && text) {
    const base = lookup(name, env);
    const computed = base?.value !== undefined && !base.glob ? operatorExpansion(text, base.value) : undefined;
    if (computed !== undefined) known = { ...literalVar(computed), ...(base?.decoded ? { decoded: true } : {}) };
  }
  if (known?.decoded) acc.decoded = true;
  if (!known || (known.value === undefined && known.pattern === '*')) {
    if (name !== undefined && isCredentialPathName(name)) acc.credentialPaths.push({ name, start: n.start, end: n.end });
    addUnknown(acc);
    return;
  }
  if (known.glob) {
    acc.value = undefined;
    acc.pattern += known.pattern;
    acc.glob = true;
  } else if (known.value !== undefined) addLiteral(acc, known.value);
}

/**
 * `${!v}` expands the variable whose name is v's value: any variable, secrets included, unless v is known here
 * (`n=HOME; echo ${!n}`). `${!PREFIX@}`, `${!PREFIX*}` and `${!arr[@]}` expand names and keys only, never values.
 */
function indirectExpansion(acc: Acc, text: string, env: WordEnv, n: SyntaxNode): boolean {
  const m = /^\$\{!([A-Za-z_][A-Za-z0-9_]*)(.*)\}$/s.exec(text);
  if (!m) return false;
  const ref = m[1]!;
  const rest = m[2]!;
  acc.vars.push(ref);
  if (/^[@*]$|^\[[@*]\]$/.test(rest)) {
    addUnknown(acc);
    return true;
  }
  const target = lookup(ref, env);
  if (rest === '' && target?.value !== undefined && !target.glob && /^[A-Za-z_][A-Za-z0-9_]*$/.test(target.value)) {
    expandVariable(acc, target.value, env, n, true);
    return true;
  }
  acc.secretVars.push({ name: `{!${ref}${rest}}`, start: n.start, end: n.end });
  addUnknown(acc);
  return true;
}

function visit(acc: Acc, source: string, n: SyntaxNode, env: WordEnv, wordStart: number, quoted: boolean): void {
  const text = source.slice(n.start, n.end);
  switch (n.type) {
    case 'word':
    case 'number':
    case 'brace_expression':
    case 'extglob_pattern':
    case 'regex': {
      if (quoted) {
        addLiteral(acc, unescapeDouble(text));
        return;
      }
      let t = text;
      if (n.start === wordStart && (t === '~' || t.startsWith('~/'))) {
        addLiteral(acc, env.home);
        t = t.slice(1);
      }
      const u = unquotedParts(t);
      if (acc.value !== undefined) acc.value += u.value;
      acc.pattern += u.pattern;
      acc.glob ||= u.glob;
      return;
    }
    case 'raw_string':
      acc.quoted = true;
      addLiteral(acc, text.slice(1, -1));
      return;
    case 'ansi_c_string':
      acc.quoted = true;
      addLiteral(acc, decodeAnsiC(text.slice(2, -1)));
      return;
    case 'string':
    case 'translated_string': {
      acc.quoted = true;
      let at = n.start + (n.type === 'translated_string' ? 2 : 1);
      const end = n.end - 1;
      for (const c of n.children) {
        if (!c.named) continue;
        if (c.start > at) addLiteral(acc, unescapeDouble(source.slice(at, c.start)));
        if (c.type === 'string_content') addLiteral(acc, unescapeDouble(source.slice(c.start, c.end)));
        else visit(acc, source, c, env, wordStart, true);
        at = c.end;
      }
      if (end > at) addLiteral(acc, unescapeDouble(source.slice(at, end)));
      return;
    }
    case 'string_content':
      addLiteral(acc, unescapeDouble(text));
      return;
    case 'concatenation':
      for (const c of n.children) visit(acc, source, c, env, wordStart, quoted);
      return;
    case 'simple_expansion':
      expandVariable(acc, variableName(source, n), env, n, true);
      return;
    case 'expansion': {
      if (indirectExpansion(acc, text, env, n)) return;
      // `${NAME}` is a plain lookup; `${NAME:-x}`, `${NAME/a/b}` … are computed at run time.
      const plain = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(text);
      expandVariable(acc, variableName(source, n), env, n, plain, text);
      // `${X:-$(cat .env)}`: the commands inside the operand run too.
      nestedSubstitutions(n, acc.substitutions);
      hiddenBackticks(source, n, acc.hidden);
      return;
    }
    case 'command_substitution':
    case 'process_substitution': {
      acc.substitutions.push(n);
      const out = n.type === 'command_substitution' ? env.substitution?.(n) : undefined;
      if (!out) addUnknown(acc);
      else if (out.glob) {
        acc.value = undefined;
        acc.pattern += out.pattern;
        acc.glob = true;
      } else if (out.value !== undefined) addLiteral(acc, out.value);
      return;
    }
    default:
      if (n.children.length > 0 && n.named && n.type !== 'arithmetic_expansion') {
        for (const c of n.children) visit(acc, source, c, env, wordStart, quoted);
        return;
      }
      if (n.type === 'arithmetic_expansion') {
        addUnknown(acc);
        nestedSubstitutions(n, acc.substitutions); // `$(( $(sudo id) ))` runs sudo
      } else if (n.named) addLiteral(acc, text);
  }
}

/** `$(…)`, backticks and `<(…)` anywhere below `n` (not inside another substitution, which walks its own). */
export function nestedSubstitutions(n: SyntaxNode, out: SyntaxNode[]): void {
  for (const c of n.children) {
    if (c.type === 'command_substitution' || c.type === 'process_substitution') out.push(c);
    else nestedSubstitutions(c, out);
  }
}

/** Backtick spans inside leaf text below `n` (tree-sitter does not parse them inside `${…}` operands). */
function hiddenBackticks(source: string, n: SyntaxNode, out: { start: number; end: number }[]): void {
  for (const c of n.children) {
    if (c.type === 'command_substitution' || c.type === 'process_substitution') continue;
    if (c.children.length > 0) {
      hiddenBackticks(source, c, out);
      continue;
    }
    const text = source.slice(c.start, c.end);
    for (const m of text.matchAll(/`((?:[^`\\]|\\.)*)`?/g)) out.push({ start: c.start + m.index + 1, end: c.start + m.index + 1 + m[1]!.length });
  }
}

export function evalWord(source: string, n: SyntaxNode, env: WordEnv): Word {
  const acc: Acc = { value: '', pattern: '', glob: false, quoted: false, secretVars: [], vars: [], credentialPaths: [], substitutions: [], hidden: [], decoded: false };
  visit(acc, source, n, env, n.start, false);
  return {
    node: n,
    start: n.start,
    end: n.end,
    raw: source.slice(n.start, n.end),
    value: acc.value,
    pattern: acc.pattern,
    glob: acc.glob,
    quoted: acc.quoted,
    secretVars: acc.secretVars,
    vars: acc.vars,
    ...(acc.credentialPaths.length > 0 ? { credentialPaths: acc.credentialPaths } : {}),
    substitutions: acc.substitutions,
    ...(acc.hidden.length > 0 ? { hiddenCode: acc.hidden } : {}),
    ...(acc.decoded ? { decoded: true } : {}),
    hidesDot: !env.dotglob,
    dotglob: env.dotglob,
  };
}

/** A synthetic word (find's `{}` standing for the files it found, an xargs input): literal or glob text. */
export function syntheticWord(pattern: string, glob: boolean, at: { start: number; end: number }, node: SyntaxNode): Word {
  return {
    node,
    start: at.start,
    end: at.end,
    raw: pattern,
    value: glob ? undefined : pattern.replace(/\\(.)/g, '$1'),
    pattern,
    glob,
    quoted: false,
    secretVars: [],
    vars: [],
    substitutions: [],
    hidesDot: false,
    dotglob: false,
  };
}

/** Where a word's literal value starts in the code, and whether it is a verbatim slice of it. */
export function innerOffset(w: Word): { start: number; linear: boolean } {
  const v = w.value ?? '';
  if ((w.node.type === 'raw_string' || w.node.type === 'string') && w.raw.slice(1, -1) === v) return { start: w.start + 1, linear: true };
  if (w.node.type === 'word' && w.raw === v) return { start: w.start, linear: true };
  return { start: w.start, linear: false };
}
