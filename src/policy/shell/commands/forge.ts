// GitHub and GitLab CLIs: tokens and logins are secrets; repository visibility, collaborators, deploy keys,
// branch protection and Actions secrets are permissions; everything else talks to the network (review).
import { checkPathWord } from '../pathArgs';
import { table, type Handler, type HandlerTable } from './handler';
import { has, pathOf } from './cliGrammar';
import { judgeCli } from './cliRules';

const gh: Handler = (inv, a) => {
  const { call, matched } = judgeCli(a, inv, 'gh');
  const [g, s] = [call.path[0] ?? '', call.path[1] ?? ''];
  // Files sent along: `-F key=@file`, `--input file`, release and gist uploads.
  for (const w of [...(call.optionWords.get('-f') ?? []), ...(call.optionWords.get('-F') ?? []), ...(call.optionWords.get('--field') ?? []), ...(call.optionWords.get('--raw-field') ?? [])]) {
    if (/^@|=@/.test(w.value ?? '')) checkPathWord(a, inv, { ...w, value: (w.value ?? '').replace(/^[^@]*@/, ''), pattern: w.pattern.replace(/^[^@]*@/, '') }, 'read');
  }
  for (const w of [...(call.optionWords.get('--input') ?? []), ...(call.optionWords.get('--body-file') ?? [])]) checkPathWord(a, inv, w, 'read');
  if ((g === 'release' && s === 'create') || (g === 'release' && s === 'upload') || (g === 'gist' && s === 'create')) for (const w of call.pathWords.slice(2)) checkPathWord(a, inv, w, 'read', { skipSpaces: true });
  if (matched) return;
  if (g === 'extension' && (s === 'install' || s === 'upgrade')) {
    a.hitOn('pkg.install', 'Installs a gh extension.', inv, call.pathWords[0]);
    return;
  }
  if ((g === '' && has(call, '--version')) || g === 'version' || g === 'help' || (g === '' && inv.args.length === 0)) return;
  a.hitOn('net.command', `Talks to GitHub (gh ${g}${s ? ` ${s}` : ''}).`, inv, call.pathWords[0] ?? inv.args[0]);
};

const glab: Handler = (inv, a) => {
  const { call, matched } = judgeCli(a, inv, 'glab');
  if (matched) return;
  if (call.path[0] === 'version' || call.path[0] === 'help') return;
  a.hitOn('net.command', `Talks to GitLab (glab ${pathOf(call, 2)}).`, inv, call.pathWords[0] ?? inv.args[0]);
};

export const FORGE_COMMANDS: HandlerTable = {
  ...table(['gh', 'gh.exe'], gh),
  ...table(['glab', 'glab.exe'], glab),
};
