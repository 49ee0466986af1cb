// Tools that are not shell, read, write, edit or patch: agent-internal tools (todo lists, plans, searches) are safe;
// web tools and MCP servers are a review; anything unknown is a review. Whatever the tool, its input is searched
// for what matters: command lines (analyzed as shell), paths (checked against the path policy) and secret literals.
import type { Access } from '../paths/pathPolicy';
import { hasGlobChars } from '../paths/globIntersect';
import { resolvePath } from '../paths/resolve';
import { findSecrets } from '../content/secrets';
import { canonicalTool } from '../normalize/detect';
import { reason, type RuleId } from '../reasons';
import { analyzeShell } from '../shell';
import { SQL_PERMISSION } from '../shell/commands/sql';
import type { Reason, Span, ToolAction } from '../types';
import type { RuleContext } from './context';
import { TRUNCATED } from '../normalize/bounded';

/** Agent-internal tools with no effect outside the agent, or read-only searches of the workspace. */
const INTERNAL = new Set([
  'todowrite', 'todoread', 'updatetodo', 'managetodolist', 'writetodos', 'updateplan', 'reportintent', 'exitplanmode', 'enterplanmode', 'think',
  'askfollowupquestion', 'attemptcompletion', 'planmoderespond', 'task', 'agent', 'newtask', 'geterrors', 'getchangedfiles', 'getterminaloutput',
  'readbash', 'stopbash', 'listbash', 'bashoutput', 'killshell', 'killbash', 'testfailure', 'getvscodeapi', 'vscodeapi', 'viewimage',
  'beforesubmitprompt', 'stop', 'afteragentresponse', 'afteragentthought', 'readlints', 'terminallastcommand', 'terminalselection', 'runtests',
  'searchworkspacesymbols', 'listcodeusages', 'fetchcopilotclidocumentation', 'loadmcpdocumentation', 'condense', 'summarizetask', 'reportbug',
  'aftershellexecution', 'aftermcpexecution', 'skill', 'slashcommand', 'codebasesearch', 'semanticsearch', 'listcodedefinitionnames',
]);
/** Read-only tools over paths: a secret path in their input is a read. */
const SEARCH = new Set(['grep', 'grepsearch', 'searchfilecontent', 'searchfiles', 'search', 'readmanyfiles', 'readfiles', 'notebookread', 'filesearch', 'findfiles']);
/** Listing tools: a secret path is only listed. */
const LIST = new Set(['glob', 'ls', 'listdir', 'listdirectory', 'listfiles', 'createdirectory', 'mkdir']);
const WEB = new Set(['webfetch', 'websearch', 'fetch', 'fetchwebpage', 'googlewebsearch', 'browseraction', 'opensimplebrowser', 'webfetchtool', 'githubrepo', 'openbrowserpage']);

const COMMAND_KEY = /^(command|cmd|commands|script|shell|bash|commandline|command_line)$/i;
const PATH_KEY = /(^|_|[a-z])(path|paths|file|files|filename|filepath|dir|dirpath|directory|folder|target|source|destination|dest|uri|cwd|include|includepattern|glob|pattern|root)s?$/i;
const TEXT_KEY = /(content|contents|text|body|data|value|string|code|new_?string|new_?text|message|prompt|input|query|arguments|args|headers?|env)$/i;
const WRITE_TOOL = /write|create|edit|update|delete|remove|move|rename|save|upload|put|set|insert|append|replace|patch|mkdir/i;
/** Tool names that say they handle secrets or grant access (mcp__vault__read_secret, mcp__github__add_collaborator). */
const SENSITIVE_TOOL = /secret|token|credential|passw(or)?d|api_?key|private_?key|permission|collaborator|visibility|grant|revoke|role_?binding|\biam\b|_iam_|\bacl\b|_acl|add_member|invite|set_policy|put_\w*policy|access_key|sudo|keychain|vault/i;

interface Found {
  key: string;
  value: string;
}

function strings(input: unknown, key = '', out: Found[] = [], depth = 0): Found[] {
  if (depth > 8 || out.length > 500) return out;
  if (typeof input === 'string') out.push({ key, value: input });
  else if (Array.isArray(input)) for (const v of input) strings(v, key, out, depth + 1);
  else if (typeof input === 'object' && input !== null) for (const [k, v] of Object.entries(input as Record<string, unknown>)) strings(v, k, out, depth + 1);
  return out;
}

/** Span of a string value inside the pretty-printed input (the text the panel shows). */
function spanOf(pretty: string, value: string, from = 0): Span | undefined {
  const encoded = JSON.stringify(value);
  const at = pretty.indexOf(encoded, from);
  if (at < 0) return undefined;
  return { field: 'input', start: at, end: at + encoded.length, text: encoded };
}

function looksLikePath(v: string): boolean {
  return v.length < 1024 && !/\s/.test(v) && (/^(~|\.{1,2})?\//.test(v) || /^[A-Za-z]:[\\/]/.test(v) || /(^|\/)\.[\w-]+/.test(v) || /\.(pem|key|env|p12|pfx|json|ya?ml|toml)$/i.test(v));
}

export function toolReasons(action: ToolAction, ctx: RuleContext): Reason[] {
  const canon = canonicalTool(action.tool);
  const out: Reason[] = [];
  const pretty = JSON.stringify(action.input ?? null, null, 2) ?? '';
  const found = strings(action.input);
  if (pretty.includes(TRUNCATED)) out.push(reason('input.malformed', `The ${action.tool} tool input is nested too deeply or is too large to read completely.`));
  const access: Access = LIST.has(canon) ? 'meta' : WRITE_TOOL.test(action.tool) && !SEARCH.has(canon) ? 'write' : 'read';

  for (const f of found) {
    if (COMMAND_KEY.test(f.key) && f.value.trim() && canon !== 'slashcommand') {
      const span = spanOf(pretty, f.value);
      const offset = span && JSON.stringify(f.value) === `"${f.value}"` ? span.start + 1 : undefined;
      for (const h of analyzeShell(f.value, action.cwd || undefined, ctx)) {
        const at: Span | undefined = offset !== undefined ? { field: 'input', start: offset + h.start, end: offset + h.end, text: pretty.slice(offset + h.start, offset + h.end) } : span;
        out.push(reason(h.rule, h.message, at, h.risk));
      }
      continue;
    }
    if ((PATH_KEY.test(f.key) || looksLikePath(f.value)) && f.value.length < 4096) {
      const p = f.value.startsWith('file://') ? f.value.slice(7) : f.value;
      const abs = resolvePath(p, action.cwd || undefined, ctx.policy.home) ?? `**/${p}`;
      const glob = hasGlobChars(abs) || /[*?[{]/.test(abs);
      const m = glob ? ctx.policy.matchGlob(abs.includes('/') ? abs : `**/${abs}`, access, false) : ctx.policy.match(abs, access);
      if (m) {
        const rule: RuleId = access === 'meta' ? 'path.secret-listing' : m.category === 'secret' ? (glob ? 'path.secret-glob' : 'path.secret') : m.category === 'self' ? 'path.self' : m.category === 'protected' ? 'path.protected' : 'path.system';
        out.push(reason(rule, `The ${action.tool} tool ${access === 'write' ? 'changes' : access === 'meta' ? 'lists' : 'reads'} ${f.value}: ${m.label} (matches ${m.glob}).`, spanOf(pretty, f.value)));
      }
    }
    if (TEXT_KEY.test(f.key) || f.value.length > 40) {
      for (const s of findSecrets(f.value)) {
        out.push(reason('content.secret', `The ${action.tool} tool input contains ${s.kind}.`, spanOf(pretty, f.value)));
      }
    }
  }

  for (const f of found) {
    if (f.value.length < 20_000 && SQL_PERMISSION.test(f.value)) out.push(reason('perm.sql', `The ${action.tool} tool runs SQL that grants privileges or creates users.`, spanOf(pretty, f.value)));
  }
  if (SENSITIVE_TOOL.test(action.tool) && !INTERNAL.has(canon)) out.push(reason('tool.sensitive', `${action.tool} handles secrets or access rights, by its name.`));
  if (INTERNAL.has(canon) || SEARCH.has(canon) || LIST.has(canon)) out.push(reason('safe.tool', `${action.tool} only reads or plans inside the agent.`));
  else if (WEB.has(canon)) out.push(reason('net.tool', `${action.tool} reaches the network.`));
  else if (/^mcp(__|_)|__/.test(action.tool) || canon === 'usemcptool' || canon === 'accessmcpresource' || canon === 'mcp') out.push(reason('tool.mcp', `Calls the MCP tool ${action.tool}, whose effects Countersign does not know.`));
  else if (canon === 'savememory') out.push(reason('tool.unknown', 'Saves a memory the agent will read in later sessions.'));
  else out.push(reason('tool.unknown', `Calls ${action.tool}, a tool Countersign does not know.`));
  return out;
}

