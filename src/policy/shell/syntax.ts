// Parses a command with tree-sitter-bash and copies the tree into plain JS objects in one cursor pass, so the
// analysis never crosses into WASM again and the WASM tree is freed at once. Budgets (time, nodes, depth) end the
// copy early; the caller treats that as opaque (sensitive).
import type { Parser } from '@vscode/tree-sitter-wasm';
import { LIMITS, type Deadline } from '../budget';

export interface SyntaxNode {
  type: string;
  /** Field name in the parent (`name`, `argument`, `redirect`, `body`, `destination`, …). */
  field: string | null;
  named: boolean;
  start: number;
  end: number;
  children: SyntaxNode[];
}

export type ParseFailure = 'time' | 'nodes' | 'depth' | 'unavailable';

export interface ParsedScript {
  root: SyntaxNode | undefined;
  /** Set when a budget was hit or the parser is missing: the tree is absent or incomplete. */
  failure?: ParseFailure;
  /** tree-sitter found a syntax error (ERROR or MISSING nodes). */
  hasError: boolean;
}

export function parseScript(parser: Parser | undefined, source: string, deadline: Deadline): ParsedScript {
  if (!parser) return { root: undefined, failure: 'unavailable', hasError: false };
  const stopAt = performance.now() + Math.min(LIMITS.parseMillis, deadline.remaining());
  const tree = parser.parse(source, null, { progressCallback: () => performance.now() > stopAt });
  if (!tree) {
    parser.reset();
    return { root: undefined, failure: 'time', hasError: false };
  }
  try {
    return copyTree(tree.walk());
  } finally {
    tree.delete();
  }
}

type Cursor = ReturnType<NonNullable<ReturnType<Parser['parse']>>['walk']>;

function copyTree(cursor: Cursor): ParsedScript {
  let hasError = false;
  let failure: ParseFailure | undefined;
  let count = 0;
  const make = (): SyntaxNode => {
    const type = cursor.nodeType;
    if (type === 'ERROR' || cursor.nodeIsMissing) hasError = true;
    count++;
    return { type, field: cursor.currentFieldName, named: cursor.nodeIsNamed, start: cursor.startIndex, end: cursor.endIndex, children: [] };
  };
  try {
    const root = make();
    const stack: SyntaxNode[] = [root];
    // Iterative pre-order walk: deep nesting must not overflow the JS stack.
    outer: for (;;) {
      const parent = stack[stack.length - 1]!;
      if (stack.length <= LIMITS.depth && cursor.gotoFirstChild()) {
        const child = make();
        parent.children.push(child);
        stack.push(child);
      } else {
        if (stack.length > LIMITS.depth && parentHasChildren(cursor)) failure ??= 'depth';
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) break outer;
          stack.pop();
        }
        stack.pop();
        const sibling = make();
        stack[stack.length - 1]!.children.push(sibling);
        stack.push(sibling);
      }
      if (count > LIMITS.nodes) {
        failure = 'nodes';
        break;
      }
    }
    return failure ? { root, failure, hasError } : { root, hasError };
  } finally {
    cursor.delete();
  }
}

function parentHasChildren(cursor: Cursor): boolean {
  if (!cursor.gotoFirstChild()) return false;
  cursor.gotoParent();
  return true;
}

/** Source text of a node. */
export function textOf(source: string, n: SyntaxNode): string {
  return source.slice(n.start, n.end);
}

export function childByField(n: SyntaxNode, field: string): SyntaxNode | undefined {
  return n.children.find((c) => c.field === field);
}
