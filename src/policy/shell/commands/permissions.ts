// Commands that change who may do what: file modes, owners and ACLs, users and groups, firewalls, SELinux and
// AppArmor, kernel settings, scheduled jobs, SSH keys and authorized keys, services.
import { parseArgs, text } from '../args';
import { checkPathWord, checkPathWords } from '../pathArgs';
import type { Invocation } from '../types';
import { flag, table, type Handler, type HandlerTable } from './handler';
import { ownFileModeChange } from '../ownFileModes';
import type { ShellAnalyzer } from '../analyzer';

/** Recursive changes to `/` or a whole system tree: never. */
function touchesRoot(inv: Invocation): boolean {
  const recursive = inv.args.some((w) => /^-[a-zA-Z]*R|^--recursive$/.test(w.value ?? ''));
  return recursive && inv.args.some((w) => /^(\/|\/\*|\/(etc|usr|bin|sbin|lib|var|boot|home)\/?)$/.test(w.value ?? ''));
}

function modeChange(kind: 'mode' | 'owner' | 'acl', describe: (inv: Invocation) => string, valuesBeforeFiles = 1): Handler {
  return (inv, a) => {
    if (touchesRoot(inv)) {
      a.hitCommand('destroy.root', `Recursively changes permissions of the whole system (${inv.name} -R on a system directory).`, inv);
      return;
    }
    const own = kind === 'mode' ? ownFileModeChange(inv, a) : undefined;
    if (own) a.hitOn('safe.mode', own, inv);
    else a.hitCommand(kind === 'mode' ? 'perm.mode' : kind === 'owner' ? 'perm.owner' : 'perm.acl', describe(inv), inv);
    const p = parseArgs(inv.args, { withValue: ['--reference', '-m', '-M', '-x', '-X', '--from', '-n', '-s'] });
    const hasReference = [...p.flags].some((f) => f.startsWith('--reference'));
    checkPathWords(a, inv, p.operands.slice(hasReference ? 0 : valuesBeforeFiles), 'write');
  };
}

function describeChmod(inv: Invocation): string {
  const mode = inv.args.find((w) => !(w.value ?? '').startsWith('-') || /^-[rwxXst]+$/.test(w.value ?? ''));
  const m = mode?.value ?? '';
  const broad = /(^|[^0-7])[0-7]?[0-7][0-7]7$|\+s|[ugo]*[+=][rwxXst]*s|a\+w|o\+w|\b777\b|\b666\b/.test(m) ? ' (world-writable or setuid)' : '';
  return `Changes file permissions with chmod ${m}${broad}.`;
}

const crontab: Handler = (inv, a) => {
  const t = inv.args.map(text);
  if (t.includes('-l')) return;
  a.hitCommand('perm.persistence', 'Changes scheduled jobs (crontab), which run later outside any agent hook.', inv);
  checkPathWords(a, inv, parseArgs(inv.args, { withValue: ['-u'] }).operands, 'read');
};

const sshKeygen: Handler = (inv, a) => {
  const p = parseArgs(inv.args, { withValue: ['-f', '-t', '-b', '-C', '-N', '-P', '-O', '-E', '-I', '-n', '-V', '-z', '-s', '-Z', '-a', '-m'] });
  const file = p.values.get('-f')?.[0];
  // Fingerprints (-l) and known_hosts look-ups (-F) print nothing secret.
  if ((p.flags.has('-l') || p.flags.has('-F') || p.flags.has('-B')) && !p.flags.has('-y') && !p.flags.has('-e')) {
    if (file) checkPathWord(a, inv, file, 'meta');
    return;
  }
  a.hitCommand('secret.credential-cli', 'Creates, converts or prints SSH keys (ssh-keygen).', inv);
  if (file) checkPathWord(a, inv, file, 'read');
};

/** systemctl/service/launchctl: services are review; turning off a security service is not ordinary. */
const services: Handler = (inv, a) => {
  const t = inv.args.map(text).join(' ');
  if (/\b(stop|disable|mask|kill|unload|bootout)\b.*\b(firewalld|ufw|iptables|nftables|apparmor|selinux|auditd|fail2ban|clamav|falcon|osquery|crowdstrike|sshd?)\b/i.test(t)) {
    a.hitCommand('perm.firewall', 'Stops or disables a security service.', inv);
    return;
  }
  if (/^\s*(status|list-units|list-unit-files|is-active|is-enabled|show|cat|list|print)\b/.test(t) || t === '') return;
  if (/\b(enable|link|load|bootstrap)\b/.test(t)) a.hitCommand('perm.persistence', 'Installs or enables a service that starts automatically.', inv);
  else a.hitOn('system.service', `Starts, stops or changes system services (${inv.name}).`, inv);
};

function firewall(inv: Invocation, a: ShellAnalyzer): void {
  const t = inv.args.map(text);
  // `iptables-restore < rules.v4` replaces the whole rule set from its input, arguments or not.
  if (/-restore$/.test(inv.name) && !t.some((x) => /^(-t|--test|-h|--help)$/.test(x))) {
    a.hitCommand('perm.firewall', `Replaces the firewall rules (${inv.name}).`, inv);
    return;
  }
  const readOnly = t.length === 0 || t.every((x) => /^(-L|-S|--list|--list-rules|-n|-v|--line-numbers|status|show|list|--state|--get-\w+|--list-all\w*|-nL|-vnL|-nvL|-t|filter|nat|mangle|raw|numbered|verbose)$/.test(x));
  if (readOnly) return;
  a.hitCommand('perm.firewall', `Changes firewall rules (${inv.name}).`, inv);
}

export const PERMISSION_COMMANDS: HandlerTable = {
  chmod: modeChange('mode', describeChmod),
  ...table(['chown', 'lchown'], modeChange('owner', (inv) => `Changes file owners with ${inv.name}.`)),
  chgrp: modeChange('owner', () => 'Changes file groups with chgrp.'),
  ...table(['setfacl', 'chacl'], modeChange('acl', () => 'Changes file access control lists.', 0)),
  chattr: modeChange('acl', () => 'Changes file attributes (immutable, append-only) with chattr.'),
  chflags: modeChange('acl', () => 'Changes file flags with chflags.'),
  ...table(['setcap'], modeChange('acl', () => 'Grants Linux capabilities to a program (setcap).')),
  ...table(['icacls', 'cacls', 'takeown', 'attrib'], modeChange('acl', (inv) => `Changes Windows file permissions (${inv.name}).`, 0)),
  ...table(
    ['useradd', 'userdel', 'usermod', 'adduser', 'deluser', 'addgroup', 'delgroup', 'groupadd', 'groupdel', 'groupmod', 'gpasswd', 'passwd', 'chpasswd', 'chage', 'newusers', 'vipw', 'vigr', 'pwconv', 'dscl', 'sysadminctl', 'dseditgroup', 'net', 'smbpasswd', 'htpasswd', 'ssh-copy-id', 'lusermgr'],
    flag('perm.users', (inv) => `Changes user accounts, groups, passwords or who may log in (${inv.name}).`),
  ),
  ...table(['visudo', 'newgrp', 'sg'], flag('perm.elevate', (inv) => `Changes or uses group and sudo privileges (${inv.name}).`)),
  ...table(['iptables', 'ip6tables', 'iptables-restore', 'ip6tables-restore', 'iptables-legacy-restore', 'iptables-nft-restore', 'ebtables', 'arptables', 'nft', 'ufw', 'firewall-cmd', 'firewall-offline-cmd', 'pfctl', 'ipfw', 'netsh', 'socketfilterfw'], firewall),
  // Acting as another user, root by default: the same elevation as sudo, spelled by other tools.
  ...table(['machinectl', 'runas', 'chsh', 'chfn', 'pkttyagent'], (inv, a) => {
    const t = inv.args.map(text);
    if (inv.name === 'machinectl' && !t.some((x) => /^(shell|login)$/.test(x))) return;
    a.hitCommand(inv.name === 'chsh' || inv.name === 'chfn' ? 'perm.users' : 'perm.elevate', `Runs as or changes another user (${inv.name}).`, inv);
  }),
  ...table(['setenforce', 'setsebool', 'semanage', 'chcon', 'restorecon', 'semodule', 'aa-complain', 'aa-disable', 'aa-enforce', 'apparmor_parser', 'aa-teardown'], flag('perm.mac', (inv) => `Changes SELinux or AppArmor enforcement (${inv.name}).`)),
  ...table(['modprobe', 'insmod', 'rmmod', 'kextload', 'kextunload', 'kmutil', 'csrutil', 'spctl', 'mount', 'umount', 'swapon', 'swapoff', 'bcdedit', 'reg'], flag('perm.system', (inv) => `Changes the operating system's configuration (${inv.name}).`)),
  ...table(['shutdown', 'reboot', 'halt', 'poweroff', 'init', 'telinit'], flag('perm.system', (inv) => `Shuts down or restarts the machine (${inv.name}).`)),
  sysctl: (inv, a) => {
    if (inv.args.some((w) => /^-w$|=/.test(w.value ?? '') || /^-p/.test(w.value ?? ''))) a.hitCommand('perm.system', 'Changes kernel settings (sysctl -w).', inv);
  },
  ...table(['crontab'], crontab),
  ...table(['at', 'batch', 'schtasks'], flag('perm.persistence', (inv) => `Schedules a command to run later (${inv.name}), outside any agent hook.`)),
  'ssh-keygen': sshKeygen,
  'ssh-add': (inv, a) => {
    // -l/-L only list the loaded keys' fingerprints or public halves: nothing secret is read or loaded.
    const words = inv.args.map((w) => w.value ?? '');
    if (words.some((w) => /^-[vq]*[lL]/.test(w)) && words.every((w) => /^-[lLvqE]+$|^(md5|sha256)$/i.test(w))) return;
    flag('secret.credential-cli', () => 'Loads or lists SSH private keys in the agent (ssh-add).', 'read')(inv, a);
  },
  ...table(['systemctl', 'service', 'launchctl', 'rc-service', 'rc-update', 'update-rc.d', 'chkconfig', 'sc', 'sc.exe', 'initctl'], services),
};
