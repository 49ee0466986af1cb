// Commands that run another command: privilege elevation (sudo, su, doas, pkexec), environment and scheduling
// prefixes (env, command, nice, nohup, timeout, stdbuf, …), and fan-out (xargs, watch, flock, script). The wrapped
// command is analyzed as if it were typed directly; elevation adds its own finding.
import { parseArgs, valueOf, type OptionSpec } from '../args';
import { checkPathWord } from '../pathArgs';
import { syntheticWord, type Word } from '../words';
import { table, textOnly, type Handler, type HandlerTable } from './handler';
import { childOrigin } from '../types';

/** Runs the command that starts at the first operand (after `skip` leading operands such as timeout's DURATION). */
function wrapper(spec: OptionSpec, skip = 0): Handler {
  return (inv, a) => {
    const p = parseArgs(inv.args, { ...spec, stopAtOperand: true });
    const index = p.operandIndex + skip;
    if (index < inv.args.length) a.dispatchFrom(inv, index, inv.name);
  };
}

const SUDO_VALUES = ['-u', '-g', '-p', '-C', '-D', '-h', '-r', '-t', '-U', '-T', '--user', '--group', '--prompt', '--close-from', '--chdir', '--host', '--role', '--type', '--other-user', '--command-timeout'];

const sudo: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: SUDO_VALUES, stopAtOperand: true });
  const user = valueOf(p, '-u', '--user')?.value;
  a.hitOn('perm.elevate', `Runs a command with elevated privileges (${inv.name}${user ? ` as ${user}` : ''}).`, inv);
  if (inv.name === 'sudoedit' || p.flags.has('-e') || p.flags.has('--edit')) {
    for (const w of p.operands) checkPathWord(a, inv, w, 'write');
    return;
  }
  if (p.operandIndex < inv.args.length) a.dispatchFrom(inv, p.operandIndex, inv.name);
};

/** su / runuser: `-c CMD` is a shell command line. */
const su: Handler = (inv, a) => {
  a.hitOn('perm.elevate', `Switches user with ${inv.name}.`, inv);
  const p = parseArgs(inv.args, { withValue: ['-c', '--command', '-s', '--shell', '-g', '--group', '-G', '--supp-group', '-u', '--user', '-w', '--whitelist-environment'] });
  const cmd = valueOf(p, '-c', '--command');
  if (cmd && !a.runWordAsScript(cmd, inv.frame)) a.hitOn('opaque.dynamic-command', 'The command given to su is built at run time.', inv, cmd);
  const dash = inv.args.findIndex((w) => w.value === '--');
  if (inv.name === 'runuser' && dash >= 0) a.dispatchFrom(inv, dash + 1, inv.name);
};

const env: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string', '-P', '--default-signal', '--ignore-signal', '--block-signal'], stopAtOperand: true });
  const split = valueOf(p, '-S', '--split-string');
  if (split) {
    if (!a.runWordAsScript(split, inv.frame)) a.hitOn('opaque.dynamic-command', 'env -S runs a command built at run time.', inv, split);
    return;
  }
  const dir = valueOf(p, '-C', '--chdir');
  if (dir?.value) a.cwd = a.resolve(dir.value);
  let index = p.operandIndex;
  while (index < inv.args.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(inv.args[index]!.value ?? '')) index++;
  if (index >= inv.args.length) {
    a.hitCommand('secret.env-dump', '`env` prints every environment variable; they often hold tokens.', inv);
    return;
  }
  a.dispatchFrom(inv, p.operandIndex, 'env');
};

const command: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { stopAtOperand: true });
  if (p.flags.has('-v') || p.flags.has('-V')) return; // lookup only
  if (p.operandIndex < inv.args.length) a.dispatchFrom(inv, p.operandIndex, inv.name);
};

/** xargs runs CMD with words read from stdin: files a pipeline listed, or literal text. */
const xargs: Handler = (inv, a) => {
  const p = parseArgs(inv.args, {
    withValue: ['-d', '-E', '-I', '-L', '-n', '-P', '-s', '-a', '--arg-file', '--delimiter', '--max-args', '--max-procs', '--replace', '--max-lines', '--eof', '--max-chars', '--process-slot-var'],
    stopAtOperand: true,
  });
  const argFile = valueOf(p, '-a', '--arg-file');
  if (argFile) checkPathWord(a, inv, argFile, 'read');
  const at = inv.nameWord;
  const inputs: Word[] = [];
  if (inv.stdin?.kind === 'files') inputs.push(syntheticWord(inv.stdin.pattern, true, at, at.node));
  else if (inv.stdin?.kind === 'text') {
    for (const t of inv.stdin.text.split(/\s+/).filter(Boolean).slice(0, 64)) inputs.push(syntheticWord(t.replace(/[*?[\]{}\\,]/g, '\\$&'), false, at, at.node));
  } else if (inv.stdin) {
    // Words the policy cannot see: a run-time value (`… | xargs printenv` prints whatever names arrive).
    inputs.push({ ...syntheticWord('*', true, at, at.node), value: undefined, vars: ['xargs input'] });
  }
  const replace = valueOf(p, '-I', '--replace')?.value;
  const cmdIndex = p.operandIndex;
  const cmd = inv.args.slice(cmdIndex);
  // -I STR replaces STR inside words too (`xargs -I % sh -c 'cat %'` runs `sh -c 'cat .env'`).
  const substitute = (w: Word, i: Word): Word =>
    w.value === replace ? { ...i, start: w.start, end: w.end } : { ...w, value: i.value === undefined ? undefined : w.value!.split(replace!).join(i.value), pattern: w.pattern.split(replace!).join(i.pattern), glob: w.glob || i.glob };
  const args = replace
    ? cmd.flatMap((w) => (w.value?.includes(replace) && inputs.length > 0 ? inputs.map((i) => substitute(w, i)) : [w]))
    : [...cmd, ...inputs.map((i) => ({ ...i, start: at.start, end: at.end }))];
  const nameWord = (replace ? args[0] : cmd[0]) ?? syntheticWord('echo', false, at, at.node);
  const rest = cmd[0] ? args.slice(1) : args;
  if (inv.stdin?.kind === 'remote' && ['sh', 'bash', 'zsh', 'eval'].includes(nameWord.value ?? '')) {
    a.hitOn('opaque.remote-code', 'Runs downloaded text through xargs into a shell.', inv);
  }
  a.dispatch({ ...inv, name: '', nameWord, args: rest, assignments: [], redirects: [], stdin: undefined, via: [...inv.via, 'xargs'] });
};

/** watch/script/flock -c: their command is a shell command line. */
function shellLine(valueFlags: string[], joinOperands: boolean): Handler {
  return (inv, a) => {
    const p = parseArgs(inv.args, { withValue: ['-n', '--interval', '-w', '--wait', '--timeout', '-E', '--conflict-exit-code', ...valueFlags], stopAtOperand: true });
    const cmd = valueOf(p, ...valueFlags);
    if (cmd) {
      if (!a.runWordAsScript(cmd, inv.frame)) a.hitOn('opaque.dynamic-command', `The command given to ${inv.name} is built at run time.`, inv, cmd);
      return;
    }
    // `flock FILE -c CMD`: the lock file comes first, the command option after it.
    const late = inv.name === 'flock' ? inv.args.findIndex((w, i) => i > p.operandIndex && /^(-c|--command)$/.test(w.value ?? '')) : -1;
    if (late >= 0 && inv.args[late + 1]) {
      if (!a.runWordAsScript(inv.args[late + 1]!, inv.frame)) a.hitOn('opaque.dynamic-command', 'The command given to flock is built at run time.', inv);
      return;
    }
    if (inv.name === 'flock' && p.operandIndex + 1 < inv.args.length) {
      a.dispatchFrom(inv, p.operandIndex + 1, 'flock');
      return;
    }
    if (joinOperands && p.operandIndex < inv.args.length) {
      const words = inv.args.slice(p.operandIndex);
      if (words.length === 1) {
        if (!a.runWordAsScript(words[0]!, inv.frame)) a.hitOn('opaque.dynamic-command', `The command given to ${inv.name} is built at run time.`, inv);
      } else a.dispatchFrom(inv, p.operandIndex, inv.name);
    }
  };
}

/** Enters other namespaces or roots: privileged by nature. */
function privileged(what: string, spec: OptionSpec, skip = 0): Handler {
  const inner = wrapper(spec, skip);
  return (inv, a) => {
    a.hitOn('perm.elevate', `${what} (${inv.name}).`, inv);
    inner(inv, a);
  };
}

/** Tracers attach to other processes (`strace -p`, `gdb -p`) and can read their memory. */
function tracer(spec: OptionSpec): Handler {
  const inner = wrapper(spec);
  return (inv, a) => {
    if (inv.args.some((w) => /^(-p|--pid|--attach)/.test(w.value ?? ''))) a.hitOn('perm.elevate', `Attaches ${inv.name} to a running process, which can read its memory and secrets.`, inv);
    else inner(inv, a);
  };
}

/** tmux: new sessions, windows and panes, run-shell and popups run a shell command; send-keys types one. */
const tmux: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['-t', '-s', '-n', '-c', '-x', '-y', '-F', '-e', '-l', '-p', '-w', '-h', '-T', '-S', '-L', '-f', '-N'] });
  const [sub, ...rest] = p.operands;
  const name = (sub?.value ?? '').toLowerCase();
  if (!/^(new|new-session|new-window|neww|split-window|splitw|respawn-pane|respawnp|respawn-window|respawnw|run-shell|run|display-popup|popup|send-keys|send|if-shell|if|pipe-pane|pipep)$/.test(name)) return;
  const words = name.startsWith('send') ? rest.filter((w) => !/^(Enter|C-m|C-j|KPEnter)$/i.test(w.value ?? '')) : rest;
  if (words.length === 0) return;
  if (words.some((w) => w.value === undefined)) {
    a.hitOn('opaque.dynamic-command', `The command given to tmux ${name} is built at run time.`, inv);
    return;
  }
  const code = words.map((w) => w.value!).join(name.startsWith('send') ? '' : ' ');
  a.runScript(code, childOrigin(inv.frame.origin, words[0]!.start, words[words.length - 1]!.end, false), inv.frame.nesting + 1);
};

/** gdb/lldb -ex 'shell CMD' (or `!CMD`) runs a shell command; -ex 'python …' runs Python. */
function debuggerCommands(inner: Handler): Handler {
  return (inv, a) => {
    for (let i = 0; i < inv.args.length - 1; i++) {
      if (!/^(-ex|--eval-command|-iex|--init-eval-command|-o|--one-line|-O|--one-line-before-file)$/.test(inv.args[i]!.value ?? '')) continue;
      const w = inv.args[i + 1]!;
      const v = w.value;
      if (v === undefined) {
        a.hitOn('opaque.dynamic-command', `The ${inv.name} command is built at run time.`, inv, w);
        continue;
      }
      const shellCmd = /^\s*(?:shell|platform\s+shell|!)\s*(.*)$/s.exec(v);
      if (shellCmd?.[1]) a.runScript(shellCmd[1], childOrigin(inv.frame.origin, w.start, w.end, false), inv.frame.nesting + 1);
      else if (/^\s*(python|pi|script|pipe|\|)\b/.test(v)) a.hitOn('opaque.interpreter', `Runs code inside ${inv.name} (${v.split(/\s/)[0]}).`, inv, w);
    }
    inner(inv, a);
  };
}

export const WRAPPER_COMMANDS: HandlerTable = {
  tmux,
  ...table(['screen'], wrapper({ withValue: ['-S', '-c', '-e', '-h', '-p', '-T', '-t', '-X', '-Logfile', '-s'] })),
  ...table(['sudo', 'sudoedit', 'doas', 'pkexec', 'run0', 'please', 'gosu', 'su-exec'], sudo),
  ...table(['su', 'runuser', 'ksu'], su),
  env,
  ...table(['command', 'builtin'], command),
  exec: wrapper({ withValue: ['-a'] }),
  ...table(['nice'], wrapper({ withValue: ['-n', '--adjustment'] })),
  // Each with its own options: a flag read as taking a value would swallow the command (`setsid -f sudo id`).
  ...table(['nohup', 'setsid', 'unbuffer', 'catchsegv', 'dbus-run-session', 'dbus-launch', 'chronic', 'torsocks', 'torify', 'tsocks'], wrapper({})),
  caffeinate: wrapper({ withValue: ['-t', '-w'] }),
  'xvfb-run': wrapper({ withValue: ['-f', '--auth-file', '-s', '--server-args', '-n', '--server-num', '-e', '--error-file', '-p', '--xauth-protocol', '-w', '--wait'] }),
  ...table(['proxychains', 'proxychains4'], wrapper({ withValue: ['-f'] })),
  time: wrapper({ withValue: ['-f', '--format', '-o', '--output'] }),
  timeout: wrapper({ withValue: ['-s', '--signal', '-k', '--kill-after'] }, 1),
  ionice: wrapper({ withValue: ['-c', '--class', '-n', '--classdata', '-p', '--pid', '-P', '--pgid', '-u', '--uid'] }),
  stdbuf: wrapper({ withValue: ['-i', '-o', '-e', '--input', '--output', '--error'] }),
  chrt: wrapper({ withValue: ['-T', '-P', '-D'] }, 1),
  taskset: wrapper({}, 1),
  cgexec: wrapper({ withValue: ['-g'] }),
  firejail: wrapper({}),
  bwrap: wrapper({ withValue: ['--bind', '--ro-bind', '--dev-bind', '--chdir', '--setenv', '--unsetenv', '--tmpfs', '--proc', '--dev', '--symlink', '--dir', '--file', '--uid', '--gid', '--hostname'] }),
  ...table(['busybox', 'toybox'], (inv, a) => {
    if (inv.args.length > 0) a.dispatchFrom(inv, 0, inv.name);
  }),
  xargs,
  watch: shellLine([], true),
  script: shellLine(['-c', '--command'], false),
  flock: shellLine(['-c', '--command'], false),
  // capsh -- ARGS hands ARGS to bash (`capsh -- -c 'cmd'`).
  capsh: (inv, a) => {
    a.hitOn('perm.elevate', 'Changes process capabilities (capsh).', inv);
    const dash = inv.args.findIndex((w) => w.value === '--');
    if (dash >= 0) a.dispatch({ ...inv, name: '', nameWord: syntheticWord('bash', false, inv.nameWord, inv.nameWord.node), args: inv.args.slice(dash + 1), assignments: [], via: [...inv.via, 'capsh'] });
  },
  nsenter: privileged('Enters another process namespace', { withValue: ['-t', '--target', '-S', '--setuid', '-G', '--setgid', '-w', '--wd', '-r', '--root'] }),
  unshare: privileged('Runs a command in new namespaces', { withValue: ['--map-user', '--map-group', '--propagation', '--setgroups', '-S', '-G', '-R', '-w'] }),
  chroot: privileged('Runs a command inside another root directory', { withValue: ['--userspec', '--groups'] }, 1),
  ...table(['strace', 'ltrace'], tracer({ withValue: ['-e', '-o', '-s', '-p', '-u', '-E', '-a', '-b', '-X', '-P'] })),
  ...table(['gdb', 'lldb'], debuggerCommands(tracer({ withValue: ['-x', '-ex', '-p', '--pid', '-iex', '--eval-command', '-o', '-O', '--one-line'] }))),
  valgrind: wrapper({}),
  'systemd-run': (inv, a) => {
    a.hitOn('system.service', 'Starts a command as a system service (systemd-run).', inv);
    // As a system unit (no --user) it runs as root unless told otherwise; --uid=0 says so outright.
    const words = inv.args.map((w) => w.value ?? '');
    const uid = words.find((w, i) => /^--uid=/.test(w) || (words[i - 1] === '--uid'));
    if ((uid !== undefined && /^(?:--uid=)?(0|root)$/.test(uid)) || (!words.includes('--user') && uid === undefined && words.some((w) => /^(--pty|-t|--shell|-S)$/.test(w)))) {
      a.hitOn('perm.elevate', 'Runs a command as root through systemd (systemd-run).', inv);
    }
    wrapper({ withValue: ['-u', '--unit', '-p', '--property', '--description', '--slice', '-E', '--setenv', '--on-calendar', '--on-active', '--uid', '--gid', '--working-directory'] })(inv, a);
  },
  ':': textOnly,
};

