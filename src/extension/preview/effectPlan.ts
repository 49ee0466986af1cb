// What a shell command would do to files, as far as it can be known without running it: chmod/chown/chgrp
// targets and their new mode or owner; files written by redirections and tee, with their new text when the
// producer is echo, printf, a heredoc or a here-string; sed -i scripts. Pure: the caller stats and reads.
import { parseMode, type ModeChange } from './fileMode';
import { compileSed, parseSedArgs, runSed, type SedCommand } from './sedScript';
import { commandName, parseCommandLine, unwrap, type SimpleCommand, type Word } from './shellWords';

export type EffectPlan =
  | { kind: 'mode'; spec: string; change: ModeChange; recursive: boolean; targets: Word[] }
  | { kind: 'owner'; command: 'chown' | 'chgrp'; owner?: string; group?: string; loginGroup: boolean; recursive: boolean; targets: Word[] }
  /** `content` undefined: the command's output cannot be known, only that the file is overwritten or appended to. */
  | { kind: 'write'; target: Word; append: boolean; content?: string; producer: string }
  | { kind: 'sed'; apply: (text: string) => string; targets: Word[]; backup?: string }
  | { kind: 'note'; text: string };

const WRITE_OPS = new Set(['>', '>>', '>|', '&>', '&>>']);
const DISCARD = new Set(['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/tty']);
/** Commands worth a "cannot preview" note when the line cannot be split. */
const INTERESTING = /\b(chmod|chown|chgrp|tee|sed)\b|>/;

function echoOutput(args: string[]): string {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i] as string); i++) {
    for (const f of (args[i] as string).slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const cut = text.indexOf('\\c');
    if (cut >= 0) {
      text = text.slice(0, cut);
      newline = false;
    }
    text = unescapeC(text);
  }
  return newline ? text + '\n' : text;
}

const C_ESCAPES: Record<string, string> = { '\\': '\\', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0' };

function unescapeC(text: string): string {
  return text.replace(/\\([\\abefnrtv0]|x[0-9a-fA-F]{1,2})/g, (_, e: string) =>
    e.startsWith('x') ? String.fromCharCode(parseInt(e.slice(1), 16)) : (C_ESCAPES[e] ?? e),
  );
}

/** printf with %s and %% only (the format is reused for extra arguments, as the shell does). */
function printfOutput(args: string[]): string | undefined {
  const [format, ...rest] = args;
  if (format === undefined) return undefined;
  const specs = format.match(/%./g) ?? [];
  if (specs.some((s) => s !== '%s' && s !== '%%')) return undefined;
  const per = specs.filter((s) => s === '%s').length;
  let out = '';
  let k = 0;
  do {
    out += unescapeC(format).replace(/%[s%]/g, (s) => (s === '%%' ? '%' : (rest[k++] ?? '')));
  } while (per > 0 && k < rest.length);
  return out;
}

/** What a command writes to stdout, when it is simple enough to know. */
function stdoutOf(cmd: SimpleCommand): string | undefined {
  const c = unwrap(cmd);
  const name = commandName(c);
  if (c.words.some((w) => w.dynamic)) return undefined;
  const args = c.words.slice(1).map((w) => w.text);
  switch (name) {
    case 'echo':
      return echoOutput(args);
    case 'printf':
      return printfOutput(args);
    case 'true':
    case ':':
      return '';
    case 'cat':
      return args.filter((a) => a !== '-').length === 0 ? stdinOf(c) : undefined;
    case 'tee':
      return stdinOf(c);
    case undefined:
      return c.words.length === 0 ? '' : undefined;
    default:
      return undefined;
  }
}

/** What a command reads on stdin: a heredoc, a here-string, or the output of the stage piped into it. */
function stdinOf(cmd: SimpleCommand): string | undefined {
  const input = [...cmd.redirects].reverse().find((r) => r.fd === 0 && (r.op === '<<' || r.op === '<<-' || r.op === '<<<' || r.op === '<'));
  if (input?.heredoc) return input.heredoc.expands && /[$`\\]/.test(input.heredoc.body) ? undefined : input.heredoc.body;
  if (input?.op === '<<<') return input.target.dynamic ? undefined : input.target.text + '\n';
  if (input) return undefined; // < file: its text is not read here
  return cmd.pipedFrom ? stdoutOf(cmd.pipedFrom) : undefined;
}

function producerName(cmd: SimpleCommand): string {
  const name = commandName(unwrap(cmd));
  return name ?? (cmd.words.length === 0 ? 'an empty command' : 'a command');
}

function splitOptions(args: Word[], withValue: RegExp): { options: string[]; rest: Word[] } {
  const options: string[] = [];
  const rest: Word[] = [];
  let done = false;
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as Word;
    if (!done && w.text === '--') done = true;
    else if (!done && w.text.startsWith('-') && w.text.length > 1 && !/^-[rwxXst]+$/.test(w.text)) {
      options.push(w.text);
      if (withValue.test(w.text)) i++;
    } else rest.push(w);
  }
  return { options, rest };
}

function recursive(options: string[]): boolean {
  return options.some((o) => o === '--recursive' || (/^-[a-zA-Z]+$/.test(o) && o.includes('R')));
}

function planChmod(args: Word[]): EffectPlan[] {
  const { options, rest } = splitOptions(args, /^$/);
  if (options.some((o) => o.startsWith('--reference'))) return [{ kind: 'note', text: 'chmod --reference copies another file\'s mode; not previewed.' }];
  const [mode, ...targets] = rest;
  if (!mode || mode.dynamic) return [{ kind: 'note', text: 'The new mode depends on a shell expansion; not previewed.' }];
  const change = parseMode(mode.text);
  if (!change) return [{ kind: 'note', text: `"${mode.text}" is not a mode chmod understands.` }];
  return [{ kind: 'mode', spec: mode.text, change, recursive: recursive(options), targets }];
}

function planOwner(command: 'chown' | 'chgrp', args: Word[]): EffectPlan[] {
  const { options, rest } = splitOptions(args, /^$/);
  if (options.some((o) => o.startsWith('--reference'))) return [{ kind: 'note', text: `${command} --reference copies another file's owner; not previewed.` }];
  const [spec, ...targets] = rest;
  if (!spec || spec.dynamic) return [{ kind: 'note', text: 'The new owner depends on a shell expansion; not previewed.' }];
  if (command === 'chgrp') return [{ kind: 'owner', command, group: spec.text, loginGroup: false, recursive: recursive(options), targets }];
  const m = /^([^:.]*)(?:[:.](.*))?$/.exec(spec.text);
  const owner = m?.[1] || undefined;
  const sep = spec.text.includes(':') || (spec.text.includes('.') && !owner?.includes('.'));
  const group = m?.[2] || undefined;
  return [{ kind: 'owner', command, owner, group, loginGroup: sep && !group && !!owner, recursive: recursive(options), targets }];
}

function planSed(args: Word[]): EffectPlan[] {
  if (args.some((w) => w.dynamic)) return [{ kind: 'note', text: 'The sed script or files depend on a shell expansion; not previewed.' }];
  const inv = parseSedArgs(args.map((w) => w.text));
  if (!inv.ok) return [{ kind: 'note', text: `Cannot preview this sed edit: ${inv.why}.` }];
  if (!inv.value.inPlace) return [];
  const programs: SedCommand[][] = [];
  for (const script of inv.value.scripts) {
    const p = compileSed(script, inv.value.extended);
    if (!p.ok) return [{ kind: 'note', text: `Cannot preview this sed edit: ${p.why}.` }];
    programs.push(p.value);
  }
  const targets = args.filter((w) => inv.value.files.includes(w.text));
  const quiet = inv.value.quiet;
  // runSed starts every range afresh, so one plan runs over several files independently, as sed -i does.
  return [{ kind: 'sed', apply: (text) => runSed(programs, text, quiet), targets, backup: inv.value.suffix }];
}

function planRedirects(cmd: SimpleCommand): EffectPlan[] {
  const plans: EffectPlan[] = [];
  for (const r of cmd.redirects) {
    const fileTarget = WRITE_OPS.has(r.op) || (r.op === '>&' && !/^(\d+|-)$/.test(r.target.text));
    if (!fileTarget || DISCARD.has(r.target.text)) continue;
    if (r.target.dynamic) {
      plans.push({ kind: 'note', text: 'Output is redirected to a file named by a shell expansion; not previewed.' });
      continue;
    }
    const append = r.op === '>>' || r.op === '&>>';
    const out = r.fd === 1 || r.op.startsWith('&') || r.op === '>&' ? stdoutOf(cmd) : knownQuiet(cmd) ? '' : undefined;
    plans.push({ kind: 'write', target: r.target, append, content: out, producer: producerName(cmd) });
  }
  return plans;
}

/** Commands that never write to stderr in ordinary use (their `2>` target ends up empty). */
function knownQuiet(cmd: SimpleCommand): boolean {
  const name = commandName(unwrap(cmd));
  return name === 'echo' || name === 'printf' || name === 'true' || name === ':';
}

function planTee(cmd: SimpleCommand, args: Word[]): EffectPlan[] {
  const { options, rest } = splitOptions(args, /^$/);
  const append = options.some((o) => o === '--append' || (/^-[a-z]+$/.test(o) && o.includes('a')));
  const content = stdinOf(cmd);
  return rest.map((target) =>
    target.dynamic
      ? { kind: 'note', text: 'tee writes to a file named by a shell expansion; not previewed.' }
      : { kind: 'write', target, append, content, producer: cmd.pipedFrom ? producerName(cmd.pipedFrom) : 'tee' },
  );
}

/** Every file effect of a command line, in execution order. Empty when the command touches no file this way. */
export function planEffects(command: string): EffectPlan[] {
  const parsed = parseCommandLine(command);
  if (!parsed.ok) return INTERESTING.test(command) ? [{ kind: 'note', text: `Countersign cannot preview this command's effect: ${parsed.why}.` }] : [];
  const plans: EffectPlan[] = [];
  for (const raw of parsed.commands) {
    const cmd = unwrap(raw);
    const name = commandName(cmd);
    const args = cmd.words.slice(1);
    if (name === 'chmod') plans.push(...planChmod(args));
    else if (name === 'chown' || name === 'chgrp') plans.push(...planOwner(name, args));
    else if (name === 'sed') plans.push(...planSed(args));
    else if (name === 'tee') plans.push(...planTee(cmd, args));
    plans.push(...planRedirects(cmd));
  }
  return plans;
}
