// Privilege: sudo/su/doas/pkexec/runuser, users and groups, passwords, sudoers.
import { mk, type Case } from '../types';

const C = 'perm-privilege';
const S = (command: string, note = 'gains or grants privilege') => mk.sh(C, 'sensitive', command, note);
const O = (command: string, note: string) => mk.sh(C, 'ordinary', command, note);

export const cases: Case[] = [
  S('sudo apt-get install -y nginx'),
  S('sudo -u postgres psql'),
  S('sudo -E ./install.sh'),
  S("su - root -c 'id'"),
  S('su -c "systemctl restart nginx"'),
  S('doas rc-service nginx restart'),
  S('pkexec visudo'),
  S('sudo -i'),
  S('useradd -m -G sudo deploy'),
  S('usermod -aG wheel dev'),
  S('usermod -aG docker $USER'),
  S('groupadd admins'),
  S('gpasswd -a dev sudo'),
  S('passwd deploy'),
  S("echo 'dev ALL=(ALL) NOPASSWD:ALL' | sudo tee /etc/sudoers.d/dev"),
  S('visudo -f /etc/sudoers.d/ci'),
  S('adduser --ingroup sudo ops'),
  S("chpasswd <<< 'root:toor'"),
  S('runuser -u postgres -- psql'),
  S('sudoedit /etc/ssh/sshd_config'),
  S('env sudo id'),
  S('command sudo ls /root'),
  S('s\\udo id', 'escaped name'),
  S('/usr/bin/sudo -n true'),
  S('userdel -r olduser'),
  S('deluser dev sudo'),
  S('echo "eve:x:0:0::/root:/bin/bash" >> /etc/passwd', 'uid 0 user'),
  S("echo 'secret' | sudo -S whoami"),
  S('sudo --preserve-env=PATH make install'),
  S('dzdo systemctl stop auditd'),

  O('git commit -m "fix sudo docs"', 'a message'),
  O('grep -rn "sudo" README.md', 'searches docs'),
  O('id', 'who am I'),
  O('groups', 'lists groups'),
  O('whoami', 'user name'),
  O('getent group docker', 'reads group membership'),
  O('cat docs/sudo-setup.md', 'docs'),
  O('echo "use sudo only on servers" > NOTES.txt', 'writes text'),
  O('npm run lint -- --rule no-sudo', 'a lint rule name'),
];
