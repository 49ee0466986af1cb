// cmd.exe command lines (`cmd /c …`, Windows tools that take one): split at `&`, `&&`, `||` and `|` outside quotes,
// `^` escapes, redirections, and `%VAR%` expanded as cmd expands it before running (places like %USERPROFILE% and
// %APPDATA% become paths; a secret variable is a read of that secret; anything else is known only at run time).
import { grepMayShowSecrets } from '../secrets/envNames';
import { placeVar, type Part, type PsWord, type WordEnv } from './words';

export interface CmdCommand {
  name: string;
  words: PsWord[];
  start: number;
  end: number;
  /** `set` with no name, or a prefix that may show secrets: the message. */
  dump?: string;
}

type EnvRead = (name: string, start: number, end: number) => void;

function expand(raw: string, start: number, env: WordEnv, onEnv: EnvRead): { parts: Part[]; quoted: boolean } {
  const parts: Part[] = [];
  let quoted = false;
  const lit = (t: string): void => {
    const last = parts[parts.length - 1];
    if (last && 'lit' in last) last.lit += t;
    else parts.push({ lit: t });
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c === '^') {
      lit(raw[++i] ?? '');
      continue;
    }
    if (c === '"') {
      quoted = true;
      continue;
    }
    if (c === '%') {
      const m = /^%(~[a-z]*\d|\d|\*|([^%\s:]+)(:[^%]*)?%)/i.exec(raw.slice(i));
      if (m) {
        const name = m[2];
        if (name) {
          onEnv(name, start + i, start + i + m[0].length);
          const place = m[3] ? undefined : placeVar(name, env.home);
          if (place !== undefined) lit(place);
          else parts.push({ computed: m[0] });
        } else parts.push({ computed: m[0] });
        i += m[0].length - 1;
        continue;
      }
    }
    lit(c);
  }
  return { parts: parts.length > 0 ? parts : [{ lit: '' }], quoted };
}

/** The commands of a cmd.exe line, with `ok` false when a quote is left open. */
export function cmdCommands(line: string, env: WordEnv, onEnv: EnvRead): { commands: CmdCommand[]; ok: boolean } {
  const commands: CmdCommand[] = [];
  let words: { raw: string; start: number; end: number }[] = [];
  let cmdStart = 0;
  let i = 0;
  let ok = true;
  const flush = (end: number): void => {
    if (words.length > 0) commands.push(build(words, cmdStart, end, env, onEnv));
    words = [];
  };
  while (i < line.length) {
    const c = line[i]!;
    if (/[ \t\r\n,;=]/.test(c) && !(c === '=' && words.length > 0)) {
      if (c === '\n') {
        flush(i);
        cmdStart = i + 1;
      }
      i++;
      continue;
    }
    if (c === '&' || c === '|') {
      flush(i);
      i += line[i + 1] === c ? 2 : 1;
      cmdStart = i;
      continue;
    }
    if (c === '(' || c === ')') {
      // Blocks of `if (…) (…)` and `for … do (…)`: their commands are read like any other.
      flush(i);
      i++;
      cmdStart = i;
      continue;
    }
    const start = i;
    if (words.length === 0) cmdStart = start;
    const redirect = /^([12]?>>?|<)(&[12])?/.exec(line.slice(i));
    if (redirect) {
      words.push({ raw: redirect[0], start, end: start + redirect[0].length });
      i += redirect[0].length;
      continue;
    }
    let quote = false;
    while (i < line.length) {
      const d = line[i]!;
      if (d === '^' && !quote) {
        i += 2;
        continue;
      }
      if (d === '"') quote = !quote;
      else if (!quote && (/[ \t\r\n&|<>()]/.test(d) || (d === '>' && true))) break;
      i++;
    }
    if (quote) ok = false;
    words.push({ raw: line.slice(start, Math.min(i, line.length)), start, end: Math.min(i, line.length) });
  }
  flush(line.length);
  return { commands, ok };
}

function build(raw: { raw: string; start: number; end: number }[], start: number, end: number, env: WordEnv, onEnv: EnvRead): CmdCommand {
  const [first, ...rest] = raw;
  const name = expand(first!.raw, first!.start, env, onEnv).parts.map((p) => ('lit' in p ? p.lit : '')).join('');
  const words: PsWord[] = rest.map((r) => {
    const redirect = /^([12]?>>?|<)(&[12])?$/.exec(r.raw);
    if (redirect) return { raw: r.raw, start: r.start, end: r.end, parts: [], quoted: false, nested: [], env: [], redirect: r.raw };
    const { parts, quoted } = expand(r.raw, r.start, env, onEnv);
    return { raw: r.raw, start: r.start, end: r.end, parts, quoted, nested: [], env: [] };
  });
  const cmd: CmdCommand = { name: name.replace(/^@/, ''), words, start, end };
  if (cmd.name.toLowerCase() === 'set') {
    const arg = rest[0]?.raw.replace(/"/g, '');
    if (arg === undefined) cmd.dump = 'Prints every environment variable, secrets included (set).';
    else if (!arg.includes('=') && !/^\/[ap]$/i.test(arg) && grepMayShowSecrets(arg)) cmd.dump = `Prints the environment variables starting with ${arg}, which may hold secrets.`;
    if (!cmd.dump) cmd.name = 'rem'; // an assignment (or arithmetic): nothing is read
  }
  return cmd;
}
