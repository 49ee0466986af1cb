// Content detectors for new file text (a write, an edit's replacement, a patch's added lines): secret literals,
// permission-changing configuration, ignore-file exceptions, and code that will run later.
import { LIMITS } from '../budget';
import type { PathPolicy } from '../paths/pathPolicy';
import { hit, type Hit } from '../reasons';
import { codeLooseningFindings, type CodeChangeInput } from './code';
import { isIgnoreFile, negationFindings, removedSecretIgnores } from './gitignore';
import { permissionFindings, type FileKind } from './permissions';
import { scriptFindings, type ShellCheck } from './scripts';
import { findSecrets } from './secrets';

export interface ContentScope {
  policy: PathPolicy;
  shell: ShellCheck;
}

export function fileKind(path: string): FileKind {
  const p = path.replace(/\\/g, '/');
  const base = (p.slice(p.lastIndexOf('/') + 1) || p).toLowerCase();
  const dot = base.lastIndexOf('.');
  return { base, ext: dot > 0 ? base.slice(dot + 1) : '', path: p };
}

/** Findings in `text`, the new content written to `path`. Offsets are relative to `text`. */
export function contentHits(text: string, path: string, scope: ContentScope): Hit[] {
  if (text.length > LIMITS.contentChars) {
    return [hit('budget.content', `The new content is too large to check (${text.length} characters).`, 0, Math.min(text.length, 200))];
  }
  const file = fileKind(path);
  const out: Hit[] = [];
  const testFile = /\/(?:tests?|__tests__|spec|specs|fixtures?|mocks?|__mocks__|testdata|examples?)\/|\.(?:test|spec)\.[a-z]+$/i.test(file.path);
  for (const s of findSecrets(text, { generic: !testFile })) out.push(hit('content.secret', `Writes ${s.kind} into ${file.base}.`, s.start, s.end));
  for (const f of permissionFindings(text, file)) out.push(hit(f.rule, f.message, f.start, f.end, f.risk));
  for (const f of scriptFindings(text, file, scope.shell)) out.push(hit(f.rule, f.message, f.start, f.end, f.risk));
  if (isIgnoreFile(file)) for (const f of negationFindings(text, scope.policy)) out.push(hit(f.rule, f.message, f.start, f.end));
  if (/^(dockerfile|containerfile)(\..*)?$/.test(file.base) || file.ext === 'dockerfile') out.push(...copiedSecrets(text, scope.policy));
  return out;
}

/**
 * Findings about what a change loosens in application code and rules, judged before → after (content/code/).
 * Offsets index `after`. They come from the diff itself, so callers must not drop them as "already there".
 */
export function changeHits(path: string, change: Omit<CodeChangeInput, 'file'>): Hit[] {
  const limit = LIMITS.contentChars;
  if (change.after.length > limit || (change.before?.length ?? 0) > limit || (change.wholeBefore?.length ?? 0) > limit || (change.wholeAfter?.length ?? 0) > limit) return [];
  return codeLooseningFindings({ ...change, file: fileKind(path) }).map((f) => hit(f.rule, f.message, f.start, f.end, f.risk));
}

/** `COPY .env /app/` bakes a secret into every copy of the image. */
function copiedSecrets(text: string, policy: PathPolicy): Hit[] {
  const out: Hit[] = [];
  const re = /^[ \t]*(?:COPY|ADD)[ \t]+((?:--\S+[ \t]+)*)([^\n]+)$/gim;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const args = m[2]!.trim();
    if (args.startsWith('[')) continue;
    const words = args.split(/\s+/).slice(0, -1); // the last word is the destination
    let at = m.index + m[0].indexOf(m[2]!);
    for (const w of words) {
      const start = text.indexOf(w, at);
      at = start + w.length;
      const probe = `/w/${w.replace(/^\.\//, '')}`;
      const found = /[*?[]/.test(w) ? policy.matchGlob(probe, 'read', false) : policy.match(probe, 'read');
      if (found?.category === 'secret') out.push(hit('content.dockerfile-secret', `Copies ${w} (${found.label}) into the image.`, start, start + w.length));
    }
  }
  return out;
}

/** Ignore lines for secret files that a change removes (reported on the path: the line is gone from the text). */
export function removedIgnoreLines(path: string, before: string, after: string, policy: PathPolicy): string[] {
  return isIgnoreFile(fileKind(path)) ? removedSecretIgnores(before, after, policy) : [];
}
