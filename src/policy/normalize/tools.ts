// One table for every agent's tool vocabulary. Tool names are compared in canonical form (lower case, letters and
// digits only, `copilot_`/`vscode_` prefixes dropped), so `run_in_terminal`, `runInTerminal` and
// `copilot_runInTerminal` are one tool. Field names vary by agent and release; each reader tries them in turn.
import type { Action, EditAction, PatchAction, Platform } from '../types';
import { shellDialect } from './shellDialect';
import { isAbsolutePath, resolvePath } from '../paths/resolve';
import { canonicalTool } from './detect';
import { decodeJsonText, firstStr, isObj, obj, str, type Obj } from './fields';
import { boundedValue } from './bounded';
import { editOutcome } from '../changes/editRules';
import type { FileReader } from './fileText';
import { parsePatch } from './patchText';
import { parseSearchReplace } from './searchReplace';
import type { ToolCall } from './toolCall';

export interface NormalizeContext {
  home: string;
  /** Current text of a (non-sensitive) file, for before/after; absent in pure evaluation. */
  readFile?: FileReader;
  /** The operating system the agent runs on (absent: POSIX): which shell a terminal tool runs. */
  platform?: Platform;
}

const SHELL = new Set([
  'bash',
  'runinterminal',
  'runshellcommand',
  'executecommand',
  'runcommands',
  'runcommand',
  'shell',
  'shellcommand',
  'localshell',
  'execcommand',
  'exec',
  'runterminalcmd',
  'runterminalcommand',
  'terminal',
  'beforeshellexecution',
  'aftershellexecution',
  'writebash',
  'powershell',
  'containerexec',
]);
const READ = new Set(['read', 'readfile', 'view', 'notebookread', 'beforereadfile', 'beforetabfileread', 'openfile', 'cat']);
const WRITE = new Set(['write', 'writefile', 'create', 'createfile', 'writetofile', 'newfile']);
const EDIT = new Set([
  'edit',
  'multiedit',
  'replace',
  'replacestringinfile',
  'multireplacestringinfile',
  'strreplace',
  'searchreplace',
  'editfile',
  'inserteditintofile',
  'insertedittofile',
  'replaceinfile',
  'afterfileedit',
  'aftertabfileedit',
  'notebookedit',
  'editnotebookfile',
]);
const PATCH = new Set(['applypatch', 'patch', 'applydiff']);
const EDITOR = new Set(['strreplaceeditor', 'strreplacebasededittool', 'editor', 'texteditor']);
/** Cline's read_files {files: [{path}]}, Gemini's read_many_files {paths: […]}. */
const READ_MANY = new Set(['readfiles', 'readmanyfiles', 'readmultiplefiles']);

function readManyPaths(input: Obj): string[] {
  const list = decodeJsonText(input.files ?? input.paths ?? input.file_paths);
  if (!Array.isArray(list)) return [];
  return list.flatMap((f) => (typeof f === 'string' ? [f] : isObj(f) ? [firstStr(f, PATH_KEYS)].filter((p): p is string => p !== undefined) : []));
}

const PATH_KEYS = ['file_path', 'filePath', 'path', 'absolute_path', 'absolutePath', 'notebook_path', 'target_file', 'targetFile', 'file', 'filename', 'uri'];
const OLD_KEYS = ['old_string', 'oldString', 'old_str', 'old_text', 'oldText', 'search'];
const NEW_KEYS = ['new_string', 'newString', 'new_str', 'new_text', 'newText', 'replace'];
const CONTENT_KEYS = ['content', 'file_text', 'fileText', 'contents', 'text', 'code', 'data'];
const CWD_KEYS = ['cwd', 'workdir', 'dir_path', 'directory', 'working_directory', 'workingDirectory'];
const EXPLAIN_KEYS = ['description', 'explanation', 'instruction', 'reason'];

type Base = Pick<Action, 'agent' | 'tool' | 'cwd' | 'explanation' | 'sessionId'>;

function base(call: ToolCall, input: Obj): Base {
  const cwd = call.cwd || (call.roots[0] ?? '');
  // A relative (or otherwise odd) working directory cannot anchor paths: treat it as unknown.
  const b: Base = { agent: call.agent, tool: call.tool, cwd: isAbsolutePath(cwd) ? cwd : '' };
  const explanation = firstStr(input, EXPLAIN_KEYS);
  if (explanation) b.explanation = explanation;
  if (call.sessionId !== undefined) b.sessionId = call.sessionId;
  return b;
}

function absolute(path: string, cwd: string, ctx: NormalizeContext): string {
  const p = path.startsWith('file://') ? decodeURIComponent(path.slice(7)) : path;
  return resolvePath(p, cwd || undefined, ctx.home) ?? p;
}

/** Codex's `shell` tool with `["apply_patch", PATCH]`. */
function patchFromArgv(input: Obj): string | undefined {
  const v = input.command ?? input.cmd;
  if (Array.isArray(v) && v.length === 2 && v[0] === 'apply_patch' && typeof v[1] === 'string') return v[1];
  return undefined;
}

/** argv arrays (Codex `shell`) become one command line; `bash -lc SCRIPT` is unwrapped to SCRIPT. */
function commandFromArgv(argv: string[]): string {
  const [first, flag, script] = argv;
  if (first && /(^|\/)(ba|z|da|k)?sh$/.test(first) && flag && /^-[a-z]*c[a-z]*$/.test(flag) && script !== undefined && argv.length === 3) return script;
  return argv.map((a) => (/^[A-Za-z0-9_./=:@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function shellCommand(input: Obj): string | undefined {
  // `{command: "cat", args: [".env"]}`: a program and its argument list are one command line.
  const args = decodeJsonText(input.args ?? input.arguments);
  if (typeof input.command === 'string' && Array.isArray(args) && args.length > 0 && args.every((a) => typeof a === 'string')) return commandFromArgv([input.command, ...args]);
  for (const k of ['command', 'cmd', 'commands', 'script', 'input', 'args']) {
    // A string is what the shell runs, even when it happens to read as JSON (`[ "$(sudo id)" ]` is a test
    // command, not an argv): only real arrays are argv. (Agents that send lists as JSON text are decoded by
    // their envelope readers.)
    const v = input[k];
    if (typeof v === 'string') return v;
    if (Array.isArray(v)) {
      const parts = v.filter((x): x is string => typeof x === 'string');
      if (parts.length === 0) continue;
      // Cline's run_commands lists separate commands; Codex's shell lists one argv.
      return k === 'commands' ? parts.join('\n') : commandFromArgv(parts);
    }
  }
  return undefined;
}

type Edit = EditAction['edits'][number];

function readEdits(canon: string, input: Obj): Edit[] {
  if (canon === 'multiedit' || canon === 'afterfileedit' || canon === 'aftertabfileedit') {
    const list = decodeJsonText(input.edits);
    if (Array.isArray(list)) {
      return list.filter(isObj).map((e) => ({ oldText: firstStr(e, OLD_KEYS) ?? '', newText: firstStr(e, NEW_KEYS) ?? '', ...(e.replace_all === true ? { all: true } : {}) }));
    }
  }
  if (canon === 'replaceinfile') {
    const diff = firstStr(input, ['diff', 'content']) ?? '';
    const blocks = parseSearchReplace(diff);
    return blocks.length > 0 ? blocks : [{ oldText: '', newText: diff }];
  }
  if (canon === 'inserteditintofile' || canon === 'insertedittofile' || canon === 'editfile') {
    return [{ oldText: '', newText: firstStr(input, ['code', 'code_edit', 'codeEdit', 'content']) ?? '' }];
  }
  if (canon === 'notebookedit' || canon === 'editnotebookfile') {
    // VS Code's edit_notebook_file sends newCode as a string or as a list of lines.
    const lines = input.newCode ?? input.new_source;
    const code = Array.isArray(lines) ? lines.filter((l): l is string => typeof l === 'string').join('\n') : undefined;
    return [{ oldText: firstStr(input, ['old_source', 'oldCode']) ?? '', newText: code ?? firstStr(input, ['new_source', 'newCode', 'code']) ?? '' }];
  }
  const newText = firstStr(input, NEW_KEYS) ?? firstStr(input, CONTENT_KEYS) ?? '';
  const edit: Edit = { oldText: firstStr(input, OLD_KEYS) ?? '', newText };
  if (input.replace_all === true || input.replaceAll === true) edit.all = true;
  // Gemini CLI's replace: exactly this many occurrences, all replaced.
  const expected = input.expected_replacements ?? input.expectedReplacements;
  if (typeof expected === 'number' && Number.isInteger(expected) && expected >= 1) edit.expected = expected;
  return [edit];
}

function editAction(b: Base, path: string, edits: Edit[], ctx: NormalizeContext): EditAction {
  const action: EditAction = { ...b, kind: 'edit', path, edits: edits.map((e) => ({ ...e })) };
  const before = ctx.readFile?.(path);
  if (before !== undefined) {
    action.before = before;
    const result = editOutcome(action, before);
    if (result.ok) action.after = result.after;
  }
  return action;
}

/** VS Code's multi_replace_string_in_file may touch several files: one file is an edit, several a patch. */
function multiReplace(b: Base, input: Obj, ctx: NormalizeContext): Action | undefined {
  const list = decodeJsonText(input.replacements);
  if (!Array.isArray(list)) return undefined;
  const byFile = new Map<string, Edit[]>();
  for (const r of list.filter(isObj)) {
    const p = firstStr(r, PATH_KEYS);
    if (!p) continue;
    const abs = absolute(p, b.cwd, ctx);
    const edits = byFile.get(abs) ?? [];
    edits.push({ oldText: firstStr(r, OLD_KEYS) ?? '', newText: firstStr(r, NEW_KEYS) ?? '' });
    byFile.set(abs, edits);
  }
  if (byFile.size === 0) return undefined;
  if (byFile.size === 1) {
    const [path, edits] = [...byFile][0]!;
    return editAction(b, path, edits, ctx);
  }
  // Rendered as an apply_patch text so one reader (and one span convention) serves both.
  let patch = '*** Begin Patch\n';
  for (const [path, edits] of byFile) {
    patch += `*** Update File: ${path}\n`;
    for (const e of edits) {
      patch += '@@\n';
      for (const l of e.oldText.split('\n')) patch += `-${l}\n`;
      for (const l of e.newText.split('\n')) patch += `+${l}\n`;
    }
  }
  patch += '*** End Patch\n';
  // The change each file gets is the replacements themselves (substrings, not whole lines).
  return { ...patchAction(b, patch, ctx), edits: [...byFile].map(([path, edits]) => ({ path, edits })) };
}

function patchAction(b: Base, patch: string, ctx: NormalizeContext): PatchAction {
  const parsed = parsePatch(patch);
  const files: PatchAction['files'] = [];
  for (const f of parsed.files) {
    const entry: PatchAction['files'][number] = { path: absolute(f.path, b.cwd, ctx), op: f.op };
    if (f.op !== 'add') entry.before = f.before;
    if (f.op !== 'delete') entry.after = f.after;
    files.push(entry);
    if (f.movedTo) files.push({ path: absolute(f.movedTo.path, b.cwd, ctx), op: 'add', after: f.after });
  }
  return { ...b, kind: 'patch', patch, files };
}

function editorCommand(b: Base, input: Obj, ctx: NormalizeContext): Action | undefined {
  const path = firstStr(input, PATH_KEYS);
  if (!path) return undefined;
  const abs = absolute(path, b.cwd, ctx);
  switch (str(input.command)) {
    case 'view':
      return { ...b, kind: 'read', path: abs };
    case 'create':
      return { ...b, kind: 'write', path: abs, content: firstStr(input, ['file_text', 'content']) ?? '' };
    case 'str_replace':
      return editAction(b, abs, [{ oldText: firstStr(input, OLD_KEYS) ?? '', newText: firstStr(input, NEW_KEYS) ?? '' }], ctx);
    case 'insert':
      return editAction(b, abs, [{ oldText: '', newText: firstStr(input, ['new_str', 'text']) ?? '' }], ctx);
    case undefined:
    default:
      return undefined;
  }
}

function interpret(call: ToolCall, ctx: NormalizeContext): Action | undefined {
  const canon = canonicalTool(call.tool);
  const input = obj(call.input);
  const b = base(call, input);

  if (SHELL.has(canon)) {
    const argvPatch = patchFromArgv(input);
    if (argvPatch !== undefined) return patchAction(b, argvPatch, ctx);
    const command = shellCommand(input);
    if (command === undefined) return undefined;
    // Codex models also run `apply_patch <<'EOF' … EOF` as a shell command: it is a patch.
    const heredoc = /^\s*apply_patch\s+<<-?\s*(['"]?)(\w+)\1[ \t]*\n([\s\S]*?)\n\2\s*$/.exec(command);
    if (heredoc) return patchAction(b, heredoc[3]!, ctx);
    const dir = firstStr(input, CWD_KEYS);
    if (dir) b.cwd = absolute(dir, b.cwd, ctx);
    const dialect = shellDialect(call.agent, canon, input, ctx.platform);
    return dialect.shell === 'bash' ? { ...b, kind: 'shell', command: dialect.command ?? command } : { ...b, kind: 'shell', command: dialect.command ?? command, shell: dialect.shell };
  }
  if (PATCH.has(canon)) {
    const text = firstStr(input, ['input', 'patch', 'command', 'diff']) ?? (typeof call.input === 'string' ? call.input : undefined);
    return text === undefined ? undefined : patchAction(b, text, ctx);
  }
  if (EDITOR.has(canon)) return editorCommand(b, input, ctx);
  if (READ_MANY.has(canon)) {
    // One file is a read; several stay a tool call whose every path is checked.
    const paths = readManyPaths(input);
    return paths.length === 1 ? { ...b, kind: 'read', path: absolute(paths[0]!, b.cwd, ctx) } : undefined;
  }
  if (canon === 'multireplacestringinfile') return multiReplace(b, input, ctx);
  if (canon === 'createdirectory') {
    // VS Code's create_directory {dirPath}: judged as the mkdir it is, so its path meets the same rules.
    const dir = firstStr(input, ['dirPath', 'dir_path', 'path', 'directory']);
    if (dir === undefined) return undefined;
    return { ...b, kind: 'shell', command: `mkdir -p -- '${absolute(dir, b.cwd, ctx).replace(/'/g, `'\\''`)}'` };
  }

  const path = firstStr(input, PATH_KEYS);
  if (!path) return undefined;
  const abs = absolute(path, b.cwd, ctx);
  if (READ.has(canon)) return { ...b, kind: 'read', path: abs };
  if (WRITE.has(canon)) {
    const action: Action = { ...b, kind: 'write', path: abs, content: firstStr(input, CONTENT_KEYS) ?? '' };
    const before = ctx.readFile?.(abs);
    if (before !== undefined) action.before = before;
    return action;
  }
  if (EDIT.has(canon)) return editAction(b, abs, readEdits(canon, input), ctx);
  return undefined;
}

/** The Action for one tool call. Tools outside the table (MCP, web, agent-internal) stay `tool` actions. */
export function toAction(call: ToolCall, ctx: NormalizeContext): Action {
  // An MCP server's tool is never one of the agent's own, whatever it is called.
  const known = call.mcpServer === undefined ? interpret(call, ctx) : undefined;
  if (known) return known;
  const input = obj(call.input);
  const action: Action = { ...base(call, input), kind: 'tool', input: call.input === undefined ? null : boundedValue(call.input) };
  if (call.mcpServer) action.server = call.mcpServer;
  return action;
}

