// git: local history work is ordinary (status, diff, log, add, commit); hooks and core.hooksPath, credential
// helpers and config that runs commands are guard rails; the network and history rewrites need a look. Paths
// named as `rev:path` or after `--` are files read (`git show HEAD:.env` prints a secret).
import { parseArgs, text, type ParsedArgs } from '../args';
import { checkPathWord } from '../pathArgs';
import type { Invocation } from '../types';
import type { Word } from '../words';
import { table, type Handler, type HandlerTable } from './handler';
import type { ShellAnalyzer } from '../analyzer';
import { gitDiscard } from './gitDiscard';

const GLOBAL_VALUES = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env', '--super-prefix', '--list-cmds'];

/** Config keys that run commands, disable hooks or hold credentials. */
const DANGEROUS_KEY = /^(core\.(hookspath|fsmonitor|sshcommand|pager|editor|askpass|gitproxy)|credential\.|alias\.|sequence\.editor|diff\.external|diff\..*\.(command|textconv)|filter\..*\.(clean|smudge|process)|merge\..*\.driver|http\..*extraheader|url\..*\.insteadof|gpg\.program|uploadpack\.|receive\.|include\.path|includeif\.)/i;

/** Keys that decide whether git checks TLS certificates, and which ones it trusts. */
const TLS_KEY = /^http\.(.*\.)?(sslverify|sslcainfo|sslcapath)$/i;

const REMOTE = new Set(['push', 'pull', 'fetch', 'clone', 'ls-remote', 'remote', 'submodule', 'lfs', 'send-email', 'request-pull']);
const READ_ONLY = new Set(['status', 'diff', 'log', 'show', 'blame', 'annotate', 'branch', 'tag', 'rev-parse', 'rev-list', 'ls-files', 'ls-tree', 'describe', 'shortlog', 'reflog', 'grep', 'cat-file', 'show-ref', 'for-each-ref', 'stash', 'worktree', 'help', 'version', 'whatchanged', 'cherry', 'count-objects', 'fsck', 'name-rev', 'merge-base', 'range-diff', 'notes', 'check-ignore', 'check-attr', 'var', 'diff-tree', 'diff-files', 'diff-index', 'difftool', 'bisect', 'verify-commit', 'verify-tag', 'show-branch', 'config', 'init', 'add', 'commit', 'checkout', 'switch', 'restore', 'reset', 'merge', 'rebase', 'cherry-pick', 'revert', 'mv', 'rm', 'am', 'apply', 'mergetool', 'clean', 'gc', 'prune', 'repack', 'maintenance', 'sparse-checkout', 'format-patch', 'archive', 'bundle', 'citool', 'gui', 'hash-object', 'update-index', 'update-ref', 'symbolic-ref', 'write-tree', 'read-tree', 'commit-tree', 'mktag', 'mktree', 'pack-refs', 'replace', 'rerere', 'restore', 'stage', 'whatchanged', 'interpret-trailers', 'column', 'credential', 'hook', 'filter-branch', 'filter-repo']);
const MESSAGE_VALUES = ['-m', '--message', '--author', '--format', '--pretty', '--grep', '--date', '-S', '-G', '--since', '--until', '--after', '--before', '-n', '--max-count', '-b', '-B', '--branch', '--committer', '--template', '-t', '--trailer', '--abbrev', '--depth', '-j', '--jobs', '--origin', '-o', '--upload-pack', '--reference', '--separate-git-dir', '--shallow-since', '--filter'];

function configHandler(inv: Invocation, a: ShellAnalyzer, args: Word[]): void {
  const t = args.map(text);
  const reading = t.some((x) => /^(--get|--get-all|--get-regexp|-l|--list|--show-origin|--show-scope|get|list)$/.test(x));
  // `--file PATH`, `--type bool`, `--default x` take a value: the key is the first other word.
  const valueOf = new Set(args.flatMap((w, i) => (/^(-f|--file|--blob|--type|--default|--comment|--value)$/.test(w.value ?? '') && args[i + 1] ? [args[i + 1]!] : [])));
  for (const w of args) if (valueOf.has(w) && /^(-f|--file)$/.test(args[args.indexOf(w) - 1]?.value ?? '')) checkPathWord(a, inv, w, 'read');
  const key = args.find((w) => !valueOf.has(w) && !(w.value ?? '').startsWith('-') && !['get', 'set', 'unset', 'list', 'edit'].includes(w.value ?? ''));
  // `http.sslVerify=false` is not git syntax, but it shows what was meant.
  const [k, inlineValue] = (key?.value ?? '').split(/=(.*)/s) as [string, string | undefined];
  if (/^core\.hookspath$/i.test(k) || t.includes('--edit') || t.includes('-e') || t.includes('edit')) {
    a.hitOn('perm.git-hooks', reading ? 'Reads where git looks for hooks.' : 'Changes where git runs hooks from (core.hooksPath) or edits git config.', inv, key ?? inv.nameWord, reading ? 'review' : undefined);
    return;
  }
  if (/^credential\./i.test(k) || /^(user\.password|github\.token|http\..*extraheader|.*\.(token|password|secret|apikey|api-key))$/i.test(k) || (reading && t.some((x) => /credential|token|password|extraheader|secret/i.test(x)))) {
    a.hitOn('secret.credential-cli', 'Reads or changes git credential settings.', inv, key ?? inv.nameWord);
    return;
  }
  // `http.sslVerify false`, `http.<url>.sslVerify 0`, a replaced CA bundle: every later fetch and push trusts anyone.
  if (!reading && TLS_KEY.test(k)) {
    const value = inlineValue ?? args.filter((w) => !(w.value ?? '').startsWith('-') && !valueOf.has(w) && w !== key && !['set', 'unset'].includes(w.value ?? '')).map(text)[0] ?? '';
    const off = /sslverify$/i.test(k) ? /^(false|0|no|off)$/i.test(value) : value !== '';
    if (off && !t.some((x) => /^(--unset|--unset-all|unset)$/.test(x))) {
      a.hitOn('perm.tls', `Sets ${k} ${value}, which turns off or replaces TLS verification for git.`, inv, key ?? inv.nameWord);
      return;
    }
  }
  if (!reading && DANGEROUS_KEY.test(k)) {
    a.hitOn('perm.git-hooks', `Sets ${k}, which makes git run a command.`, inv, key ?? inv.nameWord);
    return;
  }
  if (!reading && t.some((x) => x === '--global' || x === '--system')) a.hitOn('git.remote', 'Changes global git configuration.', inv, key ?? inv.nameWord);
}

/** Paths a git subcommand names: `rev:path` pieces and everything after `--`. */
function pathArgs(a: ShellAnalyzer, inv: Invocation, sub: string, args: Word[], p: ParsedArgs): void {
  const access = sub === 'checkout' || sub === 'restore' || sub === 'rm' || sub === 'mv' || sub === 'apply' ? 'write' : sub === 'ls-files' || sub === 'check-ignore' || sub === 'check-attr' || sub === 'status' ? 'meta' : 'read';
  const dash = args.findIndex((w) => w.value === '--');
  const afterDash = dash >= 0 ? args.slice(dash + 1) : [];
  for (const w of afterDash) checkPathWord(a, inv, w, access);
  // Operands are refs or paths; a ref never matches a secret glob, so every operand is checked as a path.
  for (const w of p.operands) {
    if (afterDash.includes(w)) continue;
    checkPathWord(a, inv, w, access, { skipSpaces: true });
  }
}

const git: Handler = (inv, a) => {
  // Global options come before the subcommand.
  let i = 0;
  for (; i < inv.args.length; i++) {
    const t = text(inv.args[i]);
    if (!t.startsWith('-')) break;
    if (t === '-c' || t.startsWith('--config-env')) {
      const kv = t === '-c' ? inv.args[i + 1] : inv.args[i];
      const v = kv?.value ?? '';
      if (DANGEROUS_KEY.test(v.split('=')[0] ?? '')) a.hitOn('perm.git-hooks', `Runs git with ${v.split('=')[0]} overridden, which changes hooks or runs a command.`, inv, kv);
    }
    if (t === '-C' && inv.args[i + 1]?.value) {
      checkPathWord(a, inv, inv.args[i + 1]!, 'read');
      a.cwd = a.resolve(inv.args[i + 1]!.value!);
    }
    if (GLOBAL_VALUES.includes(t)) i++;
  }
  const subWord = inv.args[i];
  const sub = text(subWord).toLowerCase();
  const args = inv.args.slice(i + 1);
  const t = args.map(text);
  const p = parseArgs(args, { withValue: MESSAGE_VALUES });
  if (sub === '') return;
  if (sub === 'config') {
    configHandler(inv, a, args);
    return;
  }
  if (sub === 'credential' || sub.startsWith('credential-')) {
    a.hitOn('secret.credential-cli', 'Reads or stores git credentials.', inv, subWord);
    return;
  }
  if (sub === 'hook') {
    a.hitOn('exec.script', 'Runs a git hook.', inv, subWord);
    return;
  }
  if ((sub === 'update-index' || sub === 'add') && t.some((x) => x.startsWith('--chmod'))) a.hitOn('perm.mode', 'Changes a file mode in the index (--chmod).', inv, subWord);
  if (REMOTE.has(sub)) {
    const readOnlyRemote = sub === 'remote' && !t.some((x) => /^(add|set-url|remove|rm|rename|set-head|prune|update|set-branches)$/.test(x));
    if (!readOnlyRemote) a.hitOn('git.remote', `Talks to or changes a remote repository (git ${sub}).`, inv, subWord);
    if (sub === 'push' && t.some((x) => /^(-f|--force|--force-with-lease|--mirror|--delete|-d)$/.test(x) || x.startsWith('+'))) a.hitOn('git.rewrite', 'Force-pushes or deletes remote history.', inv, subWord);
  }
  // Work only on disk thrown away (checkout/restore/reset --hard/clean/stash drop): judged by what it loses.
  const discarded = gitDiscard(a, inv, sub, subWord, args);
  const rewrite =
    (!discarded && sub === 'reset' && t.includes('--hard')) ||
    (!discarded && sub === 'clean' && t.some((x) => /^-[a-z]*f/.test(x))) ||
    (sub === 'branch' && t.some((x) => x === '-D' || x === '--delete' && t.includes('--force'))) ||
    (!discarded && sub === 'stash' && t.some((x) => x === 'drop' || x === 'clear')) ||
    (!discarded && sub === 'checkout' && t.includes('.') && t.includes('--')) ||
    (sub === 'reflog' && t.includes('expire')) ||
    sub === 'filter-branch' ||
    sub === 'filter-repo' ||
    (sub === 'gc' && t.some((x) => x.startsWith('--prune'))) ||
    (sub === 'update-ref' && t.includes('-d'));
  if (rewrite) a.hitOn('git.rewrite', `Discards work or rewrites history (git ${sub}).`, inv, subWord);
  if ((sub === 'commit' || sub === 'push' || sub === 'merge' || sub === 'rebase' || sub === 'am') && t.some((x) => x === '--no-verify' || (sub === 'commit' && x === '-n'))) {
    a.hitOn('git.rewrite', 'Skips the repository’s git hooks (--no-verify).', inv, subWord);
  }
  if (!READ_ONLY.has(sub) && !REMOTE.has(sub)) {
    a.hitOn('exec.unknown-command', `Runs git ${sub}, which Countersign does not know.`, inv, subWord);
  }
  pathArgs(a, inv, sub, args, p);
};

export const GIT_COMMANDS: HandlerTable = {
  ...table(['git', 'hub', 'git.exe'], git),
};
