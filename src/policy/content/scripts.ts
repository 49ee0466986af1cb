// Code inside written files that will run later: shell scripts, Makefile recipes, Dockerfile RUN steps and
// package.json scripts. "Write a script, then run it" must not launder a sensitive command: the write is judged by
// what the script would do.
import type { Hit } from '../reasons';
import { RULES } from '../reasons';
import type { ContentFinding, FileKind } from './permissions';
import { notebookCode } from './notebooks';

export type ShellCheck = (script: string) => Hit[];

const IGNORED = new Set(['shell.parse-error', 'budget.size', 'budget.time', 'budget.work', 'budget.nodes', 'budget.depth', 'shell.parser-unavailable']);

function sensitiveOnly(hits: Hit[], offset: number, prefix: string): ContentFinding[] {
  return hits
    .filter((h) => (h.risk === 'sensitive' || h.risk === 'blocked') && !IGNORED.has(h.rule))
    .map((h) => ({ rule: h.rule, message: `${prefix}${h.message}`, start: h.start + offset, end: h.end + offset, risk: h.risk }));
}

/**
 * A Dockerfile RUN step changes the image being built, not this machine: users, modes, owners and system paths
 * inside the image are ordinary (content/config/dockerfile.ts judges the modes that matter: world-writable,
 * setuid, passwordless sudo, root as the final user).
 */
const IMAGE_LOCAL = new Set(['perm.mode', 'perm.owner', 'perm.users', 'perm.acl', 'perm.elevate', 'perm.system', 'path.system', 'path.protected']);

export function isShellScript(f: FileKind, text: string): boolean {
  return ['sh', 'bash', 'zsh', 'ksh', 'command', 'bats'].includes(f.ext) || /^#!\s*\S*\b(?:env\s+)?(?:ba|z|k|da)?sh\b/.test(text) || /\/\.(husky|githooks|git\/hooks)\/[^/]+$/.test(f.path);
}

function dockerRunSteps(text: string): { start: number; script: string }[] {
  const out: { start: number; script: string }[] = [];
  const re = /^[ \t]*RUN[ \t]+((?:[^\n]*\\\n)*[^\n]*)/gim;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let body = m[1]!;
    let start = m.index + m[0].length - body.length;
    const flags = /^(?:--\S+\s+)+/.exec(body);
    if (flags) {
      start += flags[0].length;
      body = body.slice(flags[0].length);
    }
    if (!body.trimStart().startsWith('[')) out.push({ start, script: body });
  }
  return out;
}

function makeRecipes(text: string): { start: number; script: string }[] {
  const out: { start: number; script: string }[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('\t')) out.push({ start: at + 1, script: line.slice(1).replace(/^[@+-]+/, (p) => ' '.repeat(p.length)).replace(/\$\$/g, '$ ') });
    at += line.length + 1;
  }
  return out;
}

function packageScripts(text: string): { start: number; script: string; name: string }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const scripts = (parsed as { scripts?: unknown }).scripts;
  if (typeof scripts !== 'object' || scripts === null) return [];
  const out: { start: number; script: string; name: string }[] = [];
  for (const [name, value] of Object.entries(scripts as Record<string, unknown>)) {
    if (typeof value !== 'string') continue;
    const encoded = JSON.stringify(value);
    const at = text.indexOf(encoded);
    out.push({ start: at >= 0 ? at + 1 : 0, script: value, name });
  }
  return out;
}

/**
 * Code files that run without anyone running them by name: pytest's conftest.py, Python's site hooks and .pth
 * files, setup.py, and the config modules of test runners, bundlers and linters (`npm test` loads jest.config.js).
 * Writing a sensitive command into one and then running the ordinary, safe command would launder it.
 */
function autoRunLanguage(f: FileKind): 'python3' | 'node' | 'ruby' | undefined {
  if (/^(conftest|sitecustomize|usercustomize|setup|noxfile|fabfile|tasks|dodo|manage)\.py$/.test(f.base) || f.ext === 'pth') return 'python3';
  if (/^(jest|vitest|vite|webpack|rollup|babel|eslint|prettier|next|nuxt|svelte|astro|playwright|cypress|karma|tailwind|postcss|tsup|esbuild|metro|gatsby-node|gatsby-config|remix|vue|quasar|nodemon|stylelint|commitlint|lint-staged|mocha|ava|wdio|nx|turbo|docusaurus)[.\w-]*\.(js|cjs|mjs|ts|mts|cts)$/.test(f.base) || /^\.(eslintrc|prettierrc|babelrc|mocharc|stylelintrc|lintstagedrc)\.(js|cjs|mjs)$/.test(f.base) || /^(gulpfile|gruntfile)\.(js|cjs|mjs|ts)$/.test(f.base)) return 'node';
  if (/^(rakefile|gemfile|guardfile|vagrantfile)$|\.gemspec$/.test(f.base)) return 'ruby';
  return undefined;
}

/** Rules about how code reads the environment: ordinary in configuration code, not what laundering looks like. */
const CODE_IGNORED = new Set(['secret.env-var', 'secret.env-dump', 'opaque.interpreter', 'opaque.eval']);

/** Analyzes code as its interpreter would run it (fed on stdin), keeping sensitive findings mapped into `text`. */
function codeFindings(text: string, language: string, shell: ShellCheck, what: string): ContentFinding[] {
  const prefix = `${language} - <<'__COUNTERSIGN_CODE__'\n`;
  const hits = shell(`${prefix}${text}\n__COUNTERSIGN_CODE__\n`).filter((h) => !CODE_IGNORED.has(h.rule));
  return sensitiveOnly(hits, -prefix.length, `${what} runs by itself later: `).map((f) => ({ ...f, start: Math.max(0, f.start), end: Math.max(0, Math.min(text.length, f.end)) }));
}

/** `entry:` commands of .pre-commit-config.yaml (language: system/script run them as shell). */
function preCommitEntries(text: string): { start: number; script: string }[] {
  const out: { start: number; script: string }[] = [];
  const re = /^[ \t-]*entry:[ \t]*(['"]?)([^\n]+?)\1[ \t]*$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index + m[0].indexOf(m[2]!), script: m[2]! });
  return out;
}

/** `"name": "command"` pairs in a package.json fragment (an edit's replacement text is rarely whole JSON). */
function scriptPairs(text: string): { start: number; script: string; name: string }[] {
  const out: { start: number; script: string; name: string }[] = [];
  const re = /"([^"\\\n]+)"\s*:\s*"((?:[^"\\\n]|\\.)*)"/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let script: string;
    try {
      script = JSON.parse(`"${m[2]!}"`) as string;
    } catch {
      continue;
    }
    out.push({ start: m.index + m[0].lastIndexOf(m[2]!), script, name: m[1]! });
  }
  return out;
}

const LIFECYCLE = new Set(['preinstall', 'install', 'postinstall', 'prepare', 'prepublish', 'preprepare', 'postprepare', 'prepack', 'postpack']);

export function scriptFindings(text: string, f: FileKind, shell: ShellCheck): ContentFinding[] {
  if (isShellScript(f, text)) return sensitiveOnly(shell(text), 0, 'The script would run this: ');
  if (/^(dockerfile|containerfile)(\..*)?$/.test(f.base) || f.ext === 'dockerfile') {
    return dockerRunSteps(text).flatMap((s) => sensitiveOnly(shell(s.script).filter((h) => !IMAGE_LOCAL.has(h.rule)), s.start, 'A RUN step: '));
  }
  if (/^(gnu)?makefile$|\.mk$/.test(f.base)) return makeRecipes(text).flatMap((s) => sensitiveOnly(shell(s.script), s.start, 'A make recipe: '));
  const lang = autoRunLanguage(f);
  if (lang) return codeFindings(text, lang, shell, f.base);
  if (f.ext === 'ipynb') {
    // Cells run from the editor, never through a hook: what a written cell does is judged now. Offsets are
    // approximate inside a JSON notebook (the cell's first line), exact for one cell's source.
    return notebookCode(text).flatMap((c) => {
      const found = c.language === 'shell' ? sensitiveOnly(shell(c.code), 0, `A notebook cell in ${f.base} would run this: `) : codeFindings(c.code, c.language, shell, `A notebook cell in ${f.base}`);
      return found.map((x) => ({ ...x, start: c.start, end: c.start + Math.min(c.code.length, 80) }));
    });
  }
  if (f.base === '.pre-commit-config.yaml' || f.base === '.pre-commit-config.yml') return preCommitEntries(text).flatMap((s) => sensitiveOnly(shell(s.script), s.start, 'A pre-commit hook: '));
  if (f.base === 'package.json') {
    const whole = packageScripts(text);
    return (whole.length > 0 || isJsonObject(text) ? whole : scriptPairs(text)).flatMap((s) => {
      const found = sensitiveOnly(shell(s.script), s.start, `The "${s.name}" script: `);
      if (found.length === 0 && LIFECYCLE.has(s.name)) {
        found.push({ rule: 'exec.script', message: `Sets the "${s.name}" script, which npm runs automatically on install.`, start: s.start, end: s.start + s.script.length, risk: RULES['exec.script'] });
      }
      return found;
    });
  }
  return [];
}

function isJsonObject(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null;
  } catch {
    return false;
  }
}
