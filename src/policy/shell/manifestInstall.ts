// Installs of exactly what the project's committed manifest and lockfile declare (`npm ci`, `npm install` with no
// names, `pip install -r requirements.txt`, `pip install -e .`, `poetry install`, `uv sync`, `bundle install`,
// `go mod download`, `cargo fetch`) are the project's own build step, as running its untouched Makefile is: safe
// when every file the installer reads to decide what to fetch and from where (the manifest, its lockfile, the
// installer's project config such as .npmrc) is tracked by git and unchanged (git/gitState.ts, read without running
// git), was not written by this session or earlier on this command line, and the command adds nothing of its own:
// no package names, paths, URLs, registry or index options, environment assignments, or options outside a short
// list of ones that only change output or strictness. Anything else stays the supply-chain review, and the reason
// says which file or word made it one.
import { posix } from 'node:path';
import type { ShellAnalyzer } from './analyzer';
import { judgeSessionFiles } from './sessionCode';
import { nothingMadeFilesSoFar } from './lineRuns';
import type { Invocation } from './types';

/** `absent`: none of the manifests is there, so the installer finds nothing to install (it stops with an error). */
export type ManifestVerdict = { safe: true; files: string[]; absent?: string } | { safe: false; why: string };

export interface Ecosystem {
  /** Files that must exist (any one of each group), tracked and unchanged. */
  required: string[][];
  /** Files read when present (lockfiles, installer config): tracked and unchanged, or absent. */
  optional: string[];
  /** Options that change only output, strictness or which declared groups are installed; `=` values allowed. */
  flags: RegExp;
  /** Options whose value is the next word (a group name, a job count). */
  valued?: RegExp;
  /** Session-written files anywhere under the project with these names also make it a review (workspaces). */
  nested?: RegExp;
  /** The installer looks for its manifest in the folders above too (npm, poetry, uv, bundler, go, cargo). */
  walksUp?: true;
}

const NPM_CONFIG = ['.npmrc', '.yarnrc', '.yarnrc.yml', '.pnpmfile.cjs', 'pnpm-workspace.yaml', 'bunfig.toml'];
export const BUN_LOCKS = ['bun.lockb', 'bun.lock'];
/** What a Node package manager reads besides package.json: lockfiles and installer config. */
export const NODE_FILES = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'pnpm-lock.yaml', ...BUN_LOCKS, ...NPM_CONFIG];
export const PY_PROJECT_FILES = ['pyproject.toml', 'setup.py', 'setup.cfg'];
const NODE: Ecosystem = {
  required: [['package.json']],
  optional: NODE_FILES,
  flags: /^(?:--no-audit|--no-fund|--silent|-s|--quiet|-q|--prefer-offline|--offline|--no-progress|--progress=false|--loglevel=(?:silent|error|warn|notice|http|info|verbose|silly)|--legacy-peer-deps|--strict-peer-deps|--frozen-lockfile|--immutable|--immutable-cache|--prefer-frozen-lockfile|--pure-lockfile|--check-files|--production|--prod|-P|--dev|-D|--omit=(?:dev|optional|peer)|--include=(?:dev|optional|peer|prod)|--ignore-scripts|--no-optional|--non-interactive|--no-color|--color=(?:always|never|false)|--foreground-scripts|--no-save)$/,
  valued: /^(?:--omit|--include|--loglevel)$/,
  nested: /(?:^|\/)(?:package\.json|\.npmrc|\.yarnrc(?:\.yml)?|\.pnpmfile\.cjs)$|\/node_modules\//,
  walksUp: true,
};
export const PY_PROJECT: Ecosystem = {
  required: [PY_PROJECT_FILES],
  optional: ['pyproject.toml', 'setup.py', 'setup.cfg', 'MANIFEST.in', 'hatch_build.py', 'build.py'],
  flags: /^(?:-q|-qq|--quiet|-v|--verbose|--no-deps|--no-cache-dir|-U|--upgrade|--force-reinstall|--root-user-action=ignore|--disable-pip-version-check|--no-build-isolation|--no-input|--no-color|--progress-bar=off|--require-hashes|--only-binary=:all:|--no-binary=:none:|-e|--editable)$/,
  valued: /^(?:--progress-bar)$/,
};
const POETRY: Ecosystem = {
  required: [['pyproject.toml'], ['poetry.lock']],
  optional: ['poetry.toml'],
  flags: /^(?:--no-root|--sync|--no-interaction|-n|-q|--quiet|-v|--all-extras|--no-dev|--only-root|--compile|--no-ansi|--ansi|--dry-run|(?:--only|--with|--without|-E|--extras)=[\w,.-]+)$/,
  valued: /^(?:--only|--with|--without|-E|--extras)$/,
  walksUp: true,
};
const UV: Ecosystem = {
  required: [['pyproject.toml'], ['uv.lock']],
  optional: ['uv.toml'],
  flags: /^(?:--frozen|--locked|--all-extras|--dev|--no-dev|--all-groups|--no-install-project|--inexact|--exact|-q|--quiet|-v|--offline|--no-progress|--compile-bytecode|(?:--extra|--group|--only-group|--no-group)=[\w,.-]+)$/,
  valued: /^(?:--extra|--group|--only-group|--no-group)$/,
  walksUp: true,
};
const BUNDLER: Ecosystem = {
  required: [['Gemfile', 'gems.rb'], ['Gemfile.lock', 'gems.locked']],
  optional: ['.bundle/config'],
  flags: /^(?:--frozen|--deployment|--quiet|--local|--prefer-local|--retry=\d+|--jobs=\d+|-j\d+)$/,
  valued: /^(?:--retry|--jobs|-j)$/,
  walksUp: true,
};
const GO: Ecosystem = { required: [['go.mod'], ['go.sum']], optional: ['go.work', 'go.work.sum'], flags: /^(?:-x|-json)$/, walksUp: true };
const CARGO: Ecosystem = { required: [['Cargo.toml'], ['Cargo.lock']], optional: ['.cargo/config.toml', '.cargo/config', 'rust-toolchain.toml', 'rust-toolchain'], flags: /^(?:--locked|--frozen|--offline|-q|--quiet|-v)$/, walksUp: true };

/** Which ecosystem an install command line is, and the words after its subcommand; undefined: not such a command. */
function ecosystemOf(inv: Invocation, sub: string, index: number): { eco: Ecosystem; rest: Invocation['args']; pip?: true } | undefined {
  const rest = index >= 0 ? inv.args.slice(index + 1) : [];
  const before = index >= 0 ? inv.args.slice(0, index) : inv.args;
  // Global options before the subcommand (`npm --registry x ci`, `pip --index-url x install`) are not allowed.
  if (before.length > 0) return undefined;
  switch (inv.name) {
    case 'npm':
      return ['ci', 'clean-install', 'install-clean', 'install', 'i'].includes(sub) ? { eco: NODE, rest } : undefined;
    case 'yarn':
      return sub === '' || sub === 'install' ? { eco: NODE, rest } : undefined;
    case 'pnpm':
    case 'bun':
      return sub === 'install' || sub === 'i' ? { eco: NODE, rest } : undefined;
    case 'pip':
    case 'pip3':
      return sub === 'install' ? { eco: PY_PROJECT, rest, pip: true } : undefined;
    case 'poetry':
      return sub === 'install' ? { eco: POETRY, rest } : undefined;
    case 'uv':
      return sub === 'sync' ? { eco: UV, rest } : undefined;
    case 'bundle':
    case 'bundler':
      return sub === '' || sub === 'install' ? { eco: BUNDLER, rest } : undefined;
    case 'go':
      return sub === 'mod' && rest[0]?.value === 'download' ? { eco: GO, rest: rest.slice(1) } : undefined;
    case 'cargo':
      return sub === 'fetch' ? { eco: CARGO, rest } : undefined;
  }
  return undefined;
}

/** Lines of a requirements file that fetch from somewhere other than the default index, or pull in other files. */
const REQUIREMENT_ELSEWHERE = /^\s*(?:-i|--index-url|--extra-index-url|-f|--find-links|--trusted-host|--pre|--no-index|-e|--editable|--config-settings|--global-option|--install-option)\b|(?:[a-z][a-z0-9+.-]*:\/\/|\bgit\+|\bfile:|@\s*(?:https?|file|git)|^\s*[./~])/im;

/** Environment variables the installers read for where to fetch from and what to run. */
export const INSTALLER_ENV = /^(?:PIP_|NPM_CONFIG_|YARN_|PNPM_|BUN_|UV_|POETRY_|BUNDLE_|GEM_|GO(?:PROXY|FLAGS|NOSUMDB|NOSUMCHECK|INSECURE|PRIVATE|SUMDB)|CARGO_|RUSTC|PYTHONPATH$|NODE_OPTIONS$)/i;

/** Installer config files: one this session wrote anywhere can change where any later install fetches from. */
const INSTALLER_CONFIG = /(?:^|\/)(?:\.npmrc|\.yarnrc|\.yarnrc\.yml|\.pnpmfile\.cjs|bunfig\.toml|pip\.conf|pip\.ini|uv\.toml|poetry\.toml|pydistutils\.cfg|\.pydistutils\.cfg)$/;

/** Why the environment of this command line can redirect an install, or undefined. */
export function installerEnvWhy(a: ShellAnalyzer, inv: Invocation): string | undefined {
  const env = [...a.vars.keys()].find((k) => INSTALLER_ENV.test(k));
  if (env) return `${env} is set on this command line, which can change where packages come from`;
  if (inv.assignments.length > 0) return `the command sets ${inv.assignments.map((x) => x.name).join(', ')}, which can change where packages come from`;
  return undefined;
}

export class ManifestCheck {
  readonly files: string[] = [];
  constructor(
    readonly a: ShellAnalyzer,
    readonly dir: string,
  ) {}

  /** Why `abs` cannot be trusted as the project's own, or undefined when it is tracked, unchanged and untouched. */
  untrusted(abs: string): string | undefined {
    const name = posix.relative(this.dir, abs) || abs;
    const key = this.a.fileKey(abs);
    if (this.a.written.has(key)) return `${name} is written earlier on this command line`;
    const mine = this.a.scope.files?.session.file(abs);
    if (mine) return `${name} was ${mine.created ? 'created' : 'changed'} in this session`;
    const git = this.a.scope.git;
    if (!git) return `${name} cannot be checked against git`;
    const state = git.states.stateOf(abs);
    if (state === 'clean') {
      this.files.push(name);
      return undefined;
    }
    return `${name} ${state === 'modified' ? 'has uncommitted changes' : state === 'untracked' || state === 'ignored' || state === 'no-repo' ? 'is not committed to git' : 'cannot be checked against git'}`;
  }

  exists(abs: string): boolean {
    return this.a.scope.git?.world.stat?.(abs) !== undefined || this.a.written.has(this.a.fileKey(abs)) || this.a.scope.files?.session.file(abs)?.deleted === false;
  }

  /**
   * None of `names` is in this folder or (when the installer looks upwards) any folder above it, on the real disk,
   * in the session's memory or written earlier on this line, and nothing run earlier on the line could have made
   * one (`git clone … && cd x && npm install` is not this). The installer then has nothing to read and stops.
   */
  absent(names: string[], walksUp: boolean): string | undefined {
    const world = this.a.scope.git?.world;
    if (!world?.stat || world.stat(this.dir)?.kind !== 'dir') return undefined;
    if (!nothingMadeFilesSoFar(this.a)) return undefined;
    for (let d = this.dir, depth = 0; depth < 64; d = posix.dirname(d), depth++) {
      if (names.some((n) => this.exists(posix.join(d, n)))) return undefined;
      if (!walksUp || d === '/') break;
    }
    return names.join(', ');
  }

  /** The folder the installer takes for the project: this one, or the nearest above holding a manifest. */
  projectDir(manifest: string[], walksUp: boolean): string {
    for (let d = this.dir, depth = 0; walksUp && depth < 64; d = posix.dirname(d), depth++) {
      if (manifest.some((n) => this.exists(posix.join(d, n)))) return d;
      if (d === '/') break;
    }
    return this.dir;
  }

  /**
   * Every project file the installer reads is committed and untouched, or absent; why not. With no manifest at
   * all, only when nothing earlier on the line could have made one.
   */
  projectFiles(manifest: string[], others: string[], walksUp: boolean): string | undefined {
    const dir = this.projectDir(manifest, walksUp);
    if (!manifest.some((n) => this.exists(posix.join(dir, n))) && !this.absent(manifest, walksUp)) return `a ${manifest.join(' or ')} may be made earlier on this command line, or the folder is not on the disk`;
    for (const n of new Set([...manifest, ...others])) {
      const abs = posix.join(dir, n);
      if (!this.exists(abs)) continue;
      const why = this.untrusted(abs);
      if (why) return why;
    }
    return undefined;
  }

  /** A session-written installer config anywhere (a `.npmrc` naming another registry), or one written on this line. */
  sessionInstallerConfig(): string | undefined {
    for (const [p, f] of this.a.scope.files?.session.files() ?? []) {
      if (!f.deleted && INSTALLER_CONFIG.test(p)) return `${p} (installer configuration) was ${f.created ? 'created' : 'changed'} in this session`;
    }
    for (const k of this.a.written.keys()) if (INSTALLER_CONFIG.test(k)) return `${k} (installer configuration) is written earlier on this command line`;
    return undefined;
  }

  /** `-r FILE` / `-c FILE` of pip: a plain path inside the project, committed with no line fetching from elsewhere, or absent. */
  requirementsFile(r: string): string | undefined {
    if (/[$~*?[]|:\/\//.test(r)) return `the requirements file ${r} is not a plain path`;
    const abs = this.a.resolve(r);
    if (!abs || !abs.startsWith(`${this.dir}/`)) return `${r} is outside the project`;
    if (!this.exists(abs) && this.absent([posix.relative(this.dir, abs)], false)) return undefined;
    return this.requirements(abs);
  }

  /** Required, optional and nested files of the ecosystem, under `dir`. */
  ecosystem(eco: Ecosystem): string | undefined {
    for (const group of eco.required) {
      const present = group.map((n) => posix.join(this.dir, n)).filter((p) => this.exists(p));
      if (present.length === 0) return `there is no ${group.join(' or ')} here`;
    }
    for (const n of new Set([...eco.required.flat(), ...eco.optional])) {
      const abs = posix.join(this.dir, n);
      if (!this.exists(abs)) continue;
      const why = this.untrusted(abs);
      if (why) return why;
    }
    if (eco.nested) {
      const root = `${this.dir}/`;
      for (const [p, f] of this.a.scope.files?.session.files() ?? []) {
        if (p.startsWith(root) && !f.deleted && eco.nested.test(p.slice(root.length))) return `${posix.relative(this.dir, p)} was changed in this session`;
      }
    }
    return undefined;
  }

  /** A requirements file: trusted itself, with no line that fetches from elsewhere; nested -r/-c files too. */
  requirements(abs: string, depth = 0): string | undefined {
    if (depth > 3) return 'requirements files nest too deeply';
    const name = posix.relative(this.dir, abs) || abs;
    if (!this.exists(abs)) return `${name} is not there`;
    const why = this.untrusted(abs);
    if (why) return why;
    const text = this.a.scope.files?.textOf(abs);
    if (!text || text === 'unreadable') return `${name} cannot be read`;
    for (const line of text.text.split('\n')) {
      const l = line.replace(/(^|\s)#.*$/, '').trim();
      if (!l) continue;
      const nested = /^(?:-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)$/.exec(l);
      if (nested) {
        if (/[$~]|:\/\//.test(nested[1]!)) return `${name} names ${nested[1]}`;
        const inner = this.requirements(posix.resolve(posix.dirname(abs), nested[1]!), depth + 1);
        if (inner) return inner;
        continue;
      }
      if (REQUIREMENT_ELSEWHERE.test(l)) return `${name} installs from somewhere other than the package index (${l.slice(0, 80)})`;
    }
    return undefined;
  }
}

/**
 * Whether this install command only installs what the committed manifest declares. `sub`/`index`: the package
 * manager's subcommand and its position ('' and -1 for a bare `yarn`/`bundle`).
 */
export function committedManifestInstall(a: ShellAnalyzer, inv: Invocation, sub: string, index: number): ManifestVerdict | undefined {
  const found = ecosystemOf(inv, sub, index);
  if (!found) return undefined;
  const env = installerEnvWhy(a, inv);
  if (env) return { safe: false, why: env };
  if (!a.cwd) return { safe: false, why: 'the folder it runs in is not known' };
  const c = new ManifestCheck(a, a.cwd.replace(/\/+$/, '') || '/');
  const words = found.rest;
  let project = false;
  const reqs: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const v = w.value;
    if (v === undefined) return { safe: false, why: `${w.raw} is only known at run time` };
    if (found.pip && (v === '-r' || v === '--requirement')) {
      const f = words[++i]?.value;
      if (f === undefined) return { safe: false, why: 'the requirements file is only known at run time' };
      reqs.push(f);
      continue;
    }
    if (found.pip && /^(?:-r|--requirement=)./.test(v)) {
      reqs.push(v.replace(/^(?:-r|--requirement=)/, ''));
      continue;
    }
    if (found.pip && /^\.(?:\[[\w,.-]+\])?$/.test(v)) {
      project = true;
      continue;
    }
    if (found.eco.flags.test(v)) continue;
    if (found.eco.valued?.test(v) && words[i + 1]?.value !== undefined && /^[\w,.:-]+$/.test(words[i + 1]!.value!)) {
      i++;
      continue;
    }
    return { safe: false, why: v.startsWith('-') ? `${v} is not an option Countersign reads as harmless` : `it names ${v}, not only what the project declares` };
  }
  if (found.pip) {
    if (!project && reqs.length === 0) return { safe: false, why: 'it names no requirements file or project' };
    for (const r of reqs) {
      const why = c.requirementsFile(r);
      if (why) return { safe: false, why };
    }
    if (project) {
      const absent = c.absent(PY_PROJECT_FILES, false);
      if (absent && reqs.length === 0) return { safe: true, files: [], absent };
      const why = absent ? undefined : c.ecosystem(PY_PROJECT);
      if (why) return { safe: false, why };
      // Building the project runs setup.py, which may import modules this session changed: those are judged.
      const setup = posix.join(c.dir, 'setup.py');
      const text = a.scope.files?.textOf(setup);
      if (text && text !== 'unreadable') judgeSessionFiles(a, inv, 'python', { path: setup, text: text.text });
    }
    return { safe: true, files: c.files };
  }
  const absent = c.absent(found.eco.required[0]!, found.eco.walksUp === true);
  if (absent) return { safe: true, files: [], absent };
  const why = c.ecosystem(found.eco);
  return why ? { safe: false, why } : { safe: true, files: c.files };
}
