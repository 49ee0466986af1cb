// Inspects interpreter one-liners (`python -c`, `node -e`, `perl -e`, `ruby -e`, `php -r`, awk programs, scripts
// fed on stdin) for what matters to the policy: subprocess calls (their literal command lines are analyzed as shell,
// computed ones are opaque), file-mode and user-id changes, secret files named in string literals, environment
// dumps and secret variables, eval of built code, network and file writes. Pattern-based on purpose: the goal is
// to see the dangerous calls in short agent-written snippets, not to interpret the language.
import type { RuleId } from '../reasons';
import type { ShellAnalyzer } from './analyzer';
import { foldCommand, foldCommandWords, isPlainLiteral, type FoldEnv } from './codeEval';
import { judgePartlyComputed } from './computedCommand';
import { analyzeEffects, foldEnv, splitArgs } from './codeEffects';
import { judgeCodeDelete } from './codeDeletes';
import { writesOwnTempFile, writesProjectSource } from './codeWrites';
import { checkHomeJoins } from './homeJoins';
import { writesInsideProject } from './codeTargets';
import { maskStringsAndComments } from './codeMask';
import { runsKnownCode } from './evalKnown';
import { checkPathWord } from './pathArgs';
import { childOrigin, type Frame } from './types';
import { isSecretVarName, syntheticWord } from './words';

export type CodeLanguage = 'python' | 'node' | 'perl' | 'ruby' | 'php' | 'awk' | 'powershell' | 'applescript' | 'other';

interface LanguageRules {
  /** Calls that start a subprocess; the command follows the match. */
  subprocess: RegExp[];
  /** Literal command forms that run their body as shell (backticks, qx{}, `do shell script "…"`). */
  inlineShell?: RegExp;
  perm: RegExp;
  envDump: RegExp;
  /** Reads of one variable; group 1 is its name. */
  envRead: RegExp;
  evalLike: RegExp;
  network: RegExp;
  write: RegExp;
}

const RULES: Record<CodeLanguage, LanguageRules> = {
  python: {
    subprocess: [
      /(?:\bos|\bsubprocess|\bpty|\bcommands|\bposix|\))\s*\.\s*(?:system|popen|spawn\w*|exec[lv]\w*|run|call|check_call|check_output|Popen|getoutput|getstatusoutput|posix_spawnp?|spawn)\s*\(/g,
      /(?<![.\w])(?:system|popen|Popen|check_output|check_call|getoutput|getstatusoutput|execvp?e?|spawnv\w*)\s*\(/g,
    ],
    perm: /(?:\bos\s*\.\s*(?:chmod|fchmod|lchmod|chown|fchown|lchown|setuid|setgid|seteuid|setegid|setreuid|setresuid|setgroups)|\bshutil\s*\.\s*chown|\.chmod|\.lchmod)\s*\(/g,
    envDump: /\bos\s*\.\s*environ\b(?!\s*(?:\[|\.\s*(?:get|setdefault|pop|__setitem__|update)\s*\())|\bos\s*\.\s*environ\s*\.\s*(?:items|keys|values|copy)\s*\(/g,
    envRead: /\bos\s*\.\s*(?:environ\s*\[\s*|environ\s*\.\s*get\s*\(\s*|getenv\s*\(\s*)['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g,
    evalLike: /(?<![.\w])(?:exec|eval|compile|execfile)\s*\(|\b__import__\s*\(|\bimportlib\s*\.\s*import_module\s*\(|\bgetattr\s*\(\s*__builtins__|\bmarshal\s*\.\s*loads|\bpickle\s*\.\s*loads/g,
    // `urllib.parse`/`urllib.error` only handle text; `requests` is the library only where it is imported or called.
    network: /\burllib\d?\b(?!\s*\.\s*(?:parse|error)\b)(?!\s+import\s+(?:parse|error|quote|unquote|urlencode|urlparse|urljoin)\b(?!\s*,))|\brequests\s*\.\s*\w|\b(?:import|from)\s+requests\b|\b(?:http\.client|httpx|socket|aiohttp|ftplib|smtplib|paramiko|telnetlib)\b/g,
    write: /\bopen\s*\([^)]*['"][wax]\+?b?['"]|\.write_(?:text|bytes)\s*\(|\bshutil\s*\.\s*(?:copy\w*|move|rmtree)\s*\(|\bos\s*\.\s*(?:remove|unlink|rmdir|removedirs|rename|replace|makedirs|mkdir|symlink|link|truncate)\s*\(|\.\s*(?:unlink|rmdir)\s*\(/g,
  },
  node: {
    subprocess: [
      /\b(?:execSync|execFileSync|spawnSync|execFile|spawn|exec|fork)\s*\(/g,
      /\b(?:Bun\s*\.\s*spawn(?:Sync)?|Deno\s*\.\s*(?:run|Command))\s*\(/g,
    ],
    perm: /\b(?:chmod|chmodSync|lchmod|lchmodSync|fchmod|fchmodSync|chown|chownSync|lchown|lchownSync|fchown|fchownSync|setuid|setgid|seteuid|setegid|setgroups|umask)\s*\(/g,
    envDump: /\bprocess\s*\.\s*env\b(?!\s*(?:\.|\[|\?\.))|\bObject\s*\.\s*(?:keys|entries|values)\s*\(\s*process\s*\.\s*env\s*\)/g,
    envRead: /\bprocess\s*\.\s*env\s*(?:\.\s*|\[\s*['"`])([A-Za-z_][A-Za-z0-9_]*)/g,
    evalLike: /(?<![.\w])eval\b|\bnew\s+Function\s*\(|(?<![.\w])Function\s*\(|\bvm\s*\.\s*run\w*\s*\(|\bprocess\s*\.\s*binding\s*\(/g,
    network: /\b(?:fetch|https?\s*\.\s*(?:get|request)|net\s*\.\s*(?:connect|createConnection)|dgram|axios|WebSocket|XMLHttpRequest)\b/g,
    write: /\b(?:writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|unlink|unlinkSync|rm|rmSync|rmdir|rmdirSync|rename|renameSync|copyFile|copyFileSync|symlink|symlinkSync|mkdir|mkdirSync|truncate|truncateSync)\s*\(/g,
  },
  perl: {
    subprocess: [/(?<![\w$%@])(?:system|exec)\s*[\s(]/g, /\bopen\s*\(?\s*(?:my\s+)?[\w$]*\s*,?\s*['"][^'"]*\|/g],
    inlineShell: /`([^`]*)`|\bqx\s*\{([^}]*)\}|\bqx\s*\(([^)]*)\)/g,
    perm: /(?<![\w$%@])(?:chmod|chown|setuid|setgid)\s*[\s(]|\$[<>]\s*=|\$[()]\s*=/g,
    envDump: /%ENV\b|\bkeys\s+%ENV/g,
    envRead: /\$ENV\s*\{\s*['"]?([A-Za-z_][A-Za-z0-9_]*)/g,
    // `eval { … }` is Perl's exception handling, not string evaluation.
    evalLike: /(?<![\w$%@])eval\s*[\s('"$](?!\s*\{)|\bMIME::Base64\b|\bdecode_base64\b|\bunpack\s*\(\s*['"][mu]/g,
    network: /\b(?:LWP|HTTP::Tiny|IO::Socket|Net::\w+|Socket)\b/g,
    write: /\bopen\s*\(?[^;]*['"]\s*>|(?<![\w$])(?:unlink|rename|rmdir|mkdir|symlink)\s*[\s(]|-[pi]\b/g,
  },
  ruby: {
    subprocess: [/(?<![\w.])(?:system|exec|spawn)\s*[\s(]/g, /\b(?:IO\s*\.\s*popen|Open3\s*\.\s*\w+|Process\s*\.\s*spawn|Kernel\s*\.\s*(?:system|exec|spawn))\s*\(?/g],
    inlineShell: /`([^`]*)`|%x\{([^}]*)\}|%x\(([^)]*)\)/g,
    perm: /\b(?:File|FileUtils)\s*\.\s*(?:chmod|chmod_R|chown|chown_R|lchmod|lchown)\b|\bProcess\s*\.\s*(?:uid|euid|gid|egid)\s*=/g,
    envDump: /\bENV\b(?!\s*(?:\[|\.\s*fetch))/g,
    envRead: /\bENV\s*(?:\[\s*|\.\s*fetch\s*\(\s*)['"]([A-Za-z_][A-Za-z0-9_]*)/g,
    evalLike: /(?<![\w.])(?:eval|instance_eval|class_eval|module_eval)\b|\bBase64\s*\.\s*decode64\b|\.unpack1?\s*\(\s*['"]m/g,
    network: /\b(?:Net::HTTP|open-uri|URI\s*\.\s*open|TCPSocket|Socket|Faraday|HTTParty)\b/g,
    write: /\bFile\s*\.\s*(?:write|open\s*\([^)]*['"][wa])|\bFileUtils\s*\.\s*(?:rm\w*|mv|cp\w*|mkdir\w*|ln\w*)\b|\bFile\s*\.\s*(?:delete|unlink|rename|symlink)\b/g,
  },
  php: {
    subprocess: [/\b(?:system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec)\s*\(/g],
    inlineShell: /`([^`]*)`/g,
    perm: /\b(?:chmod|chown|chgrp|lchown|lchgrp|posix_setuid|posix_setgid|posix_seteuid)\s*\(/g,
    envDump: /\$_ENV\b(?!\s*\[)|\bgetenv\s*\(\s*\)|\$_SERVER\b(?!\s*\[)/g,
    envRead: /(?:\bgetenv\s*\(\s*|\$_ENV\s*\[\s*|\$_SERVER\s*\[\s*)['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g,
    evalLike: /\b(?:eval|assert|create_function)\s*\(|\bbase64_decode\s*\(|\bgzinflate\s*\(|\bstr_rot13\s*\(/g,
    network: /\b(?:curl_\w+|fsockopen|file_get_contents\s*\(\s*['"]https?:|stream_socket_client)\b/g,
    write: /\b(?:file_put_contents|fwrite|unlink|rename|rmdir|mkdir|symlink|copy)\s*\(/g,
  },
  awk: {
    subprocess: [/\bsystem\s*\(/g],
    inlineShell: /"([^"]*)"\s*\|\s*getline|\|\s*"([^"]*)"/g,
    perm: /(?!)/g,
    envDump: /\bin\s+ENVIRON\b/g,
    envRead: /\bENVIRON\s*\[\s*"([A-Za-z_][A-Za-z0-9_]*)"/g,
    evalLike: /(?!)/g,
    network: /\/inet\/(?:tcp|udp)\//g,
    write: /(?:print|printf)[^;}]*>>?\s*"/g,
  },
  powershell: {
    subprocess: [/\b(?:Start-Process|Invoke-Expression|iex|Invoke-Command|cmd\s*\/c|\[Diagnostics\.Process\]::Start)\b/gi],
    perm: /\b(?:Set-Acl|icacls|takeown|Add-LocalGroupMember|New-LocalUser|Set-ExecutionPolicy)\b/gi,
    envDump: /\b(?:Get-ChildItem|gci|dir|ls)\s+env:(?!\w)|\[Environment\]::GetEnvironmentVariables\s*\(/gi,
    envRead: /\$env:([A-Za-z_][A-Za-z0-9_]*)/g,
    evalLike: /\b(?:Invoke-Expression|iex|FromBase64String|EncodedCommand)\b/gi,
    network: /\b(?:Invoke-WebRequest|iwr|Invoke-RestMethod|irm|Net\.WebClient|System\.Net\.Sockets)\b/gi,
    write: /\b(?:Set-Content|Add-Content|Out-File|Remove-Item|Move-Item|Copy-Item|New-Item)\b/gi,
  },
  // Languages without rules of their own (lua, R, julia, tcl, …): the common spellings of "run a command".
  other: {
    subprocess: [/(?<![\w.])(?:os\s*\.\s*execute|io\s*\.\s*popen|system2?|shell|exec|run|spawn|popen|Process|pipeline|read_process|run_process)\s*\(/g],
    inlineShell: /`([^`]*)`|\[\s*exec\s+([^\]]*)\]/g,
    perm: /\b(?:chmod|chown|setuid|Sys\.chmod|file\.chmod)\s*[\s(]/g,
    envDump: /\bENV\b(?!\s*\[)|\bSys\.getenv\s*\(\s*\)|\bos\.environ\b|\benv\(\s*\)/g,
    envRead: /(?:\bgetenv|Sys\.getenv|ENV)\s*[([]\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]/g,
    evalLike: /(?<![\w.])(?:eval|loadstring|load|dostring|eval_string|Meta\.parse|include_string)\s*\(/g,
    network: /\b(?:socket|http|curl|download|HTTP|Socket|url\s*\()/g,
    write: /\b(?:writeLines|write|writeFile|file\.remove|os\.remove|os\.rename|unlink|rm|mv|cp)\s*\(/g,
  },
  applescript: {
    subprocess: [],
    inlineShell: /\bdo\s+shell\s+script\s+"((?:[^"\\]|\\.)*)"/g,
    perm: /\bwith\s+administrator\s+privileges\b/g,
    envDump: /(?!)/g,
    envRead: /(?!)/g,
    evalLike: /\brun\s+script\b|\bdisplay\s+dialog\b[^\n]*\bdefault\s+answer\b/g,
    network: /(?!)/g,
    write: /(?!)/g,
  },
};

const FILE_USE = /\bopen\b|read|load|copy|upload|send|post|\bPath\s*\(|\bfs\b|File\b|\bIO\b|file_get_contents|fopen|slurp|<\s*\$|shutil|pickle|dotenv|exec|spawn|system|popen|`|\bqx\b|\bcat\b|getline|\bsource\b|require\s*\(|import\s*\(|Get-Content|gc\b|type\b|\bcp\b/i;

/** Text that is escape sequences and words, with no path separator or drive: `\n`, `\u2192`, `\d+\.\w`. */
const ESCAPE_TEXT = /^(?=[^/:]*\\)(?:[^\\/:]|\\[nrtvfab0-9xuUN(){}[\].*+?^$|dswDSWbB'"\\-])*$/;

/** Python modules that talk to the network, as `__import__`/`import_module` name them. */
const NETWORK_MODULE = /^(?:urllib\d?(?:\.request)?|requests|http\.client|http|httpx|socket|aiohttp|ftplib|smtplib|paramiko|telnetlib|xmlrpc\.client|ssl|asyncio)$/;

const LITERAL = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

/** Ways code spells a string it does not contain literally. */
const OBFUSCATION = /['"]\s*\)?\s*\[\s*::\s*-1\s*\]|split\s*\(\s*(?:''|"")\s*\)\s*\.\s*reverse\s*\(|\bstrrev\s*\(|(?<![\w.])chr\s*\(\s*\d|fromCharCode\s*\(|\b(?:b64decode|b32decode|b85decode|a85decode|urlsafe_b64decode|decodebytes|unhexlify|fromhex|decode64|decode_base64|base64_decode|hex2bin|str_rot13|gzinflate|atob)\s*\(|\bcodecs\s*\.\s*decode\s*\(|\bBuffer\s*\.\s*from\s*\([^)]*['"](?:base64|base64url|hex)['"]|\.unpack1?\s*\(\s*['"][mH]|\bpack\s*\(\s*['"][Hh]|\bzlib\s*\.\s*(?:decompress|inflate\w*|gunzip\w*)|\bString\.raw\b/;
/** File or process APIs an obfuscated string could be handed to. */
const RUNS_OR_OPENS = /\bopen\b|read_?text|read_?bytes|readFile|createReadStream|\bFile\s*\.|\bIO\s*\.|file_get_contents|fopen|readfile|\bPath\s*\(|shutil|\bos\s*\.\s*(?:system|popen|exec\w*|spawn\w*)|subprocess|child_process|execSync|spawnSync|(?<![\w.])(?:system|exec|spawn|popen|passthru|shell_exec)\s*[(\s]|`|\bqx\b|\bDeno\s*\.|\bBun\s*\./;

/**
 * String literals joined by `+`, `.`, `,` or plain adjacency (`'.e' + 'nv'`, `['.e','nv'].join('')`, Python's
 * `'.e' 'nv'`): the joined text, so a path split to dodge the literal check is still seen.
 */
function joinedLiterals(code: string): { value: string; start: number; end: number }[] {
  const out: { value: string; start: number; end: number }[] = [];
  const lits = [...code.matchAll(LITERAL)].slice(0, 400);
  let run: RegExpMatchArray[] = [];
  const flush = () => {
    if (run.length > 1) {
      const value = run.map((m) => unescapeLiteral(m[0].slice(1, -1))).join('');
      if (value.length >= 2 && value.length <= 400 && !/\s/.test(value)) out.push({ value, start: run[0]!.index!, end: run[run.length - 1]!.index! + run[run.length - 1]![0].length });
    }
    run = [];
  };
  for (const m of lits) {
    const prev = run[run.length - 1];
    if (prev && /^\s*[+.,]?\s*$/.test(code.slice(prev.index! + prev[0].length, m.index))) run.push(m);
    else {
      flush();
      run = [m];
    }
  }
  flush();
  return out;
}

/** Backslash escapes as the languages read them, hex, unicode and octal included (`'\x2eenv'` is `.env`). */
function unescapeLiteral(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|[0-7]{1,3}|.)/g, (_m, e: string) => {
    const c = e[0]!;
    if (e.length > 1 && c === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (e.length > 1 && c === 'u') return String.fromCodePoint(parseInt(e.slice(1).replace(/[{}]/g, ''), 16));
    if (/[0-7]/.test(c)) return String.fromCharCode(parseInt(e, 8));
    return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[c] ?? c;
  });
}

/** The text of the call's argument list, starting just after `(` (or the space of `system "…"`). */
function callArguments(code: string, from: number): { start: number; text: string } {
  // Inside parentheses the list runs to the closing one, across lines; `system "…"` ends with its line.
  const parens = code[from - 1] === '(' || /\(\s*$/.test(code.slice(Math.max(0, from - 8), from));
  let depth = 0;
  let end = from;
  let quote: string | undefined;
  for (; end < code.length && end < from + 4000; end++) {
    const c = code[end]!;
    if (quote) {
      if (c === '\\') end++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) break;
      depth--;
    } else if ((c === ';' || c === '\n') && depth === 0 && !parens) break;
  }
  return { start: from, text: code.slice(from, end) };
}

function label(lang: CodeLanguage): string {
  return { python: 'Python', node: 'JavaScript', perl: 'Perl', ruby: 'Ruby', php: 'PHP', awk: 'awk', powershell: 'PowerShell', applescript: 'AppleScript', other: 'interpreter' }[lang];
}

/** Analyzes `f.source` as code in `lang`; findings map through `f.origin`. */
export function analyzeCode(a: ShellAnalyzer, lang: CodeLanguage, f: Frame): void {
  const code = f.source;
  const rules = RULES[lang];
  const name = label(lang);
  // A copy per walk: code inside code (`eval('…')`) walks the same rule in a nested call.
  const each = (rule: RegExp, fn: (m: RegExpExecArray) => void) => {
    const re = new RegExp(rule.source, rule.flags);
    for (let m = re.exec(code); m; m = re.exec(code)) {
      fn(m);
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  const hitMatch = (rule: RuleId, message: string, m: RegExpExecArray) => a.hitAt(rule, message, f, m.index, m.index + m[0].length);

  // Subprocess calls: literal command lines are analyzed as shell, anything computed is opaque.
  for (const re of rules.subprocess) {
    if (lang === 'node' && re === rules.subprocess[0] && !/child_process/.test(code)) continue;
    each(re, (m) => {
      const args = callArguments(code, m.index + m[0].length);
      const literals = [...args.text.matchAll(LITERAL)];
      const computed = args.text.replace(LITERAL, '').replace(/[\s,[\]()]|\b(?:shell|check|text|capture_output|encoding|cwd|env|stdio|true|false|True|False|None|\w+\s*=)\b/g, '');
      const templated = literals.some((l) => l[0].startsWith('`') && l[0].includes('${'));
      const fString = /\bf['"]/.test(args.text) || (/['"]\s*%/.test(args.text) && lang === 'python');
      if (literals.length === 0 || computed.length > 0 || templated || fString) {
        // `os.system('cat ' + '.env')`, `subprocess.run(['cat', os.path.expanduser('~/.ssh/id_rsa')])`: a command
        // built from constants is still known, and is judged as the command it is.
        const first = args.text.split(/,\s*(?:shell|check|text|capture_output|encoding|cwd|env|stdio|stdout|stderr|input|timeout)\s*[=:]/)[0]!;
        const built = lang === 'python' || lang === 'node' || lang === 'ruby' || lang === 'php' || lang === 'perl' ? foldCommand(first.replace(/^\s*\(|\)\s*$/g, '').trim(), foldEnv(a, lang, code, f)) : undefined;
        if (built !== undefined && !/\0/.test(built)) {
          a.runScript(built, childOrigin(f.origin, m.index, args.start + args.text.length, false), f.nesting + 1);
          return;
        }
        // `[sys.executable, script_path]`, `['git', 'diff', ref]`: a known program given computed arguments.
        if (lang === 'python' || lang === 'node') {
          const words = foldCommandWords(first.replace(/^\s*\(|\)\s*$/g, '').trim(), foldEnv(a, lang, code, f));
          if (words && judgePartlyComputed(a, words, name, f, m, childOrigin(f.origin, m.index, args.start + args.text.length, false))) return;
        }
        hitMatch('opaque.interpreter', `Starts a subprocess from ${name} code with a command built at run time.`, m);
        return;
      }
      const command = literals.map((l) => unescapeLiteral(l[0].slice(1, -1))).join(' ');
      const first = literals[0]!;
      const start = args.start + first.index + 1;
      const linear = literals.length === 1 && !first[0].includes('\\');
      a.runScript(command, childOrigin(f.origin, linear ? start : m.index, linear ? start + command.length : args.start + args.text.length, linear), f.nesting + 1);
    });
  }
  if (rules.inlineShell) {
    each(rules.inlineShell, (m) => {
      const groupIndex = m.slice(1).findIndex((g) => g !== undefined);
      const body = groupIndex >= 0 ? m[groupIndex + 1]! : '';
      if (/[$#]\{|\$\w/.test(body) && lang !== 'applescript') {
        hitMatch('opaque.interpreter', `Runs a shell command built at run time from ${name} code.`, m);
        return;
      }
      const command = lang === 'applescript' ? unescapeLiteral(body) : body;
      const start = m.index + m[0].indexOf(body);
      a.runScript(command, childOrigin(f.origin, start, start + body.length, command === body), f.nesting + 1);
    });
  }
  each(rules.perm, (m) => hitMatch(lang === 'applescript' ? 'perm.elevate' : 'perm.mode', `Changes file permissions, owners or the user id from ${name} code.`, m));
  each(rules.envDump, (m) => hitMatch('secret.env-dump', `Reads every environment variable from ${name} code; they often hold tokens.`, m));
  each(rules.envRead, (m) => {
    if (isSecretVarName(m[1]!)) hitMatch('secret.env-var', `Reads the secret environment variable ${m[1]} from ${name} code.`, m);
  });
  // Calls named inside strings and comments are only mentioned: eval and network are looked for in code.
  const masked = maskStringsAndComments(code, lang);
  const eachInCode = (rule: RegExp, fn: (m: RegExpExecArray) => void) => {
    const re = new RegExp(rule.source, rule.flags);
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      fn(m);
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  eachInCode(rules.evalLike, (m) => {
    // `eval("1+2")`, `eval('[1,2]')`: a constant is code that can be read, so it is analyzed, not opaque.
    const open = /\(\s*$/.test(m[0]) ? m.index + m[0].length : /^\s*\(/.test(code.slice(m.index + m[0].length)) ? code.indexOf('(', m.index + m[0].length) + 1 : -1;
    if (open > 0 && /^(?:[\w.]*\.)?(?:eval|exec|compile|instance_eval|class_eval|module_eval|__import__|import_module)\s*\($/.test(code.slice(m.index, open))) {
      const args = callArguments(code, open);
      const first = (splitArgs(args.text)[0]?.text ?? '').trim();
      const literal = first.match(/^(['"])((?:(?!\1)[^\\\n]|\\.)*)\1$/);
      if (literal && isPlainLiteral(first, lang) && !/^\s*$/.test(literal[2]!)) {
        // `__import__('socket')`: the module is named in a string, so the network is seen here.
        if (/__import__|import_module/.test(m[0])) {
          if (NETWORK_MODULE.test(literal[2]!)) hitMatch('net.command', `Uses the network from ${name} code (${literal[2]}).`, m);
          return;
        }
        const body = unescapeLiteral(literal[2]!);
        const start = args.start + args.text.indexOf(first) + 1;
        analyzeCode(a, lang, { source: body, origin: childOrigin(f.origin, start, start + body.length, body === literal[2]), nesting: f.nesting + 1 });
        return;
      }
      if (!/__import__|import_module/.test(m[0]) && runsKnownCode(a, lang, code, first, f, m, args.start + args.text.indexOf(first), analyzeCode)) return;
    }
    hitMatch('opaque.eval', `Evaluates code built at run time (${m[0].trim()}) in ${name}.`, m);
  });
  let network = false;
  eachInCode(rules.network, (m) => {
    network = true;
    hitMatch('net.command', `Uses the network from ${name} code.`, m);
  });
  // A socket wired to a shell's stdin/stdout is a remote shell.
  if (network && /\bdup2\b|pty\s*\.\s*spawn|\/bin\/(ba)?sh\b|\bcmd\.exe\b|Process\.Start|spawn\s*\(\s*["'](?:\/bin\/)?(?:ba)?sh["']/.test(code)) {
    a.hitAt('opaque.remote-code', `Connects a shell to the network from ${name} code (a reverse shell).`, f, 0, Math.min(code.length, 200));
  }
  let writes = false;
  let env: FoldEnv | undefined;
  each(rules.write, (m) => {
    writes = true;
    // `open('src/app/models.py', 'w')`: a project source file named by a constant, as an agent's own edit would
    // change it (its path is still checked below, and the new text is read from the disk when it runs).
    if (writesProjectSource(a, code.slice(m.index), lang, code.slice(Math.max(0, m.index - 200), m.index))) return;
    // A scratch file or folder the same code made with tempfile/mkdtemp: nobody else's files change.
    if (writesOwnTempFile(code, code.slice(m.index))) return;
    // A delete of a constant path: judged by what it loses, as `rm` is.
    const del = judgeCodeDelete(a, lang, code, m.index, m[0], callArguments(code, m.index + m[0].length).text);
    if (del) {
      a.deleted.push(del.abs);
      const held = del.mode === 'recursive' ? a.policy.holds(del.abs, 'write') : undefined;
      const hitPath = (rule: RuleId, message: string) => a.hitAt(rule, message, f, del.at.start, del.at.end);
      if (del.loss === 'root') hitPath('destroy.root', `Deletes ${del.path} recursively from ${name} code: the whole system or home directory.`);
      else if (held) hitPath(held.category === 'secret' ? 'path.secret' : held.category === 'system' ? 'path.system' : held.category === 'protected' ? 'path.protected' : 'path.self', `Deletes ${del.path} from ${name} code, which holds ${held.label} (${held.glob}).`);
      else if (del.loss.lost) hitPath('fs.delete', `Deletes ${del.path} from ${name} code; ${del.loss.file} ${del.loss.why}.`);
      else hitPath('safe.delete', `Deletes ${del.path} from ${name} code; nothing is lost: ${del.loss.why}.`);
      return;
    }
    // A path the code computes, folded: a plain file or folder inside the workspace or temp is an agent's edit.
    const paren = m[0].indexOf('(');
    if (paren > 0 && writesInsideProject(a, lang, code, m[0].slice(0, paren + 1), callArguments(code, m.index + paren + 1).text, () => (env ??= foldEnv(a, lang, code, f)), f, m.index + paren + 1, m.index)) return;
    hitMatch('exec.interpreter', `Changes files from ${name} code.`, m);
  });

  analyzeEffects({ a, lang, f, name, callArguments });
  // Languages without file rules of their own (Go, Rust, Java … run by `go run`, `cargo test`): home-based joins.
  if (lang === 'other') checkHomeJoins(a, f);

  // Strings spelled at run time (`'.e'+'nv'`, `'vne.'[::-1]`, `chr(46)`, base64) handed to file or process APIs:
  // the path or command cannot be read, so the code is opaque.
  const obfuscated = OBFUSCATION.exec(code);
  if (obfuscated && RUNS_OR_OPENS.test(code)) a.hitAt('opaque.interpreter', `${name} code builds a string at run time (${obfuscated[0].trim()}) and opens files or runs commands with it.`, f, obfuscated.index, obfuscated.index + obfuscated[0].length);

  // Paths named in string literals: a secret file opened by code is as sensitive as `cat` of it (when the code
  // reads, loads, copies or sends anything at all: `os.path.exists('.env')` only looks).
  if (!writes && !FILE_USE.test(code)) return;
  const literalHits: number[] = [];
  each(LITERAL, (m) => {
    const value = unescapeLiteral(m[0].slice(1, -1));
    if (value.length < 2 || value.length > 400 || /\s/.test(value)) return;
    const w = syntheticWord(value.replace(/[*?[\]{}\\,]/g, '\\$&'), false, { start: m.index, end: m.index + m[0].length }, { type: 'string', field: null, named: true, start: m.index, end: m.index + m[0].length, children: [] });
    // An escape sequence left in a literal (`'\\n'`, `'\\u2192'` in code that writes code) names no file to write.
    // `d + '/out.txt'`: a literal appended to a computed folder is the end of a path, not a path from the root.
    const suffix = value.startsWith('/') && /\+\s*$/.test(code.slice(Math.max(0, m.index - 20), m.index));
    if (checkPathWord(a, undefined, w, 'read', {}, f)) literalHits.push(m.index);
    else if (writes && !ESCAPE_TEXT.test(value) && !suffix && checkPathWord(a, undefined, w, 'write', {}, f)) literalHits.push(m.index);
    // A file this code may write is, for a later `python x.py` in the same command, a script of unknown content.
    if (writes) {
      const abs = a.fileKey(value);
      if (!a.written.has(abs)) a.written.set(abs, { text: undefined, remote: false, origin: undefined });
    }
  });
  // Literals side by side (`'.e' 'nv'`, `'.e' + 'nv'`, a list `['.e', 'nv']` joined later) read as one name, for
  // names split to hide them. A run with a literal that already named a protected path is left out: its pieces are
  // separate paths (`shutil.copy('/tmp/x', '~/.ssh/…')`), and their joined text would be shown as a path nobody named.
  for (const joined of joinedLiterals(code)) {
    if (literalHits.some((at) => at >= joined.start && at < joined.end)) continue;
    const w = syntheticWord(joined.value.replace(/[*?[\]{}\\,]/g, '\\$&'), false, joined, { type: 'string', field: null, named: true, start: joined.start, end: joined.end, children: [] });
    checkPathWord(a, undefined, w, 'read', {}, f);
  }
}
