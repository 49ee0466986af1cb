// PowerShell by meaning. tree-sitter-powershell finds statements, pipelines, script blocks, expressions and the
// commands in them; each command's words are read from its text (words.ts) and bound to the cmdlet's parameters
// (cmdlets.ts). What a command does is then said in the vocabulary the bash analyzer already judges: a file cmdlet
// becomes the POSIX command with the same effect (`Get-Content .env` reads like `cat .env`, `Remove-Item -Recurse`
// like `rm -r`), a native program (git, npm, dotnet, python …) is handed to the bash analyzer with its words quoted,
// so every path rule, delete-loss check, network and package rule applies unchanged. What only Windows has
// (environment drive, registry autoruns, Defender, firewall, ACLs, users, credential stores, execution policy) is
// judged here and in natives.ts, with the same rule ids.
import type { Parser } from '@vscode/tree-sitter-wasm';
import { LIMITS } from '../budget';
import { hit, type Hit, type RuleId } from '../reasons';
import type { Risk } from '../types';
import { parseScript, type SyntaxNode } from '../shell/syntax';
import { childOrigin, mapRange, type Origin } from '../shell/types';
import { analyzeShellRun, type ShellScope } from '../shell';
import type { ProgramRun } from '../effects';
import { runKey } from '../effects';
import { isSecretEnvName, grepMayShowSecrets } from '../secrets/envNames';
import { tlsVariableEffect } from '../shell/tlsVariables';
import { resolvePath } from '../paths/resolve';
import type { Access } from '../paths/pathPolicy';
import { ALIASES, bind, isCmdletName, isReadOnlyCmdlet, param, specOf, type Bound, type ParamSpec } from './cmdlets';
import { placeVar, decodeEncodedCommand, elementsOf, evalWord, partsText, splitWords, textOf, type Part, type PsWord, type WordEnv } from './words';
import { nativeCommand } from './natives';
import { credentialKey, registryKey, secretRoot, shadowCopyPath } from './secretPlaces';
import type { FileEdit } from '../shell/fileEdits';
import { sq } from './quote';

export { sq };
import { cmdCommands } from './cmdLine';

export interface PsScope extends ShellScope {
  psParser: Parser | undefined;
}

/** One command as PowerShell (or cmd.exe) would run it. */
export interface PsCommand {
  /** The name as written (value of a quoted name), '' when computed. */
  name: string;
  words: PsWord[];
  start: number;
  end: number;
  origin: Origin;
  nesting: number;
  /** `.` (dot-sourced) or `&`. */
  invocation?: '.' | '&';
  /** What feeds it on the pipeline. */
  upstream?: Upstream;
  /** Read by cmd.exe (its builtins win over PowerShell's aliases). */
  cmd?: boolean;
}

export interface Upstream {
  /** Text known at analysis time (a string literal piped in). */
  text?: { code: string; start: number; end: number };
  /** Something fetched from the network. */
  remote?: boolean;
  /** Any other object stream. */
  any: boolean;
}

const SHELL_EXE = /^(powershell|pwsh)(\.exe)?$/i;


export class PsAnalyzer {
  readonly hits: Hit[] = [];
  readonly runs: ProgramRun[] = [];
  private readonly runKeys = new Set<string>();
  readonly written: { path: string; text: string | undefined }[] = [];
  readonly deleted: string[] = [];
  /** What the command does to files' text, in order, for the exact preview of its changes (src/policy/changes). */
  readonly edits: FileEdit[] = [];
  /** The command being judged (for findings raised from helpers that only get a path). */
  private currentCommand: PsCommand | undefined;
  readonly vars = new Map<string, Part[]>();
  readonly functions = new Set<string>();
  cwd: string | undefined;

  constructor(
    readonly scope: PsScope,
    cwd: string | undefined,
  ) {
    this.cwd = cwd;
  }

  get home(): string {
    return this.scope.policy.home;
  }

  get env(): WordEnv {
    return { home: this.home, cwd: this.cwd, vars: this.vars };
  }

  hitAt(rule: RuleId, message: string, o: Origin, start: number, end: number, risk?: Risk): void {
    const [s, e] = mapRange(o, start, end);
    if (this.hits.some((h) => h.rule === rule && h.start === s && h.end === e && h.message === message)) return;
    this.hits.push(hit(rule, message, s, e, risk));
  }

  hitCmd(rule: RuleId, message: string, c: PsCommand, risk?: Risk): void {
    this.hitAt(rule, message, c.origin, c.start, c.end, risk);
  }

  addRun(r: ProgramRun): void {
    const k = runKey(r);
    if (this.runKeys.has(k)) return;
    this.runKeys.add(k);
    this.runs.push(r);
  }

  private tooDeep(o: Origin, nesting: number, start: number, end: number): boolean {
    if (nesting <= LIMITS.nesting) return false;
    this.hitAt('budget.depth', 'Code nested inside code too deeply to follow.', o, start, end);
    return true;
  }

  // ---- PowerShell code ----

  /** Parses and walks PowerShell code (a command line, a script block, a decoded -EncodedCommand). */
  runCode(source: string, origin: Origin, nesting: number): void {
    if (this.tooDeep(origin, nesting, 0, source.length)) return;
    if (this.scope.budget.charge()) return this.outOfWork(origin, source);
    if (!this.scope.psParser) {
      this.hitAt('shell.parser-unavailable', 'The PowerShell parser could not be loaded, so this command cannot be checked.', origin, 0, source.length);
      return;
    }
    const parsed = parseScript(this.scope.psParser, source, this.scope.budget, false);
    if (!parsed.root || parsed.failure) {
      const rule: RuleId = parsed.failure === 'nodes' ? 'budget.nodes' : parsed.failure === 'depth' ? 'budget.depth' : 'budget.work';
      this.hitAt(rule, 'The command is too large or complex to check.', origin, 0, source.length);
      return;
    }
    this.walk(parsed.root, source, origin, nesting, false);
  }

  private outOfWork(origin: Origin, source: string): void {
    this.hitAt('budget.work', 'The command is too large or complex to check.', origin, 0, source.length);
  }

  private walk(n: SyntaxNode, src: string, o: Origin, nesting: number, assignTarget: boolean): void {
    if (this.scope.budget.charge()) return this.outOfWork(o, src);
    switch (n.type) {
      case 'command':
        this.commandNode(n, src, o, nesting, undefined);
        return;
      case 'pipeline_chain':
        this.pipeline(n, src, o, nesting);
        return;
      case 'ERROR':
        // Inside a command the words are read from the text; elsewhere it is code nobody can read for sure.
        if (!this.recoverStatements(n, src, o, nesting)) this.hitAt('shell.parse-error', 'The PowerShell command does not parse, so what it runs cannot be checked.', o, n.start, n.end);
        return;
      case 'variable':
        if (!assignTarget) this.variableRead(src.slice(n.start, n.end), o, n.start, n.end);
        return;
      case 'assignment_expression':
        this.assignment(n, src, o, nesting);
        return;
      case 'function_statement': {
        const name = n.children.find((c) => c.type === 'function_name');
        if (name) this.functions.add(src.slice(name.start, name.end).toLowerCase());
        break;
      }
      case 'invokation_expression':
      case 'member_access':
        this.expression(src.slice(n.start, n.end), o, n.start, nesting);
        break;
      case 'type_literal':
        this.typeUse(src.slice(n.start, n.end), o, n.start, n.end);
        break;
    }
    for (const c of n.children) this.walk(c, src, o, nesting, assignTarget || n.type === 'left_assignment_expression');
  }

  /** Text the grammar could not read is split into statements and commands by hand, when it can be. */
  private recoverStatements(n: SyntaxNode, src: string, o: Origin, nesting: number): boolean {
    const text = src.slice(n.start, n.end);
    const { ok } = splitWords(text, 0, text.length);
    if (!ok) return false;
    // Each `;`/newline/`|` piece whose first word is a command name is run as a command.
    let at = 0;
    for (const piece of text.split(/[;\n|]/)) {
      const trimmed = piece.trim();
      const lead = piece.indexOf(trimmed);
      if (trimmed && /^[&.]?\s*[A-Za-z_\\.][\w.\\:/-]*/.test(trimmed)) this.commandText(src, n.start + at + lead, n.start + at + lead + trimmed.length, o, nesting, undefined);
      at += piece.length + 1;
    }
    return true;
  }

  private pipeline(n: SyntaxNode, src: string, o: Origin, nesting: number): void {
    let up: Upstream | undefined;
    for (const c of n.children) {
      if (c.type === 'command') {
        up = this.commandNode(c, src, o, nesting, up);
        continue;
      }
      if (c.type === '|' || !c.named) continue;
      this.walk(c, src, o, nesting, false);
      const text = src.slice(c.start, c.end);
      const literal = constantString(text);
      up = literal !== undefined ? { text: { code: literal, start: c.start, end: c.end }, any: true } : { any: true, remote: /\.(DownloadString|DownloadData|OpenRead)\s*\(|\b(iwr|irm|invoke-webrequest|invoke-restmethod|curl|wget)\b/i.test(text) };
    }
  }

  private assignment(n: SyntaxNode, src: string, o: Origin, nesting: number): void {
    const left = n.children.find((c) => c.type === 'left_assignment_expression');
    const right = n.children.filter((c) => c.named && c !== left && c.type !== 'assignement_operator');
    const name = left ? /^\$(?:(?:script|global|local):)?([A-Za-z_][\w]*)$/i.exec(src.slice(left.start, left.end).trim()) : undefined;
    const rightText = right.length === 1 ? src.slice(right[0]!.start, right[0]!.end).trim() : undefined;
    if (name && rightText !== undefined) {
      const w = /^("([^"`$]|`.|\$[\w:{}]+)*"|'([^']|'')*')$/.test(rightText) ? evalWord(rightText, right[0]!.start, this.env) : undefined;
      this.vars.set(name[1]!.toLowerCase(), w && w.nested.length === 0 ? w.parts : [{ computed: `$${name[1]!}` }]);
    }
    const envName = left ? /^\$\{?env:([A-Za-z_]\w*)\}?$/i.exec(src.slice(left.start, left.end).trim())?.[1] : undefined;
    if (envName) this.envWrite(envName, rightText === undefined ? undefined : constantValue(rightText), o, n.start, n.end);
    for (const c of n.children) this.walk(c, src, o, nesting, c === left);
  }

  /** `$env:NODE_TLS_REJECT_UNAUTHORIZED = '0'`: holds for every later command in the session, as a config change does. */
  private envWrite(name: string, value: string | undefined, o: Origin, start: number, end: number, scope = 'every later command in this session'): void {
    const why = tlsVariableEffect(name, value);
    if (why) this.hitAt('perm.tls', `${why}, for ${scope}.`, o, start, end);
  }

  /** `$env:NAME` read: a secret variable's value is exposed to whatever uses it. */
  variableRead(text: string, o: Origin, start: number, end: number): void {
    const m = /^\$\{?env:([^}]+)\}?$/i.exec(text);
    if (!m) return;
    this.envRead(m[1]!, o, start, end);
  }

  envRead(name: string, o: Origin, start: number, end: number): void {
    if (name === '*' || name === '') return this.hitAt('secret.env-dump', 'Reads every environment variable, secrets included.', o, start, end);
    if (/[*?]/.test(name)) {
      if (grepMayShowSecrets(name.replace(/[*?]/g, ''))) this.hitAt('secret.env-dump', `Reads the environment variables matching ${name}, which may hold secrets.`, o, start, end);
      return;
    }
    if (isSecretEnvName(name.toUpperCase())) this.hitAt('secret.env-var', `Reads the secret environment variable ${name}.`, o, start, end);
  }

  /** .NET calls and members by meaning: environment, files, web clients, DPAPI, code built at run time. */
  private expression(text: string, o: Origin, at: number, nesting: number): void {
    const span = (m: RegExpExecArray): [number, number] => [at + m.index, at + m.index + m[0].length];
    let m: RegExpExecArray | null;
    const env = /\[(?:System\.)?Environment\]::(GetEnvironmentVariables?|SetEnvironmentVariable|ExpandEnvironmentVariables)\s*\(([^)]*)\)/i.exec(text);
    if (env) {
      const [s, e] = span(env);
      const args = env[2]!.split(',').map((a) => constantString(a.trim()));
      if (/^GetEnvironmentVariables$/i.test(env[1]!)) this.hitAt('secret.env-dump', 'Reads every environment variable, secrets included.', o, s, e);
      else if (/^GetEnvironmentVariable$/i.test(env[1]!)) {
        if (args[0] === undefined) this.hitAt('secret.env-var', 'Reads an environment variable whose name is computed at run time.', o, s, e);
        else this.envRead(args[0], o, s, e);
      } else if (/^SetEnvironmentVariable$/i.test(env[1]!)) {
        if (/machine/i.test(env[2]!)) this.hitAt('perm.system', 'Changes a machine-wide environment variable for every user and service.', o, s, e);
        const target = /machine/i.test(env[2]!) ? 'every user and service' : /user/i.test(env[2]!) ? 'every later program of this user' : undefined;
        const value = env[2]!.split(',')[1];
        if (args[0] !== undefined) this.envWrite(args[0], value === undefined ? undefined : constantValue(value), o, s, e, target);
      }
      else if (/^ExpandEnvironmentVariables$/i.test(env[1]!)) for (const v of (args[0] ?? '').matchAll(/%([^%]+)%/g)) this.envRead(v[1]!, o, s, e);
    }
    const file = /\[(?:System\.)?IO\.(File|Directory)\]::(\w+)\s*\(\s*("[^"]*"|'[^']*'|\$[\w:]+)/i.exec(text);
    if (file) {
      const [s, e] = span(file);
      const w = evalWord(file[3]!, 0, this.env);
      const method = file[2]!.toLowerCase();
      const access: Access = /^(write|append|create|delete|move|copy|replace|setaccesscontrol|encrypt|decrypt|open$)/.test(method) ? 'write' : /^(exists|getattributes|getcreationtime|getlastwritetime|getfiles|getdirectories|enumerate)/.test(method) ? 'meta' : 'read';
      const p = textOf(w);
      if (p !== undefined) this.checkPath(p, access, o, s, e, method.startsWith('delete') ? 'Deletes' : undefined);
    }
    const web = /\.(DownloadString|DownloadFile|DownloadData|UploadFile|UploadString|UploadData|UploadValues|OpenRead|OpenWrite)(Async|TaskAsync)?\s*\(([^)]*)\)/i.exec(text);
    if (web) {
      const [s, e] = span(web);
      this.hitAt('net.command', `Connects to the network (.NET WebClient ${web[1]}).`, o, s, e);
      const args = web[3]!.split(',').map((a) => constantString(a.trim()));
      if (/^UploadFile$/i.test(web[1]!) && args[1] !== undefined) this.checkPath(args[1], 'read', o, s, e);
      if (/^DownloadFile$/i.test(web[1]!) && args[1] !== undefined) this.checkPath(args[1], 'write', o, s, e);
    }
    if ((m = /\[(?:System\.)?Net\.(WebRequest|HttpWebRequest)\]::Create|\[(?:System\.)?Net\.Sockets\.TcpClient\]|Net\.Http\.HttpClient/i.exec(text))) {
      const [s, e] = span(m);
      this.hitAt('net.command', 'Connects to the network (.NET).', o, s, e);
    }
    if ((m = /ProtectedData\]::Unprotect|\.GetNetworkCredential\(\)|Marshal\]::(PtrToString\w*|SecureStringToBSTR|SecureStringToGlobalAllocUnicode)|PasswordVault|CredEnumerate|CredRead/i.exec(text))) {
      const [s, e] = span(m);
      this.hitAt('secret.credential-cli', 'Decrypts stored credentials (DPAPI, a SecureString or the Windows credential vault).', o, s, e);
    }
    if ((m = /\[(?:System\.Management\.Automation\.)?ScriptBlock\]::Create|\.InvokeScript\s*\(|\.AddScript\s*\(|\[(?:System\.)?Reflection\.Assembly\]::Load|\$ExecutionContext\.InvokeCommand/i.exec(text))) {
      const [s, e] = span(m);
      this.hitAt('opaque.eval', 'Builds code at run time and runs it, so what it does cannot be seen.', o, s, e);
    }
    if ((m = /\[(?:System\.)?Diagnostics\.Process\]::Start\s*\(([^)]*)\)/i.exec(text))) {
      const [s, e] = span(m);
      const args = m[1]!.split(',').map((a) => constantString(a.trim()));
      if (args[0] !== undefined) this.runCommandLine([args[0], args[1] ?? ''].join(' ').trim(), o, s, e, nesting + 1);
      else this.hitAt('opaque.dynamic-command', 'Starts a program whose name is computed at run time.', o, s, e);
    }
    if ((m = /\[(?:System\.)?Security\.Principal\.WindowsIdentity\]::Impersonate|\[(?:System\.)?Runtime\.InteropServices\.Marshal\]::GetDelegateForFunctionPointer/i.exec(text))) {
      const [s, e] = span(m);
      this.hitAt('perm.elevate', 'Changes the identity or privileges the code runs with.', o, s, e);
    }
    if ((m = /\.(SetAccessRule|AddAccessRule|SetOwner|SetAccessControl|RemoveAccessRule|SetAccessRuleProtection)\s*\(/i.exec(text))) {
      const [s, e] = span(m);
      this.hitAt('perm.acl', 'Changes who may access a file or folder (an ACL).', o, s, e);
    }
    if ((m = /\[(?:Microsoft\.Win32\.)?Registry\]::(LocalMachine|CurrentUser)\.(CreateSubKey|OpenSubKey)\s*\(\s*["']([^"']+)["']\s*(,\s*\$?true)?/i.exec(text)) && (m[2]!.toLowerCase() === 'createsubkey' || m[4])) {
      const [s, e] = span(m);
      this.registryWrite(`${m[1]!.toLowerCase() === 'localmachine' ? 'HKLM' : 'HKCU'}\\${m[3]!}`, o, s, e);
    }
  }

  private typeUse(text: string, o: Origin, start: number, end: number): void {
    if (/^\[(System\.)?Security\.Cryptography\.ProtectedData\]$/i.test(text)) this.hitAt('secret.credential-cli', 'Uses DPAPI to decrypt or encrypt stored secrets.', o, start, end);
  }

  // ---- commands ----

  /** A tree-sitter `command` node: name, words, then the command's meaning. Returns what it feeds downstream. */
  private commandNode(n: SyntaxNode, src: string, o: Origin, nesting: number, up: Upstream | undefined): Upstream {
    const op = n.children.find((c) => c.type === 'command_invokation_operator');
    const nameNode = n.children.find((c) => c.type === 'command_name' || c.type === 'command_name_expr');
    const foreach = n.children.find((c) => c.type === 'foreach_command');
    if (foreach) {
      for (const c of foreach.children) this.walk(c, src, o, nesting, false);
      return { any: true };
    }
    if (!nameNode) {
      for (const c of n.children) this.walk(c, src, o, nesting, false);
      return { any: true };
    }
    const invocation = op ? (src.slice(op.start, op.end).trim() as '.' | '&') : undefined;
    if (nameNode.type === 'command_name_expr') {
      const inner = nameNode.children.find((c) => c.named);
      const text = src.slice(nameNode.start, nameNode.end);
      if (text.startsWith('{')) {
        // `& { … }` / `. { … }`: the block runs here.
        this.runCode(text.slice(1, text.endsWith('}') ? -1 : undefined), childOrigin(o, nameNode.start + 1, nameNode.end - 1, o.base !== undefined), nesting);
        return this.commandText(src, n.start, n.end, o, nesting, up, invocation, '', nameNode.end);
      }
      const w = evalWord(text, nameNode.start, this.env);
      const name = textOf(w);
      if (name === undefined || (inner && inner.type !== 'string_literal' && inner.type !== 'command_name')) {
        for (const c of nameNode.children) this.walk(c, src, o, nesting, false);
        for (const nc of w.nested) this.runCode(nc.code, childOrigin(o, nc.start, nc.end, o.base !== undefined), nesting + 1);
        this.hitAt('opaque.dynamic-command', 'Runs a command whose name is computed at run time, so what runs cannot be seen.', o, n.start, n.end);
        return this.commandText(src, n.start, n.end, o, nesting, up, invocation, '', nameNode.end);
      }
      return this.commandText(src, n.start, n.end, o, nesting, up, invocation, name, nameNode.end);
    }
    // The grammar's name (`iex` of `iex(…)`), and the words after it.
    const named = evalWord(src.slice(nameNode.start, nameNode.end), nameNode.start, this.env);
    const nameText = textOf(named);
    if (nameText === undefined) return this.commandText(src, n.start, n.end, o, nesting, up, invocation);
    return this.commandText(src, n.start, n.end, o, nesting, up, invocation, nameText, nameNode.end);
  }

  /** A command read from its text [start, end): name (unless given), then words. */
  commandText(src: string, start: number, end: number, o: Origin, nesting: number, up: Upstream | undefined, invocation?: '.' | '&', givenName?: string, wordsFrom?: number): Upstream {
    let from = wordsFrom ?? start;
    let name = givenName;
    if (name === undefined) {
      let i = start;
      const op = /^\s*([&.])\s+/.exec(src.slice(start, end));
      if (op) {
        invocation = op[1] as '.' | '&';
        i = start + op[0].length;
      }
      const { words } = splitWords(src, i, end);
      const first = words[0];
      if (!first) return { any: true };
      const w = evalWord(first.raw, first.start, this.env);
      name = textOf(w) ?? '';
      from = first.end;
      if (name === '') {
        for (const nc of w.nested) this.runCode(nc.code, childOrigin(o, nc.start, nc.end, o.base !== undefined), nesting + 1);
        this.hitAt('opaque.dynamic-command', 'Runs a command whose name is computed at run time, so what runs cannot be seen.', o, start, end);
      }
    }
    const { words: raw, ok } = splitWords(src, from, end);
    if (!ok) this.hitAt('shell.parse-error', 'The PowerShell command has an unclosed quote or bracket, so what it runs cannot be checked.', o, start, end);
    const words = raw.map((r) => evalWord(r.raw, r.start, this.env));
    const cmd: PsCommand = { name, words, start, end, origin: o, nesting, upstream: up };
    if (invocation) cmd.invocation = invocation;
    return this.dispatch(cmd);
  }

  /** A whole command line given as text (Start-Process, [Diagnostics.Process]::Start): its own PowerShell-like words. */
  runCommandLine(line: string, o: Origin, start: number, end: number, nesting: number): void {
    if (this.tooDeep(o, nesting, start, end)) return;
    const frame = childOrigin(o, start, end, false);
    this.commandText(line, 0, line.length, frame, nesting, undefined);
  }

  /** The meaning of one command. */
  dispatch(c: PsCommand): Upstream {
    if (this.scope.budget.charge()) {
      this.outOfWork(c.origin, '');
      return { any: true };
    }
    // Code in words runs first (`$(…)`, `(…)`); script blocks are judged as code that may run.
    for (const w of c.words) for (const nc of [...w.nested, ...(w.inline?.nested ?? [])]) this.runCode(nc.code, childOrigin(c.origin, nc.start, nc.end, c.origin.base !== undefined), c.nesting + 1);
    for (const w of c.words) for (const e of [...w.env, ...(w.inline?.env ?? [])]) this.envRead(e.name, c.origin, e.start, e.end);
    this.currentCommand = c;
    this.redirects(c);
    const history = c.words.find((w) => /HistorySavePath/i.test(w.raw));
    if (history) this.hitAt('path.secret', 'Reads the PowerShell command history (PSReadLine), which holds every command typed, tokens included.', c.origin, history.start, history.end);
    const lower = c.name.toLowerCase().replace(/^.*[\\/]/, '');
    const bare = lower.replace(/\.(exe|com|cmd|bat)$/, '');
    if (c.name === '') return { any: true };
    if (this.functions.has(lower)) {
      this.sweep(c, new Set());
      return { any: true };
    }
    if (c.cmd) {
      const done = nativeCommand(this, c, bare);
      if (done) return { any: true };
    }
    // `sc` is Set-Content in Windows PowerShell, but `sc create|config|stop …` is the service tool.
    const scTool = lower === 'sc' && /^(create|config|failure|sdset|stop|start|pause|delete|query|queryex|qc|control|privs)$/i.test(c.words[0]?.raw ?? '');
    // cmd.exe has no cmdlets: its `curl` is curl.exe.
    const cmdlet = scTool || c.cmd ? undefined : (ALIASES[lower] ?? (isCmdletName(lower) ? lower : undefined));
    if (cmdlet && !/[\\/]/.test(c.name)) {
      this.addRun({ program: cmdlet });
      return this.cmdlet(c, cmdlet);
    }
    if (SHELL_EXE.test(bare)) {
      this.addRun({ program: bare });
      this.powershellExe(c);
      return { any: true };
    }
    if (nativeCommand(this, c, bare)) return { any: true };
    this.native(c);
    return { any: true };
  }

  /** `> file`, `>> file`, `2> file`: the file is written (its content is the command's output). */
  private redirects(c: PsCommand): void {
    const keep: PsWord[] = [];
    for (let i = 0; i < c.words.length; i++) {
      const w = c.words[i]!;
      if (!w.redirect) {
        keep.push(w);
        continue;
      }
      const target = w.inline ?? c.words[++i];
      if (!target || /&/.test(w.redirect)) continue;
      const p = textOf(target);
      if (p === undefined || /^\$null$/i.test(target.raw) || /^(nul|\/dev\/null)$/i.test(p)) continue;
      if (w.redirect === '<') this.viaBash(`cat < ${this.pathWord(p, false)}`, c, false);
      else {
        this.viaBash(`echo "$PS_OUTPUT" ${w.redirect.includes('>>') ? '>>' : '>'} ${this.pathWord(p, false)}`, c, false);
        this.recordEdit(w.redirect.includes('>>') ? 'append' : 'write', p, undefined, `${c.name || 'the command'} as PowerShell formats it (its text and encoding depend on the PowerShell version: UTF-16 in Windows PowerShell 5.1, UTF-8 in PowerShell 7)`);
      }
    }
    c.words = keep;
  }

  // ---- words ----

  /** A path as a bash word: separators made `/`, PowerShell wildcards kept as globs unless literal. */
  pathWord(p: string, glob: boolean): string {
    let s = p.replace(/^(Microsoft\.PowerShell\.Core\\)?FileSystem::/i, '').replace(/\\/g, '/');
    if (s === '~' || s.startsWith('~/')) s = this.home + s.slice(1);
    if (!glob || !/[*?[]/.test(s)) return sq(s);
    return s.replace(/[^A-Za-z0-9_*?[\]./:@%+,=-]/g, '\\$&');
  }

  /** One bash word per element of a PowerShell word, computed parts as a variable bash cannot know. */
  bashWords(w: PsWord, path: boolean, glob: boolean): string[] {
    return elementsOf(w).map((parts) => {
      const t = partsText(parts);
      // A native program's argument with Windows separators (`@%USERPROFILE%\\.npmrc`, `..\\x`) is a path: one form.
      if (t !== undefined) return path ? this.pathWord(t, glob && !w.quoted) : sq(/\\/.test(t) && !/\\[dDwWsSbB]/.test(t) ? t.replace(/\\/g, '/') : t);
      return parts.map((p) => ('lit' in p ? sq(path ? p.lit.replace(/\\/g, '/') : p.lit) : '"$PS_VALUE"')).join('');
    });
  }

  /** Runs the POSIX equivalent through the bash analyzer; its findings point at the PowerShell command. */
  viaBash(line: string, c: PsCommand, native: boolean): void {
    const r = analyzeShellRun(line, this.cwd ? this.cwd.replace(/\\/g, '/') : undefined, this.scope);
    for (const h of r.hits) this.hitAt(h.rule, h.message.replace(/\$PS_VALUE/g, 'a computed value').replace(/\$PS_OUTPUT/g, 'its output'), c.origin, c.start, c.end, h.risk);
    if (native) for (const run of r.runs) this.addRun(run);
    this.written.push(...r.changes.written);
    this.deleted.push(...r.changes.deleted);
  }

  /** Paths checked straight against the path policy (what the bash analyzer does for each path word). */
  checkPath(p: string, access: Access, o: Origin, start: number, end: number, verb?: string): boolean {
    const abs = resolvePath(p.replace(/^(Microsoft\.PowerShell\.Core\\)?FileSystem::/i, '').replace(/\\/g, '/'), this.cwd?.replace(/\\/g, '/'), this.home);
    const target = abs ?? `/**/${p.replace(/\\/g, '/').replace(/^\.\//, '')}`;
    const m = abs ? this.scope.policy.match(abs, access) : this.scope.policy.matchGlob(target, access, false);
    if (!m) return false;
    const rule: RuleId = access === 'meta' ? (m.secretDirectory ? 'path.secret-listing' : 'path.secret-listing') : m.category === 'secret' ? 'path.secret' : m.category === 'self' ? 'path.self' : m.category === 'protected' ? 'path.protected' : 'path.system';
    if (access === 'meta' && !m.secretDirectory) return false;
    const v = verb ?? (access === 'write' ? 'Changes' : access === 'meta' ? 'Lists' : 'Reads');
    this.hitAt(rule, `${v} ${p}: ${m.label} (matches ${m.glob}).`, o, start, end);
    return true;
  }

  /**
   * A sweep of a folder that holds secrets on any machine (the home folder, a drive root, .ssh, AppData's roots,
   * browser profiles): `tree` is a recursive search, listing, archive or copy of the folder; `children` reads the
   * files a wildcard names directly inside it (`$env:USERPROFILE\*`: .npmrc, .git-credentials, .netrc live there).
   */
  sweepsSecrets(w: PsWord | undefined, how: 'tree' | 'children', c: PsCommand, verb: string): boolean {
    const text = w ? textOf(w) : '.';
    if (text === undefined) return false;
    if (shadowCopyPath(text)) {
      this.hitCmd('secret.credential-cli', `Reads ${text}, a volume shadow copy: the way to copy files Windows keeps locked, such as the password hives.`, c);
      return true;
    }
    // `%USERPROFILE%` is cmd's spelling; written in PowerShell it names nothing, but the intent is the same sweep.
    const p = text.replace(/^(Microsoft\.PowerShell\.Core\\)?FileSystem::/i, '').replace(/%([A-Za-z_]+)%/g, (m, v: string) => placeVar(v, this.home) ?? m);
    let dir = p;
    const leaf = /^(.*?)[\\/]([^\\/]*[*?][^\\/]*)$/.exec(p);
    if (leaf) dir = leaf[1] === '' ? '/' : leaf[1]!;
    else if (how === 'children' || /[*?]/.test(p)) return false;
    if (/[*?]/.test(dir)) return false;
    const abs = resolvePath(dir.replace(/\\/g, '/'), this.cwd?.replace(/\\/g, '/'), this.home);
    if (!abs) return false;
    const why = secretRoot(abs, this.home);
    if (!why) return false;
    this.hitCmd('path.secret-tree', `${verb} ${how === 'tree' ? 'everything under' : 'the files in'} ${text}: ${why}.`, c);
    return true;
  }

  /** A read of the registry at `path` (`recursive`: with everything below it; `copiesHive`: saved or exported whole). */
  registryRead(path: string | undefined, recursive: boolean, c: PsCommand, copiesHive = false): boolean {
    const key = path === undefined ? undefined : registryKey(path.replace(/\\\*$/, ''));
    if (key === undefined) return false;
    const what = credentialKey(key, recursive || copiesHive, copiesHive);
    if (!what) return false;
    this.hitCmd('secret.credential-cli', `Reads the registry at ${path}, which holds ${what}.`, c);
    return true;
  }

  /**
   * A file edit for the preview. `text` undefined: the new text is only known when the command runs (`producer`
   * says why). The key is the resolved path in forward-slash form (`C:/Users/dev/proj/a.txt`).
   */
  recordEdit(op: 'write' | 'append', path: string, text: string | undefined, producer: string): void {
    const glob = /[*?[]/.test(path);
    const abs = resolvePath(path.replace(/\\/g, '/'), this.cwd?.replace(/\\/g, '/'), this.home);
    if (!abs) return;
    this.edits.push({ op, path: abs, text, producer, glob });
    // A write whose text the preview cannot show is one click, never silent (the POSIX sed -i rule).
    if (text === undefined && this.currentCommand) this.hitCmd('fs.edit-inexact', `Writes ${path} with text the preview cannot show exactly: ${producer}.`, this.currentCommand, 'review');
  }

  /** Every word no handler accounted for is tried as a file the command may read. */
  sweep(c: PsCommand, used: Set<number>): void {
    c.words.forEach((w, i) => {
      if (used.has(i) || w.param !== undefined && !w.inline) return;
      const v = w.inline ?? w;
      for (const parts of elementsOf(v)) {
        const t = partsText(parts);
        if (t === undefined || t.length < 2 || /^[a-z]+:\/\//i.test(t) || /\s/.test(t.trim()) && !/[\\/]/.test(t)) continue;
        if (/^[A-Za-z0-9_-]+$/.test(t) && !/^(credentials|secrets)$/i.test(t)) continue; // a bare word is a name
        if (/^(credentials|secrets)$/i.test(t)) continue;
        this.checkPath(t, 'read', c.origin, w.start, w.end);
      }
    });
  }

  // ---- cmdlets ----

  private cmdlet(c: PsCommand, name: string): Upstream {
    const spec = specOf(name);
    const b = bind(c.words, spec);
    const used = new Set<number>();
    const get = (p: string): PsWord[] => {
      const idx = param(b, spec, p);
      for (const i of idx) used.add(i);
      return idx.map((i) => c.words[i]!).map((w) => w.inline ?? w);
    };
    const has = (p: string): boolean => b.named.has(p) && !b.off.has(p);
    const paths = (): { words: PsWord[]; literal: boolean } => {
      const lit = get('literalpath');
      return lit.length > 0 ? { words: lit, literal: true } : { words: get('path'), literal: false };
    };
    const bashPaths = (ws: { words: PsWord[]; literal: boolean }): string => ws.words.flatMap((w) => this.bashWords(w, true, !ws.literal)).join(' ');
    const text1 = (p: string): string | undefined => {
      const w = get(p)[0];
      return w ? textOf(w) : undefined;
    };
    const drive = (ws: PsWord[]): string | undefined => {
      const t = ws[0] ? textOf(ws[0]) : undefined;
      const m = t ? /^([A-Za-z]+):(?:[\\/](.*)|(.+))?$/.exec(t) : undefined;
      return m && m[1]!.length > 1 ? m[1]!.toLowerCase() : undefined;
    };
    const driveRest = (ws: PsWord[]): string => {
      const t = ws[0] ? (textOf(ws[0]) ?? '') : '';
      return t.replace(/^[A-Za-z]+:[\\/]?/, '');
    };

    switch (name) {
      case 'get-content':
      case 'import-csv':
      case 'import-clixml':
      case 'get-filehash':
      case 'format-hex':
      case 'import-powershelldatafile': {
        const ps = paths();
        const d = drive(ps.words);
        if (d === 'env') this.envRead(driveRest(ps.words), c.origin, c.start, c.end);
        else if (d === 'variable' || d === 'function' || d === 'alias') {
          /* PowerShell's own state */
        } else if (ps.words.length > 0) {
          for (const w of ps.words) this.sweepsSecrets(w, 'children', c, 'Reads');
          this.viaBash(`cat -- ${bashPaths(ps)}`, c, false);
        }
        if (name === 'import-clixml') this.hitCmd('system.service', 'Loads saved PowerShell objects, which is how credentials are stored (Export-Clixml of Get-Credential).', c);
        break;
      }
      case 'set-content':
      case 'add-content':
      case 'out-file':
      case 'tee-object':
      case 'export-csv':
      case 'export-clixml':
      case 'clear-content': {
        const ps = name === 'out-file' || name === 'tee-object' ? { words: [...get('filepath'), ...get('literalpath')], literal: true } : paths();
        const value = get('value')[0];
        const text = value ? textOf(value) : undefined;
        const content = text !== undefined ? `printf '%s\\n' ${sq(text)}` : 'echo "$PS_OUTPUT"';
        const op = name === 'add-content' || has('append') ? '>>' : '>';
        const d = drive(ps.words);
        if (d === 'env') break; // setting an environment variable of this process
        for (const target of ps.words.flatMap((w) => this.bashWords(w, true, !ps.literal))) this.viaBash(`${content} ${op} ${target}`, c, false);
        if (name !== 'clear-content') for (const w of ps.words) {
          const p = textOf(w);
          if (p === undefined) continue;
          if (name === 'set-content' || name === 'add-content') {
            // Each value is one line ended by the system's newline (CRLF on Windows), unless -NoNewline.
            // A Windows folder (drive letter) means Windows PowerShell or pwsh on Windows: CRLF; elsewhere LF.
            const nl = /^[A-Za-z]:[\\/]/.test(this.cwd ?? '') || /^[A-Za-z]:[\\/]/.test(p) ? '\r\n' : '\n';
            // `-Value one, two` arrives as the words `one,` `two` here: an array read in part is not exact.
            const lines = value && /,\s*$/.test(value.raw) ? undefined : text?.split('\u0000');
            const body = lines === undefined ? undefined : has('nonewline') ? lines.join('') : lines.map((l) => l + nl).join('');
            const exact = body !== undefined && [...body].every((ch) => ch.charCodeAt(0) < 0x80);
            this.recordEdit(op === '>>' ? 'append' : 'write', p, exact ? body : undefined, body === undefined ? `the objects piped into ${name === 'set-content' ? 'Set-Content' : 'Add-Content'}` : 'text outside ASCII, whose bytes depend on the PowerShell version and code page');
          } else this.recordEdit(op === '>>' ? 'append' : 'write', p, undefined, `${name === 'out-file' ? 'Out-File' : name} (PowerShell's formatted output)`);
        }
        break;
      }
      case 'remove-item': {
        const ps = paths();
        const d = drive(ps.words);
        if (d === 'hkcu' || d === 'hklm' || d === 'registry') {
          this.registryWrite(textOf(ps.words[0]!) ?? '', c.origin, c.start, c.end);
          break;
        }
        if (d === 'env' || d === 'variable' || d === 'function' || d === 'alias') break;
        if (has('recurse')) for (const w of ps.words) this.rootDelete(w, c);
        if (ps.words.length > 0) this.viaBash(`rm ${has('recurse') ? '-r ' : ''}${has('force') ? '-f ' : ''}-- ${bashPaths(ps)}`, c, false);
        break;
      }
      case 'copy-item':
      case 'move-item': {
        const ps = paths();
        const dest = get('destination');
        if (name === 'copy-item') for (const w of ps.words) this.sweepsSecrets(w, has('recurse') ? 'tree' : 'children', c, 'Copies');
        if (name === 'copy-item' && (drive(ps.words) === 'hkcu' || drive(ps.words) === 'hklm' || drive(ps.words) === 'registry')) this.registryRead(textOf(ps.words[0]!), has('recurse'), c, true);
        if (dest.length === 0) {
          // Copy-Item/Move-Item without a destination acts on the current folder.
          if (ps.words.length > 0) this.viaBash(`${name === 'copy-item' ? 'cp -r' : 'mv'} -- ${bashPaths(ps)} .`, c, false);
          break;
        }
        this.viaBash(`${name === 'copy-item' ? 'cp -r' : 'mv'} -- ${bashPaths(ps)} ${this.bashWords(dest[0]!, true, false)[0]}`, c, false);
        break;
      }
      case 'rename-item': {
        const ps = paths();
        const nn = text1('newname');
        const src = ps.words[0] ? textOf(ps.words[0]) : undefined;
        if (src !== undefined && nn !== undefined) {
          const dir = src.replace(/[\\/][^\\/]*$/, '');
          const dest = /[\\/]/.test(nn) || dir === src ? nn : `${dir}/${nn}`;
          this.viaBash(`mv -- ${this.pathWord(src, false)} ${this.pathWord(dest, false)}`, c, false);
        } else if (ps.words.length > 0) this.viaBash(`mv -- ${bashPaths(ps)} "$PS_VALUE"`, c, false);
        break;
      }
      case 'get-childitem': {
        const ps = paths();
        const d = drive(ps.words);
        if (d === 'env') {
          const rest = driveRest(ps.words);
          this.envRead(rest === '' ? '*' : rest, c.origin, c.start, c.end);
          break;
        }
        if (d === 'cert') {
          this.hitCmd('system.service', 'Lists the certificate store (certificates with private keys).', c);
          break;
        }
        if (d === 'hkcu' || d === 'hklm' || d === 'registry') {
          for (const w of ps.words) this.registryRead(textOf(w), has('recurse') || get('depth').length > 0, c);
          break;
        }
        if (d === 'variable' || d === 'function' || d === 'alias') break;
        const recursive = has('recurse') || get('depth').length > 0;
        // Names only without -Recurse (a plain listing of the home folder is ordinary).
        if (recursive) for (const w of ps.words.length > 0 ? ps.words : [undefined]) this.sweepsSecrets(w, 'tree', c, 'Lists');
        const filter = get('filter').concat(get('include'));
        const target = ps.words.length > 0 ? bashPaths(ps) : '.';
        const filters = filter.flatMap((w) => elementsOf(w).map(partsText)).filter((t): t is string => t !== undefined);
        if (filters.length > 0) {
          // `-Filter *.pem` / `-Include .env*`: the names it looks for.
          const dirs = ps.words.length > 0 ? ps.words.flatMap((w) => elementsOf(w).map(partsText)).filter((t): t is string => t !== undefined) : ['.'];
          for (const dir of dirs) for (const f of filters) this.viaBash(`ls -d -- ${this.pathWord(`${dir.replace(/[\\/]+$/, '')}/${has('recurse') ? '**/' : ''}${f}`, true)}`, c, false);
        }
        this.viaBash(`ls ${has('recurse') ? '-R ' : ''}${has('force') || has('hidden') ? '-a ' : ''}-- ${target}`, c, false);
        break;
      }
      case 'get-item':
      case 'test-path':
      case 'resolve-path':
      case 'get-acl':
      case 'split-path':
      case 'convert-path': {
        const ps = paths();
        const d = drive(ps.words);
        if ((d === 'hkcu' || d === 'hklm' || d === 'registry') && name === 'get-item') for (const w of ps.words) this.registryRead(textOf(w), false, c);
        if (d === 'env' && name === 'get-item') this.envRead(driveRest(ps.words) || '*', c.origin, c.start, c.end);
        else if (d === 'cert' && name === 'get-item') this.hitCmd('system.service', 'Reads a certificate from the certificate store.', c);
        else if (ps.words.length > 0 && !d) this.viaBash(`stat -- ${bashPaths(ps)}`, c, false);
        break;
      }
      case 'get-itemproperty':
      case 'get-itempropertyvalue':
        for (const w of paths().words) this.registryRead(textOf(w), false, c);
        get('name');
        break;
      case 'set-itemproperty':
      case 'new-itemproperty':
      case 'remove-itemproperty':
      case 'clear-itemproperty': {
        const ps = paths();
        get('name');
        get('value');
        const t = ps.words[0] ? textOf(ps.words[0]) : undefined;
        if (t === undefined) this.hitCmd('perm.system', 'Changes a registry value at a path computed at run time.', c);
        else if (/^(hk|registry::)/i.test(t)) this.registryWrite(t, c.origin, c.start, c.end);
        else this.viaBash(`touch -- ${bashPaths(ps)}`, c, false);
        break;
      }
      case 'new-item': {
        const ps = paths();
        const nameW = get('name')[0];
        const type = (text1('itemtype') ?? 'file').toLowerCase();
        const value = get('value')[0];
        const base = ps.words[0] ? textOf(ps.words[0]) : '.';
        const leaf = nameW ? textOf(nameW) : undefined;
        const full = base !== undefined ? (leaf !== undefined ? `${base.replace(/[\\/]+$/, '')}/${leaf}` : base) : undefined;
        if (full !== undefined && /^(hk|registry::)/i.test(full)) {
          this.registryWrite(full, c.origin, c.start, c.end);
          break;
        }
        if (full !== undefined && /^env:/i.test(full)) break;
        const target = full !== undefined ? this.pathWord(full, false) : '"$PS_VALUE"';
        if (/^(directory|d|dir)/.test(type)) this.viaBash(`mkdir -p -- ${target}`, c, false);
        else if (/^(symboliclink|hardlink|junction|s|h|j)/.test(type)) {
          const t = get('target')[0] ?? value;
          const tw = t ? this.bashWords(t, true, false)[0] : '"$PS_VALUE"';
          this.viaBash(`ln -s -- ${tw} ${target}`, c, false);
        } else {
          const text = value ? textOf(value) : '';
          this.viaBash(`${text !== undefined ? `printf '%s' ${sq(text)}` : 'echo "$PS_VALUE"'} > ${target}`, c, false);
        }
        break;
      }
      case 'select-string': {
        const pattern = get('pattern');
        const ps = paths();
        if (ps.words.length > 0) {
          for (const w of ps.words) this.sweepsSecrets(w, 'children', c, 'Searches');
          const pat = pattern[0] ? textOf(pattern[0]) : undefined;
          this.viaBash(`grep -- ${pat !== undefined ? sq(pat) : '"$PS_VALUE"'} ${bashPaths(ps)}`, c, false);
        }
        break;
      }
      case 'set-location':
      case 'push-location': {
        const ps = paths();
        const t = ps.words[0] ? textOf(ps.words[0]) : undefined;
        if (ps.words.length === 0) this.cwd = this.home;
        else if (t !== undefined && !/^[A-Za-z]{2,}:/.test(t)) {
          const abs = resolvePath(t.replace(/\\/g, '/'), this.cwd?.replace(/\\/g, '/'), this.home);
          this.cwd = abs;
        } else this.cwd = undefined;
        break;
      }
      case 'pop-location':
        this.cwd = undefined;
        break;
      case 'expand-archive':
      case 'compress-archive': {
        const ps = paths();
        const dest = get('destinationpath');
        if (name === 'expand-archive') this.viaBash(`unzip ${bashPaths(ps)}${dest[0] ? ` -d ${this.bashWords(dest[0], true, false)[0]}` : ''}`, c, false);
        else for (const w of ps.words) this.sweepsSecrets(w, 'tree', c, 'Archives');
        if (name === 'compress-archive') this.viaBash(`zip -r ${dest[0] ? this.bashWords(dest[0], true, false)[0] : '"$PS_VALUE"'} ${bashPaths(ps)}`, c, false);
        break;
      }
      case 'invoke-webrequest':
      case 'invoke-restmethod':
      case 'start-bitstransfer': {
        const uri = get(name === 'start-bitstransfer' ? 'source' : 'uri');
        const out = get(name === 'start-bitstransfer' ? 'destination' : 'outfile');
        const inFile = get('infile');
        const body = get('body');
        get('headers');
        get('method');
        const u = uri[0] ? textOf(uri[0]) : undefined;
        let line = `curl ${u !== undefined ? sq(u) : '"$PS_VALUE"'}`;
        if (out[0]) line += ` -o ${this.bashWords(out[0], true, false)[0]}`;
        if (inFile[0]) line += ` -T ${this.bashWords(inFile[0], true, false)[0]}`;
        if (has('skipcertificatecheck')) line += ' -k';
        this.viaBash(line, c, false);
        for (const bw of body) {
          const t = textOf(bw);
          if (t?.startsWith('@')) this.checkPath(t.slice(1), 'read', c.origin, bw.start, bw.end);
        }
        if (c.upstream?.any && !c.upstream.text) {
          /* data piped in is sent: what produced it was judged on its own */
        }
        return { any: true, remote: true };
      }
      case 'invoke-expression': {
        const code = get('command');
        this.evalCode(c, code[0]);
        break;
      }
      case 'invoke-command':
      case 'start-job':
      case 'start-threadjob': {
        const block = get('scriptblock')[0];
        get('argumentlist');
        const file = get('filepath')[0];
        const remote = get('computername').concat(get('session'), get('hostname'), get('vmname'));
        if (remote.length > 0) this.hitCmd('exec.remote', 'Runs code on another computer (PowerShell remoting).', c);
        if (file) this.hitCmd('exec.script', `Runs the PowerShell script ${textOf(file) ?? 'named at run time'}, whose content Countersign cannot see.`, c);
        if (block && block.nested.length === 0 && !block.raw.startsWith('{')) this.hitCmd('opaque.eval', 'Runs a script block held in a variable, so what it does cannot be seen.', c);
        break;
      }
      case 'start-process':
        this.startProcess(c, get, has);
        break;
      case 'set-executionpolicy': {
        const policy = (text1('executionpolicy') ?? '').toLowerCase();
        const scope = (text1('scope') ?? 'localmachine').toLowerCase();
        const loose = /^(bypass|unrestricted|undefined)$/.test(policy);
        this.hitCmd(scope === 'process' || (!loose && policy !== '') ? 'system.service' : 'perm.system', `Sets PowerShell's execution policy to ${policy || 'a computed value'} for ${scope === 'process' ? 'this process' : scope}${loose ? ', letting any script run' : ''}.`, c);
        break;
      }
      case 'set-mppreference':
      case 'add-mppreference':
      case 'remove-mppreference': {
        const names = [...b.named.keys()];
        const disables = names.filter((n) => /^disable/.test(n) && !b.off.has(n) && !this.isFalse(c, n, b));
        const exclusions = names.filter((n) => /^exclusion/.test(n) || /^(controlledfolderaccessallowedapplications|attacksurfacereductiononlyexclusions)/.test(n));
        const lowered = names.filter((n) => /^(mapsreporting|submitsamplesconsent|puaprotection|enablecontrolledfolderaccess|enablenetworkprotection|cloudblocklevel|highthreatdefaultaction|severethreatdefaultaction)$/.test(n));
        if (disables.length > 0 || (exclusions.length > 0 && name !== 'remove-mppreference') || lowered.length > 0) this.hitCmd('perm.system', `Weakens Microsoft Defender (${[...disables, ...exclusions, ...lowered].join(', ')}).`, c);
        else if (names.length > 0) this.hitCmd('system.service', 'Changes Microsoft Defender settings.', c);
        for (const i of b.named.values()) for (const k of i) used.add(k);
        break;
      }
      case 'set-netfirewallprofile':
      case 'new-netfirewallrule':
      case 'set-netfirewallrule':
      case 'remove-netfirewallrule':
      case 'disable-netfirewallrule':
      case 'enable-netfirewallrule':
      case 'copy-netfirewallrule':
      case 'set-netfirewallsetting':
        this.hitCmd('perm.firewall', 'Changes the Windows firewall.', c);
        for (const i of b.named.values()) for (const k of i) used.add(k);
        break;
      case 'new-localuser':
      case 'set-localuser':
      case 'remove-localuser':
      case 'enable-localuser':
      case 'disable-localuser':
      case 'rename-localuser':
      case 'add-localgroupmember':
      case 'remove-localgroupmember':
      case 'new-localgroup':
      case 'remove-localgroup':
      case 'new-aduser':
      case 'set-aduser':
      case 'remove-aduser':
      case 'add-adgroupmember':
      case 'remove-adgroupmember':
      case 'set-adaccountpassword':
      case 'enable-adaccount':
      case 'add-adprincipalgroupmembership':
        this.hitCmd('perm.users', 'Changes Windows users or group membership.', c);
        for (const i of b.named.values()) for (const k of i) used.add(k);
        c.words.forEach((_, i) => used.add(i));
        break;
      case 'set-acl':
        this.hitCmd('perm.acl', 'Changes who may access a file or folder (Set-Acl).', c);
        break;
      case 'register-scheduledtask':
      case 'new-scheduledtask':
      case 'new-scheduledtaskaction':
      case 'set-scheduledtask':
      case 'new-scheduledtasktrigger':
      case 'register-scheduledjob':
      case 'new-jobtrigger':
        this.hitCmd('perm.persistence', 'Creates or changes a scheduled task, which runs code later and on its own.', c);
        c.words.forEach((_, i) => used.add(i));
        break;
      case 'new-service':
        this.hitCmd('perm.persistence', 'Installs a Windows service, which runs code at start-up with high privileges.', c);
        c.words.forEach((_, i) => used.add(i));
        break;
      case 'set-service':
      case 'stop-service':
      case 'start-service':
      case 'restart-service':
      case 'suspend-service':
      case 'remove-service': {
        const svc = c.words.map((w) => textOf(w) ?? '').join(' ');
        const security = /\b(windefend|wdnissvc|sense|mpssvc|wscsvc|securityhealthservice|eventlog|bfe|wuauserv)\b/i.test(svc);
        const startup = b.named.has('startuptype') || name === 'remove-service';
        this.hitCmd(security || startup ? 'perm.system' : 'system.service', security ? 'Stops or changes a Windows security service (Defender, firewall, event log, updates).' : startup ? 'Changes how a Windows service starts.' : 'Starts, stops or restarts a Windows service.', c);
        c.words.forEach((_, i) => used.add(i));
        break;
      }
      case 'stop-process':
      case 'stop-computer':
      case 'restart-computer':
        this.hitCmd(name === 'stop-process' ? 'proc.kill' : 'system.service', name === 'stop-process' ? 'Stops processes.' : 'Shuts down or restarts the computer.', c);
        c.words.forEach((_, i) => used.add(i));
        break;
      case 'get-credential':
        this.hitCmd('secret.credential-cli', 'Asks for a user name and password and hands them to the command.', c);
        break;
      case 'get-storedcredential':
      case 'new-storedcredential':
      case 'remove-storedcredential':
      case 'get-secret':
      case 'get-secretinfo':
      case 'set-secret':
      case 'unlock-secretstore':
      case 'get-keyvaultsecret':
      case 'get-azkeyvaultsecret':
      case 'export-pfxcertificate':
      case 'export-certificate':
      case 'convertfrom-securestring':
      case 'get-bitlockervolume':
      case 'backup-bitlockerkeyprotector':
        this.hitCmd('secret.credential-cli', `Reads, exports or decrypts stored credentials (${name}).`, c);
        c.words.forEach((_, i) => used.add(i));
        break;
      case 'convertto-securestring':
        if (has('asplaintext')) this.hitCmd('system.service', 'Turns a plain-text password into a SecureString: the password is in the command.', c);
        c.words.forEach((_, i) => used.add(i));
        break;
      case 'add-type': {
        if (b.named.has('typedefinition') || b.named.has('memberdefinition') || b.positional.length > 0 || get('path').length > 0) this.hitCmd('opaque.interpreter', 'Compiles and loads C# (or other .NET) code, which can do anything.', c);
        c.words.forEach((_, i) => used.add(i));
        break;
      }
      case 'new-object': {
        const t = (text1('typename') ?? text1('comobject') ?? '').toLowerCase();
        if (/net\.webclient|net\.http\.httpclient|net\.sockets\.tcpclient|msxml2\.xmlhttp|winhttp/.test(t)) this.hitCmd('net.command', `Creates a network client (${t}).`, c);
        if (/^wscript\.shell|^shell\.application|^schedule\.service/.test(t)) this.hitCmd('opaque.dynamic-command', `Creates ${t}, which runs programs the command does not show.`, c);
        c.words.forEach((_, i) => used.add(i));
        break;
      }
      case 'import-module': {
        const t = text1('name');
        if (t !== undefined && /[\\/]|\.psm?1$|\.dll$/i.test(t)) this.hitCmd('exec.script', `Loads the module ${t}, whose code Countersign cannot see.`, c);
        c.words.forEach((_, i) => used.add(i));
        break;
      }
      case 'set-variable':
      case 'new-variable':
        c.words.forEach((_, i) => used.add(i));
        break;
      case 'unblock-file':
        this.hitCmd('system.service', 'Removes the downloaded-from-the-internet mark from files, so they run without the warning.', c);
        break;
      case 'enable-psremoting':
      case 'set-item':
      case 'set-wsmanquickconfig':
      case 'enable-wsmancredssp': {
        const t = c.words.map((w) => textOf(w) ?? '').join(' ');
        if (name === 'set-item' && !/wsman:|trustedhosts/i.test(t)) {
          const ps = paths();
          const d = drive(ps.words);
          if (d === 'env' || d === 'variable' || d === 'function' || d === 'alias') break;
          if (d === 'hkcu' || d === 'hklm' || d === 'registry') this.registryWrite(textOf(ps.words[0]!) ?? '', c.origin, c.start, c.end);
          else if (ps.words.length > 0) this.viaBash(`touch -- ${bashPaths(ps)}`, c, false);
          break;
        }
        this.hitCmd('perm.system', 'Opens this computer to remote PowerShell sessions (WinRM, trusted hosts, CredSSP).', c);
        break;
      }
      case 'invoke-item':
        this.hitCmd('exec.script', 'Opens files with their default program, which may run them.', c);
        break;
      case 'send-mailmessage':
      case 'test-netconnection':
      case 'test-connection':
        this.hitCmd('net.command', 'Connects to the network.', c);
        c.words.forEach((_, i) => used.add(i));
        break;
      case 'clear-eventlog':
      case 'remove-eventlog':
      case 'limit-eventlog':
        this.hitCmd('perm.system', 'Clears or shrinks the Windows event logs (erases the record of what happened).', c);
        break;
      case 'disable-computerrestore':
      case 'set-mpcomputerstatus':
      case 'uninstall-windowsfeature':
      case 'disable-windowsoptionalfeature':
      case 'set-processmitigation':
      case 'set-uac':
      case 'disable-bitlocker':
        this.hitCmd('perm.system', `Turns off a Windows protection (${name}).`, c);
        break;
      case 'format-volume':
      case 'clear-disk':
      case 'initialize-disk':
      case 'remove-partition':
        this.hitCmd('destroy.disk', 'Erases a disk or volume.', c);
        break;
      case 'write-host':
      case 'write-output':
      case 'write-error':
      case 'write-warning':
      case 'write-verbose':
      case 'write-debug':
      case 'write-information':
      case 'write-progress':
      case 'out-host':
      case 'out-string':
      case 'out-null':
      case 'format-table':
      case 'format-list':
      case 'select-object':
      case 'where-object':
      case 'sort-object':
      case 'foreach-object':
      case 'measure-object':
      case 'group-object':
      case 'convertto-json':
      case 'convertfrom-json':
      case 'join-path':
      case 'get-date':
      case 'start-sleep':
      case 'measure-command':
      case 'get-command':
      case 'get-help':
      case 'get-member':
      case 'compare-object':
        // Text and objects only; their words are names and values (script blocks were walked above).
        c.words.forEach((w, i) => {
          if (!looksLikePath(w)) used.add(i);
        });
        break;
      case 'get-history':
        this.hitCmd('system.service', 'Shows the command history, which may hold tokens typed on the command line.', c);
        break;
      default:
        if (!isReadOnlyCmdlet(name)) this.hitCmd('exec.unknown-command', `Runs ${c.name}, a cmdlet Countersign does not know.`, c);
    }
    this.sweep(c, used);
    return { any: true };
  }

  /** `Remove-Item -Recurse` of a drive, the Windows folder, the users folder or a home directory. */
  private rootDelete(w: PsWord, c: PsCommand): void {
    for (const parts of elementsOf(w)) {
      const t = partsText(parts);
      if (t === undefined) continue;
      const abs = resolvePath(t.replace(/\\/g, '/'), this.cwd?.replace(/\\/g, '/'), this.home);
      if (!abs) continue;
      const p = abs.replace(/\/+$/, '').toLowerCase();
      const home = this.home.replace(/\/+$/, '').toLowerCase();
      if (/^[a-z]:$/.test(p) || /^[a-z]:\/(windows|users|program files( \(x86\))?|programdata)$/.test(p) || /^[a-z]:\/users\/[^/]+$/.test(p) || p === home || p === '' || p === '/') {
        this.hitAt('destroy.root', `Deletes ${t} and everything in it.`, c.origin, w.start, w.end);
      }
    }
  }

  private isFalse(c: PsCommand, name: string, b: Bound): boolean {
    const idx = b.named.get(name) ?? [];
    return idx.some((i) => {
      const w = c.words[i]!;
      const v = w.inline ?? w;
      return /^(\$false|0|false)$/i.test((textOf(v) ?? v.raw).trim()) || /^\$false$/i.test(v.raw);
    });
  }

  /** Invoke-Expression and `| iex`: code known at analysis time is analyzed; anything else is opaque. */
  private evalCode(c: PsCommand, code: PsWord | undefined): void {
    if (code) {
      const t = textOf(code);
      if (t !== undefined && code.nested.length === 0) {
        this.hitCmd('exec.indirect', 'Runs a string as PowerShell code (Invoke-Expression).', c);
        this.runCode(t, childOrigin(c.origin, code.start, code.end, false), c.nesting + 1);
        return;
      }
      const fromNet = code.nested.some((n) => /\b(iwr|irm|invoke-webrequest|invoke-restmethod|curl|wget)\b|\.Download(String|Data)/i.test(n.code));
      this.hitCmd(fromNet ? 'opaque.remote-code' : 'opaque.eval', fromNet ? 'Downloads code and runs it, so what runs cannot be seen.' : 'Runs code built at run time (Invoke-Expression), so what it does cannot be seen.', c);
      return;
    }
    const up = c.upstream;
    if (up?.text) {
      this.hitCmd('exec.indirect', 'Runs a string as PowerShell code (piped to Invoke-Expression).', c);
      this.runCode(up.text.code, childOrigin(c.origin, up.text.start, up.text.end, false), c.nesting + 1);
      return;
    }
    this.hitCmd(up?.remote ? 'opaque.remote-code' : 'opaque.eval', up?.remote ? 'Downloads code and runs it, so what runs cannot be seen.' : 'Runs whatever the pipeline produces as code (Invoke-Expression), so what it does cannot be seen.', c);
  }

  private startProcess(c: PsCommand, get: (p: string) => PsWord[], has: (p: string) => boolean): void {
    const file = get('filepath')[0];
    const args = get('argumentlist');
    const verb = get('verb')[0];
    get('workingdirectory');
    get('windowstyle');
    for (const p of ['redirectstandardoutput', 'redirectstandarderror']) for (const w of get(p)) {
      const t = textOf(w);
      if (t !== undefined) this.viaBash(`echo "$PS_OUTPUT" > ${this.pathWord(t, false)}`, c, false);
    }
    if (verb && /^runas(user)?$/i.test(textOf(verb) ?? 'runas')) this.hitCmd('perm.elevate', 'Starts a program as administrator (Start-Process -Verb RunAs).', c);
    if (has('credential')) this.hitCmd('perm.elevate', 'Starts a program as another user.', c);
    const name = file ? textOf(file) : undefined;
    if (name === undefined) {
      if (file) this.hitCmd('opaque.dynamic-command', 'Starts a program whose name is computed at run time.', c);
      return;
    }
    // Start-Process joins -ArgumentList with spaces into one command line, unquoted.
    const argText = args.flatMap((w) => elementsOf(w).map((p) => partsText(p) ?? '$PS_VALUE')).join(' ');
    const q = /[\s'"]/.test(name) ? `'${name.replace(/'/g, "''")}'` : name;
    this.runCommandLine(`& ${q} ${argText}`.trim(), c.origin, c.start, c.end, c.nesting + 1);
  }

  /** powershell.exe / pwsh: -Command, -EncodedCommand, -File, or code as the remaining words. */
  private powershellExe(c: PsCommand): void {
    const ws = c.words;
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]!;
      const p = w.param;
      if (p === undefined) {
        if (/\.ps1$/i.test(textOf(w) ?? '')) return void this.hitCmd('exec.script', `Runs the PowerShell script ${textOf(w)!}, whose content Countersign cannot see.`, c);
        return this.psCommandWords(c, ws.slice(i));
      }
      if (/^(c|co|com|comm|comma|comman|command)$/.test(p)) {
        const rest = ws.slice(i + 1);
        if (rest.length === 1 && rest[0]!.raw.startsWith('{')) return this.runCode(rest[0]!.nested[0]?.code ?? '', childOrigin(c.origin, rest[0]!.start, rest[0]!.end, false), c.nesting + 1);
        return this.psCommandWords(c, rest);
      }
      if (/^(e|ec|en|enc|enco|encod|encode|encoded|encodedc\w*)$/.test(p)) {
        const v = ws[i + 1];
        const t = v ? textOf(v) : undefined;
        const decoded = t !== undefined ? decodeEncodedCommand(t) : undefined;
        if (decoded === undefined) return void this.hitCmd('opaque.eval', 'Runs an encoded command that does not decode, so what it does cannot be seen.', c);
        this.hitCmd('exec.indirect', `Runs a base64-encoded PowerShell command: ${decoded.length > 200 ? `${decoded.slice(0, 200)}…` : decoded}`, c);
        return this.runCode(decoded, childOrigin(c.origin, v!.start, v!.end, false), c.nesting + 1);
      }
      if (/^(f|fi|fil|file)$/.test(p)) {
        const v = ws[i + 1];
        return void this.hitCmd('exec.script', `Runs the PowerShell script ${v ? (textOf(v) ?? 'named at run time') : ''}, whose content Countersign cannot see.`, c);
      }
      // Options that take a value.
      if (/^(ex|exe|exec\w*|ep|w|wi|win\w*|v|ve|ver\w*|o|ou|out\w*|i|in|inp\w*|config\w*|settings\w*|wd|workingdirectory|psconsolefile|mta|sta)$/.test(p) && !/^(mta|sta)$/.test(p)) i++;
    }
  }

  private psCommandWords(c: PsCommand, rest: PsWord[]): void {
    if (rest.length === 0) return;
    // `-Command "…"` is one word; `-Command a b c` is the words joined with spaces, as PowerShell joins them.
    const code = rest.length === 1 ? textOf(rest[0]!) : rest.map((w) => w.raw).join(' ');
    if (code === undefined) return void this.hitCmd('opaque.eval', 'Runs PowerShell code computed at run time, so what it does cannot be seen.', c);
    const first = rest[0]!;
    const last = rest[rest.length - 1]!;
    const linear = rest.length > 1 || !first.quoted;
    this.runCode(code, childOrigin(c.origin, rest.length === 1 && first.quoted ? first.start + 1 : first.start, rest.length === 1 && first.quoted ? last.end - 1 : last.end, linear && c.origin.base !== undefined), c.nesting + 1);
  }

  /** A native program: its words, quoted for bash, judged by the bash analyzer. */
  native(c: PsCommand): void {
    const name = c.name;
    const lower = name.toLowerCase();
    if (/\.ps1$/i.test(lower)) {
      if (c.invocation === '.') this.hitCmd('exec.script', `Dot-sources the PowerShell script ${name}, whose content Countersign cannot see.`, c);
      else this.hitCmd('exec.script', `Runs the PowerShell script ${name}, whose content Countersign cannot see.`, c);
      this.sweep(c, new Set());
      return;
    }
    if (/\.(cmd|bat)$/i.test(lower) && /[\\/]/.test(name)) {
      this.hitCmd('exec.script', `Runs the batch file ${name}, whose content Countersign cannot see.`, c);
      this.sweep(c, new Set());
      return;
    }
    const program = /[\\/]/.test(name) ? this.pathWord(name, false) : sq(lower.replace(/\.(exe|com)$/, ''));
    const args = c.words.flatMap((w) => {
      if (w.param !== undefined) return [sq(w.raw.replace(/^[\u2013\u2014\u2015]/, '-'))].concat(w.inline ? [] : []);
      return this.bashWords(w, false, false);
    });
    this.viaBash([program, ...args].join(' '), c, true);
  }

  /** A registry key written: autoruns and security policy are sensitive, the rest of HKLM too, HKCU a review. */
  registryWrite(key: string, o: Origin, start: number, end: number): void {
    const k = key.replace(/^Registry::/i, '').replace(/^HKEY_LOCAL_MACHINE/i, 'HKLM').replace(/^HKEY_CURRENT_USER/i, 'HKCU').replace(/^(HK\w+):?\\?/i, (_m, h: string) => `${h.toUpperCase()}\\`);
    if (/\\(Run|RunOnce|RunServices|RunServicesOnce|RunOnceEx)(\\|$)|\\Winlogon(\\|$)|Image File Execution Options|\\Explorer\\Shell Folders|\\Policies\\Explorer\\Run|\\Active Setup\\|\\AppInit_DLLs|\\Command Processor|\\Environment(\\|$)|\\Services\\|\\Classes\\(exefile|ms-settings|mscfile)\\shell|\\Startup(\\|$)|\\Terminal Server\\|SilentProcessExit/i.test(k)) {
      this.hitAt('perm.persistence', `Changes the registry key ${key}, which decides what runs at log-on or start-up.`, o, start, end);
      return;
    }
    if (/Windows Defender|\\Policies\\|\\Lsa(\\|$)|SecurityProviders|\\Control\\SecurityProviders|UAC|EnableLUA|ConsentPromptBehavior|\\FirewallPolicy|\\SafeBoot/i.test(k) || k.startsWith('HKLM')) {
      this.hitAt('perm.system', `Changes the registry key ${key} (system or security settings).`, o, start, end);
      return;
    }
    this.hitAt('fs.write-outside', `Changes the registry key ${key}.`, o, start, end);
  }

  /** cmd.exe code (`cmd /c …`): split into commands, then judged like PowerShell's. */
  runCmd(line: string, origin: Origin, nesting: number): void {
    if (this.tooDeep(origin, nesting, 0, line.length)) return;
    const { commands, ok } = cmdCommands(line, this.env, (name, start, end) => this.envRead(name, origin, start, end));
    if (!ok) this.hitAt('shell.parse-error', 'The cmd.exe command has an unclosed quote, so what it runs cannot be checked.', origin, 0, line.length);
    for (const cmd of commands) {
      if (cmd.dump) {
        this.hitAt('secret.env-dump', cmd.dump, origin, cmd.start, cmd.end);
        continue;
      }
      this.dispatch({ name: cmd.name, words: cmd.words, start: cmd.start, end: cmd.end, origin, nesting, cmd: true });
    }
  }
}

/** A word that may name a file (has a separator or an extension-like dot), not an option value or a name. */
function looksLikePath(w: PsWord): boolean {
  const t = textOf(w);
  return t !== undefined && /[\\/]|^\.|\.\w{1,8}$/.test(t) && !/^[a-z]+:\/\//i.test(t);
}

/** A constant string, or a number's digits (`$env:X = 0`), as a value is given; undefined when built at run time. */
function constantValue(text: string): string | undefined {
  return /^\s*\d+\s*$/.test(text) ? text.trim() : constantString(text);
}

/** The value of a constant string literal ('…' or "…" without expansions). */
export function constantString(text: string): string | undefined {
  const t = text.trim();
  if (/^'([^']|'')*'$/.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  if (/^"([^"`$]|`.)*"$/.test(t)) return t.slice(1, -1).replace(/`(.)/g, '$1');
  if (/^@'\r?\n[\s\S]*\r?\n'@$/.test(t)) return t.replace(/^@'\r?\n/, '').replace(/\r?\n'@$/, '');
  return undefined;
}

export function analyzePowerShell(command: string, cwd: string | undefined, scope: PsScope, dialect: 'powershell' | 'cmd'): PsAnalyzer {
  const a = new PsAnalyzer(scope, cwd);
  const origin: Origin = { base: 0, start: 0, end: command.length };
  if (dialect === 'cmd') a.runCmd(command, origin, 0);
  else a.runCode(command, origin, 0);
  return a;
}

export type { Bound, ParamSpec };
