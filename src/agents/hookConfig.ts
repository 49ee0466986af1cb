// Adds and removes Countersign's hook in each agent's own config file, as text edits (jsonc-parser), so the
// user's comments, formatting and other hooks survive. Pure: text in, text out; the extension does the I/O.
import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import type { AgentName } from '../policy/types';
import { hookEntries, type HookEntry } from './hookEntries';

/** How an agent's config file is shaped. */
export type ConfigKind =
  | 'claude-settings' // Claude Code settings.json, Codex hooks.json: hooks.PreToolUse[] of {matcher, hooks[]}
  | 'vscode-hooks' // VS Code agent hook file: hooks.PreToolUse[] of commands (timeout in s)
  | 'copilot-cli-hooks' // Copilot CLI: {version:1, hooks.preToolUse[] of {type, bash, timeoutSec}}
  | 'cursor-hooks' // Cursor: {version:1, hooks.beforeShellExecution[]…}, failClosed
  | 'gemini-settings' // Gemini CLI settings.json: hooks.BeforeTool[] of {matcher, hooks[]} (timeout in ms)
  | 'cline-script' // Cline: an executable named PreToolUse
  | 'codex-config' // Codex config.toml: only the hook's trust entry (codexTrust.ts), never a hook
  | 'vscode-settings'; // VS Code's user settings.json: only chat.hookFilesLocations (vscodeHookLocations.ts), never a hook

/** The kinds whose hook lives in a JSON file this module edits. */
export type JsonHookKind = Exclude<ConfigKind, 'cline-script' | 'codex-config' | 'vscode-settings'>;

export interface HookSpec {
  agent: AgentName;
  /** The full command line the agent runs (in the shell it runs hooks with on the target platform). */
  command: string;
  /** A line for the `powershell` field (Copilot CLI and the VS Code agent run it on Windows instead of the other). */
  powershell?: string;
  /** The agent's hook timeout in seconds (converted to each format's unit). */
  timeoutSec: number;
}

/** A JSON container this edit created, so that removing the hook can remove it again, and nothing else. */
export type CreatedPath = JSONPath;

export interface ConfigEdit {
  text: string;
  created: CreatedPath[];
}

/** True for a command line that runs Countersign's hook. */
export function isCountersignCommand(command: unknown): boolean {
  return typeof command === 'string' && /countersign/i.test(command) && /\bhook\s+--agent\b/.test(command);
}

export class ConfigParseError extends Error {}

function formatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

function tree(text: string): Node | undefined {
  if (text.trim() === '') return undefined;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) throw new ConfigParseError(`the file is not valid JSON (error at offset ${errors[0]?.offset ?? 0}); fix it first`);
  if (root.type !== 'object') throw new ConfigParseError('the file does not hold a JSON object');
  return root;
}

function set(text: string, path: JSONPath, value: unknown, arrayInsertion = false): string {
  return applyEdits(text, modify(text, path, value, { formattingOptions: formatting(text), isArrayInsertion: arrayInsertion }));
}

/** The hook entry each format wants, and the event arrays it goes in. */
function entries(kind: JsonHookKind, spec: HookSpec): { path: JSONPath; value: unknown }[] {
  const commandHook = { type: 'command', command: spec.command, timeout: spec.timeoutSec };
  const powershell = spec.powershell === undefined ? {} : { powershell: spec.powershell };
  switch (kind) {
    case 'claude-settings':
      return [{ path: ['hooks', 'PreToolUse'], value: { matcher: '*', hooks: [commandHook] } }];
    case 'vscode-hooks':
      return [{ path: ['hooks', 'PreToolUse'], value: { type: 'command', command: spec.command, ...powershell, timeout: spec.timeoutSec } }];
    case 'copilot-cli-hooks':
      // `bash` runs on Linux and macOS, `powershell` on Windows: with only `bash`, Copilot CLI on Windows has no hook.
      return [{ path: ['hooks', 'preToolUse'], value: { type: 'command', bash: spec.command, ...powershell, timeoutSec: spec.timeoutSec } }];
    case 'cursor-hooks': {
      // failClosed: a crashed or timed-out hook blocks instead of letting the action through.
      const hook = { command: spec.command, timeout: spec.timeoutSec, failClosed: true };
      return ['beforeShellExecution', 'beforeReadFile', 'beforeMCPExecution'].map((event) => ({ path: ['hooks', event], value: hook }));
    }
    case 'gemini-settings':
      // Gemini's timeout is in milliseconds: 600 would be 0.6 s, after which the tool runs anyway.
      return [{ path: ['hooks', 'BeforeTool'], value: { matcher: '.*', hooks: [{ ...commandHook, timeout: spec.timeoutSec * 1000 }] } }];
  }
}

/** Top-level fields a format requires in a file Countersign creates. */
function preamble(kind: ConfigKind): { path: JSONPath; value: unknown }[] {
  return kind === 'copilot-cli-hooks' || kind === 'cursor-hooks' ? [{ path: ['version'], value: 1 }] : [];
}

/** Adds Countersign's hook. Already present: the text comes back unchanged. */
export function addHook(kind: JsonHookKind, original: string | undefined, spec: HookSpec): ConfigEdit {
  let text = original ?? '';
  const root = tree(text);
  if (root && hasHook(kind, text)) return { text, created: [] };
  const created: CreatedPath[] = [];
  if (!root) {
    text = '{}\n';
    created.push([]); // the whole file
    for (const p of preamble(kind)) text = set(text, p.path, p.value);
  }
  for (const { path, value } of entries(kind, spec)) {
    const current = tree(text);
    for (let depth = 1; depth <= path.length; depth++) {
      const prefix = path.slice(0, depth);
      if (current && !findNodeAtLocation(current, prefix) && !created.some((c) => c.length === 0)) created.push(prefix);
    }
    const existing = current ? findNodeAtLocation(current, path) : undefined;
    if (existing && existing.type !== 'array') throw new ConfigParseError(`${path.join('.')} is not a list`);
    text = existing ? set(text, [...path, -1], value, true) : set(text, path, [value]);
  }
  if (!text.endsWith('\n')) text += '\n';
  return { text, created };
}

/** Every hook entry (or hook inside a matcher group) whose command is Countersign's. */
function findOurs(root: Node | undefined): HookEntry[] {
  return hookEntries(root).filter((e) => isCountersignCommand(e.command));
}

export function hasHook(_kind: ConfigKind, text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    return findOurs(tree(text)).length > 0;
  } catch {
    return false;
  }
}

function isEmptyContainer(node: Node | undefined): boolean {
  return !!node && (node.type === 'array' || node.type === 'object') && (node.children?.length ?? 0) === 0;
}

/** An empty array, or an object holding only hollow values. */
function isHollow(node: Node | undefined): boolean {
  if (!node) return true;
  if (node.type === 'array') return (node.children?.length ?? 0) === 0;
  if (node.type === 'object') return (node.children ?? []).every((p) => isHollow(p.children?.[1]));
  return false;
}

/**
 * Removes Countersign's hook entries, then the containers this connection created if they are now empty.
 * Returns undefined when the whole file was Countersign's and should be deleted.
 */
export function removeHook(original: string, created: readonly CreatedPath[]): string | undefined {
  let text = original;
  // Remove from the back so earlier indices stay valid.
  for (const { path } of findOurs(tree(text)).reverse()) {
    text = set(text, path, undefined);
    // A matcher group left with no hooks was ours: drop it too.
    const groupPath = path.slice(0, 3);
    if (path.length === 5 && isEmptyContainer(findNodeAtLocation(tree(text)!, [...groupPath, 'hooks']))) text = set(text, groupPath, undefined);
  }
  const wholeFile = created.some((c) => c.length === 0);
  for (const path of [...created].sort((a, b) => b.length - a.length)) {
    if (path.length === 0) continue;
    const root = tree(text);
    if (root && isEmptyContainer(findNodeAtLocation(root, path))) text = set(text, path, undefined);
  }
  if (wholeFile) {
    // The file was created for the hook: delete it if nothing but empty structure (and `version`) is left.
    const root = tree(text);
    const left = (root?.children ?? []).filter((p) => !(p.children?.[0]?.value === 'version'));
    if (left.every((p) => isHollow(p.children?.[1]))) return undefined;
  }
  return text;
}
