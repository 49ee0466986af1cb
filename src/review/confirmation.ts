// The sentence a reviewer ticks before approving a sensitive action. It names what is touched, built from the
// action and the reasons (e.g. "I approve reading .env"), so a tick is a statement about this action, not a habit.
// Pure: the extension computes it once per card and the panel shows it verbatim.
import { isAbsolute, relative, resolve } from 'node:path';
import type { Action, Reason } from '../policy/types';

const MAX_SUBJECT = 160;

/** What a rule family touches, as a phrase; the path and secret families name the matched text instead. */
const FAMILY: [RegExp, string][] = [
  [/^perm\.mode/, 'changing file permissions'],
  [/^perm\.owner/, 'changing file owners'],
  [/^perm\.acl/, 'changing access control lists'],
  [/^perm\.elevate/, 'running with elevated privileges'],
  [/^perm\.users/, 'changing users or groups'],
  [/^perm\.firewall/, 'changing the firewall'],
  [/^perm\.mac/, 'changing SELinux or AppArmor policy'],
  [/^perm\.(iam|rbac)/, 'changing cloud or cluster access'],
  [/^perm\.repo/, 'changing who can access a repository'],
  [/^perm\.sql/, 'granting database privileges'],
  [/^perm\.container/, 'running a privileged container'],
  [/^perm\.git-hooks/, 'changing git hooks'],
  [/^perm\.guard/, "changing an agent's or Countersign's guard settings"],
  [/^perm\.persistence/, 'installing something that runs automatically'],
  [/^perm\./, 'changing permissions'],
  [/^secret\.env/, 'exposing secret environment variables'],
  [/^secret\.credential/, 'reading stored credentials'],
  [/^secret\.literal/, 'writing a secret into a file'],
  [/^secret\.publish/, 'publishing or sending secrets'],
  [/^secret\./, 'touching secrets'],
  [/^(opaque|shell\.parse|budget|engine|input)/, 'running code Countersign cannot inspect'],
];

function clip(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return oneLine.length > MAX_SUBJECT ? `${oneLine.slice(0, MAX_SUBJECT)}…` : oneLine;
}

/** Workspace-relative when inside the workspace folder, else as given. */
export function displayPath(path: string, workspaceFolder: string | undefined, cwd?: string): string {
  for (const base of [workspaceFolder, cwd]) {
    if (!base || !isAbsolute(path)) continue;
    const rel = relative(base, path);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel;
  }
  return path;
}

/** "Changes the workflow token's permissions." → "changes the workflow token's permissions" (acronyms kept). */
function asPhrase(sentence: string): string {
  const s = sentence.trim().replace(/\.$/, '');
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

/** Phrases for what the sensitive reasons touch: matched paths as "touching X", rule families as a phrase. */
function touched(reasons: readonly Reason[], isSubject: (text: string) => boolean): string[] {
  const out: string[] = [];
  for (const r of reasons) {
    if (r.risk !== 'sensitive' && r.risk !== 'blocked') continue;
    let phrase: string | undefined;
    if (/^path\./.test(r.rule) && r.span?.text) phrase = isSubject(r.span.text) ? undefined : `touching ${clip(r.span.text)}`;
    // Unknown rule families still name something: the reason's own sentence, without its full stop.
    else phrase = FAMILY.find(([re]) => re.test(r.rule))?.[1] ?? asPhrase(r.message);
    if (phrase && !out.includes(phrase)) out.push(phrase);
  }
  return out;
}

export function confirmationText(action: Action, reasons: readonly Reason[], workspaceFolder?: string): string {
  const which = (path: string) => clip(displayPath(path, workspaceFolder, action.cwd));
  const withWhat = (base: string, subject?: string) => {
    const isSubject = (text: string) =>
      subject !== undefined && (text === subject || resolve(action.cwd || '/', text) === resolve(action.cwd || '/', subject) || text === which(subject));
    const what = touched(reasons, isSubject);
    return what.length ? `${base}, ${what.join('; ')}` : base;
  };
  switch (action.kind) {
    case 'read':
      return withWhat(`I approve reading ${which(action.path)}`, action.path);
    case 'edit':
      return withWhat(`I approve editing ${which(action.path)}`, action.path);
    case 'write':
      return withWhat(`I approve writing ${which(action.path)}`, action.path);
    case 'patch': {
      const files = action.files.map((f) => which(f.path));
      const list = files.length > 3 ? `${files.slice(0, 3).join(', ')} and ${files.length - 3} more` : files.join(', ');
      return withWhat(`I approve patching ${list || 'files'}`);
    }
    case 'shell':
      return withWhat(`I approve running “${clip(action.command)}”`);
    case 'tool':
      return withWhat(`I approve the tool call ${clip(action.tool)}`);
  }
}
