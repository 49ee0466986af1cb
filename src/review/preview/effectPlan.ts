// What a shell command would do to files' modes and owners: chmod/chown/chgrp targets and their new mode or owner.
// (The text of files a command writes comes from the policy's `changes`.) Pure: the caller stats.
import { parseMode, type ModeChange } from './fileMode';
import { commandName, parseCommandLine, unwrap, type Word } from './shellWords';

export type EffectPlan =
  | { kind: 'mode'; spec: string; change: ModeChange; recursive: boolean; targets: Word[] }
  | { kind: 'owner'; command: 'chown' | 'chgrp'; owner?: string; group?: string; loginGroup: boolean; recursive: boolean; targets: Word[] }
  | { kind: 'note'; text: string };

/** Commands worth a "cannot preview" note when the line cannot be split. */
const INTERESTING = /\b(chmod|chown|chgrp)\b/;

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
  }
  return plans;
}
