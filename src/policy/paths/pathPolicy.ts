// The compiled sensitive-path policy: built-in rules, the user's extra globs, protected directories, and the
// exceptions. Literal paths are matched with picomatch; shell globs by intersection (could `.en*` expand to a
// secret?). One combined regex per access class keeps the common "nothing matches" case to a single test.
import picomatch from 'picomatch';
import type { PolicyConfig } from '../types';
import { BUILTIN_ALLOWED, SECRET_PATHS, SELF_PATHS, SYSTEM_PATHS, type PathAccess, type PathCategory, type PathRuleSpec } from './defaults';
import { expandBraces } from './braces';
import { hasGlobChars, pathGlobsIntersect, segmentMatchesName, segmentsOf, tokenize, unescapeGlob } from './globIntersect';
import { expandHome, isInside, isWindowsPath, normalizeAbsolute, slashes } from './resolve';

/** How a command or tool touches a path. `meta`: names and sizes only (ls, stat, test -f). */
export type Access = 'read' | 'write' | 'meta';

export interface PathMatch {
  category: PathCategory;
  access: PathAccess;
  glob: string;
  label: string;
}

interface CompiledRule extends PathRuleSpec {
  test: (p: string) => boolean;
  /** Brace-expanded, segmented forms for glob intersection. */
  segments: ReturnType<typeof segmentsOf>[];
}

const PM_OPTIONS = { dot: true, nocase: true } as const;

/** Names a broad glob would match in any ordinary folder; a glob matching one of them is not aimed at secrets. */
const PROBES = ['index.ts', 'main.c', 'README.md', 'package.json', 'notes.txt', 'Makefile', 'app.py', 'test.js', 'src', 'data.csv', 'config.yaml', 'style.css', 'build.log', 'image.png', 'doc.html'];

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

function compile(spec: PathRuleSpec, home: string): CompiledRule[] {
  const glob = absoluteGlob(spec.glob, home);
  const forms = glob.endsWith('/**') ? [glob] : [glob, `${glob}/**`]; // a matching directory covers its contents
  return forms.map((g) => ({
    ...spec,
    glob: spec.glob,
    test: picomatch(g, PM_OPTIONS),
    segments: expandBraces(g).map(segmentsOf),
  }));
}

function combined(rules: CompiledRule[], home: string): RegExp {
  const sources = rules.map((r) => {
    const g = absoluteGlob(r.glob, home);
    return picomatch.makeRe(g, PM_OPTIONS).source + '|' + picomatch.makeRe(g.endsWith('/**') ? g : `${g}/**`, PM_OPTIONS).source;
  });
  return new RegExp(sources.length > 0 ? sources.join('|') : '(?!)', 'i');
}

export class PathPolicy {
  private readonly rules: CompiledRule[];
  private readonly anyRe: RegExp;
  private readonly writeRe: RegExp;
  private readonly allowed: (p: string) => boolean;
  private readonly workspace: string[];
  readonly home: string;

  constructor(config: PolicyConfig) {
    this.home = config.home || '/';
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
    this.rules = specs.flatMap((s) => compile(s, this.home));
    const anyRules = this.rules.filter((r) => r.access === 'any');
    this.anyRe = combined(dedupe(anyRules), this.home);
    this.writeRe = combined(dedupe(this.rules.filter((r) => r.access === 'write')), this.home);
    const allowGlobs = [...BUILTIN_ALLOWED, ...(config.allowedPaths ?? []).filter((g) => typeof g === 'string' && g.trim())];
    const allowTest = picomatch(
      allowGlobs.map((g) => absoluteGlob(g, this.home)),
      PM_OPTIONS,
    );
    this.allowed = (p) => allowTest(p);
    this.workspace = (config.workspaceFolders ?? []).filter((f) => typeof f === 'string' && f).map((f) => normalizeAbsolute(f));
  }

  /** The rule an absolute, normalized path falls under for this kind of access, if any. */
  match(abs: string, access: Access): PathMatch | undefined {
    const hitsAny = this.anyRe.test(abs);
    const hitsWrite = access === 'write' && this.writeRe.test(abs);
    if (!hitsAny && !hitsWrite) return undefined;
    for (const r of this.rules) {
      if (r.access === 'write' && access !== 'write') continue;
      if (!r.test(abs)) continue;
      if (r.category === 'secret' && this.allowed(abs)) continue; // exceptions loosen secrets only, never self-protection
      return { category: r.category, access: r.access, glob: r.glob, label: r.label };
    }
    return undefined;
  }

  /**
   * The rule a shell glob (absolute or `**`-led, escapes kept) could expand into. Broad segments (`*`, `*.json`,
   * `**`) are not aimed at anything, so each is replaced by an ordinary name it would match; targeted ones (`.en*`,
   * `*.pem`, `id_*`, `.*`) stay globs and are intersected with the rules. So `~/.ssh/*` and `.en*` count, while
   * `*`, or `*.ts` at any depth, do not.
   */
  matchGlob(glob: string, access: Access, hidesDot: boolean): PathMatch | undefined {
    for (const candidate of expandBraces(glob)) {
      const narrowed = debroaden(candidate, hidesDot);
      const found = hasGlobChars(narrowed) ? this.intersect(narrowed, access, hidesDot) : this.match(unescapeGlob(narrowed), access);
      if (found) return found;
    }
    return undefined;
  }

  private intersect(glob: string, access: Access, hidesDot: boolean): PathMatch | undefined {
    const segs = segmentsOf(glob);
    const last = glob.slice(glob.lastIndexOf('/') + 1);
    let best: { rule: CompiledRule; score: number } | undefined;
    for (const r of this.rules) {
      if (r.access === 'write' && access !== 'write') continue;
      if (best && best.rule.glob === r.glob) continue;
      if (!r.segments.some((rs) => pathGlobsIntersect(segs, rs, hidesDot))) continue;
      // Several rules may intersect (`.en*` could also be `.en.code-workspace`); name the one the glob aims at.
      const stem = r.glob.replace(/\/\*\*$/, '');
      const score = affinity(last, stem.slice(stem.lastIndexOf('/') + 1));
      if (!best || score > best.score) best = { rule: r, score };
    }
    return best ? { category: best.rule.category, access: best.rule.access, glob: best.rule.glob, label: best.rule.label } : undefined;
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

/** Replaces broad glob segments with an ordinary name they match; drops `**` (zero directories deep). */
function debroaden(glob: string, hidesDot: boolean): string {
  const segs = glob.split('/');
  const out: string[] = [];
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (seg === '**') {
      if (last) out.push(PROBES[0]!);
      return;
    }
    if (!hasGlobChars(seg)) {
      out.push(seg);
      return;
    }
    const tokens = tokenize(seg);
    const probe = PROBES.find((name) => segmentMatchesName(tokens, name, hidesDot));
    out.push(probe ? escapeGlob(probe) : seg);
  });
  return out.join('/');
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

function dedupe(rules: CompiledRule[]): CompiledRule[] {
  const seen = new Set<string>();
  return rules.filter((r) => (seen.has(r.glob) ? false : (seen.add(r.glob), true)));
}
