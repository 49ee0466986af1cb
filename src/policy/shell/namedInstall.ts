// Installs of packages named on the command line (`pip install numpy`, `npm i -D @types/node@20`, `uv add httpx`)
// judged by what they fetch: each name exactly one of its registry's most used packages (packages/popular.ts, from
// download data), fetched from the default registry, into the project or the environment the agent works in, is
// ordinary work (`safe.install`). Anything else is the supply-chain review, and the reason says which word made it
// one: a name that is not popular (and, when it is one edit away from a popular name, that it looks like a
// typosquat), a URL, VCS, path or archive spec, an index or registry option or environment variable, an install
// outside the project (global, --user, --target, the system interpreter), an option not known to be harmless, or a
// project file the installer also reads (manifest, lockfile, installer config) that this session wrote or that
// differs from the commit. conda, pipx, gem, cargo, go and system packages are left to the review: there is no
// popularity data for their registries here, or they install programs for the whole machine.
import { posix } from 'node:path';
import { isPopular, nearMiss, type Registry } from '../packages/popular';
import type { ShellAnalyzer } from './analyzer';
import { BUN_LOCKS, installerEnvWhy, ManifestCheck, NODE_FILES, PY_PROJECT, PY_PROJECT_FILES } from './manifestInstall';
import { judgeSessionFiles } from './sessionCode';
import type { Invocation } from './types';
import type { Word } from './words';

export type NamedVerdict = { safe: true; names: string[]; registry: Registry; files: string[]; removes?: true } | { safe: false; why: string };

interface NamedSpec {
  registry: Registry;
  /** How a package operand is spelled. */
  spec: 'pep508' | 'poetry' | 'npm';
  /** Options that change only output, strictness, versions chosen or which project section records the package. */
  flags: RegExp;
  /** Options whose value is the next word (or after `=`): a group, a level, a count; plain words only. */
  valued?: RegExp;
  /** Options that install outside the project or its environment. */
  beyond?: RegExp;
  /** pip's own operands: `-r FILE`, `-c FILE`, `.`, `-e .`. */
  pip?: true;
  /** Project files the installer reads besides the names (committed and unchanged, or absent); walking up for the manifest. */
  project?: { manifest: string[]; others: string[] };
  label: string;
}

const PIP_FLAGS = /^(?:-q+|--quiet|-v+|--verbose|-U|--upgrade|--force-reinstall|-I|--ignore-installed|--no-deps|--no-cache-dir|--disable-pip-version-check|--no-input|--no-color|--pre|--prefer-binary|--no-warn-script-location|--no-warn-conflicts|--no-build-isolation|--no-compile|--compile|--use-pep517|--isolated|--require-virtualenv|--dry-run|--require-hashes|--progress-bar=(?:off|on|raw)|--root-user-action=ignore|--upgrade-strategy=(?:eager|only-if-needed)|--only-binary=:all:|--no-binary=:none:|--exists-action=[swib]|--timeout=\d+|--retries=\d+|--resolution=(?:highest|lowest|lowest-direct)|--reinstall|--refresh)$/;
const PIP_VALUED = /^(?:--progress-bar|--root-user-action|--upgrade-strategy|--only-binary|--exists-action|--timeout|--retries|--resolution)$/;
const PIP_BEYOND = /^(?:--user|--target|-t|--prefix|--root|--break-system-packages|--system|--python|-p|--src)(?:=.*)?$/;

const PIP: NamedSpec = { registry: 'pypi', spec: 'pep508', flags: PIP_FLAGS, valued: PIP_VALUED, beyond: PIP_BEYOND, pip: true, label: 'pip install' };
const UV_PIP: NamedSpec = { ...PIP, label: 'uv pip install' };
const UV_ADD: NamedSpec = {
  registry: 'pypi',
  spec: 'pep508',
  flags: /^(?:--dev|--optional=[\w.-]+|--group=[\w.-]+|-q|--quiet|-v|--upgrade|-U|--no-sync|--frozen|--locked|--raw-sources|--raw|--bounds=\w+|--no-progress|--offline)$/,
  valued: /^(?:--optional|--group|--bounds)$/,
  beyond: /^(?:--script|--python|-p|--editable|--index|--default-index|--index-url|--extra-index-url|--find-links|-f)(?:=.*)?$/,
  project: { manifest: ['pyproject.toml'], others: ['uv.lock', 'uv.toml'] },
  label: 'uv add',
};
const POETRY_ADD: NamedSpec = {
  registry: 'pypi',
  spec: 'poetry',
  flags: /^(?:--dev|-D|--optional|--allow-prereleases|--dry-run|--lock|-n|--no-interaction|-q|--quiet|-v|--no-ansi|(?:--group|-G|--extras|-E)=[\w.,-]+)$/,
  valued: /^(?:--group|-G|--extras|-E)$/,
  beyond: /^(?:--source|--editable|-e|--python)(?:=.*)?$/,
  project: { manifest: ['pyproject.toml'], others: ['poetry.lock', 'poetry.toml'] },
  label: 'poetry add',
};
const PIPENV: NamedSpec = {
  registry: 'pypi',
  spec: 'pep508',
  flags: /^(?:--dev|-d|--pre|--skip-lock|-q|--quiet|-v|--verbose)$/,
  beyond: /^(?:--system|--python|--index|-i|--extra-index-url|--editable|-e)(?:=.*)?$/,
  project: { manifest: ['Pipfile'], others: ['Pipfile.lock'] },
  label: 'pipenv install',
};
const NODE_PROJECT = { manifest: ['package.json'], others: NODE_FILES };
const NODE_GLOBAL = /^(?:-g|--global|--location=global|--prefix|--location=user)(?:=.*)?$/;
const NPM: NamedSpec = {
  registry: 'npm',
  spec: 'npm',
  flags: /^(?:-D|--save-dev|-S|--save|-P|--save-prod|-O|--save-optional|-E|--save-exact|-B|--save-bundle|--save-peer|--no-save|--no-audit|--no-fund|--silent|-s|-q|--quiet|--loglevel=(?:silent|error|warn|notice|http|info|verbose)|--legacy-peer-deps|--strict-peer-deps|--prefer-offline|--prefer-online|--offline|--no-package-lock|--package-lock-only|--ignore-scripts|--no-progress|--progress=false|--foreground-scripts|--no-color|--workspace=[\w@/.-]+|-w=[\w@/.-]+|--include-workspace-root)$/,
  valued: /^(?:--loglevel|--workspace|-w)$/,
  beyond: NODE_GLOBAL,
  project: NODE_PROJECT,
  label: 'npm install',
};
const YARN: NamedSpec = {
  registry: 'npm',
  spec: 'npm',
  flags: /^(?:-D|--dev|-P|--peer|-O|--optional|-E|--exact|-T|--tilde|--ignore-scripts|--silent|-s|--frozen-lockfile|--prefer-offline|--offline|--non-interactive|--no-progress|-W|--ignore-workspace-root-check|--ignore-engines|--cached)$/,
  beyond: NODE_GLOBAL,
  project: NODE_PROJECT,
  label: 'yarn add',
};
const PNPM: NamedSpec = {
  registry: 'npm',
  spec: 'npm',
  flags: /^(?:-D|--save-dev|-P|--save-prod|-O|--save-optional|-E|--save-exact|--save-peer|-w|--workspace-root|--ignore-scripts|--silent|-s|--reporter=(?:silent|default|append-only|ndjson)|--prefer-offline|--offline|--no-optional|--filter=[\w@/.*-]+|-F=[\w@/.*-]+)$/,
  valued: /^(?:--reporter|--filter|-F)$/,
  beyond: NODE_GLOBAL,
  project: NODE_PROJECT,
  label: 'pnpm add',
};
const BUN: NamedSpec = {
  registry: 'npm',
  spec: 'npm',
  flags: /^(?:-d|-D|--dev|--development|--optional|--peer|-E|--exact|--silent|--ignore-scripts|--no-save|--frozen-lockfile|--no-progress|--no-summary|--verbose)$/,
  beyond: NODE_GLOBAL,
  project: { manifest: ['package.json'], others: [...NODE_FILES, ...BUN_LOCKS] },
  label: 'bun add',
};

/** The named-install form of this command line, and where its own words start; undefined: not one. */
function specOf(inv: Invocation, sub: string, index: number): { spec: NamedSpec; from: number } | undefined {
  if (index < 0 || inv.args.slice(0, index).length > 0) return undefined;
  const from = index + 1;
  switch (inv.name) {
    case 'pip':
    case 'pip3':
      return sub === 'install' ? { spec: PIP, from } : undefined;
    case 'uv':
      if (sub === 'add') return { spec: UV_ADD, from };
      return sub === 'pip' && inv.args[from]?.value === 'install' ? { spec: UV_PIP, from: from + 1 } : undefined;
    case 'poetry':
      return sub === 'add' ? { spec: POETRY_ADD, from } : undefined;
    case 'pipenv':
      return sub === 'install' ? { spec: PIPENV, from } : undefined;
    case 'npm':
      return ['install', 'i', 'add'].includes(sub) ? { spec: NPM, from } : undefined;
    case 'yarn':
      return sub === 'add' ? { spec: YARN, from } : undefined;
    case 'pnpm':
      return sub === 'add' ? { spec: PNPM, from } : undefined;
    case 'bun':
      return ['add', 'a', 'install', 'i'].includes(sub) ? { spec: BUN, from } : undefined;
  }
  return undefined;
}

const PEP440_CLAUSE = String.raw`(?:===|~=|==|!=|<=|>=|<|>)\s*[A-Za-z0-9.*+!_-]+`;
/** `name`, `name[extra,…]`, then version clauses (`==1.2`, `>=2,<3`): no URL (`@ …`), no environment marker. */
const PEP508 = new RegExp(String.raw`^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[\s*[A-Za-z0-9._-]+(?:\s*,\s*[A-Za-z0-9._-]+)*\s*\])?\s*(?:${PEP440_CLAUSE}(?:\s*,\s*${PEP440_CLAUSE})*)?$`);
/** poetry also takes `name@^1.2`, `name@latest`. */
const POETRY_AT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(?:\[[A-Za-z0-9._,-]+\])?@(?:[~^]?[0-9A-Za-z.*+!-]+|latest|(?:[<>=!~]=?)\s*[0-9A-Za-z.*+!-]+(?:\s*,\s*(?:[<>=!~]=?)\s*[0-9A-Za-z.*+!-]+)*)$/;
/** `name`, `@scope/name`, then `@range` or `@tag`: no `:` (aliases, git, file), no `/` after the name (GitHub shorthand, paths). */
const NPM_SPEC = /^((?:@[a-z0-9][a-z0-9._~-]*\/)?[A-Za-z0-9][A-Za-z0-9._~-]*)(?:@([0-9A-Za-z.^~<>=|*+ -]+))?$/;
/** Archive operands are files to both pip and npm, whatever else they look like. */
const ARCHIVE = /\.(?:whl|zip|tar|tgz|tar\.gz|tbz2?|tar\.bz2|txz|tar\.xz|egg)$/i;

/** The registry name an operand installs, or why it is not a plain registry name. */
function packageName(spec: NamedSpec, v: string): { name: string } | { why: string } {
  if (/:\/\/|^(?:git\+|git:|github:|gitlab:|bitbucket:|gist:|file:|link:|workspace:|npm:|portal:|patch:)/i.test(v)) return { why: `${v} is fetched from a URL, a repository or a path, not the registry` };
  if (/^[./~]|[\\]/.test(v) || ARCHIVE.test(v)) return { why: `${v} is a local path or archive` };
  if (spec.spec === 'npm') {
    const m = NPM_SPEC.exec(v);
    if (!m) return { why: v.includes('/') ? `${v} names a repository or a path, not a registry package` : `${v} is not a plain registry package name` };
    return { name: m[1]! };
  }
  const m = PEP508.exec(v) ?? (spec.spec === 'poetry' ? POETRY_AT.exec(v) : null);
  if (!m) return { why: v.includes('@') ? `${v} is fetched from a URL or a path, not the package index` : `${v} is not a plain package name with a version (markers, URLs and paths ask)` };
  return { name: m[1]! };
}

/** `pip uninstall [-y] NAME…`: removes what is installed under those names; fetches and runs nothing. */
function pipUninstall(inv: Invocation, from: number): NamedVerdict {
  const names: string[] = [];
  for (const w of inv.args.slice(from)) {
    const v = w.value;
    if (v === undefined || w.glob) return { safe: false, why: `${w.raw} is only known at run time` };
    if (/^(?:-y|--yes|-q+|--quiet|-v+|--verbose|--no-input|--disable-pip-version-check|--no-color|--root-user-action=ignore)$/.test(v)) continue;
    const m = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)$/.exec(v);
    if (!m) return { safe: false, why: v.startsWith('-') ? `${v} is not an option Countersign reads as harmless` : `${v} is not a plain package name` };
    names.push(m[1]!);
  }
  return names.length > 0 ? { safe: true, names, registry: 'pypi', files: [], removes: true } : { safe: false, why: 'it names no package' };
}

/**
 * Judges a named install: undefined when this is not one (no package names: `npm install`, `pip install -e .`,
 * which manifestInstall.ts judges), else safe with the names, or why not.
 */
export function namedInstall(a: ShellAnalyzer, inv: Invocation, sub: string, index: number): NamedVerdict | undefined {
  if ((inv.name === 'pip' || inv.name === 'pip3') && sub === 'uninstall' && index === 0) return pipUninstall(inv, 1);
  const found = specOf(inv, sub, index);
  if (!found) return undefined;
  const { spec } = found;
  const words = inv.args.slice(found.from);
  const names: string[] = [];
  const problems: string[] = [];
  const reqs: string[] = [];
  let project = false;
  for (let i = 0; i < words.length; i++) {
    const w: Word = words[i]!;
    const v = w.value;
    if (v === undefined) {
      problems.push(`${w.raw} is only known at run time`);
      continue;
    }
    if (w.glob) {
      // `requests[socks]` unquoted: the shell may expand it to the name of a file here, which pip would install.
      problems.push(`${w.raw} is an unquoted pattern the shell may expand to file names`);
      continue;
    }
    if (spec.pip && /^(?:-r|--requirement|-c|--constraint)$/.test(v)) {
      const f = words[++i]?.value;
      if (f === undefined) problems.push('the requirements file is only known at run time');
      else reqs.push(f);
      continue;
    }
    if (spec.pip && /^(?:-r|-c|--requirement=|--constraint=)./.test(v)) {
      reqs.push(v.replace(/^(?:-r|-c|--requirement=|--constraint=)/, ''));
      continue;
    }
    if (spec.pip && (v === '-e' || v === '--editable') && /^\.(?:\[[\w,.-]+\])?$/.test(words[i + 1]?.value ?? '')) {
      i++;
      project = true;
      continue;
    }
    if (spec.pip && /^\.(?:\[[\w,.-]+\])?$/.test(v)) {
      project = true;
      continue;
    }
    if (v.startsWith('-')) {
      if (spec.beyond?.test(v)) problems.push(`${v} installs outside the project's own environment`);
      else if (spec.flags.test(v)) continue;
      else if (spec.valued?.test(v) && /^[\w,.:@/-]+$/.test(words[i + 1]?.value ?? '') && !(words[i + 1]?.value ?? '').startsWith('-')) i++;
      else problems.push(/index|registry|find-links|trusted-host|^-[if]$|^--source/.test(v) ? `${v} fetches from somewhere other than the default registry` : `${v} is not an option Countersign reads as harmless`);
      continue;
    }
    const p = packageName(spec, v);
    if ('why' in p) {
      problems.push(p.why);
      continue;
    }
    if (isPopular(spec.registry, p.name)) {
      names.push(p.name);
      continue;
    }
    const near = nearMiss(spec.registry, p.name);
    const where = spec.registry === 'npm' ? 'npm' : 'PyPI';
    problems.push(near ? `${p.name} is one letter away from the popular ${where} package ${near} but is not it: a likely typosquat` : `${p.name} is not one of the most used ${where} packages`);
  }
  // Not a named install: the committed-manifest judgement (manifestInstall.ts) is the one that applies.
  if (names.length === 0 && problems.length === 0) return undefined;
  if (problems.length > 0) return { safe: false, why: problems.slice(0, 3).join('; ') };
  const env = installerEnvWhy(a, inv);
  if (env) return { safe: false, why: env };
  if (!a.cwd) return { safe: false, why: 'the folder it runs in is not known' };
  const c = new ManifestCheck(a, a.cwd.replace(/\/+$/, '') || '/');
  for (const r of reqs) {
    const why = c.requirementsFile(r);
    if (why) return { safe: false, why };
  }
  if (project && !c.absent(PY_PROJECT_FILES, false)) {
    const why = c.ecosystem(PY_PROJECT);
    if (why) return { safe: false, why };
    const setup = posix.join(c.dir, 'setup.py');
    const text = a.scope.files?.textOf(setup);
    if (text && text !== 'unreadable') judgeSessionFiles(a, inv, 'python', { path: setup, text: text.text });
  }
  if (spec.project) {
    const why = c.projectFiles(spec.project.manifest, spec.project.others, true);
    if (why) return { safe: false, why };
  }
  const config = c.sessionInstallerConfig();
  if (config) return { safe: false, why: config };
  return { safe: true, names, registry: spec.registry, files: c.files };
}
