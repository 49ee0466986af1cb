// Network clients: talking to the network is a review; sending a secret file or a credential along is sensitive
// (the file and `-u user:pass` checks), and downloading into a file that is then run is tracked as remote code.
import { parseArgs, text, valueOf, valuesOf } from '../args';
import { checkPathWord, checkPathWords, recordWrite } from '../pathArgs';
import type { Invocation } from '../types';
import { table, type Handler, type HandlerTable } from './handler';
import type { ShellAnalyzer } from '../analyzer';
import { isRootTarget } from './destructive';

const CURL_VALUES = ['-d', '--data', '--data-binary', '--data-raw', '--data-ascii', '--data-urlencode', '-F', '--form', '--form-string', '-T', '--upload-file', '-o', '--output', '-K', '--config', '-H', '--header', '-u', '--user', '-X', '--request', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-c', '--cookie-jar', '--cert', '-E', '--key', '--cacert', '--capath', '-x', '--proxy', '-m', '--max-time', '--connect-timeout', '-w', '--write-out', '-r', '--range', '--retry', '--resolve', '--json', '-D', '--dump-header', '--oauth2-bearer', '--proxy-user', '-U', '--netrc-file', '--trace', '--trace-ascii', '--stderr', '--url', '-Y', '-y', '--limit-rate', '--interface', '--local-port', '-z', '--time-cond'];

function credentialOnCommandLine(a: ShellAnalyzer, inv: Invocation, values: ReturnType<typeof valuesOf>): void {
  for (const w of values) {
    const v = w.value ?? '';
    if (/^[^:]+:.+$/.test(v) && !/^[^:]+:\$/.test(w.raw)) a.hitOn('secret.literal', 'Passes a password on the command line.', inv, w);
  }
}

const curl: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: CURL_VALUES });
  for (const w of valuesOf(p, '-d', '--data', '--data-binary', '--data-ascii', '--data-urlencode', '-F', '--form', '--json')) {
    if (/(^|=)@|^@|<[^>]/.test(w.value ?? w.raw)) checkPathWord(a, inv, { ...w, pattern: w.pattern.replace(/^[^@<]*[@<]/, '') }, 'read');
  }
  checkPathWords(a, inv, valuesOf(p, '-T', '--upload-file', '-K', '--config', '--cert', '-E', '--key', '-b', '--cookie', '--netrc-file'), 'read');
  for (const out of valuesOf(p, '-o', '--output', '-c', '--cookie-jar', '-D', '--dump-header')) {
    checkPathWord(a, inv, out, 'write');
    recordWrite(a, out, { kind: 'remote', what: 'curl' });
  }
  if (p.flags.has('-O') || p.flags.has('--remote-name')) {
    for (const u of p.operands) {
      const name = (u.value ?? '').replace(/[?#].*$/, '').replace(/^.*\//, '');
      if (name) a.written.set(a.fileKey(name), { text: undefined, remote: true, origin: undefined });
    }
  }
  credentialOnCommandLine(a, inv, valuesOf(p, '-u', '--user', '--proxy-user', '-U'));
  a.hitOn('net.command', `Makes a network request (${inv.name}).`, inv);
};

const wget: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['-O', '--output-document', '-o', '--output-file', '-P', '--directory-prefix', '--post-file', '--body-file', '--post-data', '--body-data', '--header', '--user', '--password', '--http-user', '--http-password', '-i', '--input-file', '--load-cookies', '--save-cookies', '--certificate', '--private-key', '-U', '--user-agent', '-e', '--execute', '-t', '--tries', '-T', '--timeout', '--method'] });
  checkPathWords(a, inv, valuesOf(p, '--post-file', '--body-file', '-i', '--input-file', '--load-cookies', '--certificate', '--private-key'), 'read');
  const out = valueOf(p, '-O', '--output-document');
  if (out && out.value !== '-') {
    checkPathWord(a, inv, out, 'write');
    recordWrite(a, out, { kind: 'remote', what: 'wget' });
  }
  if (!out) {
    for (const u of p.operands) {
      const name = (u.value ?? '').replace(/[?#].*$/, '').replace(/^.*\//, '');
      if (name) a.written.set(a.fileKey(name), { text: undefined, remote: true, origin: undefined });
    }
  }
  for (const w of valuesOf(p, '--password', '--http-password')) if (w.value && !w.raw.startsWith('$')) a.hitOn('secret.literal', 'Passes a password on the command line.', inv, w);
  a.hitOn('net.command', 'Downloads from the network (wget).', inv);
};

/** ssh host CMD: a remote command, analyzed like a local one (a secret printed remotely still reaches the agent). */
const ssh: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['-i', '-F', '-p', '-l', '-o', '-L', '-R', '-D', '-J', '-W', '-b', '-c', '-E', '-e', '-m', '-O', '-Q', '-S', '-w', '-B', '-I'], stopAtOperand: true });
  checkPathWords(a, inv, valuesOf(p, '-i', '-F'), 'read');
  a.hitOn('exec.remote', `Connects to another machine (${inv.name}).`, inv);
  const hostIndex = p.operandIndex;
  // Logging in as root (`ssh root@localhost id`, `-l root`) is root's privileges, on this machine or another.
  const host = inv.args[hostIndex]?.value ?? '';
  if (/^root@/.test(host) || valuesOf(p, '-l').some((w) => w.value === 'root') || /^ssh:\/\/root@/.test(host)) a.hitOn('perm.elevate', `Logs in as root (${inv.name} ${host}).`, inv);
  // `ssh host <<EOF … EOF`: with no command, the remote shell runs what arrives on stdin.
  if (hostIndex + 1 >= inv.args.length && inv.stdin?.kind === 'text' && inv.name !== 'autossh') a.runTextAsScript(inv.stdin);
  if (hostIndex + 1 < inv.args.length) {
    const rest = inv.args.slice(hostIndex + 1);
    if (rest.length === 1 && rest[0]!.value !== undefined) a.runWordAsScript(rest[0]!, inv.frame);
    else a.dispatchFrom(inv, hostIndex + 1, 'ssh');
  }
};

/** scp/rsync/sftp: local operands are read or written; `host:path` is remote. */
const copyRemote: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['-i', '-F', '-P', '-o', '-l', '-c', '-S', '-e', '--rsh', '--exclude', '--include', '--exclude-from', '--include-from', '--files-from', '--password-file', '--filter', '-f', '--rsync-path', '-B', '--chmod', '--chown', '--usermap', '--groupmap', '--log-file', '--port'] });
  checkPathWords(a, inv, valuesOf(p, '-i', '-F', '--password-file', '--files-from', '--exclude-from', '--include-from'), 'read');
  const ops = p.operands;
  const remote = (w: typeof ops[number]) => /^[^/:]+:/.test(w.value ?? '') && !/^[A-Za-z]:[\\/]/.test(w.value ?? '');
  ops.forEach((w, i) => {
    if (remote(w)) return;
    checkPathWord(a, inv, w, i === ops.length - 1 && ops.length > 1 ? 'write' : 'read');
  });
  // `rsync -a --delete empty/ /`: a mirror onto / or the home directory deletes everything not in the source.
  const dest = ops.length > 1 ? ops[ops.length - 1] : undefined;
  if (dest && !remote(dest) && inv.args.some((w) => /^--(delete\S*|remove-source-files)$/.test(w.value ?? '')) && isRootTarget(a, dest)) {
    a.hitOn('destroy.root', `Mirrors onto ${dest.raw} with --delete, removing everything there that the source lacks.`, inv, dest);
  }
  if (p.flags.has('--chmod') || p.flags.has('--chown')) a.hitOn('perm.mode', 'Sets file modes or owners on copied files.', inv);
  if (ops.some(remote) || inv.name !== 'rsync') a.hitOn('net.command', `Copies files over the network (${inv.name}).`, inv);
};

const netcat: Handler = (inv, a) => {
  const t = inv.args.map(text);
  if (t.some((x) => /^-[a-zA-Z]*[ec]/.test(x) || x === '--exec' || x === '--sh-exec' || x === '--lua-exec' || /^(EXEC|SYSTEM):/i.test(x) || /,(EXEC|SYSTEM):/i.test(x))) {
    a.hitCommand('opaque.remote-code', `Connects a shell or program to the network (${inv.name} -e), a remote shell.`, inv);
    return;
  }
  a.hitOn('net.command', `Opens a raw network connection (${inv.name}).`, inv);
  checkPathWords(a, inv, parseArgs(inv.args, { withValue: ['-p', '-s', '-w', '-i', '-q', '-x', '-X', '-O', '-I'] }).operands.filter((w) => !/^[\d.:]+$/.test(w.value ?? '') && /[/.]/.test(w.value ?? '')), 'read');
};

export const NETWORK_COMMANDS: HandlerTable = {
  curl,
  'curl.exe': curl,
  wget,
  wget2: wget,
  ...table(['http', 'https', 'xh', 'xhs', 'httpie', 'aria2c', 'lynx', 'w3m', 'links', 'ftp', 'lftp', 'tftp', 'telnet', 'ping', 'ping6', 'traceroute', 'tracepath', 'mtr', 'dig', 'nslookup', 'host', 'whois', 'nmap', 'masscan', 'tcpdump', 'tshark', 'wireshark', 'grpcurl', 'iwr', 'irm', 'invoke-webrequest', 'invoke-restmethod', 'websocat', 'wscat', 'mosh', 'sshpass', 'ngrok', 'cloudflared', 'localtunnel', 'lt', 'tailscale', 'wg', 'wg-quick', 'openvpn', 'nordvpn', 'speedtest', 'iperf', 'iperf3', 'mail', 'mailx', 'sendmail', 'mutt', 'swaks'], (inv, a) => {
    a.hitOn(['ngrok', 'cloudflared', 'localtunnel', 'lt'].includes(inv.name) ? 'perm.firewall' : 'net.command', `Uses the network (${inv.name}).`, inv);
    checkPathWords(a, inv, inv.args.filter((w) => /^[@~./]|=@|^-in$|^-inkey$/.test(w.value ?? '') || /\.(pem|key|p12|pfx|env)$/.test(w.value ?? '')), 'read');
    if (inv.name === 'sshpass') {
      const i = inv.args.findIndex((w) => w.value === '-p');
      if (i >= 0 && inv.args[i + 1]) a.hitOn('secret.literal', 'Passes an SSH password on the command line.', inv, inv.args[i + 1]);
      const cmd = inv.args.findIndex((w, j) => j > 0 && !(w.value ?? '').startsWith('-') && inv.args[j - 1]?.value !== '-p' && inv.args[j - 1]?.value !== '-f');
      if (cmd >= 0) a.dispatchFrom(inv, cmd, 'sshpass');
    }
  }),
  ...table(['ssh', 'ssh.exe', 'autossh'], ssh),
  ...table(['scp', 'sftp', 'rsync', 'rclone', 'croc', 'magic-wormhole', 'wormhole'], copyRemote),
  ...table(['nc', 'ncat', 'netcat', 'socat'], netcat),
};
