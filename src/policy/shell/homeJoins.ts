// Paths built from the home directory in languages the interpreter analyzer has no file rules for (Go, Rust, Java,
// C#, Swift, Kotlin, Lua, R, Julia …: `go run`, `cargo run` and their tests run code this session wrote). The home
// directory comes from a library call (`os.UserHomeDir()`, `dirs::home_dir()`, `System.getProperty("user.home")`),
// directly or through a variable, and is joined with literal parts (`filepath.Join(h, ".docker", "config.json")`,
// `home.join(".aws").join("credentials")`, `new File(home, ".netrc")`, `h + "/.ssh/id_rsa"`): the joined path is
// checked like a shell word, so a secret reached that way is as sensitive as `cat` of it.
import type { ShellAnalyzer } from './analyzer';
import { checkPathWord } from './pathArgs';
import type { Frame } from './types';
import { syntheticWord } from './words';

/** Library calls and properties that give the user's home directory. */
const HOME_SOURCE = String.raw`(?:os\s*\.\s*UserHomeDir\s*\(\s*\)|os\s*\.\s*Getenv\s*\(\s*"HOME"\s*\)|homedir\s*\.\s*Dir\s*\(\s*\)|(?:dirs|home|dirs_next|directories)\s*::\s*home_dir\s*\(\s*\)|(?:std\s*::\s*)?env\s*::\s*var(?:_os)?\s*\(\s*"HOME"\s*\)|env!\s*\(\s*"HOME"\s*\)|System\s*\.\s*getProperty\s*\(\s*"user\.home"\s*\)|System\s*\.\s*getenv\s*\(\s*"HOME"\s*\)|Environment\s*\.\s*GetFolderPath\s*\(\s*Environment\s*\.\s*SpecialFolder\s*\.\s*(?:UserProfile|Personal)\s*\)|Environment\s*\.\s*GetEnvironmentVariable\s*\(\s*"(?:HOME|USERPROFILE)"\s*\)|FileManager\s*\.\s*default\s*\.\s*homeDirectoryForCurrentUser|NSHomeDirectory\s*\(\s*\)|os\s*\.\s*getenv\s*\(\s*["']HOME["']\s*\)|Sys\s*\.\s*getenv\s*\(\s*["']HOME["']\s*\)|path\s*\.\s*expand\s*\(\s*["']~["']\s*\)|homedir\s*\(\s*\)|\w+\s*\.\s*HomeDir\b)`;
/** What may follow a home expression before it is used: error handling and conversions. */
const UNWRAP = String.raw`(?:\s*(?:\?|\.\s*(?:unwrap|expect|unwrap_or_default|to_string|toString|to_path_buf|as_path|path|getPath|getAbsolutePath|toPath)\s*\([^()]*\)|!!))*`;
const STRING = /^\s*"((?:[^"\\\n]|\\.)*)"\s*$|^\s*'((?:[^'\\\n]|\\.)*)'\s*$|^\s*r#?"([^"]*)"#?\s*$/;

interface Piece {
  path: string;
  start: number;
  end: number;
}

function literalOf(text: string): string | undefined {
  const m = STRING.exec(text);
  return m ? (m[1] ?? m[2] ?? m[3])?.replace(/\\(.)/g, '$1') : undefined;
}

/** Splits a call's argument text on top-level commas. */
function args(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ',' && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** The argument text of the call whose `(` is at `open`. */
function callText(code: string, open: number): string | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < code.length && i < open + 2000; i++) {
    const c = code[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return code.slice(open + 1, i);
  }
  return undefined;
}

const join = (parts: string[]) => `~/${parts.map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p !== '').join('/')}`;

/** Every home-based path the code builds from literal parts. */
export function homePaths(code: string): Piece[] {
  const out: Piece[] = [];
  if (code.length > 200_000 || !new RegExp(HOME_SOURCE).test(code)) return out;
  // Variables bound to the home directory: `h, _ := os.UserHomeDir()`, `let home = dirs::home_dir().unwrap();`.
  const vars = new Set<string>();
  const bind = new RegExp(String.raw`\b([A-Za-z_]\w*)\s*(?:,\s*[A-Za-z_]\w*\s*)?(?::\s*[\w<>:&\[\]. ]+?\s*)?(?::=|=)\s*(?:Some\s*\(\s*)?(?:new\s+\w+\s*\(\s*)?${HOME_SOURCE}`, 'g');
  for (let m = bind.exec(code), n = 0; m && n < 50; m = bind.exec(code), n++) vars.add(m[1]!);
  const home = String.raw`(?:${HOME_SOURCE}${UNWRAP}${vars.size ? `|\\b(?:${[...vars].join('|')})\\b${UNWRAP}` : ''})`;
  const isHome = (text: string) => new RegExp(`^\\s*${home}\\s*$`).test(text);
  // Join calls whose first argument is the home directory and the rest literals.
  const calls = /\b(?:filepath\s*\.\s*Join|path\s*\.\s*Join|Path\s*\.\s*Combine|Paths\s*\.\s*get|Path\s*\.\s*of|new\s+File|File|file\s*\.\s*path|joinpath|PathBuf\s*::\s*from|Path\s*::\s*new)\s*\(/g;
  for (let m = calls.exec(code), n = 0; m && n < 200; m = calls.exec(code), n++) {
    const open = m.index + m[0].length - 1;
    const text = callText(code, open);
    if (text === undefined) continue;
    const list = args(text);
    if (list.length < 2 || !isHome(list[0]!)) continue;
    const rest = list.slice(1).map(literalOf);
    if (rest.some((r) => r === undefined)) continue;
    out.push({ path: join(rest as string[]), start: m.index, end: open + text.length + 2 });
  }
  // Method chains and concatenation: `home.join(".aws").join("credentials")`, `h + "/.ssh/id_rsa"`.
  const chain = new RegExp(String.raw`${home}((?:\s*\.\s*(?:join|appendingPathComponent|resolve|appending)\s*\(\s*(?:"[^"\n]*"|'[^'\n]*')\s*\))+|(?:\s*(?:\+|\.\.)\s*(?:"[^"\n]*"|'[^'\n]*'))+)`, 'g');
  for (let m = chain.exec(code), n = 0; m && n < 200; m = chain.exec(code), n++) {
    const lits = [...m[1]!.matchAll(/"([^"\n]*)"|'([^'\n]*)'/g)].map((x) => x[1] ?? x[2] ?? '');
    const path = m[1]!.trimStart().startsWith('.') && !m[1]!.trimStart().startsWith('..') ? join(lits) : `~/${lits.join('').replace(/^\/+/, '')}`;
    out.push({ path, start: m.index, end: m.index + m[0].length });
    if (m[0].length === 0) chain.lastIndex++;
  }
  return out;
}

/** Checks each home-based path the code builds as a read. */
export function checkHomeJoins(a: ShellAnalyzer, f: Frame): void {
  for (const p of homePaths(f.source)) {
    if (p.path === '~/') continue;
    const w = syntheticWord(p.path.replace(/[*?[\]{}\\,]/g, '\\$&'), false, p, { type: 'string', field: null, named: true, start: p.start, end: p.end, children: [] });
    checkPathWord(a, undefined, w, 'read', {}, f);
  }
}
