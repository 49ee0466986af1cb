// Content detectors for new file text (a write, an edit's replacement, a patch's added lines): secret literals,
// permission-changing configuration, ignore-file exceptions, and code that will run later.
import { LIMITS } from '../budget';
import type { PathPolicy } from '../paths/pathPolicy';
import { hit, type Hit } from '../reasons';
import { configChangeHits, type ConfigHit } from './config';
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

/** Tests, fixtures, mocks and samples: made-up credentials are their daily bread. */
export function isTestFile(path: string): boolean {
  return (
    /\/(?:tests?|__tests__|spec|specs|fixtures?|__fixtures__|mocks?|__mocks__|testdata|test-data|examples?|samples?|stubs?|e2e|cypress|playwright)\//i.test(path) ||
    /\.(?:test|spec|e2e|stories)\.[a-z]+$|_(?:test|spec)\.[a-z]+$|\/test_[^/]*\.py$|\/conftest\.py$/i.test(path)
  );
}

export interface ContentOptions {
  /** The text this one replaces: the old file, or the edit's old fragment (to judge what the change adds). */
  old?: string;
  /** `text` is the whole new file (a write, an added file), not an edit's fragment. */
  whole?: boolean;
  /** The configuration meaning was already judged on the whole new file (configHits): skip it and its line rules. */
  configJudged?: boolean;
}

/**
 * What a change to configuration loosens, judged on parsed text (content/config), or undefined when `text` is not
 * configuration that parses. Offsets are relative to `text`; -1 marks a protection the new text no longer has.
 */
export function configHits(text: string, path: string, old: string | undefined, whole: boolean): ConfigHit[] | undefined {
  // Parsing is linear but not free (~0.4 ms/KB for YAML): past this size the line rules judge the text, and an old
  // text past it is not compared (everything found counts as new).
  if (text.length > LIMITS.configChars) return undefined;
  return configChangeHits(text, fileKind(path), old !== undefined && old.length <= LIMITS.configChars ? old : undefined, !whole);
}

/** Findings in `text`, the new content written to `path`. Offsets are relative to `text`. */
export function contentHits(text: string, path: string, scope: ContentScope, opts: ContentOptions = {}): Hit[] {
  if (text.length > LIMITS.contentChars) {
    return [hit('budget.content', `The new content is too large to check (${text.length} characters).`, 0, Math.min(text.length, 200))];
  }
  const file = fileKind(path);
  const out: Hit[] = [];
  let configJudged = opts.configJudged === true;
  if (!configJudged) {
    const cfg = configHits(text, path, opts.old, opts.whole === true);
    if (cfg) {
      configJudged = true;
      for (const c of cfg) {
        const h = c.start < 0 ? hit(c.rule, c.message, 0, 0, c.risk) : hit(c.rule, c.message, c.start, c.end, c.risk);
        // Compared with the old text by meaning (or a protection it lost): the old-line filter would hide it.
        if (c.start < 0 || (opts.whole && opts.old !== undefined)) h.judged = true;
        out.push(h);
      }
    }
  }
  const testFile = isTestFile(file.path);
  for (const s of findSecrets(text, { generic: !testFile, fixture: testFile })) out.push(hit('content.secret', `Writes ${s.kind} into ${file.base}.`, s.start, s.end));
  for (const f of permissionFindings(text, file, configJudged)) out.push(hit(f.rule, f.message, f.start, f.end, f.risk));
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
