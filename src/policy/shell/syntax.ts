// Parses a command with tree-sitter-bash and copies the tree into plain JS objects in one cursor pass, so the
// analysis never crosses into WASM again and the WASM tree is freed at once. Budgets (time, nodes, depth) end the
// copy early; the caller treats that as opaque (sensitive).
import type { Parser } from '@vscode/tree-sitter-wasm';
import { LIMITS, type WorkBudget } from '../budget';

export interface SyntaxNode {
  type: string;
  /** Field name in the parent (`name`, `argument`, `redirect`, `body`, `destination`, …). */
  field: string | null;
  named: boolean;
  start: number;
  end: number;
  children: SyntaxNode[];
}

export type ParseFailure = 'work' | 'nodes' | 'depth' | 'unavailable';

export interface ParsedScript {
  root: SyntaxNode | undefined;
  /** Set when a budget was hit or the parser is missing: the tree is absent or incomplete. */
  failure?: ParseFailure;
  /** tree-sitter found a syntax error (ERROR or MISSING nodes). */
  hasError: boolean;
}

/**
 * The most common commands (`git status`, `npm test`, `ls -la src`) are plain words: no quotes, expansions,
 * operators, globs, `~` or assignments. For those the tree is known without parsing; `plainCommandTree` builds the
 * same nodes tree-sitter would (a unit test keeps them equal), saving the WASM round trip on the hot path.
 */
const PLAIN = /^[A-Za-z0-9_./:@%+,-]+(?: [A-Za-z0-9_./:@%+,=-]+)*$/;
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'select', 'time', 'coproc', 'in', 'declare', 'typeset', 'export', 'readonly', 'local', 'unset', 'unsetenv']);

export function plainCommandTree(source: string): SyntaxNode | undefined {
  if (source.length > 512 || !PLAIN.test(source)) return undefined;
  const words = source.split(' ');
  // tree-sitter reads some command names as errors (`a%`, `x@y`, `a9+:`, `- x@`): only ordinary names take the fast
  // path, so both paths always judge alike (a generated comparison found these).
  if (RESERVED.has(words[0]!) || !/^[A-Za-z0-9_./][A-Za-z0-9_./:,-]*$/.test(words[0]!)) return undefined;
  const children: SyntaxNode[] = [];
  let at = 0;
  words.forEach((w, i) => {
    const leaf: SyntaxNode = { type: /^\d+$/.test(w) ? 'number' : 'word', field: i === 0 ? null : 'argument', named: true, start: at, end: at + w.length, children: NO_CHILDREN };
    children.push(i === 0 ? { type: 'command_name', field: 'name', named: true, start: at, end: at + w.length, children: [{ ...leaf, type: 'word' }] } : leaf);
    at += w.length + 1;
  });
  const command: SyntaxNode = { type: 'command', field: null, named: true, start: 0, end: source.length, children };
  return { type: 'program', field: null, named: true, start: 0, end: source.length, children: [command] };
}

export function parseScript(parser: Parser | undefined, source: string, budget: WorkBudget, bashFastPath = true): ParsedScript {
  // The fast path builds tree-sitter-bash's tree; other grammars (PowerShell) always parse.
  const plain = bashFastPath ? plainCommandTree(source) : undefined;
  if (plain) return { root: plain, hasError: false };
  if (!parser) return { root: undefined, failure: 'unavailable', hasError: false };
  // tree-sitter reports progress after a fixed amount of its own work: counting those reports bounds the parse
  // by work done, so the outcome does not depend on how busy the machine is.
  const allowed = budget.parseTicksLeft();
  let ticks = 0;
  const tree = allowed === 0 ? null : parser.parse(source, null, { progressCallback: () => ++ticks > allowed });
  budget.spendParseTicks(ticks);
  budget.charge(1 + (source.length >> 10));
  if (!tree) {
    parser.reset();
    return { root: undefined, failure: 'work', hasError: false };
  }
  try {
    const copied = copyTree(tree.walk());
    // One call for the whole tree rather than a MISSING check per node.
    copied.hasError = copied.hasError || tree.rootNode.hasError;
    return copied;
  } finally {
    tree.delete();
  }
}

/** Shared by every leaf (most nodes): one allocation fewer per node. Never pushed to. */
const NO_CHILDREN: SyntaxNode[] = [];

type Cursor = ReturnType<NonNullable<ReturnType<Parser['parse']>>['walk']>;

function copyTree(cursor: Cursor): ParsedScript {
  let hasError = false;
  let failure: ParseFailure | undefined;
  let count = 0;
  const make = (): SyntaxNode => {
    const type = cursor.nodeType;
    if (type === 'ERROR') hasError = true;
    count++;
    return { type, field: cursor.currentFieldName, named: cursor.nodeIsNamed, start: cursor.startIndex, end: cursor.endIndex, children: NO_CHILDREN };
  };
  try {
    const root = make();
    const stack: SyntaxNode[] = [root];
    // Iterative pre-order walk: deep nesting must not overflow the JS stack.
    outer: for (;;) {
      const parent = stack[stack.length - 1]!;
      if (stack.length <= LIMITS.depth && cursor.gotoFirstChild()) {
        const child = make();
        if (parent.children === NO_CHILDREN) parent.children = [];
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
        const holder = stack[stack.length - 1]!;
        if (holder.children === NO_CHILDREN) holder.children = [];
        holder.children.push(sibling);
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
