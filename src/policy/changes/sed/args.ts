// sed's command line as GNU sed reads it: which scripts run, in which syntax, on which files, and whether the files
// are edited in place. Pure; the words are already the shell's values.
import { fail, type Result } from './regex';

export interface SedInvocation {
  inPlace: boolean;
  /** -i.bak: a backup copy is written too. */
  suffix?: string;
  scripts: string[];
  extended: boolean;
  quiet: boolean;
  files: string[];
}

const IGNORED_LONG = new Set(['--posix', '--debug', '--follow-symlinks', '--separate', '--unbuffered', '--sandbox']);

export function parseSedArgs(args: readonly string[]): Result<SedInvocation> {
  const inv: SedInvocation = { inPlace: false, scripts: [], extended: false, quiet: false, files: [] };
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      rest.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const [name, value] = eq >= 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
      if (name === '--in-place') {
        inv.inPlace = true;
        if (value) inv.suffix = value;
      } else if (name === '--expression') {
        const v = value ?? args[++i];
        if (v === undefined) return fail('sed -e without a script');
        inv.scripts.push(v);
      } else if (name === '--regexp-extended') inv.extended = true;
      else if (name === '--quiet' || name === '--silent') inv.quiet = true;
      else if (IGNORED_LONG.has(name)) continue;
      else return fail(`the sed option ${name} is not previewed`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'i') {
          inv.inPlace = true;
          const suffix = a.slice(j + 1);
          if (suffix) inv.suffix = suffix;
          break;
        }
        if (c === 'e') {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return fail('sed -e without a script');
          inv.scripts.push(v);
          break;
        }
        if (c === 'E' || c === 'r') inv.extended = true;
        else if (c === 'n') inv.quiet = true;
        else if (c === 's' || c === 'u') continue;
        else return fail(`the sed option -${c} is not previewed`);
      }
      continue;
    }
    rest.push(a);
  }
  if (inv.scripts.length === 0) {
    const script = rest.shift();
    if (script === undefined) return fail('sed without a script');
    inv.scripts.push(script);
  }
  inv.files = rest;
  return { ok: true, value: inv };
}
