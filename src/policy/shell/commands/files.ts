// Everyday file and text commands: what each one does to the files it names (read, list, write) decides whether a
// secret or protected path among them makes the command sensitive. Reading a secret is as sensitive as changing it.
import { isSecretEnvName } from '../../secrets/envNames';
import { parseArgs, text, valuesOf } from '../args';
import { outputOf } from '../output';
import { editTarget } from '../fileEdits';
import { checkPathWord, recordWrite } from '../pathArgs';
import type { ShellAnalyzer } from '../analyzer';
import { childOrigin, type Invocation } from '../types';
import { checkTreeRead } from '../treeReads';
import { holdsGuarded } from './destructive';
import { literalVar, syntheticWord, UNKNOWN_VAR, type Word } from '../words';
import { deleteLoss } from '../deleteLoss';
import { posix } from 'node:path';

/** One alternative of a brace pattern: glob characters and commas escaped. */
function escapeAlt(s: string): string {
  return s.replace(/[*?[\]{}\\,]/g, '\\$&');
}
import { files, plain, table, textOnly, type Handler, type HandlerTable } from './handler';
import { checkStdinNames, namesFromStdin } from './nameLists';
import { checkEditorCode } from './editorCode';

/**
 * Programs whose arguments are text, numbers or names, never files (echo's words, `basename PATH`, `which NAME`,
 * `man PAGE`, `sleep 5`): understood, so the argument sweep leaves them alone.
 */
const TEXT_ARGS = [
  'echo', 'true', 'false', ':', 'sleep', 'seq', 'yes', 'cal', 'expr', 'let', 'basename', 'dirname', 'which', 'whereis',
  'command_not_found_handle', 'exit', 'return', 'break', 'continue', 'shift', 'getopts', 'wait', 'jobs', 'fg', 'bg',
  'disown', 'times', 'hash', 'unalias', 'caller', 'compgen', 'complete', 'enable', 'pgrep', 'tr', 'id', 'groups',
  'whoami', 'numfmt', 'factor', 'jot',
];

/** Programs that print facts about the system; their arguments are swept like any other command's. */
const SYSTEM_INFO = [
  'clear', 'reset', 'uname', 'hostname', 'uptime', 'nproc', 'arch', 'lscpu', 'free', 'top', 'htop', 'ulimit', 'locale',
  'tty', 'pwd', 'dirs', 'sync', 'nvidia-smi', 'vmstat', 'iostat', 'w', 'who', 'last', 'lsb_release', 'sw_vers',
  'getconf', 'mktemp', 'column', 'shuf', 'timedatectl', 'lsblk', 'lsusb', 'lspci', 'ip', 'ifconfig', 'netstat', 'ss',
  'arp', 'route', 'wait4', 'suspend', 'bc', 'dc',
  // Mostly text, but each has an option that reads a file (`man -l`, `logger -f`, `date -f`, `say -f`).
  'date', 'tput', 'stty', 'logger', 'notify-send', 'say', 'cowsay', 'figlet', 'help', 'man', 'info', 'whatis', 'apropos',
  'tldr',
];

/** test / [: file tests only look at whether a path exists; the other operands are strings and numbers. */
const testCommand: Handler = (inv, a) => {
  const words = inv.name === '[' && inv.args[inv.args.length - 1]?.value === ']' ? inv.args.slice(0, -1) : inv.args;
  a.understand(inv, ...inv.args);
  words.forEach((w, i) => {
    const op = words[i - 1]?.value ?? '';
    const next = words[i + 1]?.value ?? '';
    const fileTest = /^-[a-hkprsuwxGLNOS]$/.test(op) || /^-(nt|ot|ef)$/.test(op) || /^-(nt|ot|ef)$/.test(next);
    if (fileTest) checkPathWord(a, inv, w, 'meta', { probe: true });
  });
};

/** Read file operands. Options listed take a value that is not a file (a number, a delimiter). */
const READERS: HandlerTable = {
  ...table(['cat', 'tac', 'rev', 'md5sum', 'md5', 'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'shasum', 'b2sum', 'cksum', 'sum', 'base32', 'zcat', 'bzcat', 'xzcat', 'zless', 'zmore', 'lz4cat', 'uuencode', 'uudecode', 'glow', 'mdcat', 'hexyl', 'xmllint', 'tidy', 'csvlook', 'csvstat', 'jless', 'expand', 'unexpand', 'iconv', 'pr', 'look'], files('read', { withValue: ['-t'] })),
  ...table(['bat', 'batcat', 'pygmentize', 'highlight', 'source-highlight'], files('read', { withValue: ['-l', '--language', '-r', '--line-range', '--theme', '--style', '-H', '--highlight-line'] })),
  ...table(['head', 'tail'], files('read', { withValue: ['-n', '-c', '--lines', '--bytes', '-s', '--pid', '--sleep-interval'] })),
  ...table(['less', 'more', 'most', 'view'], files('read', { withValue: ['-p', '-x', '-y', '-b', '-h', '-j', '-z'] })),
  od: files('read', { withValue: ['-j', '-N', '-A', '-t', '-w', '-S', '--skip-bytes', '--read-bytes', '--address-radix', '--format', '--width'] }),
  ...table(['hexdump', 'hd'], files('read', { withValue: ['-n', '-s', '-e'] })),
  xxd: files('read', { withValue: ['-c', '-g', '-l', '-s', '-o', '-n', '-cols', '-len', '-seek'] }),
  strings: files('read', { withValue: ['-n', '-t', '-e', '--bytes', '--radix', '--encoding'] }),
  nl: files('read', { withValue: ['-b', '-d', '-f', '-h', '-i', '-l', '-n', '-s', '-v', '-w'] }),
  ...table(['fold', 'fmt'], files('read', { withValue: ['-w', '--width'] })),
  base64: files('read', { withValue: ['-w', '--wrap'] }),
  ...table(['sort'], files('read', { withValue: ['-k', '--key', '-t', '--field-separator', '-S', '--buffer-size', '-T', '--temporary-directory', '--parallel'] })),
  ...table(['cut'], files('read', { withValue: ['-d', '--delimiter', '-f', '--fields', '-c', '--characters', '-b', '--bytes', '--output-delimiter'] })),
  ...table(['split', 'csplit'], files('read', { withValue: ['-l', '-b', '-n', '-a', '-C', '--lines', '--bytes', '--number', '-f', '--prefix'] })),
  ...table(['diff', 'sdiff', 'diff3', 'colordiff', 'delta', 'cmp', 'comm', 'wc', 'paste', 'uniq', 'join'], files('read', { withValue: ['-U', '-C', '--label', '-x', '-X', '-d', '-f', '-s', '-w', '-t', '-j', '-1', '-2', '-o', '-e', '-n'] })),
  ...table(['file'], files('meta', { withValue: ['-m', '-f', '-F', '-e'] })),
  // bash's `type` names commands, but cmd.exe's `type FILE` prints it: treat its words as files to be safe.
  type: files('read'),
};

/** List or test file metadata: a secret among them needs a look, not a click-through. */
const LISTERS: HandlerTable = table(
  ['ls', 'll', 'la', 'l', 'dir', 'vdir', 'exa', 'eza', 'lsd', 'tree', 'stat', 'du', 'df', 'realpath', 'readlink', 'namei', 'lsattr', 'getfacl', 'getcap', 'locate', 'mlocate', 'plocate', 'ncdu', 'dust', 'duf'],
  files('meta', { withValue: ['-I', '--ignore', '-L', '-P', '-d', '--max-depth', '-c', '--format', '--printf', '-t', '-w', '--block-size', '-B', '--hide', '--color', '--time-style', '-T', '--sort'] }),
);

/** `mv a b` onto an existing file replaces it: judged like deleting b (nothing lost when git has it, or it is
 *  this session's or an ignored build output; else a review naming it). */
function moveClobbers(a: ShellAnalyzer, inv: Invocation, sources: readonly Word[], dest: Word, flags: ReadonlySet<string>): void {
  const world = a.scope.git?.world;
  if (!world?.stat || [...flags].some((f) => f === '-n' || f === '--no-clobber' || f === '--update=none' || f === '-b' || f.startsWith('--backup'))) return;
  const to = dest.value !== undefined && !dest.glob && dest.vars.length === 0 ? a.resolve(dest.value) : undefined;
  if (!to) return;
  const st = world.stat(to);
  if (!st) return; // nothing there to replace
  let victims: Word[];
  if (st.kind === 'dir') {
    // Into a folder: each source replaces a same-named entry there, if any.
    victims = sources.flatMap((s) => {
      const from = s.value !== undefined && !s.glob ? a.resolve(s.value) : undefined;
      const into = from ? posix.join(to, posix.basename(from)) : undefined;
      return into && world.stat!(into) && world.stat!(into)!.kind !== 'dir' ? [syntheticWord(into.replace(/[*?[\]{}\\,]/g, '\\$&'), false, dest, dest.node)] : [];
    });
  } else victims = [dest];
  if (victims.length === 0) return;
  const loss = deleteLoss(a, victims, 'files');
  if (loss?.lost) a.hitOn('fs.delete', `Replaces ${loss.file} by moving another file onto it (mv); ${loss.file} ${loss.why}.`, inv, dest);
}

/** `cp SRC… DST`, `mv`, `install`, `ln`: sources are read (copied, linked), the destination written. */
function copyLike(srcAccess: 'read' | 'write'): Handler {
  return (inv, a) => {
    const p = parseArgs(inv.args, { withValue: ['-t', '--target-directory', '-S', '--suffix', '-m', '--mode', '-o', '--owner', '-g', '--group', '--backup', '--reflink', '--sparse', '-T'] });
    const target = p.values.get('-t')?.[0] ?? p.values.get('--target-directory')?.[0];
    const ops = p.operands;
    const dest = target ?? (ops.length > 1 ? ops[ops.length - 1] : undefined);
    const sources = target ? ops : ops.slice(0, -1);
    // `cp -r . /tmp/x` copies every file below each source, secrets included.
    const recursive = srcAccess === 'read' && inv.name === 'cp' && [...p.flags].some((f) => /^-[a-zA-Z]*[rRa]/.test(f) || f === '--recursive' || f === '--archive');
    for (const s of sources) {
      if (checkPathWord(a, inv, s, srcAccess)) continue;
      if (recursive) checkTreeRead(a, inv, s);
      else if (srcAccess === 'write') holdsGuarded(a, inv, s);
    }
    if (dest) {
      if (!checkPathWord(a, inv, dest, 'write') && inv.name === 'mv') moveClobbers(a, inv, sources, dest, p.flags);
      recordWrite(a, dest, undefined);
    }
    if (p.flags.has('-m') || p.flags.has('--mode') || p.flags.has('-o') || p.flags.has('--owner')) a.hitOn('perm.mode', `\`${inv.name}\` sets file modes or owners.`, inv);
  };
}

/** Writers: every operand is a file created or changed. */
const WRITERS: HandlerTable = {
  ...table(['touch', 'mkdir', 'truncate', 'mkfifo', 'mknod', 'sponge', 'dos2unix', 'unix2dos', 'fallocate'], (inv, a) => {
    files('write', { withValue: ['-m', '--mode', '-s', '--size', '-d', '--date', '-r', '--reference', '-t', '-l'] })(inv, a);
    // `mkdir -m 777 d`, `mkfifo --mode=0666 p`: the mode is set as the file is made.
    const mode = inv.args.findIndex((w) => /^(-m|--mode)(=.*)?$/.test(w.value ?? ''));
    const value = mode < 0 ? undefined : (inv.args[mode]!.value!.includes('=') ? inv.args[mode]!.value!.split('=')[1] : inv.args[mode + 1]?.value);
    if (value !== undefined && /(^|[^0-7])[0-7]?[0-7][0-7][2367]$|[ao][+=][rwx]*w|\+s|[ugo]*[+=][rwxXst]*s/.test(value)) a.hitOn('perm.mode', `Creates ${inv.name === 'mkdir' ? 'a folder' : 'a file'} that other users may write to, or setuid (mode ${value}).`, inv);
  }),
  tee: (inv, a) => {
    const p = parseArgs(inv.args);
    const append = [...p.flags].some((f) => f === '--append' || /^-[a-zA-Z]*a/.test(f));
    for (const w of p.operands) {
      checkPathWord(a, inv, w, 'write');
      recordWrite(a, w, inv.stdin);
      const target = editTarget(w, (q) => a.fileKey(q));
      const text = inv.stdin?.kind === 'text' ? inv.stdin.text : undefined;
      if (target) a.fileEdits.push({ op: append ? 'append' : 'write', path: target.path, text, producer: 'the command piped into tee', glob: target.glob });
    }
  },
  ...table(['cp', 'install', 'ditto'], copyLike('read')),
  ...table(['mv'], copyLike('write')),
  ...table(['ln', 'link'], copyLike('read')),
  ...table(['vi', 'vim', 'nvim', 'nano', 'pico', 'emacs', 'ed', 'ex', 'micro', 'kak', 'hx', 'joe', 'mcedit', 'code', 'code-insiders', 'codium', 'cursor', 'subl', 'gedit', 'kate', 'mate', 'open', 'xdg-open', 'gio'], (inv, a) => {
    for (const w of parseArgs(inv.args, { withValue: ['-c', '--cmd', '-u', '-a'] }).operands) {
      if (!checkPathWord(a, inv, w, 'read')) checkPathWord(a, inv, w, 'write');
    }
    if (['open', 'xdg-open', 'gio'].includes(inv.name)) a.hitOn('exec.indirect', `\`${inv.name}\` hands the file or URL to another application.`, inv);
    const t = inv.args.map((w) => w.value ?? '');
    // Editor commands run from the command line (vim -c ':!…', emacs --eval) are code.
    if (t.some((x) => /^(-c|--cmd|--eval|-eval|--exec|-x|-S)$/.test(x) || /^\+\S/.test(x))) a.hitOn('exec.interpreter', `Runs editor commands given on the command line (${inv.name}).`, inv);
    checkEditorCode(a, inv);
    if (t.some((x) => /^--(uninstall|disable)-extensions?/.test(x))) a.hitOn('perm.guard', 'Uninstalls or disables editor extensions, which can switch Countersign off.', inv);
    else if (t.some((x) => /^--install-extension/.test(x))) a.hitOn('pkg.install', 'Installs an editor extension.', inv);
  }),
};

/** Archivers read what they pack (a key in a tarball is a copied key) and write where they unpack. */
/** tar options whose value is a command tar runs (on each file, as the compressor, at checkpoints, per volume). */
const TAR_CODE = ['--to-command', '--use-compress-program', '-I', '--checkpoint-action', '--info-script', '--new-volume-script', '-F', '--rsh-command', '--rmt-command'];

/** Runs an archiver's command-valued options as shell code (`tar --to-command='cat ~/.ssh/id_rsa'`, `zip -TT CMD`). */
function archiverCode(inv: Invocation, a: ShellAnalyzer, tar: boolean, p: ReturnType<typeof parseArgs>): void {
  const code: Word[] = tar ? valuesOf(p, ...TAR_CODE) : [];
  inv.args.forEach((w, i) => {
    const v = w.value ?? '';
    if (!tar && (v === '-TT' || v === '--unzip-command') && inv.args[i + 1]) code.push(inv.args[i + 1]!);
    if (!tar && v.startsWith('--unzip-command=')) code.push({ ...w, value: v.slice(16) });
  });
  for (const c of code) {
    let word = c;
    // --checkpoint-action=exec=CMD runs CMD; the other actions (dot, echo, ttyout …) run nothing.
    if (tar && p.values.get('--checkpoint-action')?.includes(c) && c.value !== undefined) {
      if (!c.value.startsWith('exec=')) {
        a.understand(inv, c);
        continue;
      }
      word = { ...c, value: c.value.slice(5) };
    }
    if (!a.runWordAsScript(word, inv.frame)) a.hitOn('opaque.dynamic-command', `The command given to ${inv.name} is built at run time.`, inv, c);
  }
}

const archive: Handler = (inv, a) => {
  // tar's -O/-o/-p/-P/-x are flags (stdout, no-same-owner, permissions, absolute names, extract), not value options.
  const tar = /tar$/.test(inv.name);
  const p = parseArgs(inv.args, { withValue: tar ? ['-f', '--file', '-C', '--directory', '-T', '--files-from', '-X', '--exclude-from', '--exclude', '--transform', '-b', '--strip-components', ...TAR_CODE] : ['-f', '--file', '-C', '--directory', '-d', '-T', '--files-from', '-X', '--exclude-from', '--exclude', '-x', '-i', '-P', '-p', '-o', '-O', '--transform', '-b', '--strip-components'] });
  archiverCode(inv, a, tar, p);
  // Creating an archive of a folder reads every file below it (`tar czf out.tgz .`, `zip -r out.zip src`).
  const first = inv.args[0]?.value ?? '';
  const creates = tar ? p.flags.has('--create') || [...p.flags].some((f) => /^-[a-zA-Z]*c/.test(f)) || /^[a-zA-Z]*c[a-zA-Z]*$/.test(first) : /^(zip|7z|7za|7zz|rar)$/.test(inv.name);
  const members = /^(7z|7za|7zz|rar)$/.test(inv.name) ? p.operands.slice(2) : inv.name === 'zip' ? p.operands.slice(1) : tar && /^[a-zA-Z]*c[a-zA-Z]*f/.test(first) ? p.operands.slice(2) : p.operands;
  for (const w of [...p.operands, ...(p.values.get('-f') ?? []), ...(p.values.get('--file') ?? []), ...(p.values.get('-T') ?? []), ...(p.values.get('--files-from') ?? [])]) {
    if (!checkPathWord(a, inv, w, 'read') && creates && members.includes(w)) checkTreeRead(a, inv, w);
  }
  for (const w of [...(p.values.get('-C') ?? []), ...(p.values.get('--directory') ?? []), ...(p.values.get('-d') ?? [])]) checkPathWord(a, inv, w, 'write');
  if (namesFromStdin(inv, [...(p.values.get('-T') ?? []), ...(p.values.get('--files-from') ?? [])])) checkStdinNames(a, inv);
};

/** Directory changes move where later relative paths point (`cd ~/.ssh && cat id_rsa`). */
const NAVIGATION: HandlerTable = {
  ...table(['cd', 'pushd', 'chdir'], (inv, a) => {
    const target = parseArgs(inv.args).operands[0];
    if (!target) {
      a.cwd = inv.name === 'pushd' ? a.cwd : a.home;
      return;
    }
    checkPathWord(a, inv, target, 'meta');
    a.cwd = target.value !== undefined && target.value !== '-' && !target.glob ? a.resolve(target.value) : undefined;
  }),
  popd: (_inv, a) => {
    a.cwd = undefined;
  },
};

/** Shell built-ins that read or change state the analyzer tracks. */
const BUILTINS: HandlerTable = {
  read: (inv, a) => {
    a.understand(inv, ...inv.args);
    // `… | while read f; do cat "$f"; done`: f ranges over what the pipeline lists; `read f <<< .env` is .env.
    const p = parseArgs(inv.args, { withValue: ['-d', '-n', '-N', '-p', '-t', '-u', '-a', '-i'] });
    const pattern = inv.stdin?.kind === 'files' ? inv.stdin.pattern : undefined;
    const names = [...p.operands.map((w) => w.value), ...valuesOf(p, '-a').map((w) => w.value)].filter((x): x is string => !!x);
    const line = inv.stdin?.kind === 'text' ? (inv.stdin.text.split('\n')[0] ?? '') : undefined;
    const fields = line === undefined ? [] : line.trim().split(/\s+/);
    names.forEach((name, i) => {
      if (line !== undefined && !p.values.has('-a')) {
        const value = i === names.length - 1 ? fields.slice(i).join(' ') : (fields[i] ?? '');
        a.vars.set(name, literalVar(value));
      } else if (line !== undefined) a.vars.set(name, { value: undefined, pattern: `{${fields.map(escapeAlt).join(',')}}`, glob: true });
      else a.vars.set(name, pattern ? { value: undefined, pattern, glob: true } : { ...UNKNOWN_VAR, ...(inv.stdin?.kind === 'decoded' || inv.stdin?.kind === 'remote' ? { decoded: true } : {}) });
    });
  },
  ...table(['mapfile', 'readarray'], (inv, a) => {
    a.understand(inv, ...inv.args);
    const p = parseArgs(inv.args, { withValue: ['-d', '-n', '-O', '-s', '-u', '-C', '-c'] });
    const name = p.operands[0]?.value ?? 'MAPFILE';
    const lines = inv.stdin?.kind === 'text' ? inv.stdin.text.split('\n').filter(Boolean) : undefined;
    if (lines) a.vars.set(name, lines.length === 1 ? literalVar(lines[0]!) : { value: undefined, pattern: `{${lines.map(escapeAlt).join(',')}}`, glob: true });
    else a.vars.set(name, inv.stdin?.kind === 'files' ? { value: undefined, pattern: inv.stdin.pattern, glob: true } : UNKNOWN_VAR);
  }),
  printf: (inv, a) => {
    a.understand(inv, ...inv.args);
    // `printf -v f '%s' .env` assigns what printf would print.
    if (inv.args[0]?.value !== '-v' || !inv.args[1]?.value) return;
    const out = outputOf({ ...inv, args: inv.args.slice(2) }, a);
    a.vars.set(inv.args[1].value, out.kind === 'text' ? literalVar(out.text) : { ...UNKNOWN_VAR, decoded: out.kind === 'decoded' });
  },
  shopt: (inv, a) => {
    a.understand(inv, ...inv.args);
    const t = inv.args.map((w) => text(w));
    if (t.includes('-s') && (t.includes('dotglob') || t.includes('globstar'))) a.dotglob = a.dotglob || t.includes('dotglob');
  },
  set: (inv, a) => {
    // Options and new positional values ($1 …), which later commands are checked with.
    a.understand(inv, ...inv.args);
    if (inv.args.length === 0) a.hitCommand('secret.env-dump', '`set` prints every shell and environment variable; they often hold tokens.', inv);
    // `set -- .env; cat "$1"`: the words after -- (or the first non-option) become $1, $2, …
    const dash = inv.args.findIndex((w) => w.value === '--' || !/^[-+]/.test(w.value ?? '-'));
    if (dash < 0) return;
    const words = inv.args.slice(inv.args[dash]!.value === '--' ? dash + 1 : dash);
    a.setPositional(words);
  },
  printenv: (inv, a) => {
    a.understand(inv, ...inv.args);
    const names = parseArgs(inv.args).operands;
    if (names.length === 0) a.hitCommand('secret.env-dump', '`printenv` prints every environment variable; they often hold tokens.', inv);
    for (const n of names) {
      if (n.value === undefined) a.hitOn('secret.env-var', 'Prints environment variables whose names are chosen at run time.', inv, n);
      else if (isSecretEnvName(n.value)) {
        a.hitOn('secret.env-var', `Prints the secret environment variable ${n.value}.`, inv, n);
      }
    }
  },
  history: (inv, a) => a.hitOn('path.secret-listing', 'Shows shell history, which can contain typed secrets.', inv),
  alias: (inv, a) => {
    a.understand(inv, ...inv.args);
    if (inv.args.length > 0) a.hitOn('exec.indirect', 'Defines an alias, so a later command name may run something else.', inv);
    // `alias x='cat .env'`: the alias body is code that runs under the new name.
    for (const w of inv.args) codeAfter(a, inv, w, /^[^=\s]+=/);
  },
  trap: (inv, a) => {
    a.understand(inv, ...inv.args);
    // `trap 'cat .env' EXIT`: the first operand is code run on the signal ('-' and '' reset or ignore).
    const code = parseArgs(inv.args).operands[0];
    if (code && code.value !== '-' && !/^(\d+|SIG\w+|EXIT|ERR|DEBUG|RETURN|INT|TERM|HUP|QUIT)$/.test(code.value ?? '') && inv.args.length > 1) codeAfter(a, inv, code, /^/);
  },
  unset: textOnly,
  ps: (inv, a) => {
    // BSD-style `ps e`, `ps eww`, `ps auxe` print every process's environment.
    const env = inv.args.some((w) => /^[a-zA-Z]*e[a-zA-Z]*$/.test(w.value ?? '') && !(w.value ?? '').startsWith('-')) || inv.args.some((w) => w.value === '-E');
    if (env) a.hitCommand('secret.env-dump', 'Prints the environment of running processes (ps e), which often holds tokens.', inv);
  },
  umask: (inv, a) => {
    if (inv.args.length > 0) a.hitOn('perm.mode', 'Changes the default permissions of new files (umask).', inv);
  },
  ...table(['kill', 'pkill', 'killall', 'skill', 'xkill'], (inv, a) => {
    const joined = inv.args.map((w) => w.value ?? '').join(' ');
    if (inv.name === 'kill' && inv.args[inv.args.length - 1]?.value === '-1') {
      a.hitCommand('destroy.processes', 'Kills every process the user can signal (kill -1).', inv);
      return;
    }
    // The raw text too: `kill $(pgrep -f gate.js)` names the guard in what selects the processes.
    // The raw text too, and the rest of the command line: `kill $(pgrep -f gate.js)`, `pgrep -f countersign | xargs
    // kill`, `P=$(pgrep -f gate.js); kill $P` name the guard in what selects the processes.
    if (/countersign|gate\.js|cli\.js/i.test(joined + ' ' + inv.args.map((w) => w.raw).join(' ') + ' ' + inv.frame.source.slice(0, 4000))) a.hitOn('perm.guard', 'Stops processes that look like Countersign itself.', inv);
    else a.hitOn('proc.kill', `\`${inv.name}\` stops other processes.`, inv);
  }),
};

/** Runs the part of a word after `prefix` as shell code; a computed word is opaque. */
function codeAfter(a: ShellAnalyzer, inv: Invocation, w: Word, prefix: RegExp): void {
  if (w.value === undefined) {
    a.hitOn('opaque.dynamic-command', `\`${inv.name}\` is given code built at run time.`, inv, w);
    return;
  }
  const m = prefix.exec(w.value);
  if (!m) return;
  const code = w.value.slice(m[0].length);
  if (code.trim()) a.runScript(code, childOrigin(inv.frame.origin, w.start, w.end, false), inv.frame.nesting + 1);
}

export const FILE_COMMANDS: HandlerTable = {
  ...table(TEXT_ARGS, textOnly),
  ...table(SYSTEM_INFO, plain),
  ...table(['test', '['], testCommand),
  ...READERS,
  ...LISTERS,
  ...WRITERS,
  ...NAVIGATION,
  ...table(['tar', 'gtar', 'bsdtar', 'zip', 'unzip', 'gzip', 'gunzip', 'bzip2', 'bunzip2', 'xz', 'unxz', 'zstd', 'unzstd', 'lz4', '7z', '7za', '7zz', 'rar', 'unrar', 'cpio', 'pax'], archive),
  ...BUILTINS,
};

