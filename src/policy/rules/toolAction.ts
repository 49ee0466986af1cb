// Tools that are not shell, read, write, edit or patch: agent-internal tools (todo lists, plans, searches), web
// tools, MCP servers and anything unknown. A tool is judged by what its fields are (toolFields.ts: a command is
// analyzed as shell, code as interpreter code, SQL for grants, a path against the path policy, a URL as network,
// written text by the content detectors) and by what its name says it does (toolNames.ts: sharing and granting
// access and handling secrets are sensitive; read-only list/get/search tools are safe unless a field says more).
import type { Access } from '../paths/pathPolicy';
import { hasGlobChars } from '../paths/globIntersect';
import { resolvePath } from '../paths/resolve';
import { contentHits } from '../content';
import { permissionFindings } from '../content/permissions';
import { findSecrets } from '../content/secrets';
import { canonicalTool } from '../normalize/detect';
import { reason, type Hit, type RuleId } from '../reasons';
import { analyzeShell } from '../shell';
import { ShellAnalyzer } from '../shell/analyzer';
import { analyzeCode, type CodeLanguage } from '../shell/interpreterCode';
import { lookupHandler } from '../shell/commands/registry';
import { SQL_PERMISSION } from '../shell/commands/sql';
import type { Reason, Span, ToolAction } from '../types';
import type { RuleContext } from './context';
import { TRUNCATED } from '../normalize/bounded';
import { fieldsOf, languageFromWords, readOnlySql, wrappedCli, type Field } from './toolFields';
import { identify, intentOf, type ToolIdentity } from './toolNames';

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

/** Tool-name words that say the tool runs what it is given. */
const EXEC_WORDS = new Set(['run', 'exec', 'execute', 'shell', 'terminal', 'command', 'commands', 'cmd', 'cli', 'invoke', 'script', 'eval', 'spawn', 'launch', 'task', 'job', 'hook', 'cron', 'schedule', 'bash', 'sh', 'process']);
/** Tool-name words that say the tool changes files (the path fields are written). */
const WRITE_WORDS = new Set(['write', 'create', 'edit', 'update', 'delete', 'remove', 'move', 'rename', 'save', 'upload', 'put', 'set', 'insert', 'append', 'replace', 'patch', 'mkdir', 'store', 'overwrite', 'truncate', 'unlink', 'rm', 'touch', 'copy', 'cp', 'mv']);
/** Fields that are where a copy or move comes from: read, even when the tool writes. */
const SOURCE_KEY = /^(source|src|from|local_?path|input|infile|input_?file|source_?path|from_?path|old_?path)$/i;
/** Fields holding the text a tool writes into a file (judged like a Write's content). */
const CONTENT_KEY = /^(content|contents|file_?text|text|data|body|new_?string|new_?text|new_?content|code|source|patch|diff|value)$/i;
const TEXT_KEY = /(content|contents|text|body|data|value|string|code|new_?string|new_?text|message|prompt|input|query|arguments|args|headers?|env|sql|statement|script|command)$/i;
/** Findings that count when a field was recognized by the shape of its value alone (prose may look like a command). */
const SHAPE_RULES = /^(path\.(secret|self|protected|secret-glob|secret-tree)|secret\.|perm\.|destroy\.|content\.)/;
/** Code run in a browser page (Playwright/Puppeteer evaluate) that reads the session: cookies and stored tokens. */
const BROWSER_SECRETS = /\bdocument\s*\.\s*cookie\b|\b(?:localStorage|sessionStorage)\b|\bindexedDB\b|\.\s*cookies\s*\(|\bgetCookies?\b|\bcredentials\s*\.\s*get\s*\(/;
/** Link-local metadata services hand out the machine's cloud credentials. */
const METADATA_HOST = /^(169\.254\.169\.254|\[?fd00:ec2::254\]?|metadata\.google\.internal|metadata|100\.100\.100\.200|169\.254\.170\.2)$/i;

/** Span of a string value inside the pretty-printed input (the text the panel shows). */
function spanOf(pretty: string, value: string, from = 0): Span | undefined {
  const encoded = JSON.stringify(value);
  const at = pretty.indexOf(encoded, from);
  if (at < 0) return undefined;
  return { field: 'input', start: at, end: at + encoded.length, text: encoded };
}

/** Hits in a field's own coordinates → reasons with spans in the pretty-printed input (when it appears verbatim). */
function hitReasons(hits: Hit[], f: Field, pretty: string): Reason[] {
  const span = f.decoded ? undefined : spanOf(pretty, f.value);
  const offset = span && JSON.stringify(f.value) === `"${f.value}"` ? span.start + 1 : undefined;
  return hits.map((h) => {
    const at: Span | undefined = offset !== undefined ? { field: 'input', start: offset + h.start, end: offset + h.end, text: pretty.slice(offset + h.start, offset + h.end) } : span;
    return reason(h.rule, h.message, at, h.risk);
  });
}

function codeHits(code: string, lang: CodeLanguage, cwd: string, ctx: RuleContext): Hit[] {
  const a = new ShellAnalyzer(ctx, cwd || undefined);
  analyzeCode(a, lang, { source: code, origin: { base: 0, start: 0, end: code.length }, nesting: 1 });
  return a.hits;
}

function sqlHits(sql: string, tool: string): Hit[] {
  const found = permissionFindings(sql, { base: 'query.sql', ext: 'sql', path: '/stdin/query.sql' }).map((f): Hit => ({ rule: f.rule, risk: f.risk ?? 'sensitive', message: f.message, start: f.start, end: f.end }));
  if (found.length === 0 && sql.length < 20_000 && SQL_PERMISSION.test(sql)) {
    found.push({ rule: 'perm.sql', risk: 'sensitive', message: `The ${tool} tool runs SQL that grants privileges or creates users.`, start: 0, end: sql.length });
  }
  if (found.length === 0 && !readOnlySql(sql)) found.push({ rule: 'db.client', risk: 'review', message: `The ${tool} tool runs SQL that changes data or schema.`, start: 0, end: sql.length });
  return found;
}

function pathReasons(f: Field, access: Access, tool: string, cwd: string, ctx: RuleContext, pretty: string): Reason[] {
  const p = f.value.replace(/^file:\/\//i, '');
  const abs = resolvePath(p, cwd || undefined, ctx.policy.home) ?? `**/${p}`;
  const glob = hasGlobChars(abs) || /[*?[{]/.test(abs);
  const m = glob ? ctx.policy.matchGlob(abs.includes('/') ? abs : `**/${abs}`, access, false) : ctx.policy.match(abs, access);
  if (!m) return [];
  const rule: RuleId = access === 'meta' ? 'path.secret-listing' : m.category === 'secret' ? (glob ? 'path.secret-glob' : 'path.secret') : m.category === 'self' ? 'path.self' : m.category === 'protected' ? 'path.protected' : 'path.system';
  const verb = access === 'write' ? 'changes' : access === 'meta' ? 'lists' : 'reads';
  return [reason(rule, `The ${tool} tool ${verb} ${f.value}: ${m.label} (matches ${m.glob}).`, f.decoded ? undefined : spanOf(pretty, f.value))];
}

/** A configuration document by its look (a Kubernetes manifest, an IAM policy, Terraform), as a file name. */
function documentName(text: string): string | undefined {
  if (text.length < 20 || !text.includes('\n') && !text.trimStart().startsWith('{')) return undefined;
  if (/^\s*apiVersion:\s*\S+/m.test(text) && /^\s*kind:\s*\S+/m.test(text)) return '/stdin/manifest.yaml';
  if (/"(apiVersion|kind)"\s*:/.test(text)) return '/stdin/manifest.json';
  if (/"Statement"\s*:|"Effect"\s*:|"bindings"\s*:/.test(text)) return '/stdin/policy.json';
  if (/^\s*(resource|data|provider|module)\s+"[^"]+"/m.test(text)) return '/stdin/main.tf';
  if (/^\s*(on|jobs|permissions):/m.test(text) && /^\s*jobs:/m.test(text)) return '/stdin/.github/workflows/workflow.yml';
  return undefined;
}

/** The path a content field is written to: a path-like sibling field. */
function siblingPath(f: Field, fields: Field[]): string | undefined {
  return fields.find((g) => g.parent === f.parent && g.kind === 'path' && !g.byShape && !SOURCE_KEY.test(g.key))?.value;
}

function fieldReasons(f: Field, fields: Field[], id: ToolIdentity, access: Access, writes: boolean, action: ToolAction, ctx: RuleContext, pretty: string): Reason[] {
  const tool = id.name;
  const cwd = action.cwd;
  const out: Reason[] = [];
  switch (f.kind) {
    case 'command': {
      if (!f.value.trim()) break;
      if (f.byShape) {
        // A sentence can start with a command's name ("sudo is needed for docker"): outside tools that run
        // things, only a value with shell syntax or a path in it is taken for a command line.
        const first = /^\s*([^\s;|&<>()]+)/.exec(f.value)?.[1];
        if (!first || !lookupHandler(first)) break;
        if (!id.words.some((w) => EXEC_WORDS.has(w)) && !/[|;&<>`$]|(^|\s)(~|\.{0,2}\/|\.[\w-])/.test(f.value)) break;
        out.push(...hitReasons(analyzeShell(f.value, cwd || undefined, ctx).filter((h) => SHAPE_RULES.test(h.rule) && h.risk !== 'safe' && h.risk !== 'review'), f, pretty));
        break;
      }
      out.push(...hitReasons(analyzeShell(f.value, cwd || undefined, ctx), f, pretty));
      return out;
    }
    case 'code': {
      const langs: CodeLanguage[] = f.language && f.language !== 'shell' && f.language !== 'sql' ? [f.language] : ['python', 'node'];
      const seen = new Set<string>();
      for (const l of langs) {
        for (const h of codeHits(f.value, l, cwd, ctx)) {
          const k = `${h.rule}|${h.start}|${h.end}`;
          if (seen.has(k)) continue;
          seen.add(k);
          out.push(...hitReasons([h], f, pretty));
        }
      }
      if (BROWSER_SECRETS.test(f.value)) out.push(reason('tool.sensitive', `The ${tool} tool runs code that reads the browser's cookies or stored tokens.`, f.decoded ? undefined : spanOf(pretty, f.value)));
      out.push(reason('exec.interpreter', `The ${tool} tool runs ${f.language ?? 'program'} code.`, f.decoded ? undefined : spanOf(pretty, f.value)));
      break;
    }
    case 'sql':
      out.push(...hitReasons(sqlHits(f.value, tool), f, pretty).filter((r) => !f.byShape || r.risk === 'sensitive' || r.risk === 'blocked'));
      break;
    case 'path':
      out.push(...pathReasons(f, SOURCE_KEY.test(f.key) ? 'read' : access, tool, cwd, ctx, pretty));
      break;
    case 'url': {
      const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^/:?#]+)/i.exec(f.value.trim())?.[1] ?? '';
      if (METADATA_HOST.test(host)) out.push(reason('secret.credential-cli', `The ${tool} tool reaches ${host}, the cloud metadata service that hands out this machine's credentials.`, spanOf(pretty, f.value)));
      else out.push(reason('net.tool', `The ${tool} tool reaches ${host || f.value}.`, f.decoded ? undefined : spanOf(pretty, f.value)));
      break;
    }
    case 'text':
      break;
  }
  // Text written into a file is judged like a Write's content (secrets with test-file awareness, permission config,
  // scripts); a manifest or policy document sent to a changing tool as the file it would be; other text only for
  // secret literals.
  const target = writes && CONTENT_KEY.test(f.key) ? siblingPath(f, fields) : writes && f.kind === 'text' ? documentName(f.value) : undefined;
  if (target !== undefined && f.kind !== 'path') {
    const abs = resolvePath(target, cwd || undefined, ctx.policy.home) ?? target;
    const hits = contentHits(f.value, abs, { policy: ctx.policy, shell: (s: string) => analyzeShell(s, cwd || undefined, ctx) });
    out.push(...hitReasons(hits.map((h) => ({ ...h, message: h.message.replace(/^Writes /, `The ${tool} tool writes `) })), f, pretty));
  } else if (TEXT_KEY.test(f.key) || f.value.length > 40 || f.kind !== 'text') {
    for (const s of findSecrets(f.value)) out.push(reason('content.secret', `The ${tool} tool input contains ${s.kind}.`, f.decoded ? undefined : spanOf(pretty, f.value)));
  }
  return out;
}

export function toolReasons(action: ToolAction, ctx: RuleContext): Reason[] {
  const canon = canonicalTool(action.tool);
  const out: Reason[] = [];
  const pretty = JSON.stringify(action.input ?? null, null, 2) ?? '';
  if (pretty.includes(TRUNCATED)) out.push(reason('input.malformed', `The ${action.tool} tool input is nested too deeply or is too large to read completely.`));
  const builtin = INTERNAL.has(canon) || SEARCH.has(canon) || LIST.has(canon) || WEB.has(canon);
  const id = identify(action.tool, action.input, action.agent, action.server);
  const intent = builtin ? undefined : intentOf(id);
  const writes = !SEARCH.has(canon) && !LIST.has(canon) && id.words.some((w) => WRITE_WORDS.has(w));
  // `list_directory`, `directory_tree`: names only, like ls.
  const lists = !writes && id.words.some((w) => w === 'list' || w === 'ls' || w === 'tree' || w === 'glob') && !id.words.some((w) => w === 'read' || w === 'get' || w === 'cat' || w === 'search' || w === 'grep');
  const access: Access = LIST.has(canon) || lists ? 'meta' : writes ? 'write' : 'read';
  // A slash command's `command` is the agent's own command name, not a shell line.
  const fields = fieldsOf(canon === 'slashcommand' ? {} : id.args, languageFromWords(id.words), builtin ? undefined : wrappedCli(id.words));
  // A git server's config tool: `{key: "core.hooksPath", value: …}` is `git config KEY VALUE`.
  if (!builtin && id.words.includes('git') && id.words.includes('config')) {
    const a = fieldsOf(id.args, undefined);
    const key = a.find((f) => /^(key|name|setting|option)$/i.test(f.key))?.value;
    const value = a.find((f) => /^(value|val)$/i.test(f.key))?.value;
    if (key && /^[\w.-]+$/.test(key)) out.push(...analyzeShell(`git config ${key}${value !== undefined ? ` '${value.replace(/'/g, `'\\''`)}'` : ''}`, action.cwd || undefined, ctx).filter((h) => h.risk === 'sensitive' || h.risk === 'blocked').map((h) => reason(h.rule, `${id.name}: ${h.message}`, undefined, h.risk)));
  }
  for (const f of fields) {
    // Searches and web tools take queries and patterns, not commands: only paths, URLs and secrets in them count.
    if (builtin && ((f.byShape && f.kind !== 'path') || f.kind === 'sql' || f.kind === 'code')) continue;
    out.push(...fieldReasons(f, fields, id, access, writes, action, ctx, pretty));
  }

  if (intent?.kind === 'grant') out.push(reason(/visib|public/.test(intent.why) ? 'perm.repo' : 'tool.sensitive', `${id.name} ${intent.why}: it changes who may do what.`));
  else if (intent?.kind === 'secret') out.push(reason('tool.sensitive', `${id.name} ${intent.why}: it reads, writes or mints secrets.`));

  if (builtin && !WEB.has(canon)) out.push(reason('safe.tool', `${action.tool} only reads or plans inside the agent.`));
  else if (WEB.has(canon)) out.push(reason('net.tool', `${action.tool} reaches the network.`));
  else if (intent?.kind === 'read') out.push(reason('safe.tool', `${id.name} ${intent.why}.`));
  else if (id.mcp || canon === 'usemcptool' || canon === 'accessmcpresource') out.push(reason('tool.mcp', `Calls the MCP tool ${id.name}, whose effects Countersign does not know (${intent?.why ?? 'unknown'}).`));
  else if (canon === 'savememory') out.push(reason('tool.unknown', 'Saves a memory the agent will read in later sessions.'));
  else out.push(reason('tool.unknown', `Calls ${action.tool}, a tool Countersign does not know.`));
  return out;
}
