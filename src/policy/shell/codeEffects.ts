// What interpreter code does with files and the environment, judged by effect rather than by the literal text:
// a file opened, copied, sent or listed with a name the code computes (`'.e%sv' % 'n'`, `chr(46)+'env'`,
// `Path.home() / '.ssh' / 'id_rsa'`, template literals, globs) is folded as far as the text allows
// (`codeEval.ts`) and matched against the path policy; a name that cannot be known is a review, one that can
// reach a secret is sensitive, one decoded at run time is opaque. Environment access is found in its other
// spellings: aliases (`from os import environ`, `const {env} = process`, `process['env']`), whole-environment
// APIs (`Deno.env.toObject()`, `Bun.env`) and reads of a variable whose name is computed.
import type { RuleId } from '../reasons';
import type { ShellAnalyzer } from './analyzer';
import { collectVars, foldExpression, isPlainLiteral, type FoldEnv } from './codeEval';
import type { CodeLanguage } from './interpreterCode';
import { isOwnTempPath } from './codeWrites';
import { checkPathWord } from './pathArgs';
import type { Frame } from './types';
import { syntheticWord } from './words';

/** Calls whose arguments name files the code reads (or copies, sends, archives); `all` checks every argument. */
interface Opener {
  re: RegExp;
  /** Only when the code also matches this (`.add(` is an archive's only next to tarfile/zipfile). */
  when?: RegExp;
  /** Which arguments are paths: the first (default), all of them, or all but the first (Perl's `open(FH, '<', p)`). */
  args?: 'all' | 'rest';
}

const OPENERS: Partial<Record<CodeLanguage, Opener[]>> = {
  python: [
    { re: /(?<![\w.])(?:open|io\s*\.\s*open|codecs\s*\.\s*open|os\s*\.\s*open|gzip\s*\.\s*open|bz2\s*\.\s*open|lzma\s*\.\s*open|tarfile\s*\.\s*open|zipfile\s*\.\s*ZipFile|ZipFile|send_file|send_from_directory|FileResponse|linecache\s*\.\s*getlines?|fileinput\s*\.\s*input|np\s*\.\s*(?:load|loadtxt|genfromtxt|fromfile)|(?:pd|pandas)\s*\.\s*read_\w+|dotenv_values|load_dotenv|configparser\s*\.\s*\w+\s*\(\s*\)\s*\.\s*read|\.read_file|Image\s*\.\s*open|(?:pathlib\s*\.\s*)?(?:Path|PurePath|PosixPath))\s*\(/g },
    { re: /\bshutil\s*\.\s*(?:copy\w*|move|make_archive)\s*\(/g, args: 'all' },
    { re: /\.\s*(?:add|write)\s*\(/g, when: /\b(?:tarfile|zipfile|ZipFile)\b/ },
  ],
  node: [
    { re: /\b(?:readFileSync|readFile|createReadStream|openSync|open|readTextFile|readTextFileSync|readFile|Bun\s*\.\s*file|sendFile|download|readJSON|readJson|readJsonSync|loadFile|require|import)\s*\(/g },
    { re: /\b(?:copyFileSync|copyFile|cpSync|cp|copy|copySync)\s*\(/g, args: 'all' },
  ],
  ruby: [
    { re: /\b(?:File\s*\.\s*(?:read|open|readlines|foreach|binread|new)|IO\s*\.\s*(?:read|readlines|binread|foreach)|YAML\s*\.\s*(?:load_file|safe_load_file)|JSON\s*\.\s*load_file|Pathname\s*\.\s*new|CSV\s*\.\s*(?:read|foreach|open))\s*\(?|(?<![\w.])(?:open|send_file|Pathname|load|require_relative)\s*\(/g },
    { re: /\bFileUtils\s*\.\s*(?:cp\w*|copy\w*|mv|move|install)\s*\(?/g, args: 'all' },
  ],
  perl: [
    { re: /(?<![\w$%@])open\s*\(?/g, args: 'rest' },
    { re: /(?<![\w$>])(?:read_file|slurp|path|copy|move)\s*\(/g, args: 'all' },
  ],
  php: [
    { re: /\b(?:file_get_contents|fopen|file|readfile|highlight_file|show_source|parse_ini_file|SplFileObject|SplFileInfo|simplexml_load_file|gzopen|md5_file|sha1_file|hash_file)\s*\(|\b(?:include|include_once|require|require_once)\b\s*\(?/g },
    { re: /\b(?:copy|rename|link|symlink)\s*\(/g, args: 'all' },
  ],
};

/** Calls that list a directory or expand a glob: the listing maps what is there. */
const LISTERS: Partial<Record<CodeLanguage, RegExp>> = {
  python: /\b(?:os\s*\.\s*(?:listdir|scandir|walk)|glob\s*\.\s*i?glob|(?<![\w.])i?glob)\s*\(/g,
  node: /\b(?:readdirSync|readdir|opendirSync|opendir|globSync|glob|fg(?:\s*\.\s*sync)?)\s*\(/g,
  ruby: /\bDir\s*(?:\.\s*(?:glob|children|entries|each_child|foreach)\s*\(?|\[)/g,
  perl: /(?<![\w$])(?:glob|opendir)\s*\(/g,
  php: /\b(?:glob|scandir|opendir)\s*\(/g,
};

/** Whole-environment access beyond the per-language patterns, given the aliases the code sets up. */
function envDumpPatterns(lang: CodeLanguage, code: string): RegExp[] {
  const out: RegExp[] = [];
  if (lang === 'python') {
    const tail = String.raw`\b(?!\s*(?:\[|\.\s*(?:get|setdefault|pop|update|__setitem__)\s*\())`;
    if (/\bfrom\s+os\s+import\s+[^\n;]*\benviron\b|\bfrom\s+os\s+import\s+\*/.test(code)) out.push(new RegExp(String.raw`(?<![.\w])environ${tail}`, 'g'));
    for (const m of code.matchAll(/\bfrom\s+os\s+import\s+[^\n;]*\benviron\s+as\s+(\w+)/g)) out.push(new RegExp(String.raw`(?<![.\w])${m[1]}${tail}`, 'g'));
    for (const m of code.matchAll(/\bimport\s+(?:os|posix|nt)\s+as\s+(\w+)/g)) out.push(new RegExp(String.raw`\b${m[1]}\s*\.\s*environ${tail}`, 'g'));
    out.push(/\b(?:os|posix|nt)\s*\.\s*environb\b(?!\s*(?:\[|\.\s*get\s*\())|\b(?:posix|nt)\s*\.\s*environ\b(?!\s*(?:\[|\.\s*get\s*\())|\bgetattr\s*\(\s*(?:os|posix)\s*,\s*['"]environb?['"]|\b(?:vars|dir)\s*\(\s*os\s*\)\s*\[\s*['"]environ|\bos\s*\.\s*__dict__\s*\[\s*['"]environ|\b__import__\s*\(\s*['"]os['"]\s*\)\s*\.\s*environ\b(?!\s*(?:\[|\.\s*get\s*\())/g);
  }
  if (lang === 'node') {
    out.push(/\bprocess\s*\[\s*(['"`])env\1\s*\](?!\s*(?:\.|\[|\?\.))|\brequire\s*\(\s*['"`](?:node:)?process['"`]\s*\)\s*\.\s*env\b(?!\s*(?:\.|\[|\?\.))|\bDeno\s*\.\s*env\s*\.\s*toObject\s*\(|\bBun\s*\.\s*env\b(?!\s*(?:\.|\[|\?\.))|\bimport\s*\.\s*meta\s*\.\s*env\b(?!\s*(?:\.|\[|\?\.))|\bReflect\s*\.\s*ownKeys\s*\(\s*process\s*\.\s*env/g);
    // `const {env} = process`, `const { env: e } = require('process')`, `import { env } from 'node:process'`
    const aliasRe = /\{\s*(?:[\w\s,:]*,\s*)?env\s*(?::\s*(\w+))?\s*(?:,[\w\s,:]*)?\}\s*(?:=\s*(?:process|require\s*\(\s*['"`](?:node:)?process['"`]\s*\))|from\s*['"`](?:node:)?process['"`])/g;
    for (const m of code.matchAll(aliasRe)) out.push(new RegExp(String.raw`(?<![.\w])${m[1] ?? 'env'}\b(?!\s*(?:\.|\[|\?\.|:|=[^=]))`, 'g'));
    for (const m of code.matchAll(/\b(?:const|let|var)\s+(\w+)\s*=\s*process\s*(?:\.\s*env|\[\s*['"`]env['"`]\s*\])\s*[;\n]/g)) out.push(new RegExp(String.raw`(?<![.\w])${m[1]}\b(?!\s*(?:\.|\[|\?\.|=[^=]))`, 'g'));
  }
  return out;
}

/** Reads of one variable whose name is not a literal: any variable, secrets included. */
const ENV_COMPUTED: Partial<Record<CodeLanguage, RegExp>> = {
  python: /\bos\s*\.\s*(?:environ\s*\[\s*(?!['"\]])[^\]]+\](?!\s*=[^=])|environ\s*\.\s*get\s*\(\s*(?!['")])|getenv\s*\(\s*(?!['")]))/g,
  node: /\bprocess\s*\.\s*env\s*\[\s*(?!['"`\]])[^\]]+\](?!\s*=[^=])/g,
  ruby: /\bENV\s*(?:\[\s*(?!['"\]])[^\]]+\](?!\s*=[^=])|\.\s*fetch\s*\(\s*(?!['")]))/g,
  perl: /\$ENV\s*\{\s*\$\w+\s*\}(?!\s*=[^=~])/g,
  php: /\bgetenv\s*\(\s*\$|\$_(?:ENV|SERVER)\s*\[\s*\$\w+\s*\](?!\s*=[^=])/g,
  awk: /\bENVIRON\s*\[\s*(?!")[^\]]+\]/g,
};

/** Splits a call's argument text at top-level commas. */
export function splitArgs(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      out.push({ text: text.slice(start, i), start });
      start = i + 1;
    }
  }
  if (text.slice(start).trim()) out.push({ text: text.slice(start), start });
  return out;
}

export interface EffectsContext {
  a: ShellAnalyzer;
  lang: CodeLanguage;
  f: Frame;
  name: string;
  callArguments: (code: string, from: number) => { start: number; text: string };
}

export function foldEnv(a: ShellAnalyzer, lang: CodeLanguage, code: string, f?: Frame): FoldEnv {
  const env: FoldEnv = { home: a.home, cwd: a.cwd, scriptDir: f?.origin.file?.dir, lang, vars: new Map() };
  collectVars(code, env);
  return env;
}

function each(rule: RegExp, code: string, fn: (m: RegExpExecArray) => void): void {
  const re = new RegExp(rule.source, rule.flags);
  let n = 0;
  for (let m = re.exec(code); m && n < 200; m = re.exec(code), n++) {
    fn(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

/** A path the code computes, checked like a shell word; returns true when it reached something sensitive. */
function checkComputed(ctx: EffectsContext, env: FoldEnv, argText: string, at: number, access: 'read' | 'meta', force = false): 'sensitive' | 'unknown' | 'ok' {
  const { a, f, name } = ctx;
  const folded = foldExpression(argText, env);
  const end = at + argText.length;
  if (!folded) return 'ok';
  if (folded.decoded) {
    a.hitAt('opaque.interpreter', `${name} code ${access === 'meta' ? 'lists' : 'opens'} a file whose name is decoded at run time (${argText.trim().slice(0, 60)}).`, f, at, end);
    return 'sensitive';
  }
  if (!folded.computed && !force) return 'ok'; // plain literals are checked by the literal scan
  const pattern = folded.value !== undefined ? folded.value.replace(/[*?[\]{}\\,]/g, '\\$&') : folded.pattern;
  const glob = folded.value === undefined;
  // A pattern with nothing known in it (`open(sys.argv[1])`) could be anything: a review, not a secret.
  const known = pattern.replace(/\\./g, 'x').replace(/[*?/{},]/g, '');
  if (known.length >= 2 || (!glob && folded.value !== '')) {
    const w = syntheticWord(pattern, glob, { start: at, end }, { type: 'string', field: null, named: true, start: at, end, children: [] });
    if (checkPathWord(a, undefined, w, access, {}, f)) return 'sensitive';
  }
  // A glob's or a listing's matches from a known place are known files; anything else could be any file.
  return folded.unknown ? 'unknown' : 'ok';
}

/** File and environment effects of `f.source` as code in `lang`. */
export function analyzeEffects(ctx: EffectsContext): void {
  const { a, lang, f, name } = ctx;
  const code = f.source;
  const hit = (rule: RuleId, message: string, m: RegExpExecArray) => a.hitAt(rule, message, f, m.index, m.index + m[0].length);
  for (const re of envDumpPatterns(lang, code)) each(re, code, (m) => hit('secret.env-dump', `Reads every environment variable from ${name} code; they often hold tokens.`, m));
  const computedEnv = ENV_COMPUTED[lang];
  if (computedEnv) each(computedEnv, code, (m) => hit('secret.env-var', `Reads an environment variable whose name is chosen at run time from ${name} code, which can be any secret.`, m));

  const openers = OPENERS[lang];
  const listers = LISTERS[lang];
  if (!openers && !listers) return;
  let env: FoldEnv | undefined;
  let unknownOpen: RegExpExecArray | undefined;
  let opens = false;
  for (const op of openers ?? []) {
    if (op.when && !op.when.test(code)) continue;
    each(op.re, code, (m) => {
      opens = true;
      const after = m.index + m[0].length;
      const paren = m[0].trimEnd().endsWith('(') || m[0].endsWith('[');
      const args = ctx.callArguments(code, after);
      let list = splitArgs(args.text);
      if (!paren && list.length > 0) list = [list[0]!].concat(list.slice(1)); // `File.read x`: same split
      const chosen = op.args === 'all' ? list : op.args === 'rest' ? list.slice(1) : list.slice(0, 1);
      for (const arg of chosen) {
        const t = arg.text.trim();
        if (!t || isPlainLiteral(t, lang) || /^\w+\s*=/.test(t)) continue;
        if (isOwnTempPath(code, t)) continue; // a scratch file the same code made with tempfile/mkdtemp
        // Perl's `open(FH, "<$path")`: the mode is part of the string.
        const text = lang === 'perl' ? t.replace(/^(['"])\s*[<>+|]+\s*/, '$1') : t;
        if (lang === 'perl' && /^['"][<>+|]+['"]$/.test(t)) continue;
        env ??= foldEnv(a, lang, code, f);
        const at = args.start + arg.start + (arg.text.length - arg.text.trimStart().length);
        const r = checkComputed(ctx, env, text, at, 'read');
        if (r === 'sensitive') return;
        if (r === 'unknown') unknownOpen ??= m;
      }
    });
  }
  if (listers) {
    each(listers, code, (m) => {
      const args = ctx.callArguments(code, m.index + m[0].length);
      const first = splitArgs(args.text)[0];
      if (!first) return;
      const t = first.text.trim();
      env ??= foldEnv(a, lang, code, f);
      const at = args.start + first.start + (first.text.length - first.text.trimStart().length);
      if (/glob|fg/.test(m[0])) {
        // A glob's matches are what the code then opens: checked as reads when it opens files, else as a listing.
        checkComputed(ctx, env, `glob(${t})`, at, opens ? 'read' : 'meta', true);
      } else checkComputed(ctx, env, t, at, 'meta', true);
    });
  }
  if (unknownOpen) hit('exec.interpreter', `${name} code opens a file whose name is computed at run time, so which file cannot be known.`, unknownOpen);
}
