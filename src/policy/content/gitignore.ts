// Ignore files: removing the line that keeps a secret file out of git (or out of a Docker build context or an npm
// package), or adding a `!` exception for it, lets the secret be committed, copied or published.
import type { PathPolicy } from '../paths/pathPolicy';
import { hasGlobChars } from '../paths/globIntersect';
import type { ContentFinding, FileKind } from './permissions';

export function isIgnoreFile(f: FileKind): boolean {
  return ['.gitignore', '.dockerignore', '.npmignore', '.vscodeignore', '.gcloudignore', '.slugignore', '.helmignore'].includes(f.base) || /\/\.git\/info\/exclude$/.test(f.path);
}

/** Whether an ignore-file pattern covers a secret file. */
export function coversSecret(line: string, policy: PathPolicy): boolean {
  const p = line.trim().replace(/^!/, '').replace(/^\//, '').replace(/\/$/, '');
  if (!p || p.startsWith('#')) return false;
  const probe = `/w/${p.startsWith('**/') ? p.slice(3) : p}`;
  const found = hasGlobChars(probe) ? policy.matchGlob(probe, 'read', false) : policy.match(probe, 'read');
  return found?.category === 'secret';
}

/** `!.env` and similar exceptions added in the new text. */
export function negationFindings(text: string, policy: PathPolicy): ContentFinding[] {
  const out: ContentFinding[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (/^\s*!/.test(line) && coversSecret(line, policy)) {
      out.push({ rule: 'content.gitignore', message: `Adds an exception (${line.trim()}) so a secret file is no longer ignored.`, start: at, end: at + line.length });
    }
    at += line.length + 1;
  }
  return out;
}

/** Lines that ignored a secret file and are gone after the change. */
export function removedSecretIgnores(before: string, after: string, policy: PathPolicy): string[] {
  const kept = new Set(after.split('\n').map((l) => l.trim()));
  return before
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('!') && !kept.has(l) && coversSecret(l, policy));
}
