// A small shell word splitter for the effect preview: simple commands, pipelines, lists, quotes, redirections and
// heredocs. It only has to be right about what it accepts: anything it does not understand (command substitution,
// subshells, compound commands, expansions) makes the preview say "cannot preview" instead of guessing.
// The policy engine has its own real parser for classification; this never decides anything. Pure.

export interface Word {
  /** The word after quote removal. */
  text: string;
  /** The word as a glob pattern: unquoted * ? [ stay special, quoted ones are backslash-escaped. */
  pattern: string;
  /** Has an unquoted glob character. */
  glob: boolean;
  /** Depends on an expansion the preview cannot do ($VAR, ~, {a,b}). */
  dynamic: boolean;
}

export type RedirectOp = '>' | '>>' | '>|' | '&>' | '&>>' | '<' | '<<' | '<<-' | '<<<' | '>&' | '<&' | '<>';

export interface Redirect {
  op: RedirectOp;
  /** File descriptor redirected (1 for > and >>, 0 for <). */
  fd: number;
  target: Word;
  /** For << and <<-: the body, and whether the shell would expand $ and ` in it (unquoted delimiter). */
  heredoc?: { body: string; expands: boolean };
}

export interface SimpleCommand {
  words: Word[];
  redirects: Redirect[];
  /** The command whose stdout feeds this one through a pipe. */
  pipedFrom?: SimpleCommand;
}

export type Parsed = { ok: true; commands: SimpleCommand[] } | { ok: false; why: string };

const GLOB = new Set(['*', '?', '[']);
const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'select', '{', '}', '[[', ']]', '!', 'coproc']);

class Unsupported extends Error {}

interface Token {
  kind: 'word' | 'op' | 'newline';
  word?: Word;
  /** Operator text: ; & && || | |& or a redirection operator. */
  op?: string;
  /** IO number before a redirection (2> …). */
  fd?: number;
  /** For << and <<-: the redirection, whose body the lexer fills at the next newline. */
  heredoc?: Redirect;
}

class Lexer {
  private i = 0;
  private readonly pendingHeredocs: Redirect[] = [];
  /** Whether the last word had any quoting (a quoted heredoc delimiter turns expansion off). */
  private lastQuoted = false;

  constructor(private readonly s: string) {}

  all(): Token[] {
    const out: Token[] = [];
    for (let t = this.next(); t; t = this.next()) out.push(t);
    this.readHeredocBodies();
    return out;
  }

  private readHeredocBodies(): void {
    for (const r of this.pendingHeredocs.splice(0)) {
      const delim = r.target.text;
      const lines: string[] = [];
      let found = false;
      while (this.i < this.s.length) {
        const nl = this.s.indexOf('\n', this.i);
        const line = this.s.slice(this.i, nl < 0 ? this.s.length : nl);
        this.i = nl < 0 ? this.s.length : nl + 1;
        const cmp = r.op === '<<-' ? line.replace(/^\t+/, '') : line;
        if (cmp === delim) {
          found = true;
          break;
        }
        lines.push(cmp);
      }
      if (!found) throw new Unsupported('a heredoc is not terminated');
      if (r.heredoc) r.heredoc.body = lines.map((l) => l + '\n').join('');
    }
  }

  private skipBlanks(): void {
    const s = this.s;
    while (this.i < s.length && (s[this.i] === ' ' || s[this.i] === '\t' || (s[this.i] === '\\' && s[this.i + 1] === '\n'))) {
      this.i += s[this.i] === '\\' ? 2 : 1;
    }
  }

  private next(): Token | undefined {
    const s = this.s;
    this.skipBlanks();
    if (this.i >= s.length) return undefined;
    const c = s[this.i] as string;
    if (c === '#') {
      while (this.i < s.length && s[this.i] !== '\n') this.i++;
      return this.next();
    }
    if (c === '\n') {
      this.i++;
      this.readHeredocBodies();
      return { kind: 'newline' };
    }
    if (c === '(' || c === ')') throw new Unsupported('subshells are not previewed');
    // IO number: digits directly followed by < or >.
    const io = /^(\d+)(?=[<>])/.exec(s.slice(this.i, this.i + 12));
    if (io) {
      this.i += io[1]!.length;
      return this.redirection(Number(io[1]));
    }
    if (c === '<' || c === '>') return this.redirection(undefined);
    if (c === '&' && s[this.i + 1] === '>') {
      const op = s[this.i + 2] === '>' ? '&>>' : '&>';
      this.i += op.length;
      return { kind: 'op', op, fd: 1 };
    }
    for (const op of ['&&', '||', '|&', ';;', ';', '&', '|']) {
      if (s.startsWith(op, this.i)) {
        if (op === ';;') throw new Unsupported('case statements are not previewed');
        this.i += op.length;
        return { kind: 'op', op };
      }
    }
    return { kind: 'word', word: this.word() };
  }

  private redirection(fd: number | undefined): Token {
    const s = this.s;
    for (const op of ['<<<', '<<-', '<<', '>>', '>|', '>&', '<&', '<>', '>', '<'] as const) {
      if (!s.startsWith(op, this.i)) continue;
      if ((op === '<' || op === '>') && s[this.i + 1] === '(') throw new Unsupported('process substitution is not previewed');
      this.i += op.length;
      if (op === '<<' || op === '<<-') {
        this.skipBlanks();
        if (this.i >= s.length || META.has(s[this.i] as string)) throw new Unsupported('a heredoc without a delimiter');
        const target = this.word();
        const r: Redirect = { op, fd: fd ?? 0, target, heredoc: { body: '', expands: !this.lastQuoted } };
        this.pendingHeredocs.push(r);
        return { kind: 'op', op, fd, heredoc: r };
      }
      return { kind: 'op', op, fd };
    }
    throw new Unsupported('unexpected redirection');
  }

  /** One word, with quote removal. */
  private word(): Word {
    const s = this.s;
    let text = '';
    let pattern = '';
    let glob = false;
    let dynamic = false;
    this.lastQuoted = false;
    const start = this.i;
    const literal = (ch: string) => {
      text += ch;
      pattern += GLOB.has(ch) || ch === '\\' ? `\\${ch}` : ch;
    };
    while (this.i < s.length) {
      const c = s[this.i] as string;
      if (META.has(c)) break;
      if (c === '`') throw new Unsupported('command substitution is not previewed');
      if (c === '\\') {
        const n = s[this.i + 1];
        this.i += 2;
        this.lastQuoted = true;
        if (n === undefined) break;
        if (n !== '\n') literal(n);
        continue;
      }
      if (c === "'") {
        const end = s.indexOf("'", this.i + 1);
        if (end < 0) throw new Unsupported('an unterminated quote');
        for (const ch of s.slice(this.i + 1, end)) literal(ch);
        this.i = end + 1;
        this.lastQuoted = true;
        continue;
      }
      if (c === '"') {
        this.i++;
        this.lastQuoted = true;
        for (;;) {
          if (this.i >= s.length) throw new Unsupported('an unterminated quote');
          const d = s[this.i] as string;
          if (d === '"') break;
          if (d === '`' || (d === '$' && s[this.i + 1] === '(')) throw new Unsupported('command substitution is not previewed');
          if (d === '$' && /[A-Za-z_{0-9@*#?$!-]/.test(s[this.i + 1] ?? '')) dynamic = true;
          if (d === '\\' && '$`"\\\n'.includes(s[this.i + 1] ?? '')) {
            if (s[this.i + 1] !== '\n') literal(s[this.i + 1] as string);
            this.i += 2;
            continue;
          }
          literal(d);
          this.i++;
        }
        this.i++;
        continue;
      }
      if (c === '$') {
        const n = s[this.i + 1] ?? '';
        if (n === '(') throw new Unsupported('command substitution is not previewed');
        if (n === "'") throw new Unsupported("$'…' strings are not previewed");
        if (/[A-Za-z_{0-9@*#?$!-]/.test(n)) dynamic = true;
      }
      if ((c === '~' && this.i === start) || c === '{') dynamic = true;
      if (GLOB.has(c)) glob = true;
      text += c;
      pattern += c;
      this.i++;
    }
    return { text, pattern, glob, dynamic };
  }
}

/** Splits a command line into simple commands (in order), linking each pipeline stage to the one feeding it. */
export function parseCommandLine(line: string): Parsed {
  let tokens: Token[];
  try {
    tokens = new Lexer(line).all();
  } catch (err) {
    if (err instanceof Unsupported) return { ok: false, why: err.message };
    throw err;
  }
  const commands: SimpleCommand[] = [];
  let current: SimpleCommand = { words: [], redirects: [] };
  let pipeFrom: SimpleCommand | undefined;
  const finish = (pipe: boolean): string | undefined => {
    if (current.words.length === 0 && current.redirects.length === 0) {
      if (pipe || pipeFrom) return 'an empty pipeline stage';
    } else {
      if (pipeFrom) current.pipedFrom = pipeFrom;
      commands.push(current);
    }
    pipeFrom = pipe ? current : undefined;
    current = { words: [], redirects: [] };
    return undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    let problem: string | undefined;
    if (t.kind === 'newline') problem = finish(false);
    else if (t.kind === 'word') {
      const w = t.word as Word;
      if (current.words.length === 0 && KEYWORDS.has(w.text) && w.text === w.pattern) return { ok: false, why: `"${w.text}" blocks are not previewed` };
      if (current.words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(w.text)) return { ok: false, why: 'variable assignments are not previewed' };
      current.words.push(w);
    } else if (t.heredoc) current.redirects.push(t.heredoc);
    else {
      const op = t.op as string;
      if (op === '|' || op === '|&') problem = finish(true);
      else if (op === '&&' || op === '||' || op === ';' || op === '&') problem = finish(false);
      else {
        const next = tokens[i + 1];
        if (next?.kind !== 'word' || !next.word) return { ok: false, why: 'a redirection without a target' };
        i++;
        current.redirects.push({ op: op as RedirectOp, fd: t.fd ?? (op.startsWith('<') ? 0 : 1), target: next.word });
      }
    }
    if (problem) return { ok: false, why: problem };
  }
  const problem = finish(false);
  if (problem) return { ok: false, why: problem };
  return { ok: true, commands };
}

/** The command name with any directory stripped (`/usr/bin/chmod` → `chmod`). */
export function commandName(cmd: SimpleCommand): string | undefined {
  const w = cmd.words[0];
  if (!w || w.dynamic) return undefined;
  return w.text.slice(w.text.lastIndexOf('/') + 1);
}

/** Drops wrappers that run their arguments as the command (sudo, env, command, nice, timeout, nohup, doas). */
export function unwrap(cmd: SimpleCommand): SimpleCommand {
  const words = [...cmd.words];
  for (let guard = 0; guard < 8; guard++) {
    const name = words[0]?.text.slice(words[0].text.lastIndexOf('/') + 1);
    if (!name) break;
    let skip: number;
    if (name === 'sudo' || name === 'doas') {
      skip = 1;
      while (words[skip]?.text.startsWith('-')) {
        const opt = words[skip]!.text;
        skip += /^-[ugCDhprT]$/.test(opt) ? 2 : 1;
      }
    } else if (name === 'env') {
      skip = 1;
      while (words[skip] && (words[skip]!.text.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[skip]!.text))) {
        skip += /^-[uCS]$/.test(words[skip]!.text) ? 2 : 1;
      }
    } else if (name === 'command' || name === 'nohup' || name === 'exec') {
      skip = 1;
      while (words[skip]?.text.startsWith('-')) skip++;
    } else if (name === 'nice') {
      skip = 1;
      while (words[skip]?.text.startsWith('-')) skip += words[skip]!.text === '-n' ? 2 : 1;
    } else if (name === 'timeout') {
      skip = 1;
      while (words[skip]?.text.startsWith('-')) skip += /^-[sk]$/.test(words[skip]!.text) ? 2 : 1;
      skip++; // the duration
    } else break;
    words.splice(0, skip);
  }
  return { ...cmd, words };
}
