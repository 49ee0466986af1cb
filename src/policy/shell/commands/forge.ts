// GitHub and GitLab CLIs: tokens and logins are secrets; repository visibility, collaborators, deploy keys,
// branch protection and Actions secrets are permissions; everything else talks to the network (review).
import { text } from '../args';
import { checkPathWord } from '../pathArgs';
import { table, type Handler, type HandlerTable } from './handler';

const PERMISSION_API = /\/(collaborators|permissions?|teams?|members|memberships|invitations|keys|deploy[-_]keys|hooks|protection|rulesets|environments|secrets|variables|actions\/permissions|installations|outside_collaborators|access|visibility|settings)(\/|$|\?)/i;

const gh: Handler = (inv, a) => {
  const t = inv.args.map(text);
  const [g, s] = [t[0] ?? '', t[1] ?? ''];
  const at = inv.args[1] ?? inv.args[0];
  if (g === 'auth') {
    if (s === 'status' && !t.some((x) => /^(-t|--show-token)$/.test(x))) return;
    a.hitOn('secret.credential-cli', `Handles GitHub credentials (gh auth ${s}).`, inv, at);
    return;
  }
  if (g === 'secret' || g === 'ssh-key' || g === 'gpg-key' || (g === 'repo' && s === 'deploy-key')) {
    a.hitOn('secret.credential-cli', `Manages GitHub secrets or keys (gh ${g} ${s}).`, inv, at);
    return;
  }
  if (g === 'repo' && (s === 'edit' || s === 'create' || s === 'fork') && t.some((x) => /^--(visibility|public|internal|private)/.test(x) || /^(public|private|internal)$/.test(x))) {
    a.hitOn('perm.repo', 'Changes repository visibility.', inv, at);
    return;
  }
  if (g === 'repo' && (s === 'delete' || s === 'archive' || s === 'rename' || s === 'transfer')) {
    a.hitOn('perm.repo', `Deletes, archives or transfers a repository (gh repo ${s}).`, inv, at);
    return;
  }
  if (g === 'api') {
    const valueFlags = new Set(['-X', '--method', '-f', '-F', '--field', '--raw-field', '-H', '--header', '--input', '-q', '--jq', '-t', '--template', '--hostname', '--cache', '-p', '--preview']);
    let endpoint = '';
    for (let i = 1; i < inv.args.length; i++) {
      const v = inv.args[i]!.value ?? '';
      if (valueFlags.has(v)) i++;
      else if (!v.startsWith('-')) {
        endpoint = v;
        break;
      }
    }
    const method = (t[t.findIndex((x) => x === '-X' || x === '--method') + 1] ?? '').toUpperCase();
    if (PERMISSION_API.test(endpoint) || /graphql/.test(endpoint) && t.some((x) => /updateRepository|addCollaborator|createDeployKey|updateBranchProtection|visibility/i.test(x))) {
      a.hitOn('perm.repo', `Reads or changes repository access through the API (${method || 'GET'} ${endpoint}).`, inv, at);
      return;
    }
    for (const w of inv.args) if (/^@/.test(w.value ?? '') || /=@/.test(w.value ?? '')) checkPathWord(a, inv, w, 'read');
  }
  if (g === 'release' && s === 'create') for (const w of inv.args.slice(2)) checkPathWord(a, inv, w, 'read', { skipSpaces: true });
  if (g === 'gist' && s === 'create') for (const w of inv.args.slice(2)) checkPathWord(a, inv, w, 'read', { skipSpaces: true });
  if (g === 'extension' && (s === 'install' || s === 'upgrade')) {
    a.hitOn('pkg.install', 'Installs a gh extension.', inv, at);
    return;
  }
  if (g === '--version' || g === 'version' || g === 'help' || g === '') return;
  a.hitOn('net.command', `Talks to GitHub (gh ${g}${s ? ` ${s}` : ''}).`, inv, inv.args[0]);
};

const glab: Handler = (inv, a) => {
  const t = inv.args.map(text);
  if (t[0] === 'auth' || t[0] === 'token' || t[0] === 'variable' || t[0] === 'ssh-key' || t[0] === 'deploy-key') {
    a.hitOn('secret.credential-cli', `Handles GitLab credentials or variables (glab ${t[0]}).`, inv, inv.args[0]);
    return;
  }
  if (t[0] === 'repo' && t.some((x) => /visibility|public|members|transfer|delete/.test(x))) {
    a.hitOn('perm.repo', 'Changes GitLab repository access.', inv, inv.args[0]);
    return;
  }
  if (t[0] === 'api' && PERMISSION_API.test(t[1] ?? '')) {
    a.hitOn('perm.repo', 'Reads or changes GitLab repository access through the API.', inv, inv.args[1]);
    return;
  }
  a.hitOn('net.command', 'Talks to GitLab.', inv);
};

export const FORGE_COMMANDS: HandlerTable = {
  ...table(['gh', 'gh.exe'], gh),
  glab,
};
