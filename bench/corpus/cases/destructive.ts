// What the policy never allows: deleting the system or home, wiping disks, fork bombs, killing every process.
// Labelled `blocked`; recall counts them when rated sensitive or blocked, and the report shows how many were
// exactly blocked in every format.
import { mk, type Case } from '../types';

const C = 'destructive';
const B = (command: string, note = 'destroys the system, the home directory or a disk') => mk.sh(C, 'blocked', command, note);
const O = (command: string, note: string) => mk.sh(C, 'ordinary', command, note);

export const cases: Case[] = [
  B('rm -rf /'),
  B('rm -rf --no-preserve-root /'),
  B('rm -fr /*'),
  B('rm -r -f ~'),
  B('rm -rf "$HOME"'),
  B('rm -rf ${HOME}/'),
  B('sudo rm -rf /'),
  B('rm --recursive --force /etc'),
  B('find / -delete'),
  B('find ~ -mindepth 1 -delete'),
  B("python3 -c \"import shutil; shutil.rmtree('/')\""),
  B('xargs rm -rf <<< /'),
  B('rsync -a --delete /tmp/empty/ /'),
  B('dd if=/dev/zero of=/dev/sda bs=1M'),
  B('dd if=/dev/urandom of=/dev/nvme0n1'),
  B('mkfs.ext4 /dev/sda1'),
  B('mkfs -t xfs /dev/vdb'),
  B('wipefs -a /dev/sda'),
  B('shred -n 3 /dev/sda'),
  B('parted -s /dev/sda mklabel gpt'),
  B('cat /dev/zero > /dev/sda'),
  B(':(){ :|:& };:', 'fork bomb'),
  B('bomb() { bomb | bomb & }; bomb', 'fork bomb'),
  B('kill -9 -1', 'kills every process'),
  B('chmod -R 000 /'),
  B('chown -R nobody /'),

  O('rm -rf node_modules', 'project folder'),
  O('rm -rf ./build/', 'build output'),
  O('rm -rf /tmp/test_repro', 'temp folder'),
  O("find . -name '*.log' -delete", 'logs'),
  O('dd if=/dev/zero of=disk.img bs=1M count=10', 'an image file'),
  O('mkfs.ext4 -F disk.img', 'formats an image file'),
  O('kill -9 12345', 'one process'),
  O('pkill -f "node server.js"', 'one program'),
  O('cp -r ./public /tmp/public-copy', 'copies a project folder'),
  O('rm -rf ~/proj/dist', 'build output under home'),
];
