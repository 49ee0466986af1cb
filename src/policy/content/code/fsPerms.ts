// File permissions loosened from inside code: a chmod to a world-writable mode (`os.chmod(p, 0o777)`,
// `fs.chmodSync(p, '666')`, `os.Chmod(p, os.ModePerm)`, `from_mode(0o777)`, `setWritable(true, false)`,
// `PosixFilePermissions.fromString("rwxrwxrwx")`), a umask that lets others write every new file (`umask(0)`), and
// switching to root (`setuid(0)`). Modes given when creating a file or folder (`os.MkdirAll(d, 0777)`) are left
// alone: the process umask still applies and that idiom is everywhere. Shell scripts are judged as shell commands.
import { addedMatches, excerpt, type Change, type Findings } from './change';

/** An octal mode literal in any spelling: 0o777, 0777, '777', "0666", 511 (decimal 0777), 438 (decimal 0666). */
function worldWritable(args: string): boolean {
  if (/\bS_IWOTH\b|\bS_IRWXO\b|\bOTHERS_WRITE\b|\bos\.ModePerm\b|\bfs\.ModePerm\b|['"][ugoa]*[oa][ugoa]*\+[rwxX]*w|['"]rw[x-]rw[x-]rw[x-]?['"]/.test(args)) return true;
  for (const m of args.matchAll(/\b0[oO]?([0-7]{3,4})\b|['"]0?([0-7]{3,4})['"]|(?<![\w.])(\d{3})(?![\w.])/g)) {
    const oct = m[1] ?? m[2];
    if (oct) {
      if (parseInt(oct, 8) & 0o002) return true;
      continue;
    }
    const dec = Number(m[3]);
    if ((dec === 511 || dec === 438 || dec === 509 || dec === 502) && dec & 0o002) return true;
  }
  return false;
}

const CHMOD = /\b(?:chmod|Chmod|chmodSync|lchmod|fchmod|chmod_R|set_permissions|setPosixFilePermissions|from_mode|Permissions)\s*\(([^\n]{0,200})/g;
const SET_WRITABLE = /\bset(?:Writable|Readable|Executable)\s*\(\s*true\s*,\s*false\s*\)/g;
const UMASK = /\b(?:umask|Umask)\s*\(\s*(0[oOxX]?0*|0[oO]?[0-7]{1,4}|\d+)\s*\)/g;
const SETUID = /\b(?:os\.|syscall\.|unix\.|Process::Sys\.|POSIX::|process\.)?[Ss]et(?:e|re|res)?[ug]id\s*\(\s*0\s*[,)]/g;

function looseUmask(raw: string): boolean {
  const v = /^0[xX]/.test(raw) ? parseInt(raw, 16) : /^0[oO]?[0-7]/.test(raw) || raw === '0' ? parseInt(raw.replace(/^0[oO]/, ''), 8) : Number(raw);
  return !(v & 0o002);
}

export function fsPermissions(ch: Change, out: Findings): void {
  // Counted by the loosening ones only: chmod 0o700 → 0o777 keeps the number of chmod calls but adds a loose one.
  for (const m of addedMatches(ch, CHMOD, 'code', (x) => worldWritable(x.groups[0] ?? ''))) {
    out.added('perm.mode', m, `\`${excerpt(m.text, 60)}\`: makes a file writable by every user.`);
  }
  for (const m of addedMatches(ch, SET_WRITABLE, 'code', (x) => /Writable/.test(x.text))) {
    out.added('perm.mode', m, `\`${excerpt(m.text, 60)}\`: makes a file writable by every user.`);
  }
  for (const m of addedMatches(ch, UMASK, 'code', (x) => looseUmask(x.groups[0]!))) {
    out.added('perm.mode', m, `\`${excerpt(m.text)}\`: every file the process creates will be writable by other users.`);
  }
  for (const m of addedMatches(ch, SETUID)) out.added('perm.elevate', m, `\`${excerpt(m.text)}\`: switches the process to root.`);
}
