// Seeded generator of hostile hook payloads: text that is not JSON, JSON of the wrong shape and types, huge and
// deeply nested values, unicode tricks (bidi, zero-width, homoglyph command names, NUL), binary, and real
// attacks from the bypass suite dressed in every agent's envelope with noise around them. Each payload says what
// the policy owes it: `sensitive` (a known attack: at least sensitive), `notSafe` (not understood: never safe),
// or `any` (ordinary or random work: any verdict, but an answer).
import type { AgentName } from '../../../src/policy';
import { AGENTS, SHELL_FORMATS } from './agentFormats';
import { BYPASS_CLASSES, ORDINARY } from './bypassCases';

export type Expect = 'sensitive' | 'notSafe' | 'any';

export interface FuzzCase {
  /** The exact stdin text (one line: no raw newline). */
  text: string;
  agent: AgentName;
  expect: Expect;
  kind: string;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BIDI = ['\u202e', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\u200f', '\u061c'];
const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e'];
/** Letters that look like Latin ones: Cyrillic, Greek, fullwidth. */
const HOMOGLYPH: Record<string, string[]> = { s: ['\u0455', '\uff53'], u: ['\u03c5', '\uff55'], d: ['\u0501', '\uff44'], o: ['\u043e', '\u03bf', '\uff4f'], c: ['\u0441', '\uff43'], a: ['\u0430', '\uff41'], t: ['\u03c4', '\uff54'], e: ['\u0435', '\uff45'], h: ['\u04bb'], m: ['\uff4d'], i: ['\u0456'], p: ['\u0440'] };

/** Sensitive commands short enough to repeat thousands of times (the 300 KB budget cases are generated apart). */
const ATTACKS = BYPASS_CLASSES.flatMap((c) => c.variants).filter((v) => v.length < 4000);
const SENSITIVE_CORE = ['cat .env', 'sudo id', 'chmod 777 deploy.sh', 'cat ~/.ssh/id_rsa', 'cat ~/.aws/credentials', 'gh auth token', 'env'];

/** Draws from one random sequence: the fuzzer and the differential tests' generators build on it. */
export class Draws {
  constructor(protected readonly r: () => number) {}
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
}

export class Fuzzer extends Draws {
  constructor(readonly seed: number) {
    super(prng(seed));
  }

  /** Random code points from every plane, surrogates and controls included (but no raw newline). */
  junk(len: number): string {
    let s = '';
    for (let i = 0; i < len; i++) {
      const k = this.int(10);
      let cp: number;
      if (k < 4) cp = 0x20 + this.int(0x5f);
      else if (k < 5) cp = this.int(0x20);
      else if (k < 6) cp = 0xd800 + this.int(0x800); // lone surrogates
      else if (k < 7) cp = this.pick([...BIDI, ...INVISIBLE]).codePointAt(0)!;
      else if (k < 8) cp = 0x10000 + this.int(0x100000);
      else cp = 0x80 + this.int(0xff00);
      if (cp === 0x0a || cp === 0x0d) cp = 0x20;
      s += cp >= 0xd800 && cp < 0xe000 ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    }
    return s;
  }

  /** A random JSON value of bounded size. */
  value(depth = 0): unknown {
    const k = this.int(depth > 4 ? 6 : 9);
    switch (k) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1e308, -0, 2 ** 53 + 1, 3.14, NaN]);
      case 3:
      case 4:
        return this.junk(this.int(40));
      case 5:
        return this.pick(['Bash', 'cat .env', '/home/dev/.ssh/id_rsa', '', '{}', '[]', 'run_shell_command', 'apply_patch']);
      case 6:
        return Array.from({ length: this.int(5) }, () => this.value(depth + 1));
      default: {
        const o: Record<string, unknown> = {};
        const keys = ['tool_name', 'tool_input', 'command', 'cwd', 'file_path', 'hook_event_name', 'toolArgs', 'toolName', 'tool_call', 'preToolUse', 'input', '__proto__', 'constructor', this.junk(5)];
        for (let i = this.int(6); i > 0; i--) o[this.pick(keys)] = this.value(depth + 1);
        return o;
      }
    }
  }

  /** Nested arrays or objects `depth` levels deep around `inner`. */
  nested(depth: number, inner: unknown): unknown {
    let v = inner;
    for (let i = 0; i < depth; i++) v = this.chance(0.5) ? [v] : { a: v };
    return v;
  }

  /** Noise that keeps a command's meaning: unicode in a quoted echo or a comment, extra spaces. */
  decorate(command: string): string {
    const noise = this.junk(1 + this.int(12)).replace(/['\\]/g, '');
    switch (this.int(4)) {
      case 0:
        return `${command} # ${noise}`;
      case 1:
        return `echo '${noise}'; ${command}`;
      case 2:
        return `  ${command}  `;
      default:
        return command;
    }
  }

  /** A command name a human would read as `sudo`/`cat` but that is another string (homoglyphs, invisibles, bidi). */
  disguise(word: string): string {
    const chars = [...word];
    const i = this.int(chars.length);
    switch (this.int(3)) {
      case 0: {
        const alt = HOMOGLYPH[chars[i]!];
        if (alt) chars[i] = this.pick(alt);
        else chars.splice(i, 0, this.pick(INVISIBLE));
        break;
      }
      case 1:
        chars.splice(i, 0, this.pick(INVISIBLE));
        break;
      default:
        chars.splice(i, 0, this.pick(BIDI));
    }
    return chars.join('');
  }

  /**
   * Changes to an envelope that may make it unreadable (then it must not be safe either). `replaced`: the mutation
   * removed or overwrote the action itself, so what is left is random (any verdict is right, but one is owed).
   */
  mutateEnvelope(p: Record<string, unknown>): { payload: Record<string, unknown>; replaced: boolean } {
    const o = { ...p };
    const keys = Object.keys(o);
    const key = this.pick(keys);
    const replaced = /^(command|tool_input|toolArgs|tool_call|preToolUse)$/.test(key);
    switch (this.int(6)) {
      case 0:
        delete o[key];
        return { payload: o, replaced };
      case 1:
        o[key] = this.value(2);
        return { payload: o, replaced };
      case 2:
        o.cwd = this.pick([['/home/dev/proj'], 42, '', 'relative/dir', '/', '~', '\u202e/home/dev/proj']);
        break;
      case 3:
        o[this.junk(4)] = this.value(1);
        break;
      case 4:
        if (typeof o.hook_event_name === 'string') o.hook_event_name = this.pick(['pretooluse', 'PRETOOLUSE', ' PreToolUse', 'BeforeTool', '']);
        break;
      default:
        if (typeof o.tool_name === 'string') o.tool_name = this.pick(['bash', 'BASH', 'Bash ', 'Bash\u200b', 'shell', 'unknown_tool', '']);
    }
    return { payload: o, replaced: false };
  }

  /** One case. */
  next(): FuzzCase {
    const agent = this.pick(AGENTS);
    const wrap = (command: string) => SHELL_FORMATS[agent](command);
    const json = (v: unknown) => JSON.stringify(v);
    const k = this.int(100);
    if (k < 8) return { kind: 'not-json', agent, expect: 'notSafe', text: this.pick([this.junk(1 + this.int(200)), '{"tool_name": "Bash", "tool_input": {"command": "ls"', "{'tool_name':'Bash'}", 'undefined', '{"a":1}}', '\u0000\u0001\u0002', '{"tool_input":{"command":"cat .env"}']) };
    if (k < 12) return { kind: 'binary', agent, expect: 'any', text: Array.from({ length: 1 + this.int(300) }, () => String.fromCharCode(this.int(256))).join('').replace(/[\n\r]/g, ' ') };
    if (k < 18) return { kind: 'non-object', agent, expect: 'notSafe', text: json(this.pick([42, 'cat .env', null, true, [], [wrap('ls')], Number('1e400'), '']) ) };
    if (k < 30) {
      const extra = this.value(0);
      return { kind: 'random-object', agent, expect: 'notSafe', text: json({ garbage: this.value(0), ...(extra !== null && typeof extra === 'object' && !Array.isArray(extra) ? extra : {}) }) };
    }
    if (k < 38) {
      // ('' is not here: an empty command is understood, it does nothing.)
      const bad = this.pick<unknown>([42, null, true, ['cat', '.env', 5], { command: 'cat .env' }, { nested: { deeper: 'sudo id' } }, [], this.junk(20), 1.5, undefined]);
      const p = wrap('ls');
      const input = p.tool_input ?? p.toolArgs;
      if (input && typeof input === 'object') (input as Record<string, unknown>).command = bad;
      else if ('command' in p) p.command = bad;
      else return { kind: 'wrong-type', agent, expect: typeof bad === 'string' ? 'any' : 'notSafe', text: json({ ...p, tool_call: { name: 'run_commands', input: { commands: bad } }, preToolUse: { toolName: 'run_commands', parameters: { commands: bad } } }) };
      // A wrong-typed command may still be read (an argv array `['cat', '.env', 5]` is `cat .env`): never safe. A
      // random string is a command like any other (`#…` is a comment, and safe).
      return { kind: 'wrong-type', agent, expect: typeof bad === 'string' ? 'any' : 'notSafe', text: json(p) };
    }
    if (k < 42) {
      // Built as text: JSON.stringify itself overflows the stack at these depths.
      const depth = this.pick([50, 500, 5000, 20000]);
      const [open, close] = this.chance(0.5) ? ['[', ']'] : ['{"a":', '}'];
      return { kind: 'deep-json', agent, expect: 'notSafe', text: `${open.repeat(depth)}${json(this.chance(0.5) ? wrap('cat .env') : 'x')}${close.repeat(depth)}` };
    }
    if (k < 44) {
      const depth = this.pick([100, 1000]);
      const p = wrap('ls');
      return { kind: 'deep-input', agent, expect: 'any', text: json({ ...p, extra: this.nested(depth, 'sudo id') }) };
    }
    if (k < 46 && this.chance(0.1)) {
      const big = this.chance(0.5) ? `echo ${'A'.repeat(300_000)}` : `${'cat .env; '.repeat(30_000)}`;
      return { kind: 'huge-command', agent, expect: 'sensitive', text: json(wrap(big)) };
    }
    if (k < 48 && this.chance(0.1)) {
      const p = wrap(this.pick(SENSITIVE_CORE));
      return { kind: 'huge-field', agent, expect: 'sensitive', text: json({ ...p, transcript_path: this.junk(20), padding: 'x'.repeat(this.pick([1000, 100_000, 1_000_000])) }) };
    }
    if (k < 60) {
      const core = this.pick(ATTACKS);
      return { kind: 'attack', agent, expect: 'sensitive', text: json(wrap(this.chance(0.3) ? this.decorate(core) : core)) };
    }
    if (k < 68) {
      const core = this.pick(SENSITIVE_CORE);
      const p = wrap(this.decorate(core));
      // Unicode tricks in the fields around the command (the description, ids) do not hide it.
      for (const key of ['description', 'session_id', 'sessionId', 'transcript_path']) if (key in p) p[key] = this.junk(30);
      const input = (p.tool_input ?? p.toolArgs) as Record<string, unknown> | undefined;
      if (input && typeof input === 'object') input.description = this.junk(30);
      return { kind: 'unicode-around', agent, expect: 'sensitive', text: json(p) };
    }
    if (k < 76) {
      const [name, ...rest] = this.pick(['sudo id', 'cat README.md', 'chmod 777 x', 'ls -la', 'rm -rf /tmp/x', 'curl https://example.com']).split(' ');
      // bash looks up exactly these bytes: another program (or none); an unknown command is never safe.
      return { kind: 'disguised-name', agent, expect: 'notSafe', text: json(wrap([this.disguise(name!), ...rest].join(' '))) };
    }
    if (k < 80) {
      const core = this.pick(SENSITIVE_CORE);
      // NUL: bash never sees past it (argv is a C string); what comes before still counts.
      return { kind: 'nul', agent, expect: 'sensitive', text: json(wrap(`${core}\u0000${this.junk(10)}`)) };
    }
    if (k < 88) {
      const core = this.pick(ATTACKS);
      const m = this.mutateEnvelope(wrap(core));
      return { kind: 'mutated-envelope', agent, expect: m.replaced ? 'any' : 'notSafe', text: json(m.payload) };
    }
    if (k < 94) return { kind: 'ordinary', agent, expect: 'any', text: json(wrap(this.pick(ORDINARY))) };
    // Random shell: tokens of shell syntax, secrets and noise glued together.
    const tokens = ['cat', '.env', 'ls', '|', '&&', ';', '$(', ')', '`', "'", '"', '<<', 'EOF', '\\', 'sudo', '~/.ssh/id_rsa', '*', '{a,b}', '$X', '${X:-', '}', 'bash -c', '>', '<', '#', '(', 'eval', this.junk(3)];
    const cmd = Array.from({ length: 1 + this.int(15) }, () => this.pick(tokens)).join(this.pick([' ', '', '  ']));
    return { kind: 'random-shell', agent, expect: 'any', text: json(wrap(cmd)) };
  }
}

/** Reads FUZZ_SEED (a number, or `random`), else the fixed seed CI uses. */
export function seedFromEnv(fixed = 0x5eed7): number {
  const v = process.env.FUZZ_SEED;
  if (v === 'random') return Math.floor(Math.random() * 2 ** 31);
  return v && Number.isFinite(Number(v)) ? Number(v) : fixed;
}
