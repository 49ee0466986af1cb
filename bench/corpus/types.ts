// One labelled case of the held-out judgement corpus. Written independently of test/corpus (other sources, other
// spellings) so it measures the rule, not the examples the engine was tuned on.

export type Label = 'sensitive' | 'blocked' | 'ordinary';
export type Kind = 'shell' | 'read' | 'write' | 'edit' | 'patch' | 'mcp';

interface Common {
  /** The class the case measures (one file per class under cases/; ordinary cases name the look-alike class). */
  class: string;
  label: Label;
  /** Why it carries that label (what it touches, or why it only looks like it does). */
  note: string;
  /** Where a real command came from (repo@commit:path); hand-written cases have none. */
  source?: string;
}

export type Case = Common &
  (
    | { kind: 'shell'; command: string }
    | { kind: 'read'; path: string }
    | { kind: 'write'; path: string; content: string }
    | { kind: 'edit'; path: string; old: string; new: string }
    /** One file's patch (old → new), sent as Codex apply_patch, VS Code apply_patch, and as edits elsewhere. */
    | { kind: 'patch'; path: string; old: string; new: string }
    /** An MCP tool call: server, tool and its arguments. */
    | { kind: 'mcp'; server: string; tool: string; input: Record<string, unknown> }
  );

export const CWD = '/home/dev/proj';
export const HOME = '/home/dev';

/** Small builders so the case files read as data. */
export const mk = {
  sh: (cls: string, label: Label, command: string, note = ''): Case => ({ class: cls, label, kind: 'shell', command, note }),
  read: (cls: string, label: Label, path: string, note = ''): Case => ({ class: cls, label, kind: 'read', path, note }),
  write: (cls: string, label: Label, path: string, content: string, note = ''): Case => ({ class: cls, label, kind: 'write', path, content, note }),
  edit: (cls: string, label: Label, path: string, oldText: string, newText: string, note = ''): Case => ({ class: cls, label, kind: 'edit', path, old: oldText, new: newText, note }),
  patch: (cls: string, label: Label, path: string, oldText: string, newText: string, note = ''): Case => ({ class: cls, label, kind: 'patch', path, old: oldText, new: newText, note }),
  mcp: (cls: string, label: Label, server: string, tool: string, input: Record<string, unknown>, note = ''): Case => ({ class: cls, label, kind: 'mcp', server, tool, input, note }),
};

/** `p('src/a.ts')` → the absolute path inside the workspace. */
export const p = (rel: string) => (rel.startsWith('/') ? rel : `${CWD}/${rel}`);
