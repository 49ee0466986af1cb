// Code inside written files that will run later: shell scripts, Makefile recipes, Dockerfile RUN steps and
// package.json scripts. "Write a script, then run it" must not launder a sensitive command: the write is judged by
// what the script would do.
import type { Hit } from '../reasons';
import { RULES } from '../reasons';
import type { ContentFinding, FileKind } from './permissions';

export type ShellCheck = (script: string) => Hit[];

const IGNORED = new Set(['shell.parse-error', 'budget.size', 'budget.time', 'budget.nodes', 'budget.depth', 'shell.parser-unavailable']);

function sensitiveOnly(hits: Hit[], offset: number, prefix: string): ContentFinding[] {
  return hits
    .filter((h) => (h.risk === 'sensitive' || h.risk === 'blocked') && !IGNORED.has(h.rule))
    .map((h) => ({ rule: h.rule, message: `${prefix}${h.message}`, start: h.start + offset, end: h.end + offset, risk: h.risk }));
}

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

const LIFECYCLE = new Set(['preinstall', 'install', 'postinstall', 'prepare', 'prepublish', 'preprepare', 'postprepare', 'prepack', 'postpack']);

export function scriptFindings(text: string, f: FileKind, shell: ShellCheck): ContentFinding[] {
  if (isShellScript(f, text)) return sensitiveOnly(shell(text), 0, 'The script would run this: ');
  if (/^(dockerfile|containerfile)(\..*)?$/.test(f.base) || f.ext === 'dockerfile') {
    return dockerRunSteps(text).flatMap((s) => sensitiveOnly(shell(s.script), s.start, 'A RUN step: '));
  }
  if (/^(gnu)?makefile$|\.mk$/.test(f.base)) return makeRecipes(text).flatMap((s) => sensitiveOnly(shell(s.script), s.start, 'A make recipe: '));
  if (f.base === 'package.json') {
    return packageScripts(text).flatMap((s) => {
      const found = sensitiveOnly(shell(s.script), s.start, `The "${s.name}" script: `);
      if (found.length === 0 && LIFECYCLE.has(s.name)) {
        found.push({ rule: 'exec.script', message: `Sets the "${s.name}" script, which npm runs automatically on install.`, start: s.start, end: s.start + s.script.length, risk: RULES['exec.script'] });
      }
      return found;
    });
  }
  return [];
}
