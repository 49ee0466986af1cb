// The compiled sensitive-path policy: built-in rules, the user's extra globs, protected directories, and the
// exceptions. Literal paths are matched with picomatch; shell globs by intersection (could `.en*` expand to a
// secret?). One combined regex per access class keeps the common "nothing matches" case to a single test.
import picomatch from 'picomatch';
import type { World } from '../world/world';
import type { PolicyConfig } from '../types';
import { BUILTIN_ALLOWED, SECRET_PATHS, SELF_PATHS, SYSTEM_PATHS, type PathAccess, type PathCategory, type PathRuleSpec } from './defaults';
import { expandBraces } from './braces';
import { hasGlobChars, pathGlobsIntersect, segmentsIntersect, segmentsOf, tokenize, unescapeGlob, type Token } from './globIntersect';
import { expandHome, isInside, isWindowsPath, normalizeAbsolute, slashes } from './resolve';

/** How a command or tool touches a path. `meta`: names and sizes only (ls, stat, test -f). */
export type Access = 'read' | 'write' | 'meta';

export interface PathMatch {
  category: PathCategory;
  access: PathAccess;
  glob: string;
  label: string;
  /** The path is a whole secret directory (~/.ssh, ~/.aws), not one file in it: listing it maps the secrets. */
  secretDirectory?: boolean;
}

interface CompiledRule extends PathRuleSpec {
  /** Matches the path itself or anything below it. */
  test: (p: string) => boolean;
  /** Brace-expanded, segmented forms of the glob itself, for glob intersection. */
  segments: ReturnType<typeof segmentsOf>[];
  /** The glob names a whole directory tree (a trailing globstar, as for .ssh). */
  dirRule: boolean;
  /** Its last segment other than a trailing `**` (what a targeted shell glob must be aiming at). */
  last: string;
  /** That segment tokenized, once per brace alternative (a cheap pre-check before the full intersection). */
  lastTokens: Token[][];
  /** Literal text every matching path contains (lower case): a substring test skips the regex for most paths. */
  needle: string;
}

const PM_OPTIONS = { dot: true, nocase: true } as const;

/** Names a broad glob would match in any ordinary folder; a glob matching one of them is not aimed at secrets. */
const PROBE_NAMES = ['index.ts', 'main.c', 'README.md', 'package.json', 'notes.txt', 'Makefile', 'app.py', 'test.js', 'src', 'data.csv', 'config.yaml', 'ci.yml', 'style.css', 'build.log', 'image.png', 'doc.html', 'pom.xml', 'Cargo.toml', 'setup.cfg', 'tox.ini', 'nginx.conf', 'app.properties', 'main.go', 'lib.rs', 'schema.sql'];
const PROBES = PROBE_NAMES.map((name) => ({ name, lower: name.toLowerCase(), tokens: tokenize(name) }));

const TEMP_DIRS = ['/tmp', '/var/tmp', '/private/tmp', '/private/var/folders', '/var/folders', '/dev/shm'];

function escapeGlob(p: string): string {
  return p.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
}

/** A user or built-in glob as an absolute-path glob (`**`-led when it may match at any depth). */
export function absoluteGlob(pattern: string, home: string): string {
  let p = slashes(pattern.trim());
  p = expandHome(p, home);
  if (!(p.startsWith('/') || isWindowsPath(p) || p.startsWith('**'))) p = `**/${p.replace(/^\.\//, '')}`;
  if (p.endsWith('/')) p += '**';
  return p;
}

/**
 * What a rule's absolute glob compiles to: its matcher, its segments and last-segment tokens, each built on first
 * use (a path whose text lacks a rule's needle never reaches its matcher; only shell globs need the tokens). Shared
 * by every PathPolicy in the process, so the policy for a second home reuses the first one's (almost every rule is
 * home-independent): about 4 MB of heap per policy, built eagerly, before this.
 */
class CompiledGlob {
  private matcher: ((p: string) => boolean) | undefined;
  private segs: ReturnType<typeof segmentsOf>[] | undefined;
  private lastToks: Token[][] | undefined;
  readonly dirRule: boolean;
  readonly last: string;
  readonly needle: string;

  constructor(readonly glob: string) {
    this.dirRule = glob.endsWith('/**');
    const stem = this.dirRule ? glob.slice(0, -3) : glob;
    this.last = stem.slice(stem.lastIndexOf('/') + 1);
    this.needle = needleOf(glob);
  }

  test(p: string): boolean {
    // A matching directory covers its contents.
    this.matcher ??= picomatch(forms(this.glob), PM_OPTIONS);
    return this.matcher(p);
  }

  get segments(): ReturnType<typeof segmentsOf>[] {
    return (this.segs ??= expandBraces(this.glob).map(segmentsOf));
  }

  get lastTokens(): Token[][] {
    return (this.lastToks ??= expandBraces(this.last).map(tokenize));
  }
}

/** Compiled globs by absolute glob: a pure function of the text, so sharing one changes no match. */
const COMPILED = new Map<string, CompiledGlob>();
/** User globs change with settings over a long-lived gate: past this many, start afresh. */
const COMPILED_MAX = 4000;

function compiledGlob(glob: string): CompiledGlob {
  let c = COMPILED.get(glob);
  if (!c) {
    if (COMPILED.size >= COMPILED_MAX) COMPILED.clear();
    c = new CompiledGlob(glob);
    COMPILED.set(glob, c);
  }
  return c;
}

function compile(spec: PathRuleSpec, home: string): CompiledRule {
  const c = compiledGlob(absoluteGlob(spec.glob, home));
  return {
    ...spec,
    test: (p) => c.test(p),
    get segments() {
      return c.segments;
    },
    dirRule: c.dirRule,
    last: c.last,
    get lastTokens() {
      return c.lastTokens;
    },
    needle: c.needle,
  };
}

/**
 * The longest run of literal text in a glob (outside braces and wildcards, within one segment): any path the glob
 * matches contains it. Empty when the glob has none (then the rule is always tested).
 */
function needleOf(glob: string): string {
  let best = '';
  let depth = 0;
  let run = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\') {
      run += glob[i + 1] ?? '';
      i++;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}') depth = Math.max(0, depth - 1);
    if (depth > 0 || '*?[]{}()!+@/'.includes(c)) {
      if (run.length > best.length) best = run;
      run = '';
      continue;
    }
    run += c;
  }
  if (run.length > best.length) best = run;
  return best.toLowerCase();
}

/** A rule matches the path itself and everything below it; a directory rule also the directory. */
function forms(glob: string): string[] {
  return glob.endsWith('/**') ? [glob, glob.slice(0, -3)] : [glob, `${glob}/**`];
}

export class PathPolicy {
  private readonly rules: CompiledRule[];
  private readonly matchCache = new Map<string, PathMatch | undefined>();
  private readonly allowed: (p: string) => boolean;
  private readonly workspace: string[];
  private readonly globCache = new Map<string, PathMatch | undefined>();
  readonly home: string;

  /** Links are followed through the world, never cached: what a link points at can change between actions. */
  constructor(
    config: PolicyConfig,
    private readonly world?: Pick<World, 'realPath'>,
  ) {
    // A Windows home (`C:\\Users\\dev`) in the one slash form every glob and path here uses.
    this.home = slashes(config.home || '/');
    const specs: PathRuleSpec[] = [];
    for (const dir of config.protectedPaths ?? []) {
      if (!dir) continue;
      const abs = escapeGlob(normalizeAbsolute(expandHome(slashes(dir), this.home)));
      specs.push({ glob: abs, category: 'protected', access: 'any', label: "Countersign's own files" });
    }
    specs.push(...SELF_PATHS, ...SECRET_PATHS);
    const seen = new Set(specs.map((s) => s.glob));
    for (const g of config.sensitivePaths ?? []) {
      if (typeof g !== 'string' || !g.trim() || seen.has(g)) continue;
      seen.add(g);
      specs.push({ glob: g, category: 'secret', access: 'any', label: 'a path in your sensitive paths' });
    }
    specs.push(...SYSTEM_PATHS);
    this.rules = specs.map((s) => compile(s, this.home));
    const allowGlobs = [...BUILTIN_ALLOWED, ...(config.allowedPaths ?? []).filter((g) => typeof g === 'string' && g.trim())];
    // Compiled on the first secret path matched (most actions touch none).
    let allowTest: ((p: string) => boolean) | undefined;
    this.allowed = (p) => {
      allowTest ??= picomatch(
        allowGlobs.map((g) => absoluteGlob(g, this.home)),
        PM_OPTIONS,
      );
      return allowTest(p);
    };
    this.workspace = (config.workspaceFolders ?? []).filter((f) => typeof f === 'string' && f).map((f) => normalizeAbsolute(f));
  }

  /** The rule an absolute, normalized path falls under for this kind of access, if any. */
  match(abs: string, access: Access): PathMatch | undefined {
    const found = this.matchName(abs, access);
    if (found || !this.world || !abs.startsWith('/')) return found;
    // `ln -s ~/.aws/credentials notes.txt` earlier, `cat notes.txt` now: the file read is the link's target.
    const real = this.world.realPath(abs);
    if (real === undefined || real === abs) return undefined;
    const target = this.matchName(real, access);
    return target ? { ...target, label: `${target.label}, through a link to ${real}` } : undefined;
  }

  /**
   * The rule a file inside this directory falls under, when the directory is one a rule names by a literal segment
   * (`.vscode` holds `.vscode/settings.json`, `.git` holds `.git/hooks/…`): moving or deleting the directory moves
   * or deletes that file. Only literal segments count, so `build/` is not taken to hold some `.env`.
   */
  holds(absDir: string, access: Access): PathMatch | undefined {
    const dir = absDir.replace(/\/+$/, '');
    const base = dir.slice(dir.lastIndexOf('/') + 1);
    if (!base || /[*?[{]/.test(base)) return undefined;
    for (const r of this.rules) {
      const g = r.glob;
      const at = g.indexOf(`/${base}/`);
      if (at < 0) continue;
      // A sample file where the glob puts one below this directory: wildcards become a plain name.
      const rest = g.slice(at + base.length + 2).replace(/\*\*/g, 'x').replace(/\*/g, 'x').replace(/\{([^,}]*)[^}]*\}/g, '$1').replace(/[?[\]]/g, 'x');
      const m = this.matchName(`${dir}/${rest || 'x'}`, access);
      if (m) return m;
    }
    return undefined;
  }

  /** The rule the path's own name falls under (cached: names do not change). */
  private matchName(abs: string, access: Access): PathMatch | undefined {
    const key = `${access}|${abs}`;
    if (this.matchCache.has(key)) return this.matchCache.get(key);
    const found = this.matchUncached(abs, access);
    if (this.matchCache.size > 4000) this.matchCache.clear();
    this.matchCache.set(key, found);
    return found;
  }

  private matchUncached(abs: string, access: Access): PathMatch | undefined {
    const lower = abs.toLowerCase();
    for (const r of this.rules) {
      if (r.access === 'write' && access !== 'write') continue;
      if (r.needle && !lower.includes(r.needle)) continue;
      if (!r.test(abs)) continue;
      if (r.category === 'secret' && this.allowed(abs)) continue; // exceptions loosen secrets only, never self-protection
      const found: PathMatch = { category: r.category, access: r.access, glob: r.glob, label: r.label };
      if (r.dirRule && !r.listable && (r.category === 'secret' || r.category === 'protected')) {
        const base = tokenize(abs.slice(abs.lastIndexOf('/') + 1).replace(/[*?[\\]/g, '\\$&'));
        if (r.lastTokens.some((t) => segmentsIntersect(base, t, false))) found.secretDirectory = true;
      }
      return found;
    }
    return undefined;
  }

  /**
   * The rule a shell glob (absolute or `**`-led, escapes kept) could expand into. Broad segments (`*`, `*.json`,
   * `**`) are not aimed at anything, so each is replaced by an ordinary name it would match; targeted ones (`.en*`,
   * `*.pem`, `id_*`, `.*`) stay globs and are intersected with the rules. So `~/.ssh/*` and `.en*` count, while
   * `*`, or `*.ts` at any depth, do not.
   */
  matchGlob(glob: string, access: Access, hidesDot: boolean, dotglob = false): PathMatch | undefined {
    for (const candidate of expandBraces(glob)) {
      const narrowed = debroaden(candidate, hidesDot, dotglob, false, this.allowed);
      let found = hasGlobChars(narrowed) ? this.intersect(narrowed, access, hidesDot) : this.match(unescapeGlob(narrowed), access);
      // Outside the projects, under the home directory, a broad directory segment is aimed at whatever lives
      // there: `~/.config/*/hosts.yml` is gh's token file. Only the last segment is narrowed then.
      if (!found && this.underHomeOutsideProjects(candidate)) {
        const dirsKept = debroaden(candidate, hidesDot, dotglob, true);
        if (dirsKept !== narrowed) found = hasGlobChars(dirsKept) ? this.intersect(dirsKept, access, hidesDot) : this.match(unescapeGlob(dirsKept), access);
      }
      // `~/.ssh/*.pub` only ever names public keys: a secret glob whose every expansion is an exception is not one.
      if (found?.category === 'secret' && this.allowed(sampleOf(candidate))) continue;
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Rules a (narrowed) shell glob can reach: the file itself (its last segment must share literal text with the
   * rule's, so `*.test.ts` is not "aimed at" `.env.*` just because `.env.test.ts` is a possible name), a sensitive
   * directory tree it lies in, or a sensitive file-named directory it lists.
   */
  private intersect(glob: string, access: Access, hidesDot: boolean): PathMatch | undefined {
    const key = `${access}|${hidesDot ? 1 : 0}|${glob}`;
    if (this.globCache.has(key)) return this.globCache.get(key);
    const found = this.intersectUncached(glob, access, hidesDot);
    if (this.globCache.size > 1000) this.globCache.clear();
    this.globCache.set(key, found);
    return found;
  }

  private intersectUncached(glob: string, access: Access, hidesDot: boolean): PathMatch | undefined {
    const segs = segmentsOf(glob);
    const cut = glob.lastIndexOf('/');
    const last = glob.slice(cut + 1);
    const lastTokens = tokenize(last);
    const dir = glob.slice(0, cut);
    const dirSegs = cut > 0 ? segmentsOf(dir) : undefined;
    const dirLast = dir.slice(dir.lastIndexOf('/') + 1);
    const dirLastTokens = tokenize(dirLast);
    let best: { rule: CompiledRule; score: number } | undefined;
    for (const r of this.rules) {
      if (r.access === 'write' && access !== 'write') continue;
      let hit: boolean;
      if (r.dirRule) {
        // Some segment of the glob must be able to name the rule's directory before the full walk.
        const named = segs.some((s) => s.globstar || r.lastTokens.some((t) => segmentsIntersect(s.tokens, t, hidesDot)));
        hit = named && r.segments.some((rs) => pathGlobsIntersect(segs, rs, hidesDot));
      } else {
        const selfFirst = aimsAt(last, r.last) && r.lastTokens.some((t) => segmentsIntersect(lastTokens, t, hidesDot));
        hit = selfFirst && r.segments.some((rs) => pathGlobsIntersect(segs, rs, hidesDot));
        if (!hit && dirSegs && aimsAt(dirLast, r.last) && r.lastTokens.some((t) => segmentsIntersect(dirLastTokens, t, hidesDot))) {
          hit = r.segments.some((rs) => pathGlobsIntersect(dirSegs, rs, hidesDot));
        }
      }
      if (!hit) continue;
      const score = affinity(last, r.last);
      if (!best || score > best.score) best = { rule: r, score };
    }
    return best ? { category: best.rule.category, access: best.rule.access, glob: best.rule.glob, label: best.rule.label } : undefined;
  }

  /** The glob's literal directory is one of the home directory's hidden or app-data trees (not a workspace). */
  private underHomeOutsideProjects(glob: string): boolean {
    const first = glob.search(/(^|\/)[^/]*[*?[{]/);
    if (first < 0 || glob.startsWith('**')) return false;
    const dir = unescapeGlob(glob.slice(0, first)) || '/';
    const home = normalizeAbsolute(this.home);
    if (!isInside(dir, home) || dir.length <= home.length) return false;
    const rel = dir.slice(home.length + 1);
    return /^(\.|Library(\/|$)|AppData(\/|$))/i.test(rel) && !this.workspace.some((f) => isInside(dir, f) || isInside(f, dir));
  }

  /** Inside a workspace folder, or inside the agent's working directory when that is a project (not / or ~). */
  inWorkspace(abs: string, cwd: string | undefined): boolean {
    if (this.workspace.some((f) => isInside(abs, f))) return true;
    if (!cwd) return false;
    const c = normalizeAbsolute(cwd);
    if (c === '/' || c === normalizeAbsolute(this.home) || c.split('/').filter(Boolean).length < 2) return false;
    return isInside(abs, c);
  }

  isTemp(abs: string): boolean {
    return TEMP_DIRS.some((d) => isInside(abs, d)) || /^[a-z]:\/users\/[^/]+\/appdata\/local\/temp(\/|$)/i.test(abs);
  }
}

/**
 * Replaces broad glob segments with an ordinary name they match; drops `**` (zero directories deep). With bash's
 * dotglob on, a final `*` also expands to dot files (`.env`), so it stays a glob.
 */
function debroaden(glob: string, hidesDot: boolean, dotglob: boolean, lastOnly = false, allowed?: (p: string) => boolean): string {
  const segs = glob.split('/');
  const out: string[] = [];
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (seg === '**') {
      if (last) out.push(PROBE_NAMES[0]!);
      return;
    }
    if (!hasGlobChars(seg) || (lastOnly && !last)) {
      out.push(seg);
      return;
    }
    if (dotglob && last && /^[*?[]/.test(seg)) {
      out.push(seg);
      return;
    }
    const tokens = tokenize(seg);
    // A probe can only match if it contains every literal run of the segment: a substring test before the walk.
    const runs = literalRuns(seg);
    const matching = PROBES.filter((p) => runs.every((r) => p.lower.includes(r)) && segmentsIntersect(tokens, p.tokens, hidesDot));
    // A last segment stands for every name it matches: prefer one that is not an exception (`secrets/*` also
    // expands to `secrets/db.yaml`, not only to the folder's source files).
    const probe = (last && allowed ? matching.find((p) => !allowed(unescapeGlob([...out, escapeGlob(p.name)].join('/')))) : undefined) ?? matching[0];
    out.push(probe ? escapeGlob(probe.name) : seg);
  });
  return out.join('/');
}

/** One concrete name a glob stands for, its wildcards filled with a filler that names nothing in particular. */
function sampleOf(glob: string): string {
  return unescapeGlob(glob.replace(/\[[^\]]*\]/g, 'q').replace(/\*\*?|\?/g, 'q'));
}

/** Literal runs of a glob segment (the text between wildcards), lower-cased. */
function literalRuns(seg: string): string[] {
  return seg
    .replace(/\\(.)/g, '$1')
    .toLowerCase()
    .split(/\*+|\?|\[[^\]]*\]|[{}]/)
    .filter(Boolean);
}

/**
 * Whether a shell glob segment aims at a rule's name: literal glob segments always do (the intersection already
 * decided), wildcard ones must share a starting or ending literal, or three characters of text (`*env*`~`.env`).
 */
function aimsAt(shell: string, rule: string): boolean {
  if (!hasGlobChars(shell)) return true;
  if (affinity(shell, rule) > 0) return true;
  const runs = literalRuns(rule);
  return literalRuns(shell).some((a) => a.length >= 3 && runs.some((b) => sharesSubstring(a, b, 3)));
}

function sharesSubstring(a: string, b: string, n: number): boolean {
  for (let i = 0; i + n <= a.length; i++) if (b.includes(a.slice(i, i + n))) return true;
  return false;
}

/** How much literal text two glob segments share at their start and end (`.en*`~`.env`, `*.pem`~`*.pem`). */
function affinity(a: string, b: string): number {
  const strip = (s: string) => s.replace(/\\(.)/g, '$1').toLowerCase();
  const [x, y] = [strip(a), strip(b)];
  const lit = (s: string, from: number, step: number) => {
    let out = '';
    for (let i = from; i >= 0 && i < s.length && !'*?[]{}'.includes(s[i]!); i += step) out += s[i];
    return out;
  };
  const common = (p: string, q: string) => {
    let n = 0;
    while (n < p.length && n < q.length && p[n] === q[n]) n++;
    return n;
  };
  return common(lit(x, 0, 1), lit(y, 0, 1)) + common(lit(x, x.length - 1, -1), lit(y, y.length - 1, -1));
}
