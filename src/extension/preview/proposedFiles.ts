// Both sides of every file an edit, write or patch would change: the current text (from the action when the agent
// sent it, else read from disk) and the proposed text (from the action, else computed). Read-only.
import { resolve } from 'node:path';
import type { Action } from '../../policy/types';
import { applyEdits } from './editApply';
import type { FileChange } from './fileChange';
import { readFileText, type FileText } from './fileText';
import { applyPatchFile, parsePatchText, type PatchFile } from './patchApply';

export type ReadText = (path: string) => Promise<FileText>;

function side(r: FileText): { text?: string; missing: boolean; why?: string } {
  switch (r.kind) {
    case 'text':
      return { text: r.text, missing: false };
    case 'missing':
      return { missing: true };
    case 'unreadable':
      return { missing: false, why: r.why };
  }
}

export async function proposedChanges(action: Action, read: ReadText = readFileText): Promise<FileChange[]> {
  const abs = (p: string) => resolve(action.cwd || '/', p);
  switch (action.kind) {
    case 'write': {
      const path = abs(action.path);
      const cur = side(await read(path));
      if (cur.why) return [{ path, op: 'update', after: action.content, note: `The current file cannot be shown: ${cur.why}.` }];
      return [{ path, op: cur.missing ? 'add' : 'update', before: cur.text ?? '', after: action.content }];
    }
    case 'edit': {
      const path = abs(action.path);
      let before = action.before;
      let missing = false;
      if (before === undefined) {
        const cur = side(await read(path));
        if (cur.why) return [{ path, op: 'update', after: action.after, note: `The current file cannot be shown: ${cur.why}.` }];
        missing = cur.missing;
        before = cur.text ?? '';
      }
      if (action.after !== undefined) return [{ path, op: missing ? 'add' : 'update', before, after: action.after }];
      const result = applyEdits(before, action.edits);
      if (!result.ok) {
        const why = missing ? `${path} does not exist, so there is no text to replace.` : result.why;
        return [{ path, op: 'update', before, note: why }];
      }
      return [{ path, op: missing ? 'add' : 'update', before, after: result.after, note: result.notes.join(' ') || undefined }];
    }
    case 'patch': {
      // The policy's files[].before/after are the hunks' fragments, not whole files: read the file and apply the
      // patch to it instead, so the diff shows the change in place.
      const parsed = parsePatchText(action.patch) ?? [];
      const listed = action.files.length ? action.files.map((f) => ({ path: f.path, op: f.op })) : parsed.map((f) => ({ path: f.path, op: f.op }));
      const out: FileChange[] = [];
      for (const f of listed) {
        const path = abs(f.path);
        const pf: PatchFile | undefined = parsed.find((p) => abs(p.path) === path || (p.moveTo !== undefined && abs(p.moveTo) === path));
        if (pf?.moveTo !== undefined && abs(pf.moveTo) === path && abs(pf.path) !== path) continue; // shown with its source
        let before: string | undefined = '';
        let missing = f.op === 'add';
        if (f.op !== 'add') {
          const cur = side(await read(path));
          if (cur.why) {
            out.push({ path, op: f.op, note: `The current file cannot be shown: ${cur.why}.` });
            continue;
          }
          missing = cur.missing;
          before = cur.text;
        }
        if (!pf) {
          out.push({ path, op: f.op, before, note: "Countersign could not read this file's part of the patch; the raw patch is shown below." });
          continue;
        }
        const applied = applyPatchFile(pf, missing && f.op !== 'add' ? undefined : before);
        if (applied.ok) out.push({ path, op: f.op, before: before ?? '', after: applied.after, note: pf.moveTo ? `The file is also renamed to ${pf.moveTo}.` : undefined });
        else out.push({ path, op: f.op, before, note: applied.why });
      }
      return out;
    }
    case 'shell':
    case 'read':
    case 'tool':
      return [];
  }
}
