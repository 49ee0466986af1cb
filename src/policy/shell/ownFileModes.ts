// A mode change that grants nothing: `chmod +x build.sh` on a script this session just wrote. Making the agent's own
// new file executable or private gives it nothing it could not do with `bash build.sh`; running it is judged by its
// content. Everything else about modes stays a permission change: setuid/setgid/sticky, write for group or others,
// recursion, --reference, a file the session did not create, or a target only known at run time.
import { parseArgs } from './args';
import type { Invocation } from './types';
import type { ShellAnalyzer } from './analyzer';

const QUIET_FLAGS = /^(-[vcf]+|--verbose|--changes|--silent|--quiet)$/;

/** Whether a chmod mode only sets read/execute bits, and write for the owner alone. */
export function grantsNothing(mode: string): boolean {
  const octal = /^0?([0-7])([0-7])([0-7])$/.exec(mode);
  if (octal) return (Number(octal[2]) & 2) === 0 && (Number(octal[3]) & 2) === 0;
  if (!/^[ugoa]*[-+=][rwxX]*(,[ugoa]*[-+=][rwxX]*)*$/.test(mode)) return false;
  return mode.split(',').every((clause) => {
    const [, who, op, perms] = /^([ugoa]*)([-+=])(.*)$/.exec(clause)!;
    // Taking bits away, or giving write to the owner only, widens nothing for anyone else.
    return op === '-' || !perms!.includes('w') || who === 'u';
  });
}

/** Why this chmod is safe (a sentence), or undefined when it stays a permission change. */
export function ownFileModeChange(inv: Invocation, a: ShellAnalyzer): string | undefined {
  if (inv.name !== 'chmod') return undefined;
  const words = inv.args.map((w) => w.value);
  if (words.some((w) => w === undefined)) return undefined;
  const flags = words.filter((w) => w!.startsWith('-') && !/^-[rwxX]+$/.test(w!));
  if (!flags.every((f) => QUIET_FLAGS.test(f!))) return undefined;
  const operands = parseArgs(inv.args, {}).operands;
  const [mode, ...files] = operands;
  if (!mode || files.length === 0 || mode.value === undefined || !grantsNothing(mode.value)) return undefined;
  const session = a.scope.files?.session;
  for (const f of files) {
    if (f.value === undefined || f.glob || f.vars.length > 0 || f.substitutions.length > 0 || f.decoded) return undefined;
    const here = a.written.get(a.fileKey(f.value));
    if (here && !here.remote) continue;
    const abs = a.resolve(f.value);
    const own = abs === undefined ? undefined : session?.file(abs);
    if (!own?.created || own.deleted) return undefined;
  }
  return `Changes the mode of ${files.length === 1 ? files[0]!.value : `${files.length} files`} this session wrote (chmod ${mode.value}): no setuid, no write for others.`;
}
