// Destructive commands. Deleting project files is a review; a handful of things are never right for an agent and
// are blocked outright: deleting / or the home directory, writing onto a disk device, making a filesystem.
import { parseArgs, text } from '../args';
import { checkPathWord } from '../pathArgs';
import type { Invocation } from '../types';
import type { Word } from '../words';
import { table, type Handler, type HandlerTable } from './handler';
import type { ShellAnalyzer } from '../analyzer';
import { deleteLoss, reportDelete } from '../deleteLoss';

export const SYSTEM_ROOTS = /^\/(bin|boot|dev|etc|home|lib|lib64|opt|proc|root|sbin|srv|sys|usr|var|Users|System|Library|Applications|private)?\/?\*?$/;

export function isRootTarget(a: ShellAnalyzer, w: Invocation['args'][number]): boolean {
  const raw = w.value ?? w.pattern;
  if (/^(~|~\/|~\/\*|\$HOME|\$\{HOME\}|\$HOME\/\*)$/.test(w.raw) || raw === a.home || raw === `${a.home}/` || raw === `${a.home}/*`) return true;
  if (/^[A-Za-z]:[\\/]?\*?$/.test(raw)) return true;
  return SYSTEM_ROOTS.test(raw.replace(/\/+/g, '/'));
}

/** `rm -rf .claude`, `mv .vscode x`: a folder that holds guard or secret files takes them with it. */
export function holdsGuarded(a: ShellAnalyzer, inv: Invocation, w: Word): boolean {
  const abs = w.value !== undefined && !w.glob ? a.resolve(w.value) : undefined;
  const m = abs ? a.policy.holds(abs, 'write') : undefined;
  if (!m) return false;
  a.hitOn(m.category === 'secret' ? 'path.secret' : m.category === 'system' ? 'path.system' : m.category === 'protected' ? 'path.protected' : 'path.self', `Moves or deletes ${w.raw}, which holds ${m.label} (${m.glob}).`, inv, w);
  return true;
}

const rm: Handler = (inv, a) => {
  const p = parseArgs(inv.args);
  const recursive = [...p.flags].some((f) => /^-[a-zA-Z]*[rR]/.test(f) || f === '--recursive');
  const root = p.operands.find((w) => isRootTarget(a, w));
  if (root && (recursive || p.flags.has('--no-preserve-root'))) {
    a.hitOn('destroy.root', `Deletes ${root.raw} recursively: the whole system or home directory.`, inv, root);
    return;
  }
  let sensitive = false;
  for (const w of p.operands) sensitive = checkPathWord(a, inv, w, 'write') || (recursive && holdsGuarded(a, inv, w)) || sensitive;
  const targets = p.operands.map((w) => (w.value !== undefined && !w.glob ? a.resolve(w.value) : undefined));
  for (const t of targets) if (t) a.deleted.push(t);
  const what = recursive ? `Deletes files and directories recursively (${inv.name} ${inv.args.map((w) => w.raw).join(' ')})` : `Deletes files (${inv.name})`;
  if (sensitive) {
    a.hitOn('fs.delete', `${what}.`, inv);
    return;
  }
  // Judged by what is lost: scratch files this session created, ignored build outputs and files git has unchanged
  // lose nothing; anything else (or anything that cannot be checked) is a review naming the file.
  const loss = deleteLoss(a, p.operands, recursive ? 'recursive' : 'files');
  if (!loss) {
    // No disk to read: only what the session itself created is known to be scratch (`rm reproduce_issue.py`).
    const session = a.scope.files?.session;
    if (!a.scope.git && session && targets.length > 0 && targets.every((t) => t !== undefined && session.file(t)?.created === true)) return;
  }
  // The effect names what is deleted (its span is the operands), so an "Allow similar" rule made from
  // `rm -rf build` covers deleting build again, never `rm -rf src`.
  const first = p.operands[0];
  const last = p.operands[p.operands.length - 1];
  reportDelete(a, inv, loss, what, first && last ? { start: first.start, end: last.end } : undefined);
};

const dd: Handler = (inv, a) => {
  for (const w of inv.args) {
    const v = w.value ?? '';
    if (v.startsWith('of=')) checkPathWord(a, inv, { ...w, pattern: w.pattern.slice(3), value: v.slice(3) }, 'write');
    if (v.startsWith('if=')) checkPathWord(a, inv, { ...w, pattern: w.pattern.slice(3), value: v.slice(3) }, 'read');
  }
};

const disk: Handler = (inv, a) => {
  const t = inv.args.map(text);
  if (inv.name.startsWith('mkfs') || inv.name === 'mke2fs' || inv.name === 'wipefs' || inv.name === 'newfs' || t.some((x) => /^\/dev\//.test(x)) && !t.some((x) => /^(-l|--list|print|-p)$/.test(x))) {
    a.hitCommand('destroy.disk', `Formats, wipes or repartitions a disk (${inv.name}).`, inv);
  }
};

const shred: Handler = (inv, a) => {
  const targets = parseArgs(inv.args, { withValue: ['-n', '--iterations', '-s', '--size', '--random-source'] }).operands;
  if (targets.some((w) => /^\/dev\/(sd|hd|vd|xvd|nvme|mmcblk|disk)/.test(w.value ?? ''))) {
    a.hitCommand('destroy.disk', 'Overwrites a whole disk device (shred).', inv);
    return;
  }
  for (const w of targets) checkPathWord(a, inv, w, 'write');
  a.hitOn('fs.delete', 'Destroys file contents (shred).', inv);
};

export const DESTRUCTIVE_COMMANDS: HandlerTable = {
  ...table(['rm', 'rmdir', 'unlink', 'trash', 'trash-put', 'srm', 'del', 'rd', 'erase'], rm),
  dd,
  shred,
  ...table(['mkfs', 'mke2fs', 'mkswap', 'wipefs', 'fdisk', 'sfdisk', 'cfdisk', 'parted', 'gdisk', 'sgdisk', 'newfs', 'diskutil', 'format', 'blkdiscard', 'cryptsetup', 'zpool', 'lvremove', 'vgremove', 'pvremove'], disk),
};
