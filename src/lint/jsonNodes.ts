// Small helpers over jsonc-parser trees for lint rules: find a property, its range, and edits that remove or
// replace it without disturbing the rest of the file.
import { findNodeAtLocation, modify, parseTree, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import type { LintFinding, TextEdit } from './types';

export function parseConfig(text: string): Node | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  return root?.type === 'object' ? root : undefined;
}

export function at(root: Node, path: JSONPath): Node | undefined {
  return findNodeAtLocation(root, path);
}

/** The property node (key and value) for a value node, for a range that covers `"key": value`. */
export function span(node: Node): { start: number; end: number } {
  const target = node.parent?.type === 'property' ? node.parent : node;
  return { start: target.offset, end: target.offset + target.length };
}

export function edits(text: string, path: JSONPath, value: unknown): TextEdit[] {
  return modify(text, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
}

export function finding(node: Node, f: Omit<LintFinding, 'start' | 'end'>): LintFinding {
  return { ...f, ...span(node) };
}
