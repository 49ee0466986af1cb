// What each field of a tool's input holds, by its name and by the shape of its value, whatever the tool or server
// is called: a command line, program code, SQL, a path, a URL, or text. `{"cli_command": "cat .env"}`,
// `{"python": "open('/home/u/.aws/credentials')"}`, `{"statement": "GRANT ALL …"}` and `{"target": "~/.ssh/id_rsa"}`
// are judged as what they are.
import { decodeJsonText, isObj } from '../normalize/fields';
import type { CodeLanguage } from '../shell/interpreterCode';
import { lookupHandler } from '../shell/commands/registry';

/** The command line starts with a program Countersign knows (then it is not a wrapped CLI's subcommand line). */
function lookupKnown(v: string): boolean {
  const first = /^\s*([^\s;|&<>()]+)/.exec(v)?.[1];
  return first !== undefined && lookupHandler(first) !== undefined;
}

export type FieldKind = 'command' | 'code' | 'sql' | 'path' | 'url' | 'text';

export interface Field {
  key: string;
  value: string;
  kind: FieldKind;
  /** For `code`: the language, when the field, a sibling or the tool says; undefined = unknown. */
  language?: CodeLanguage | 'shell' | 'sql';
  /** The object the field sits in (its siblings: a path next to the content written there). */
  parent: Record<string, unknown> | undefined;
  /** The value came out of JSON text (Cline's `arguments`), so it has no span in the pretty-printed input. */
  decoded: boolean;
  /** Kind from the value alone, not the key: only its sensitive findings count. */
  byShape: boolean;
}

const COMMAND_KEY = /^(command|cmd|commands|cli_?command|shell|shell_?command|bash|sh|zsh|script|command_?line|cmdline|cmd_?line|run|exec|execute|terminal_?command|powershell|pwsh|argv|[a-z_]*_command|[a-z_]*_cmd)$/i;
const CODE_KEY = /^(code|source|source_?code|snippet|program|python|py|python_?code|js|javascript|node|ts|typescript|ruby|rb|perl|php|lua|expression|expr|function|func|cell|notebook_?cell|[a-z_]*_code)$/i;
const SQL_KEY = /^(sql|query|statement|stmt|sql_?query|sql_?statement|query_?text|query_?string|[a-z_]*_sql|[a-z_]*_query|cypher|aql|hql|kql|cql)$/i;
const PATH_KEY = /(^|_|[a-z])(path|paths|file|files|filename|filenames|filepath|dir|dirpath|directory|folder|target|source|src|destination|dest|dst|uri|cwd|include|includepattern|glob|pattern|root|output|outfile|infile|location|mount)s?$/i;
const URL_KEY = /(url|urls|uri|uris|endpoint|href|link|webhook|base_?url|host)$/i;
/** Prose: words a person wrote (an issue body, a commit message). Never read for the shape of a command or SQL. */
const PROSE_KEY = /(^|_|[a-z])(title|body|description|desc|message|msg|text|content|contents|comment|comments|summary|notes?|prompt|instructions?|reason|explanation|subject|caption|markdown|html|label|labels|name|query|pattern|regex|search|term|terms|keywords?|filter|glob|question|answer|response|reply|thought|plan|intent|todo|todos|status|fact|facts|memory|observations?|details?|changelog|feedback|goal|objective|topic)$|^q$/i;
const LANGUAGE_KEY = /^(language|lang|runtime|kernel|kernel_?name|interpreter|engine|type|dialect)$/i;

const LANGUAGES: [RegExp, CodeLanguage | 'shell' | 'sql'][] = [
  [/^(python[\d.]*|py|py3|ipython|python_?code|jupyter|notebook|pyodide)$/i, 'python'],
  [/^(node|nodejs|js|javascript|ts|typescript|deno|bun|function|func|expression|expr|ecmascript|mjs|cjs)$/i, 'node'],
  [/^(ruby|rb)$/i, 'ruby'],
  [/^(perl|pl)$/i, 'perl'],
  [/^php$/i, 'php'],
  [/^(powershell|pwsh|ps1)$/i, 'powershell'],
  [/^(bash|sh|shell|zsh|dash|ksh|fish)$/i, 'shell'],
  [/^(sql|postgres|postgresql|mysql|sqlite|mssql|tsql|plpgsql|duckdb|bigquery|snowflake)$/i, 'sql'],
];

function languageOf(name: string): CodeLanguage | 'shell' | 'sql' | undefined {
  return LANGUAGES.find(([re]) => re.test(name))?.[1];
}

/** A language named in tool-name words (`execute_python`, `run_js`, `jupyter_run_cell`). */
export function languageFromWords(words: string[]): CodeLanguage | 'shell' | 'sql' | undefined {
  for (const w of words) {
    const l = languageOf(w);
    if (l) return l;
  }
  return undefined;
}

/** Statements that are SQL by their first words (not English: "update the docs" has no SET). */
const SQL_SHAPE =
  /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(?:select\s[\s\S]*?\bfrom\b|select\s+[\d*@]|insert\s+into\b|update\s+[\w."`[\]]+\s+set\b|delete\s+from\b|grant\s[\s\S]*?\b(?:to|on)\b|revoke\s[\s\S]*?\b(?:from|on)\b|(?:create|alter|drop)\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+)?(?:table|user|role|login|policy|index|view|function|procedure|database|schema|extension|trigger|sequence|type|materialized)\b|truncate\s+(?:table\s+)?[\w."`]+|with\s+\w+\s+as\s*\(|set\s+(?:role|session|password|search_path|global|local)\b|show\s+(?:tables|databases|grants|columns|schemas|users|create)\b|explain\s+(?:analyze\s+)?(?:select|insert|update|delete|with)\b|copy\s+[\w."]+\s+(?:from|to)\b|call\s+\w+\s*\(|exec(?:ute)?\s+(?:sp_|xp_)\w+|begin\s*;|vacuum\b|db\.\w+(?:\.\w+)?\s*\()/i;

export function looksLikeSql(v: string): boolean {
  return v.length < 200_000 && SQL_SHAPE.test(v);
}

/** A statement that only reads: SELECT/SHOW/EXPLAIN (without INTO), WITH … SELECT. */
export function readOnlySql(v: string): boolean {
  const t = v.replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').trim();
  return /^(select|show|explain|describe|desc|with)\b/i.test(t) && !/\b(insert|update|delete|merge|grant|revoke|create|alter|drop|truncate|into|copy|call|exec|execute|set)\b/i.test(t);
}

/** URLs that reach a network service (an MCP resource's own scheme, `github://…`, is the server's business). */
export function looksLikeUrl(v: string): boolean {
  return v.length < 4096 && /^(https?|wss?|s?ftps?|ssh|git|s3|gs|smtps?|rediss?|postgres(ql)?|mysql|mongodb(\+srv)?|amqps?|ldaps?|tcp|udp|grpcs?):\/\/\S+$/i.test(v.trim());
}

export function looksLikePath(v: string): boolean {
  if (v.length >= 1024 || /\s/.test(v) || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^file:\/\//i.test(v)) return false;
  return /^file:\/\//i.test(v) || /^(~|\.{1,2})?\//.test(v) || /^~$/.test(v) || /^[A-Za-z]:[\\/]/.test(v) || /(^|\/)\.[\w-]+/.test(v) || /\.(pem|key|env|p12|pfx|json|ya?ml|toml|conf|cfg|ini|kubeconfig|ovpn|tfstate|tfvars)$/i.test(v) || /(^|\/)id_(rsa|dsa|ecdsa|ed25519)\b/.test(v);
}

/** Code by its look when nothing names the language. */
function sniffLanguage(v: string): CodeLanguage | undefined {
  if (/^\s*(import\s+\w+|from\s+[\w.]+\s+import\b|def\s+\w+\s*\(|print\s*\()|\bos\.(environ|system|getenv)\b|\bsubprocess\.|\bopen\s*\([^)]*\)\s*\.\s*read\b|^\s*with\s+open\s*\(/m.test(v)) return 'python';
  if (/\b(require\s*\(|console\.\w+\s*\(|process\.env\b|=>|\bconst\s+\w+\s*=|\blet\s+\w+\s*=|\bawait\s+|document\.|window\.|fetch\s*\()/.test(v)) return 'node';
  return undefined;
}

function siblingLanguage(parent: Record<string, unknown> | undefined): CodeLanguage | 'shell' | 'sql' | undefined {
  if (!parent) return undefined;
  for (const [k, v] of Object.entries(parent)) if (LANGUAGE_KEY.test(k) && typeof v === 'string') return languageOf(v.trim());
  return undefined;
}

/**
 * Command-line tools an MCP server may wrap (`gcloud/run_gcloud_command {args: [...]}`, an AWS server's
 * `{command: "secretsmanager get-secret-value …"}`): the tool name supplies the program the arguments are for.
 */
const WRAPPED_CLIS = new Set(['aws', 'gcloud', 'gsutil', 'bq', 'az', 'kubectl', 'helm', 'gh', 'glab', 'docker', 'podman', 'git', 'terraform', 'tofu', 'pulumi', 'vault', 'op', 'bw', 'heroku', 'vercel', 'netlify', 'flyctl', 'wrangler', 'doctl', 'firebase', 'supabase', 'stripe', 'psql', 'mysql', 'mongosh', 'ssh', 'oc', 'eksctl', 'ansible', 'npm', 'pnpm', 'yarn']);

export function wrappedCli(words: string[]): string | undefined {
  return words.find((w) => WRAPPED_CLIS.has(w));
}

/** `{command: "cat", args: [".env"]}`: one command line from a program and its argument list. */
function argvCommand(parent: Record<string, unknown>, cli: string | undefined): string | undefined {
  const cmd = parent.command ?? parent.cmd ?? parent.program ?? parent.executable ?? (parent.command === undefined && parent.cmd === undefined ? cli : undefined);
  const args = decodeJsonText(parent.args ?? parent.arguments ?? parent.argv);
  if (typeof cmd !== 'string' || !Array.isArray(args) || args.length === 0 || !args.every((a) => typeof a === 'string')) return undefined;
  const quote = (a: string) => (/^[A-Za-z0-9_./=:@%+,~-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
  return [cmd, ...args].map(quote).join(' ');
}

function classify(key: string, value: string, parent: Record<string, unknown> | undefined, toolLanguage: CodeLanguage | 'shell' | 'sql' | undefined): Pick<Field, 'kind' | 'language' | 'byShape'> {
  const named = siblingLanguage(parent);
  // A database tool's `command` (MongoDB, Redis) is a statement, not a shell line.
  if ((COMMAND_KEY.test(key) || /^script$/i.test(key)) && !lookupKnown(value) && (looksLikeSql(value) || /^\s*(config\s+set|acl\s+setuser|auth)\b/i.test(value))) return { kind: 'sql', byShape: false };
  if (COMMAND_KEY.test(key) && !/^(script)$/i.test(key)) return { kind: 'command', byShape: false };
  if (/^script$/i.test(key)) {
    const l = named ?? toolLanguage;
    if (l === 'sql') return { kind: 'sql', byShape: false };
    if (l && l !== 'shell') return { kind: 'code', language: l, byShape: false };
    return { kind: 'command', byShape: false };
  }
  if (CODE_KEY.test(key) && !(/^source$/i.test(key) && (looksLikePath(value) || !/[\s(]/.test(value)))) {
    const l = languageOf(key) ?? named ?? toolLanguage ?? (looksLikeSql(value) ? 'sql' : sniffLanguage(value));
    if (l === 'shell') return { kind: 'command', byShape: false };
    if (l === 'sql') return { kind: 'sql', byShape: false };
    return l ? { kind: 'code', language: l, byShape: false } : { kind: 'code', byShape: false };
  }
  if (SQL_KEY.test(key) && (/sql/i.test(key) || looksLikeSql(value) || named === 'sql' || toolLanguage === 'sql')) return { kind: 'sql', byShape: false };
  if (/^file:\/\//i.test(value) && !/\s/.test(value)) return { kind: 'path', byShape: false };
  if (URL_KEY.test(key) && looksLikeUrl(value)) return { kind: 'url', byShape: false };
  if (PATH_KEY.test(key) && !/resources?$/i.test(key) && value.length < 4096 && !value.includes('\n') && !looksLikeUrl(value) && !(PROSE_KEY.test(key) && /\s/.test(value))) return { kind: 'path', byShape: false };
  if (looksLikeUrl(value)) return { kind: 'url', byShape: true };
  if (looksLikePath(value)) return { kind: 'path', byShape: true };
  if (!PROSE_KEY.test(key) && looksLikeSql(value)) return { kind: 'sql', byShape: true };
  if (!PROSE_KEY.test(key) && /^\s*[A-Za-z_][\w.+-]*\s+\S/.test(value) && value.length < 4096 && !value.includes('\n\n')) return { kind: 'command', byShape: true };
  return { kind: 'text', byShape: false };
}

/** Every string in a tool's input (JSON text decoded), classified. Depth and count are bounded. */
export function fieldsOf(input: unknown, toolLanguage: CodeLanguage | 'shell' | 'sql' | undefined, cli?: string): Field[] {
  const out: Field[] = [];
  const walk = (v: unknown, key: string, parent: Record<string, unknown> | undefined, decoded: boolean, depth: number) => {
    if (depth > 8 || out.length > 500) return;
    if (typeof v === 'string') {
      const t = v.trim();
      if ((t.startsWith('{') || t.startsWith('[')) && t.length < 200_000) {
        const parsed = decodeJsonText(v);
        if (parsed !== v && typeof parsed === 'object' && parsed !== null) {
          walk(parsed, key, parent, true, depth + 1);
          return;
        }
      }
      const field: Field = { key, value: v, parent, decoded, ...classify(key, v, parent, toolLanguage) };
      // A wrapped CLI's subcommand line (`secretsmanager get-secret-value …` for an AWS server) gets its program.
      if (field.kind === 'command' && !field.byShape && cli && !new RegExp(`^\\s*(sudo\\s+)?${cli}\\b`).test(v) && !/^\s*[\w.-]+\s*$/.test(v) && !lookupKnown(v)) {
        field.value = `${cli} ${v}`;
        field.decoded = true;
      }
      out.push(field);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, key, parent, decoded, depth + 1);
    } else if (isObj(v)) {
      const argv = argvCommand(v, cli);
      if (argv !== undefined) out.push({ key: 'command', value: argv, parent: v, decoded: true, kind: 'command', byShape: false });
      for (const [k, x] of Object.entries(v)) {
        if (argv !== undefined && /^(command|cmd|program|executable|args|arguments|argv)$/.test(k)) continue;
        walk(x, k, v, decoded, depth + 1);
      }
    }
  };
  walk(input, '', undefined, false, 0);
  return out;
}
