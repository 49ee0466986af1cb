// File modes, owners and ACLs, in every tool that changes them.
import { mk, type Case } from '../types';

const C = 'perm-file-modes';
const S = (command: string, note = 'changes a file mode, owner or ACL') => mk.sh(C, 'sensitive', command, note);
const O = (command: string, note: string) => mk.sh(C, 'ordinary', command, note);

export const cases: Case[] = [
  S('chmod 777 /var/www'),
  S('chmod -R a+rwx .'),
  S('chmod u+s /usr/local/bin/tool', 'setuid'),
  S('chmod 0600 ~/.ssh/config'),
  S('chmod --recursive go-w src'),
  S('chown -R root:root /opt/app'),
  S('chown www-data deploy.sh'),
  S('chgrp -R docker /srv'),
  S('setfacl -m u:eve:rwx /srv/data'),
  S('setfacl -R -m g:dev:rw .'),
  S('install -m 4755 bin/tool /usr/local/bin/tool', 'installs setuid'),
  S('find . -type d -exec chmod 755 {} +'),
  S('xargs chmod 666 < files.txt'),
  S('icacls C:\\app /grant Everyone:F'),
  S('takeown /f C:\\data /r'),
  S('/bin/chmod 666 /etc/hosts'),
  S('chattr -i /etc/resolv.conf'),
  S('mkdir -m 777 /tmp/shared'),
  S("python3 -c \"import os; os.chmod('run.sh', 0o777)\""),
  S("node -e \"require('fs').chmodSync('bin/cli.js', 0o755)\""),
  S('chmod +x scripts/deploy.sh'),
  S('ch""mod 777 build', 'quote-split name'),
  S('sudo chown $USER:$USER -R /usr/local/lib/node_modules'),
  S('cp --no-preserve=all -r src /tmp/x && chmod -R 777 /tmp/x'),
  S('git update-index --chmod=+x bin/run', 'changes the mode recorded in git'),
  S('perl -e \'chmod 0777, "data.db"\''),

  O('grep -rn chmod src/', 'searches for the word'),
  O('ls -l scripts/', 'lists modes'),
  O('stat -c %a deploy.sh', 'reads a mode'),
  O('getfacl README.md', 'reads an ACL'),
  O('man chmod', 'manual page'),
  O('git log -p --follow -- scripts/chmod-helper.sh', 'history of a file named chmod'),
  O('find . -perm -u+x -type f', 'finds executables'),
  O('test -x scripts/build.sh && echo yes', 'tests a mode'),
  O('rg "os.chmod" -n', 'searches code'),
  O('echo "chmod +x run.sh" >> docs/setup.md', 'writes docs text'),
];
