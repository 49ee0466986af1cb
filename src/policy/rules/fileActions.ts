// Reads, writes, edits and patches: the path itself (secret, guard rail, system file, outside the workspace), what
// the new text contains, and ignore-file lines the change removes. Findings on text that was already there (the
// same line in the old text) are not the change's doing and are dropped.
import { changeHits, configHits, contentHits, removedIgnoreLines } from '../content';
import { addedText, parsePatch, type PatchFile, type PatchLine } from '../normalize/patchText';
import { resolvePath } from '../paths/resolve';
import { hit, hitToReason, reason, wholeSpan, type Hit } from '../reasons';
import { analyzeShell } from '../shell';
import type { EditAction, PatchAction, ReadAction, Reason, Span, WriteAction } from '../types';
import type { RuleContext } from './context';
import { pathReason, placeReason } from './pathReasons';

function scope(ctx: RuleContext, cwd: string) {
  return { policy: ctx.policy, shell: (script: string) => analyzeShell(script, cwd || undefined, ctx) };
}

/** Drops findings whose lines all existed before the change. */
function introduced(hits: Hit[], text: string, old: string | undefined): Hit[] {
  if (!old) return hits;
  const oldLines = new Set(old.split('\n').map((l) => l.trim()).filter(Boolean));
  return hits.filter((h) => {
    if (h.rule.startsWith('budget.') || h.judged) return true;
    const from = text.lastIndexOf('\n', h.start - 1) + 1;
    let to = text.indexOf('\n', Math.max(h.end - 1, h.start));
    if (to < 0) to = text.length;
    const lines = text.slice(from, to).split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.length === 0 || !lines.every((l) => oldLines.has(l));
  });
}

function ignoreReasons(path: string, before: string, after: string, ctx: RuleContext): Reason[] {
  return removedIgnoreLines(path, before, after, ctx.policy).map((line) =>
    reason('content.gitignore', `Stops ignoring ${line}, so a secret file can be committed or shipped.`, wholeSpan('path', path)),
  );
}

export function readReasons(action: ReadAction, ctx: RuleContext): Reason[] {
  return [pathReason(action.path, 'read', ctx) ?? reason('safe.read', `Reads ${action.path}.`)];
}

export function writeReasons(action: WriteAction, ctx: RuleContext): Reason[] {
  const out: Reason[] = [];
  const p = pathReason(action.path, 'write', ctx);
  if (p) out.push(p);
  // Before → after findings first: on the same span they name the line, and the verdict keeps the first of equals.
  out.push(...changeHits(action.path, { ...(action.before !== undefined ? { before: action.before } : {}), after: action.content }).map((h) => hitToReason(h, 'content', action.content)));
  const hits = introduced(contentHits(action.content, action.path, scope(ctx, action.cwd), { old: action.before, whole: true }), action.content, action.before);
  out.push(...hits.map((h) => hitToReason(h, 'content', action.content)));
  if (action.before !== undefined) out.push(...ignoreReasons(action.path, action.before, action.content, ctx));
  out.push(placeReason(action.path, action.cwd, ctx));
  return out;
}

const linesBefore = (text: string, index: number) => (index <= 0 ? 0 : text.slice(0, index).split('\n').length - 1);

/** Names a fragment's lines by their place in the file when the file is known, else within the edit. */
function fragmentLines(action: EditAction, e: EditAction['edits'][number]): (side: 'before' | 'after', k: number) => string {
  const inBefore = action.before !== undefined && e.oldText ? action.before.indexOf(e.oldText) : -1;
  const inAfter = action.after !== undefined && e.newText ? action.after.indexOf(e.newText) : -1;
  return (side, k) => {
    const at = side === 'before' ? inBefore : inAfter;
    const whole = side === 'before' ? action.before : action.after;
    return at >= 0 && whole !== undefined ? `line ${linesBefore(whole, at) + k + 1}` : `line ${k + 1} of the edit`;
  };
}

export function editReasons(action: EditAction, ctx: RuleContext): Reason[] {
  const out: Reason[] = [];
  const p = pathReason(action.path, 'write', ctx);
  if (p) out.push(p);
  const s = scope(ctx, action.cwd);
  // Configuration is judged on the whole file before → after when both are known, else on each fragment.
  const cfg = action.after !== undefined ? configHits(action.after, action.path, action.before, true) : undefined;
  if (cfg) out.push(...configEditReasons(cfg, action));
  action.edits.forEach((e, i) => {
    const around = { ...(action.before !== undefined ? { wholeBefore: action.before } : {}), ...(action.after !== undefined ? { wholeAfter: action.after } : {}) };
    const changed = changeHits(action.path, { before: e.oldText, after: e.newText, ...around, lineName: fragmentLines(action, e) });
    out.push(...changed.map((h) => hitToReason(h, 'content', e.newText, i)));
    const hits = introduced(contentHits(e.newText, action.path, s, { old: e.oldText, configJudged: cfg !== undefined }), e.newText, [e.oldText, action.before ?? ''].join('\n'));
    out.push(...hits.map((h) => hitToReason(h, 'content', e.newText, i)));
  });
  if (action.before !== undefined && action.after !== undefined) out.push(...ignoreReasons(action.path, action.before, action.after, ctx));
  else for (const e of action.edits) out.push(...ignoreReasons(action.path, e.oldText, e.newText, ctx));
  out.push(placeReason(action.path, action.cwd, ctx));
  return out;
}

/** Whole-file findings placed on the edit whose new text holds them, else on the path (the line is in the message). */
function configEditReasons(hits: ReturnType<typeof configHits> & object, action: EditAction): Reason[] {
  const after = action.after ?? '';
  const placed: { at: number; len: number }[] = [];
  let from = 0;
  for (const e of action.edits) {
    let at = e.newText ? after.indexOf(e.newText, from) : -1;
    if (at < 0 && e.newText) at = after.indexOf(e.newText);
    placed.push({ at, len: e.newText.length });
    if (at >= 0) from = at + e.newText.length;
  }
  return hits.map((h) => {
    const i = h.start < 0 ? -1 : placed.findIndex((p) => p.at >= 0 && h.start >= p.at && h.start < p.at + p.len);
    if (i < 0) return reason(h.rule, h.message, wholeSpan('path', action.path), h.risk);
    const p = placed[i]!;
    const text = action.edits[i]!.newText;
    return hitToReason(hit(h.rule, h.message, h.start - p.at, Math.min(h.end - p.at, text.length), h.risk), 'content', text, i);
  });
}

function patchSpan(patch: string, start: number, end: number): Span {
  return { field: 'content', start, end, text: patch.slice(start, end) };
}

export function patchReasons(action: PatchAction, ctx: RuleContext): Reason[] {
  const parsed = parsePatch(action.patch);
  if (parsed.files.length === 0) {
    return [reason('opaque.patch', 'The patch names no files the policy can read, so what it changes is unclear.', patchSpan(action.patch, 0, Math.min(action.patch.length, 200)))];
  }
  const out: Reason[] = [];
  const s = scope(ctx, action.cwd);
  for (const f of parsed.files) {
    const abs = resolvePath(f.path, action.cwd || undefined, ctx.policy.home) ?? f.path;
    const targets = [{ abs, raw: f.path, start: f.pathStart }];
    if (f.movedTo) targets.push({ abs: resolvePath(f.movedTo.path, action.cwd || undefined, ctx.policy.home) ?? f.movedTo.path, raw: f.movedTo.path, start: f.movedTo.start });
    for (const t of targets) {
      const span = patchSpan(action.patch, t.start, t.start + t.raw.length);
      const p = pathReason(t.abs, 'write', ctx);
      if (p) out.push({ ...p, span });
      const place = placeReason(t.abs, action.cwd, ctx);
      out.push(place.span ? { ...place, span } : place);
    }
    if (f.op !== 'delete') out.push(...patchChangeReasons(action.patch, abs, f));
    const added = addedText(f);
    const removed = f.removed.map((l) => l.text).join('\n');
    const hits = introduced(contentHits(added.text, abs, s, { old: removed, whole: f.op === 'add' }), added.text, removed);
    for (const h of hits) {
      const start = added.toPatch(h.start);
      const end = Math.max(start, added.toPatch(Math.max(h.start, h.end - 1)) + 1);
      out.push(hitToReason(hit(h.rule, h.message, start, end, h.risk), 'content', action.patch));
    }
    if (f.removed.length > 0) {
      for (const r of ignoreReasons(abs, removed, added.text, ctx)) out.push({ ...r, span: patchSpan(action.patch, f.pathStart, f.pathStart + f.path.length) });
    }
  }
  return out;
}

/** Before → after findings for one file of a patch, with spans and line names mapped back onto the patch text. */
function patchChangeReasons(patch: string, abs: string, f: PatchFile): Reason[] {
  const byStart = (a: PatchLine, b: PatchLine) => a.start - b.start;
  const afterLines = [...f.context, ...f.added].sort(byStart);
  const beforeLines = [...f.context, ...f.removed].sort(byStart);
  const patchLine = (l: PatchLine | undefined) => (l ? `patch line ${linesBefore(patch, l.start) + 1}` : 'the patch');
  const after = afterLines.map((l) => l.text).join('\n');
  const hits = changeHits(abs, {
    ...(f.op === 'add' ? {} : { before: beforeLines.map((l) => l.text).join('\n') }),
    after,
    lineName: (side, k) => patchLine((side === 'before' ? beforeLines : afterLines)[k]),
  });
  const starts: number[] = [];
  let at = 0;
  for (const l of afterLines) {
    starts.push(at);
    at += l.text.length + 1;
  }
  const toPatch = (offset: number) => {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
    const l = afterLines[k];
    return l ? l.start + Math.min(offset - starts[k]!, l.text.length) : f.pathStart;
  };
  return hits.map((h) => {
    const start = toPatch(h.start);
    const end = Math.max(start, toPatch(Math.max(h.start, h.end - 1)) + 1);
    return hitToReason(hit(h.rule, h.message, start, Math.min(end, patch.length), h.risk), 'content', patch);
  });
}
