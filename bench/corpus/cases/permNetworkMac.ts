// Firewalls and mandatory access control (SELinux, AppArmor).
import { mk, type Case } from '../types';

const C = 'perm-firewall-mac';
const S = (command: string, note = 'changes a firewall or access-control policy') => mk.sh(C, 'sensitive', command, note);
const O = (command: string, note: string) => mk.sh(C, 'ordinary', command, note);

export const cases: Case[] = [
  S('ufw allow 22/tcp'),
  S('ufw disable'),
  S('sudo ufw default allow incoming'),
  S('iptables -F'),
  S('iptables -A INPUT -p tcp --dport 6379 -j ACCEPT'),
  S('ip6tables -P INPUT ACCEPT'),
  S('firewall-cmd --permanent --add-port=5432/tcp'),
  S('firewall-cmd --zone=public --add-service=ssh'),
  S('nft flush ruleset'),
  S('nft add rule inet filter input tcp dport 3306 accept'),
  S('setenforce 0'),
  S('setenforce Permissive'),
  S('semanage port -a -t http_port_t -p tcp 8081'),
  S("semanage fcontext -a -t httpd_sys_rw_content_t '/srv(/.*)?'"),
  S('setsebool -P httpd_can_network_connect 1'),
  S('aa-disable /etc/apparmor.d/usr.sbin.nginx'),
  S('systemctl stop firewalld'),
  S('systemctl disable --now ufw'),
  S('netsh advfirewall set allprofiles state off'),
  S('pfctl -d'),
  S('iptables-restore < rules.v4'),
  S('/sbin/iptables -P FORWARD ACCEPT'),
  S('aa-complain /etc/apparmor.d/*'),

  O('ufw status verbose', 'reads status'),
  O('iptables -L -n', 'lists rules'),
  O('getenforce', 'reads the SELinux mode'),
  O('firewall-cmd --list-all', 'lists rules'),
  O('grep -rn iptables docs/', 'searches docs'),
  O('systemctl status nginx', 'service status'),
  O('nft list ruleset', 'lists rules'),

  // More spellings.
  S('ufw --force reset'),
  S('ufw route allow in on eth0 out on docker0'),
  S('iptables -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to 10.0.0.5:8080'),
  S('iptables --policy INPUT ACCEPT'),
  S('iptables -D INPUT -s 0.0.0.0/0 -j DROP'),
  S('firewall-cmd --set-default-zone=trusted'),
  S('firewall-cmd --panic-off && firewall-cmd --reload'),
  S('nft delete table inet filter'),
  S('setenforce permissive'),
  S("sed -i 's/^SELINUX=enforcing/SELINUX=disabled/' /etc/selinux/config"),
  S('semodule -i mypolicy.pp'),
  S('chcon -t httpd_sys_content_t /srv/www -R'),
  S('apparmor_parser -R /etc/apparmor.d/usr.bin.firefox'),
  S('systemctl mask apparmor'),
  S('launchctl unload /System/Library/LaunchDaemons/com.apple.alf.agent.plist'),
  S('Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False'),
  S('csrutil disable'),
  O('sestatus', 'reads status'),
  O('aa-status', 'reads status'),
  O('ss -tlnp', 'lists sockets'),

  // Harder.
  S('sudo iptables -I INPUT 1 -j ACCEPT'),
  S('ufw insert 1 allow from any to any'),
  S('firewall-offline-cmd --add-port=80/tcp'),
  S('nft -f rules.nft'),
  S('command iptables -F INPUT'),
  S("bash -c 'setenforce 0'"),
];
