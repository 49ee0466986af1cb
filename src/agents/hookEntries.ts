// Finds hook entries in any agent's JSON hook config: `hooks.<event>[]` holding either commands
// (`command` / Copilot CLI's `bash` / `powershell`) or matcher groups with their own `hooks[]`.
import { findNodeAtLocation, type JSONPath, type Node } from 'jsonc-parser';

export interface HookEntry {
  command: string;
  /** Path of the entry holding the command (a flat entry, or one hook inside a matcher group). */
  path: JSONPath;
  node: Node;
}

export function hookEntries(root: Node | undefined): HookEntry[] {
  const hooks = root && findNodeAtLocation(root, ['hooks']);
  if (hooks?.type !== 'object') return [];
  const out: HookEntry[] = [];
  for (const prop of hooks.children ?? []) {
    const event = prop.children?.[0]?.value as string;
    const list = prop.children?.[1];
    (list?.type === 'array' ? list.children ?? [] : []).forEach((entry, i) => {
      const command: unknown = findNodeAtLocation(entry, ['command'])?.value ?? findNodeAtLocation(entry, ['bash'])?.value ?? findNodeAtLocation(entry, ['powershell'])?.value;
      if (typeof command === 'string') out.push({ command, path: ['hooks', event, i], node: entry });
      const inner = findNodeAtLocation(entry, ['hooks']);
      (inner?.type === 'array' ? inner.children ?? [] : []).forEach((h, j) => {
        const c: unknown = findNodeAtLocation(h, ['command'])?.value;
        if (typeof c === 'string') out.push({ command: c, path: ['hooks', event, i, 'hooks', j], node: h });
      });
    });
  }
  return out;
}
