// Walks a parsed command the way bash would run it: every simple command, including those inside `$()`,
// backticks, `<()`, subshells, pipelines, lists, loops, functions and heredocs fed to shells; wrappers are peeled
// off and code inside code (`bash -c`, interpreter one-liners, scripts written then run) is parsed again. State
// that bash carries between commands is tracked where it changes what a later command touches: the working
// directory (`cd ~/.ssh && cat id_rsa`), variables (`F=.env; cat $F`), files written earlier in the same command
// (`echo … > x.sh; sh x.sh`) and dotglob. Each command's handler adds findings; unknown commands need review.
import { grepMayShowSecrets } from '../secrets/envNames';
import { tlsVariableEffect } from './tlsVariables';
import { posix } from 'node:path';
import { LIMITS, type WorkBudget } from '../budget';
import type { PathPolicy } from '../paths/pathPolicy';
import { hit, type Hit, type RuleId } from '../reasons';
import type { Risk } from '../types';
import type { Parser } from '@vscode/tree-sitter-wasm';
import { childByField, parseScript, type SyntaxNode } from './syntax';
import { childOrigin, fileLine, mapRange, type Frame, type Invocation, type Origin, type Redirect, type Stdin } from './types';
import type { FileEdit } from './fileEdits';
import { evalWord, literalVar, nestedSubstitutions, UNKNOWN_VAR, type VarValue, type Word, type WordEnv } from './words';
import { lookupHandler } from './commands/registry';
import { outputOf } from './output';
import { checkRedirect, recordRedirectEdit } from './pathArgs';
import { fetchesRemote } from './remote';
import { innerOffset, runFile } from './scripts';
import { judgeSessionFiles, runnerLanguage } from './sessionCode';
import { isAbsolutePath, resolvePath } from '../paths/resolve';
import { permissionFindings } from '../content/permissions';
import type { ScriptFiles } from '../session/scriptFiles';
import type { TreeIndex } from '../paths/treeIndex';
import type { GitStates } from '../git/gitState';
import type { World } from '../world/world';
import { findSecrets } from '../content/secrets';
import { RISK_ORDER } from '../types';
import { knownCommand, sweepInvocation, sweepUnknownStdin } from './sweep';
import { runKey, type ProgramRun } from '../effects';
import { programRunOf } from './programRun';

export interface ShellScope {
  policy: PathPolicy;
  parser: Parser | undefined;
  budget: WorkBudget;
  /** Script text from the disk or this session's memory (absent: nothing outside the command is known). */
  files?: ScriptFiles;
  /** Which secret files a folder on disk holds (absent: no disk). */
  tree?: TreeIndex;
  /** What git holds of each path, and the disk it reads (absent: no disk, so every delete is a loss). */
  git?: { states: GitStates; world: World };
}

/** A file written earlier in the same command line: its text when known ("echo … > x.sh", a heredoc). */
export interface Written {
  text: string | undefined;
  remote: boolean;
  origin: Origin | undefined;
}

const PRELOAD_VARS = /^(LD_PRELOAD|LD_LIBRARY_PATH|LD_AUDIT|DYLD_INSERT_LIBRARIES|DYLD_LIBRARY_PATH|BASH_ENV|ENV|PROMPT_COMMAND|PERL5OPT|PYTHONSTARTUP|NODE_OPTIONS|RUBYOPT)$/;

/** Variables whose value is a command line some program runs later (git's pager and ssh, less's preprocessor). */
const COMMAND_VARS = /^(PAGER|GIT_PAGER|MANPAGER|SYSTEMD_PAGER|EDITOR|VISUAL|GIT_EDITOR|GIT_SEQUENCE_EDITOR|SUDO_EDITOR|GIT_SSH|GIT_SSH_COMMAND|GIT_EXTERNAL_DIFF|GIT_ASKPASS|SSH_ASKPASS|SUDO_ASKPASS|LESSOPEN|LESSCLOSE|BROWSER|GIT_PROXY_COMMAND|RSYNC_RSH|RSYNC_CONNECT_PROG|FZF_DEFAULT_COMMAND|TERMINAL|DIFFTOOL|GIT_DIFF_OPTS)$/;

const AGENT_UNGUARDED = /^--(dangerously-skip-permissions|yolo|allow-all-tools|allow-all-paths|allow-all|dangerously-bypass-approvals-and-sandbox|full-auto|trust-all-tools|auto-approve|no-confirm)$|^--(permission-mode|approval-mode|sandbox|ask-for-approval)=(bypassPermissions|yolo|never|danger-full-access|acceptEdits)$/;

export class ShellAnalyzer {
  readonly hits: Hit[] = [];
  cwd: string | undefined;
  /** The agent's working directory (writes outside it and the workspace need review). */
  readonly startCwd: string | undefined;
  readonly vars = new Map<string, VarValue>();
  readonly written = new Map<string, Written>();
  /** Functions defined so far, with their bodies (a call with arguments walks the body again with $1, $2 …). */
  readonly functions = new Map<string, { body: SyntaxNode; frame: Frame }>();
  /** Every program the command line runs, in order (wrappers and inner commands included), one per signature. */
  readonly runs: ProgramRun[] = [];
  private readonly runKeys = new Set<string>();
  /** Files the command line deletes, absolute where known (for the session memory). */
  readonly deleted: string[] = [];
  /** Text edits of files, in order (redirections, tee, sed -i), for the preview of the exact change. */
  readonly fileEdits: FileEdit[] = [];
  private calls = 0;
  dotglob = false;
  private commands = 0;
  private stopped = false;
  /**
   * Per simple command (keyed by its syntax node, so wrapped commands share it): spans of the words a handler
   * accounted for, by checking them as paths or understanding them as text. Everything else is swept afterwards.
   */
  private readonly accounted = new WeakMap<SyntaxNode, Set<string>>();
  /** Words whose value was run as shell code (`bash -c WORD`): accounted for wherever they appear. */
  private readonly ranAsCode = new WeakSet<SyntaxNode>();
  /** Here-string words by command node: text on stdin that an unknown program may take for a path. */
  readonly herestrings = new WeakMap<SyntaxNode, Word>();

  constructor(
    readonly scope: ShellScope,
    cwd: string | undefined,
  ) {
    // A relative working directory says nothing about where the command runs: unknown.
    this.cwd = cwd && isAbsolutePath(cwd) ? cwd : undefined;
    this.startCwd = this.cwd;
  }

  get policy(): PathPolicy {
    return this.scope.policy;
  }

  get home(): string {
    return this.scope.policy.home;
  }

  /** Absolute form of a path as the command would see it (undefined: relative, and the directory is unknown). */
  resolve(p: string): string | undefined {
    return resolvePath(p, this.cwd, this.home);
  }

  /**
   * Key of a file in `written`: its absolute path, or (working directory unknown) the path relative to that unknown
   * directory, so `printf … > Makefile && make` is still seen as running what was just written.
   */
  fileKey(p: string): string {
    return this.resolve(p) ?? `?cwd/${posix.normalize(p)}`;
  }

  // ---- findings ----

  /** A finding at [start, end) of the frame's code. */
  hitAt(rule: RuleId, message: string, f: Frame, start: number, end: number, risk?: Risk): void {
    const [s, e] = mapRange(f.origin, start, end);
    const where = fileLine(f.origin, start);
    this.hits.push(hit(rule, where ? `${message.replace(/\.$/, '')} (${where}).` : message, s, e, risk));
  }

  /** A finding on a word (or node) of an invocation. */
  hitOn(rule: RuleId, message: string, inv: Invocation, at?: { start: number; end: number }, risk?: Risk): void {
    const where = at ?? inv.nameWord;
    this.hitAt(rule, message, inv.frame, where.start, where.end, risk);
  }

  /** A finding spanning the whole simple command. */
  hitCommand(rule: RuleId, message: string, inv: Invocation, risk?: Risk): void {
    const end = inv.args.length > 0 ? inv.args[inv.args.length - 1]!.end : inv.nameWord.end;
    this.hitAt(rule, message, inv.frame, Math.min(inv.nameWord.start, inv.node.start), Math.max(end, inv.nameWord.end), risk);
  }

  // ---- words accounted for ----

  /** Marks words of an invocation as understood (text, patterns, names): the argument sweep leaves them alone. */
  understand(inv: Invocation, ...words: ({ start: number; end: number } | undefined)[]): void {
    let set = this.accounted.get(inv.node);
    if (!set) {
      set = new Set();
      this.accounted.set(inv.node, set);
    }
    for (const w of words) if (w) set.add(`${w.start}:${w.end}`);
  }

  /** Whether a handler (or a command it wrapped) accounted for this word. */
  isAccounted(inv: Invocation, w: Word): boolean {
    return this.ranAsCode.has(w.node) || (this.accounted.get(inv.node)?.has(`${w.start}:${w.end}`) ?? false);
  }

  /**
   * Runs code that only might be code (an argument of a program whose arguments are not understood): findings are
   * kept only when sensitive or blocked, and only when the text parsed cleanly as shell; the shell state it changes
   * (directory, variables, files written) is put back, since it may never run.
   */
  speculate(source: string, origin: Origin, nesting: number): void {
    this.speculatively(() => this.runScript(source, origin, nesting));
  }

  /** Dispatches an invocation that only might be a command (the words after `--` of a program). */
  speculateDispatch(inv: Invocation, index: number, wrapper: string): void {
    this.speculatively(() => this.dispatchFrom(inv, index, wrapper));
  }

  /** Whether a name is a program the policy knows (handlers reach the registry through here, not by importing it). */
  knownCommand(name: string): boolean {
    return knownCommand(name);
  }

  private speculatively(run: () => void): void {
    const cwd = this.cwd;
    const dotglob = this.dotglob;
    const recorded = [this.runs.length, this.deleted.length, this.fileEdits.length] as const;
    const maps: [Map<unknown, unknown>, Map<unknown, unknown>][] = [this.vars, this.written, this.functions].map((m: Map<unknown, unknown>) => [m, new Map(m)]);
    const before = this.hits.length;
    run();
    const added = this.hits.splice(before);
    this.cwd = cwd;
    this.dotglob = dotglob;
    for (const r of this.runs.splice(recorded[0])) this.runKeys.delete(runKey(r));
    this.deleted.length = recorded[1];
    this.fileEdits.length = recorded[2];
    for (const [m, saved] of maps) {
      m.clear();
      for (const [k, v] of saved) m.set(k, v);
    }
    // Budget hits stay: the evaluation really ran out. Text that does not parse is not code; `eval` in prose is a word.
    const parsed = !added.some((h) => h.rule === 'shell.parse-error');
    for (const h of added) {
      if (h.rule.startsWith('budget.')) this.hits.push(h);
      else if (parsed && RISK_ORDER[h.risk] >= RISK_ORDER.sensitive && h.rule !== 'opaque.eval') this.hits.push(h);
    }
  }

  /** Charges one analysis step; true once the evaluation's work budget is spent (reported once): callers stop. */
  outOfTime(f: Frame): boolean {
    if (this.stopped) return true;
    if (!this.scope.budget.charge()) return false;
    this.hitAt('budget.work', 'The command needs more analysis than Countersign allows for one action.', f, 0, Math.min(f.source.length, 200));
    this.stopped = true;
    return true;
  }

  // ---- code ----

  /** Parses and walks one piece of shell code. */
  runScript(source: string, origin: Origin, nesting: number): void {
    const at: Frame = { source, origin, nesting };
    if (nesting > LIMITS.nesting) {
      this.hitAt('budget.depth', 'Code is nested inside code too deeply to analyze.', at, 0, source.length);
      return;
    }
    if (source.length > LIMITS.commandChars) {
      this.hitAt('budget.size', `The command is too long to analyze (${source.length} characters).`, at, 0, Math.min(source.length, 200));
      return;
    }
    let operators = 0;
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 124 || c === 59 || c === 38) operators++; // | ; &
    }
    if (operators > LIMITS.operators) {
      this.hitAt('budget.nodes', `The command chains too many commands to analyze (${operators} operators).`, at, 0, Math.min(source.length, 200));
      return;
    }
    if (this.scope.budget.charge()) {
      this.hitAt('budget.work', 'The command needs more analysis than Countersign allows for one action.', at, 0, Math.min(source.length, 200));
      return;
    }
    const parsed = parseScript(this.scope.parser, source, this.scope.budget);
    if (parsed.failure === 'unavailable') {
      this.hitAt('shell.parser-unavailable', 'The shell parser is not available, so the command cannot be checked.', at, 0, source.length);
      return;
    }
    if (parsed.failure === 'work') this.hitAt('budget.work', 'Parsing the command needs more work than Countersign allows for one action.', at, 0, Math.min(source.length, 200));
    if (parsed.failure === 'nodes') this.hitAt('budget.nodes', 'The command is too large to analyze completely.', at, 0, Math.min(source.length, 200));
    if (parsed.failure === 'depth') this.hitAt('budget.depth', 'The command is nested too deeply to analyze.', at, 0, Math.min(source.length, 200));
    if (parsed.hasError && parsed.root) {
      const err = firstError(parsed.root) ?? parsed.root;
      this.hitAt('shell.parse-error', 'Part of the command could not be parsed, so what it does is unclear.', at, err.start, Math.max(err.end, err.start + 1));
    }
    if (parsed.root) this.statement(parsed.root, at, undefined);
  }

  /** Analyzes a word's literal value as shell code (`bash -c WORD`, `eval WORD`). False when it is not literal. */
  runWordAsScript(word: Word, f: Frame): boolean {
    if (word.value === undefined) return false;
    this.ranAsCode.add(word.node);
    const { start, linear } = innerOffset(word);
    const origin = childOrigin(f.origin, start, start + (linear ? word.value.length : word.end - start), linear);
    this.runScript(word.value, linear ? origin : childOrigin(f.origin, word.start, word.end, false), f.nesting + 1);
    return true;
  }

  /** Analyzes literal stdin text as shell code (`echo … | sh`, `bash <<EOF`). */
  runTextAsScript(stdin: Extract<Stdin, { kind: 'text' }>): void {
    const origin = childOrigin(stdin.frame.origin, stdin.start, stdin.start + stdin.text.length, stdin.linear);
    this.runScript(stdin.text, origin, stdin.frame.nesting + 1);
  }

  /** Runs the content detectors over literal text a command reads (`kubectl apply -f - <<EOF`). */
  contentOfStdin(stdin: Extract<Stdin, { kind: 'text' }>, fileName: string): void {
    const kind = { base: fileName, ext: fileName.slice(fileName.lastIndexOf('.') + 1), path: `/stdin/${fileName}` };
    const findings = [...permissionFindings(stdin.text, kind), ...findSecrets(stdin.text).map((s) => ({ rule: 'content.secret' as const, message: `Sends ${s.kind}.`, start: s.start, end: s.end }))];
    for (const f of findings) {
      if (stdin.linear) this.hitAt(f.rule, f.message, stdin.frame, stdin.start + f.start, stdin.start + f.end);
      else this.hitAt(f.rule, f.message, stdin.frame, stdin.start, stdin.start + 1);
    }
  }

  // ---- statements ----

  statement(n: SyntaxNode, f: Frame, stdin: Stdin | undefined): Invocation | undefined {
    if (this.stopped) return undefined;
    switch (n.type) {
      case 'command':
        return this.simpleCommand(n, f, [], stdin);
      case 'redirected_statement':
        return this.redirected(n, f, stdin);
      case 'pipeline':
        return this.pipeline(n.children.filter((c) => c.named && c.type !== 'comment'), f, stdin);
      case 'variable_assignment':
        this.assign(n, f, true);
        return undefined;
      case 'declaration_command':
        this.declaration(n, f);
        return undefined;
      case 'function_definition':
        this.functionDef(n, f);
        return undefined;
      case 'for_statement':
        return this.forLoop(n, f, stdin);
      case 'command_substitution': {
        // Inside backticks, \` starts a nested substitution bash runs; tree-sitter reads it as text.
        const text = f.source.slice(n.start, n.end);
        if (text.startsWith('`') && /\\`/.test(text)) {
          const inner = text.slice(1, -1).replace(/\\([$`\\])/g, '$1');
          this.runScript(inner, childOrigin(f.origin, n.start + 1, n.end - 1, false), f.nesting + 1);
          return undefined;
        }
        let last: Invocation | undefined;
        for (const c of n.children) if (c.named) last = this.statement(c, f, stdin) ?? last;
        return last;
      }
      case 'file_redirect': {
        // A redirect with no command: `$(<.env)` reads the file, `> x` creates or empties it.
        const red = this.redirectNode(n, f);
        if (red) checkRedirect(this, red, f, undefined);
        return undefined;
      }
      case 'comment':
      case 'heredoc_body':
      case 'heredoc_start':
      case 'heredoc_end':
        return undefined;
      default: {
        let last: Invocation | undefined;
        for (const c of n.children) if (c.named) last = this.statement(c, f, stdin) ?? last;
        return last;
      }
    }
  }

  private pipeline(stages: SyntaxNode[], f: Frame, stdin: Stdin | undefined): Invocation | undefined {
    let input = stdin;
    let last: Invocation | undefined;
    let dump: Hit | undefined;
    for (const stage of stages) {
      const before = this.hits.length;
      last = this.statement(stage, f, input);
      // `env | grep NODE_ENV` shows one harmless variable, not the environment: the dump finding goes.
      if (dump && last && narrowsToHarmless(last)) this.hits.splice(this.hits.indexOf(dump), 1);
      dump = this.hits.slice(before).find((h) => h.rule === 'secret.env-dump');
      input = outputOf(last, this);
    }
    return last;
  }

  /** Evaluates a word, walking the commands inside its substitutions first (their output may be known). */
  word(n: SyntaxNode, f: Frame): Word {
    const env: WordEnv = { home: this.home, cwd: this.cwd, vars: this.vars, dotglob: this.dotglob };
    const first = evalWord(f.source, n, env);
    for (const h of first.hiddenCode ?? []) this.runScript(f.source.slice(h.start, h.end), childOrigin(f.origin, h.start, h.end, true), f.nesting + 1);
    if (first.substitutions.length === 0) return first;
    const outputs = new Map<SyntaxNode, VarValue>();
    let decoded = false;
    for (const s of first.substitutions) {
      const last = this.statement(s, f, undefined);
      if (s.type !== 'command_substitution') continue;
      const out = outputOf(last, this);
      if (out.kind === 'text') outputs.set(s, literalVar(out.text.replace(/\n+$/, '')));
      else if (out.kind === 'files') outputs.set(s, { value: undefined, pattern: out.pattern, glob: true });
      else if (out.kind === 'decoded' || out.kind === 'remote') decoded = true;
    }
    const word = outputs.size === 0 ? first : evalWord(f.source, n, { ...env, substitution: (x) => outputs.get(x) });
    return decoded ? { ...word, decoded } : word;
  }

  private redirectNode(r: SyntaxNode, f: Frame): Redirect | undefined {
    if (r.type !== 'file_redirect') return undefined;
    const opNode = r.children.find((c) => !c.named);
    const fd = r.children.find((c) => c.type === 'file_descriptor');
    const dest = childByField(r, 'destination') ?? r.children.filter((c) => c.named && c.type !== 'file_descriptor').pop();
    return {
      op: opNode ? f.source.slice(opNode.start, opNode.end) : '>',
      fd: fd ? f.source.slice(fd.start, fd.end) : undefined,
      target: dest ? this.word(dest, f) : undefined,
      node: r,
    };
  }

  private heredocStdin(r: SyntaxNode, f: Frame): Stdin | undefined {
    const body = r.children.find((c) => c.type === 'heredoc_body');
    if (!body) return { kind: 'text', text: '', frame: f, start: r.end, linear: false };
    const startNode = r.children.find((c) => c.type === 'heredoc_start');
    const quoted = startNode ? /['"\\]/.test(f.source.slice(startNode.start, startNode.end)) : false;
    const op = r.children.find((c) => !c.named);
    const stripTabs = op ? f.source.slice(op.start, op.end) === '<<-' : false;
    let text = f.source.slice(body.start, body.end);
    let linear = true;
    if (stripTabs && /^\t/m.test(text)) {
      text = text.replace(/^\t+/gm, '');
      linear = false;
    }
    // An unquoted delimiter lets the body expand $(…), `…` and ${X:-$(…)}: those commands run too.
    if (!quoted) {
      const subs: SyntaxNode[] = [];
      nestedSubstitutions(body, subs);
      for (const c of subs) this.statement(c, f, undefined);
      // tree-sitter leaves backticks in a heredoc body as text.
      const covered = subs.map((c) => [c.start, c.end] as const);
      for (const m of f.source.slice(body.start, body.end).matchAll(/`((?:[^`\\]|\\.)*)`/g)) {
        const start = body.start + m.index + 1;
        if (covered.some(([s, e]) => start >= s && start < e)) continue;
        this.runScript(m[1]!.replace(/\\([$`\\])/g, '$1'), childOrigin(f.origin, start, start + m[1]!.length, false), f.nesting + 1);
      }
    }
    return { kind: 'text', text, frame: f, start: body.start, linear };
  }

  private redirected(n: SyntaxNode, f: Frame, stdin: Stdin | undefined): Invocation | undefined {
    const body = childByField(n, 'body');
    const extra: Redirect[] = [];
    const tails: SyntaxNode[] = [];
    const others: SyntaxNode[] = [];
    let input = stdin;
    for (const r of n.children.filter((c) => c.field === 'redirect')) {
      if (r.type === 'file_redirect') {
        const red = this.redirectNode(r, f);
        if (red) extra.push(red);
      } else if (r.type === 'heredoc_redirect') {
        input = this.heredocStdin(r, f);
        for (const c of r.children) {
          if (c.type === 'file_redirect') {
            const red = this.redirectNode(c, f);
            if (red) extra.push(red);
          } else if (c.type === 'pipeline') tails.push(c);
          else if (c.named && !c.type.startsWith('heredoc_')) others.push(c);
        }
      } else if (r.type === 'herestring_redirect') {
        const h = this.herestring(r, f);
        input = h.stdin;
        if (h.word && body?.type === 'command') this.herestrings.set(body, h.word);
      }
    }
    let inv: Invocation | undefined;
    const last = body?.type === 'list' ? lastCommandOfList(body) : undefined;
    if (body?.type === 'command') inv = this.simpleCommand(body, f, extra, input);
    else if (body && last) {
      // `cd d && cat > x.py <<'EOF'`: tree-sitter hangs the heredoc and the redirects on the whole list, but bash
      // gives them to the list's last command (the cat), so the file is written with the heredoc's text.
      for (const c of body.children) if (c.named && c !== last.statement && c.type !== 'comment') inv = this.statement(c, f, stdin) ?? inv;
      const piped = last.before.length > 0 ? this.pipeline(last.before, f, stdin) : undefined;
      const own = input !== stdin ? input : piped ? outputOf(piped, this) : stdin;
      inv = this.simpleCommand(last.command, f, extra, own) ?? piped ?? inv;
    } else {
      // `{ …; } > out`, `while …; done < file`: the redirects apply to the whole group.
      for (const red of extra) input = checkRedirect(this, red, f, undefined, false) ?? input;
      inv = body ? this.statement(body, f, input) : undefined;
      // `a && b > f` parses as a list under the redirect, but bash redirects only b: its output is known.
      const single = body?.type === 'list' && inv ? inv : undefined;
      for (const red of extra) if (!red.op.startsWith('<')) recordRedirectEdit(this, red, single, single ? outputOf(single, this) : undefined, !single && body !== undefined);
    }
    for (const t of tails) inv = this.pipeline(t.children.filter((c) => c.named), f, outputOf(inv, this)) ?? inv;
    for (const o of others) inv = this.statement(o, f, undefined) ?? inv;
    return inv;
  }

  private herestring(r: SyntaxNode, f: Frame): { stdin: Stdin; word?: Word } {
    const node = r.children.find((c) => c.named);
    if (!node) return { stdin: { kind: 'unknown' } };
    const w = this.word(node, f);
    if (w.value === undefined) return { stdin: { kind: 'unknown' }, word: w };
    const { start, linear } = innerOffset(w);
    return { stdin: { kind: 'text', text: w.value + '\n', frame: f, start: linear ? start : w.start, linear }, word: w };
  }

  private simpleCommand(n: SyntaxNode, f: Frame, extra: Redirect[], stdin: Stdin | undefined): Invocation | undefined {
    const assignments: Invocation['assignments'] = [];
    const redirects: Redirect[] = [];
    let input = stdin;
    let nameNode: SyntaxNode | undefined;
    const argNodes: SyntaxNode[] = [];
    for (const c of n.children) {
      if (c.type === 'variable_assignment') {
        const nameN = childByField(c, 'name');
        const valueN = childByField(c, 'value');
        assignments.push({ name: nameN ? f.source.slice(nameN.start, nameN.end) : '', word: valueN ? this.word(valueN, f) : undefined });
      } else if (c.field === 'name') nameNode = c.children.find((x) => x.named) ?? c;
      else if (c.field === 'argument') argNodes.push(c);
      else if (c.type === 'file_redirect') {
        const red = this.redirectNode(c, f);
        if (red) redirects.push(red);
      } else if (c.type === 'herestring_redirect') {
        const h = this.herestring(c, f);
        input = h.stdin;
        if (h.word) this.herestrings.set(n, h.word);
      } else if (c.named && c.field !== 'argument' && c.type !== 'comment') {
        // `time (cat .env)`, `time { …; }`: tree-sitter hangs the timed body on the command as a plain child.
        this.statement(c, f, stdin);
      }
    }
    if (!nameNode) {
      for (const a of assignments) this.setVar(a.name, a.word, f);
      return undefined;
    }
    const nameWord = this.word(nameNode, f);
    const args = argNodes.map((a) => this.word(a, f));
    redirects.push(...extra);
    const inv: Invocation = { name: '', nameWord, args, assignments, redirects, stdin: input, node: n, frame: f, via: [] };
    // A fresh account per walk: a function body walked again with other $1 … values is checked again.
    this.accounted.set(n, new Set());
    for (const a of assignments) this.prefixAssignment(inv, a);
    // Input redirects feed the command; output redirects are checked once the command (and its output) is known.
    for (const red of redirects) if (red.op.startsWith('<')) inv.stdin = checkRedirect(this, red, f, inv) ?? inv.stdin;
    this.dispatch(inv);
    for (const red of redirects) if (!red.op.startsWith('<')) checkRedirect(this, red, f, inv);
    return inv;
  }

  // ---- commands ----

  /**
   * Resolves an invocation's command name and runs its handler; then every word the handler did not account for is
   * swept (a possible file read, a possible command line). Handlers call this again for wrapped commands.
   */
  dispatch(inv: Invocation): void {
    if (this.outOfTime(inv.frame)) return;
    if (++this.commands > LIMITS.commands) {
      this.hitAt('budget.nodes', 'The command runs too many commands to analyze.', inv.frame, inv.node.start, inv.node.end);
      this.stopped = true;
      return;
    }
    const w = inv.nameWord;
    this.understand(inv, w);
    if (w.value === undefined || /(^|[^\\])\{[^}]*,/.test(w.pattern)) {
      const remote = w.substitutions.some((s) => fetchesRemote(inv.frame.source, s));
      this.hitOn(
        remote ? 'opaque.remote-code' : 'opaque.dynamic-command',
        remote ? 'Runs a command downloaded at run time.' : `The command name \`${w.raw}\` is computed at run time, so what runs cannot be known.`,
        inv,
      );
      sweepInvocation(this, inv, { unknown: true });
      return;
    }
    const value = w.value;
    if (w.glob && value !== '[' && value !== '[[') {
      // `/usr/bin/sud? id`, `/bin/c?t .env`: the file the glob expands to is what runs.
      this.hitOn('opaque.dynamic-command', `The command name \`${w.raw}\` is a pattern; which program it expands to is decided at run time.`, inv);
      sweepInvocation(this, inv, { unknown: true });
      return;
    }
    if (w.vars.length > 0 || w.substitutions.length > 0) {
      // `CMD=sudo; $CMD ls`, `$(echo sudo) ls`: known here, but a computed command name is decided at run time.
      const from = w.vars.length > 0 ? `$${w.vars[0]}` : 'a command substitution';
      this.hitOn('opaque.dynamic-command', `The command name comes from ${from}, so what runs is decided at run time.`, inv);
    }
    const base = value.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '');
    inv.name = base.toLowerCase();
    if (inv.name !== '' && this.runs.length < 64) {
      const run = programRunOf(inv);
      const key = runKey(run);
      if (!this.runKeys.has(key)) {
        this.runKeys.add(key);
        this.runs.push(run);
      }
    }
    this.secretVarUse(inv);
    this.agentGuardFlags(inv);
    if (inv.name === '') return;
    const handler = lookupHandler(inv.name);
    // `chmod --help`, `sudo --version`: printing usage changes nothing.
    if (handler && inv.args.length === 1 && /^(--help|--version|-h|--usage|help)$/.test(inv.args[0]!.value ?? '') && !['sudo', 'su', 'env', 'xargs'].includes(inv.name)) return;
    if (!handler && /[\\/]/.test(value)) {
      runFile(this, inv, w, 'shell');
      // `./run.sh .env`: whatever the script does, the paths it is handed are its to read. Its first operand is a
      // subcommand of the script's own (`./manage.sh env`), not a program it runs.
      sweepInvocation(this, inv, { unknown: false });
      return;
    }
    const fn = handler ? undefined : this.functions.get(base);
    if (fn) {
      // Its body was analyzed where it was defined; arguments give $1, $2 … values worth a second look.
      if (inv.args.length > 0 && this.calls++ < 20) this.withPositional(inv.args, () => this.statement(fn.body, fn.frame, inv.stdin));
      return;
    }
    if (!handler) {
      this.hitOn('exec.unknown-command', `Runs \`${base}\`, a command Countersign does not know.`, inv);
      sweepInvocation(this, inv, { unknown: true });
      sweepUnknownStdin(this, inv);
      return;
    }
    handler(inv, this);
    sweepInvocation(this, inv, { unknown: false });
    // A runner that loads project code (pytest, jest, npm test, python -m …) runs what this session wrote too.
    judgeSessionFiles(this, inv, runnerLanguage(inv));
  }

  /** Binds $1, $2 … (and $@, $*) to these words for the rest of the command line (`set -- a b`). */
  setPositional(args: readonly Word[]): void {
    for (const k of [...this.vars.keys()]) if (/^\d+$/.test(k) && k !== '0') this.vars.delete(k);
    args.forEach((w, i) => this.vars.set(String(i + 1), w.value !== undefined && !w.glob ? literalVar(w.value) : { value: undefined, pattern: w.pattern, glob: true }));
    const all: VarValue = args.length === 1 ? this.vars.get('1')! : { value: undefined, pattern: args.length === 0 ? '' : `{${args.map((w) => w.pattern.replace(/(^|[^\\]),/g, '$1\\,')).join(',')}}`, glob: args.length > 0 };
    this.vars.set('@', all);
    this.vars.set('*', all);
  }

  /** Runs `body` with $1, $2 … (and $@, $*) bound to these words, then restores what was there. */
  withPositional(args: readonly Word[], body: () => void, zero?: Word): void {
    const names = ['@', '*', ...args.map((_, i) => String(i + 1)), ...(zero ? ['0'] : [])];
    const saved = names.map((n) => this.vars.get(n));
    const valueOf = (w: Word): VarValue => (w.value !== undefined && !w.glob ? literalVar(w.value) : { value: undefined, pattern: w.pattern, glob: true });
    args.forEach((w, i) => this.vars.set(String(i + 1), valueOf(w)));
    // `sh -c 'cat $0' .env`: the first word after the script is $0.
    if (zero) this.vars.set('0', valueOf(zero));
    const all: VarValue = args.length === 1 ? this.vars.get('1')! : { value: undefined, pattern: `{${args.map((w) => w.pattern.replace(/(^|[^\\]),/g, '$1\\,')).join(',')}}`, glob: true };
    this.vars.set('@', all);
    this.vars.set('*', all);
    try {
      body();
    } finally {
      names.forEach((n, i) => {
        const v = saved[i];
        if (v === undefined) this.vars.delete(n);
        else this.vars.set(n, v);
      });
    }
  }

  /** The command formed by an invocation's arguments from `index` on (`sudo -u x CMD ARGS`). */
  dispatchFrom(inv: Invocation, index: number, wrapper: string, extra: { stdin?: Stdin } = {}): void {
    const nameWord = inv.args[index];
    if (!nameWord) return;
    const inner: Invocation = {
      ...inv,
      name: '',
      nameWord,
      args: inv.args.slice(index + 1),
      assignments: [],
      via: [...inv.via, wrapper],
      stdin: extra.stdin ?? inv.stdin,
    };
    // `env X=1 cmd`: leading NAME=VALUE words are environment assignments.
    while (inner.nameWord.value !== undefined && /^[A-Za-z_][A-Za-z0-9_]*=/.test(inner.nameWord.value) && inner.args.length > 0) {
      const eq = inner.nameWord.value.indexOf('=');
      inner.assignments.push({ name: inner.nameWord.value.slice(0, eq), word: undefined });
      this.prefixAssignment(inner, { name: inner.nameWord.value.slice(0, eq), word: inner.nameWord });
      inner.nameWord = inner.args[0]!;
      inner.args = inner.args.slice(1);
    }
    this.dispatch(inner);
  }

  /** Another agent started with its own permission checks off runs outside every hook. */
  private agentGuardFlags(inv: Invocation): void {
    for (let i = 0; i < inv.args.length; i++) {
      const v = inv.args[i]!.value ?? '';
      const next = inv.args[i + 1]?.value ?? '';
      if (
        AGENT_UNGUARDED.test(v) ||
        (/^--(permission-mode|approval-mode|sandbox|ask-for-approval)$/.test(v) && /^(bypassPermissions|yolo|never|danger-full-access|acceptEdits)$/.test(next))
      ) {
        this.hitAt('perm.guard', `Starts an agent with its permission checks switched off (${v}).`, inv.frame, inv.args[i]!.start, inv.args[i]!.end);
      } else if (AGENT_CLIS.has(inv.name) && unguardedAgentFlag(v, next)) {
        this.hitAt('perm.guard', `Starts ${inv.name} with its own approvals or sandbox switched off (${v}${/^-/.test(next) || next === '' ? '' : ` ${next}`}).`, inv.frame, inv.args[i]!.start, inv.args[i]!.end);
      }
    }
  }

  /** Expanding a secret variable into a command prints or sends it. Tests (`[ -n "$TOKEN" ]`) only look. */
  private secretVarUse(inv: Invocation): void {
    if (['test', '[', '[[', ':', 'true', 'export', 'unset', 'local', 'declare', 'readonly'].includes(inv.name)) return;
    const seen = new Set<string>();
    // A here-string is the command's input: `cat <<< "$GITHUB_TOKEN"` prints it as surely as `echo` does.
    const here = this.herestrings.get(inv.node);
    for (const w of [inv.nameWord, ...inv.args, ...inv.redirects.flatMap((r) => (r.target ? [r.target] : [])), ...(here ? [here] : [])]) {
      for (const v of w.secretVars) {
        const key = `${v.start}:${v.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        this.hitAt('secret.env-var', `Puts the secret environment variable $${v.name} into a command, where it can be printed or sent.`, inv.frame, v.start, v.end);
      }
    }
  }

  /**
   * `export GIT_SSL_NO_VERIFY=1`, `NODE_TLS_REJECT_UNAUTHORIZED=0 npm install`: TLS checks off or another trust store.
   * Set in the shell it holds for every later command there (agents that type into a VS Code terminal keep it), as a
   * config change does: a permission. Set for one command it is that command's transfer only: a review, never silent.
   */
  private tlsVariable(name: string, word: Word | undefined, f: Frame, where: { start: number; end: number }, forLaterCommands: boolean): void {
    const value = word === undefined ? '' : word.value === undefined || word.glob ? undefined : word.value.replace(new RegExp(`^${name}=`), '');
    const why = tlsVariableEffect(name, value);
    if (!why) return;
    if (forLaterCommands) this.hitAt('perm.tls', `${why}, for every later command in this shell.`, f, where.start, where.end);
    else this.hitAt('net.command', `${why}, for this command.`, f, where.start, where.end);
  }

  /** `PAGER='cat .env' git log`: the value is code that the command runs. */
  private commandVar(name: string, word: Word | undefined, f: Frame): void {
    if (!word || !COMMAND_VARS.test(name)) return;
    if (word.value === undefined) {
      this.hitAt('opaque.dynamic-command', `Sets ${name}, a command line another program runs, to a value built at run time.`, f, word.start, word.end);
      return;
    }
    const code = word.value.replace(new RegExp(`^${name}=`), '').replace(/^\|+/, '');
    // A bare program name (`EDITOR=vim`, `BROWSER=none`) is only a name; a command line or a path is run.
    if (/[\s;|&$`<>()/]/.test(code.trim())) this.runScript(code, childOrigin(f.origin, word.start, word.end, false), f.nesting + 1);
  }

  private prefixAssignment(inv: Invocation, a: { name: string; word: Word | undefined }): void {
    this.commandVar(a.name, a.word, inv.frame);
    const where = a.word ?? inv.nameWord;
    if (loadsCode(a.name, a.word)) {
      this.hitAt('opaque.dynamic-command', `Sets ${a.name}, which loads other code into the command.`, inv.frame, where.start, where.end);
    }
    this.tlsVariable(a.name, a.word, inv.frame, where, false);
    if (/^GIT_CONFIG/.test(a.name) && /hookspath|fsmonitor|sshcommand/i.test(a.word?.value ?? a.word?.raw ?? '')) {
      this.hitAt('perm.git-hooks', 'Overrides git hook settings through the environment.', inv.frame, where.start, where.end);
    }
  }

  // ---- state ----

  setVar(name: string, word: Word | undefined, f: Frame): void {
    if (!name) return;
    // Values grow by concatenation (`v=$v$v`); past a few KB a value is unknown rather than tracked.
    const tooLong = word !== undefined && word.pattern.length > 4096;
    const v: VarValue = !word ? literalVar('') : tooLong ? UNKNOWN_VAR : word.value !== undefined && !word.glob ? literalVar(word.value) : { value: undefined, pattern: word.pattern || '*', glob: true };
    if (word?.decoded) v.decoded = true;
    this.vars.set(name, v);
    this.commandVar(name, word, f);
    if (name === 'GLOBIGNORE') this.dotglob = true;
    if (word) this.tlsVariable(name, word, f, word, true);
    if (word && loadsCode(name, word)) this.hitAt('opaque.dynamic-command', `Sets ${name}, which loads other code into later commands.`, f, word.start, word.end);
    if (name === 'PATH' && word) this.hitAt('exec.indirect', 'Changes PATH, so later command names may run other programs.', f, word.start, word.end);
  }

  private assign(n: SyntaxNode, f: Frame, standalone: boolean): void {
    const nameN = childByField(n, 'name');
    const valueN = childByField(n, 'value');
    const name = nameN ? f.source.slice(nameN.start, nameN.end).replace(/\[.*$/, '') : '';
    // `arr[$(cat .env)]=1`: an index is evaluated, and the commands in it run.
    if (nameN) for (const c of nameN.children) if (c.field === 'index') this.word(c, f);
    const word = valueN ? this.word(valueN, f) : undefined;
    if (standalone) this.setVar(name, word, f);
  }

  private declaration(n: SyntaxNode, f: Frame): void {
    const keyword = n.children.find((c) => !c.named);
    const kw = keyword ? f.source.slice(keyword.start, keyword.end) : '';
    let names = 0;
    const flags: string[] = [];
    for (const c of n.children) {
      if (c.type === 'variable_assignment') {
        names++;
        this.assign(c, f, true);
      } else if (c.type === 'variable_name') {
        names++;
        // `export F` after `read F` keeps its value; `local F` with no value makes it empty-unknown.
        if (kw !== 'export' && !this.vars.has(f.source.slice(c.start, c.end))) this.vars.set(f.source.slice(c.start, c.end), UNKNOWN_VAR);
      } else if (c.named) {
        const w = this.word(c, f);
        flags.push(w.value ?? '');
      }
    }
    if (flags.some((x) => /^-[a-zA-Z]*n/.test(x))) {
      // `declare -n r=X`: a name reference; what `$r` expands to is decided by later assignments to X.
      this.hitAt('opaque.dynamic-command', 'Declares a name reference, so variable values are resolved indirectly at run time.', f, n.start, n.end);
    }
    const printsAll = names === 0 && !flags.some((x) => /^-[a-zA-Z]*[fF]/.test(x)) && (kw === 'export' || kw === 'declare' || kw === 'typeset' || flags.includes('-p'));
    if (printsAll) {
      this.hitAt('secret.env-dump', 'Prints every environment variable, and environment variables often hold tokens.', f, n.start, n.end);
    }
  }

  private functionDef(n: SyntaxNode, f: Frame): void {
    const nameN = childByField(n, 'name');
    const name = nameN ? f.source.slice(nameN.start, nameN.end) : '';
    const body = childByField(n, 'body');
    if (!body) return;
    if (name) this.functions.set(name, { body, frame: f });
    if (name && callsItselfInPipeline(body, f.source, name)) {
      this.hitAt('destroy.forkbomb', `The function \`${name}\` starts copies of itself without end (a fork bomb).`, f, n.start, n.end);
    }
    this.statement(body, f, undefined);
  }

  private forLoop(n: SyntaxNode, f: Frame, stdin: Stdin | undefined): Invocation | undefined {
    const varN = childByField(n, 'variable');
    const values = n.children.filter((c) => c.field === 'value').map((c) => this.word(c, f));
    if (varN) {
      const name = f.source.slice(varN.start, varN.end);
      if (values.length === 0) this.vars.set(name, UNKNOWN_VAR);
      else if (values.length === 1 && !values[0]!.glob && values[0]!.value !== undefined) this.vars.set(name, literalVar(values[0]!.value));
      else {
        const pattern = values.length === 1 ? values[0]!.pattern : `{${values.map((v) => v.pattern.replace(/(^|[^\\]),/g, '$1\\,')).join(',')}}`;
        this.vars.set(name, { value: undefined, pattern, glob: true });
      }
    }
    const body = childByField(n, 'body');
    return body ? this.statement(body, f, stdin) : undefined;
  }
}

/** A grep that keeps only lines matching a plain, non-secret name (not -v, not a regex, not TOKEN/KEY/…). */
function narrowsToHarmless(inv: Invocation): boolean {
  if (!['grep', 'egrep', 'fgrep', 'rg'].includes(inv.name)) return false;
  const words = inv.args.map((w) => w.value ?? '');
  if (words.some((w) => /^-[a-zA-Z]*v/.test(w) || w === '--invert-match')) return false;
  const pattern = words.filter((w) => !w.startsWith('-'))[0];
  return pattern !== undefined && /^\^?[A-Za-z0-9_]+=?$/.test(pattern) && !grepMayShowSecrets(pattern);
}

/**
 * Whether setting this variable loads other code. Interpreter option variables do only through their loading
 * options (`NODE_OPTIONS=--require x`, `RUBYOPT=-rx`, `PERL5OPT=-Mx`): `NODE_OPTIONS=--max-old-space-size=4096` is a
 * memory limit. A value not known here may load anything.
 */
function loadsCode(name: string, word: Word | undefined): boolean {
  if (!PRELOAD_VARS.test(name)) return false;
  const opts = /^(NODE_OPTIONS|RUBYOPT|PERL5OPT)$/.exec(name)?.[1];
  if (!opts || !word) return true;
  if (word.value === undefined) return true;
  const v = word.value.replace(new RegExp(`^${name}=`), '');
  if (opts === 'NODE_OPTIONS') return /(^|\s)(-r|--require|--import|--loader|--experimental-loader|--experimental-specifier-resolution|--inspect\S*|--env-file\S*|-e|--eval|-p|--print)(\s|=|$)/.test(v);
  if (opts === 'RUBYOPT') return /(^|\s)-[a-zA-Z]*[rIe]/.test(v);
  return /(^|\s)-[a-zA-Z]*[MmdI]/.test(v);
}

/** Coding agents' own CLIs, whose short flags are read with their meaning there. */
const AGENT_CLIS = new Set(['claude', 'codex', 'gemini', 'cursor-agent', 'copilot', 'aider', 'opencode', 'amp', 'goose', 'qwen', 'crush', 'cline', 'continue', 'cn']);

/** A flag that lets the agent act without asking (`-y`, `-a never`, `-s danger-full-access`, `--force`, `Bash(*)`). */
function unguardedAgentFlag(flag: string, next: string): boolean {
  const [name, inline] = flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
  const value = inline ?? next;
  if (/^(-y|--yolo|--yes|--yes-always|--force|-f|--dangerously-\S+|--allow-all\S*|--trust-all\S*|--auto-approve\S*|--skip-permissions\S*|--no-sandbox|--full-auto)$/.test(name)) return true;
  if (/^(-a|--ask-for-approval|--approval-mode|--approval-policy|--permission-mode)$/.test(name)) return /^(never|yolo|auto_edit|bypassPermissions|acceptEdits|full-auto)$/i.test(value);
  if (/^(-s|--sandbox|--sandbox-mode)$/.test(name)) return /^(danger-full-access|none|off|false)$/i.test(value);
  if (/^(-c|--config)$/.test(name)) return /^(approval_policy\s*=\s*"?never|sandbox_mode\s*=\s*"?danger-full-access)/.test(value);
  // An allow-list that lets every shell command through (`Bash(*)`, `Bash`, `shell(*)`).
  if (/^(--allowed-?tools|--allow-tool|--allowedTools)$/i.test(name)) return /(^|[\s,])(Bash|Shell|shell|run_shell_command|bash)(\(\s*\*?\s*\))?(?=$|[\s,])/.test(value);
  return false;
}

function firstError(n: SyntaxNode): SyntaxNode | undefined {
  if (n.type === 'ERROR') return n;
  for (const c of n.children) {
    const e = firstError(c);
    if (e) return e;
  }
  return undefined;
}

function callsItselfInPipeline(body: SyntaxNode, source: string, name: string): boolean {
  const stack = [body];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'pipeline' || n.type === 'list') {
      const calls = n.children.filter((c) => c.type === 'command' && source.slice(c.start, c.end).trim().split(/\s+/)[0] === name);
      if (calls.length > 0 && (n.type === 'pipeline' || /&\s*$/.test(source.slice(n.start, n.end)) || calls.length > 1)) return true;
    }
    stack.push(...n.children);
  }
  return false;
}

/** The command a list's trailing redirects belong to: its last command, or the last stage of its last pipeline. */
function lastCommandOfList(list: SyntaxNode): { statement: SyntaxNode; command: SyntaxNode; before: SyntaxNode[] } | undefined {
  const statement = list.children.filter((c) => c.named && c.type !== 'comment').pop();
  if (statement?.type === 'command') return { statement, command: statement, before: [] };
  if (statement?.type !== 'pipeline') return undefined;
  const stages = statement.children.filter((c) => c.named && c.type !== 'comment');
  const command = stages.pop();
  return command?.type === 'command' ? { statement, command, before: stages } : undefined;
}
