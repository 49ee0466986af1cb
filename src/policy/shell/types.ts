// The shell analyzer's vocabulary: where text came from (so findings inside `bash -c '…'` still point at the right
// characters of the original command), what feeds a command's stdin, and one resolved simple command.
import type { SyntaxNode } from './syntax';
import type { Word } from './words';
import { lineNumber } from '../lines';

/**
 * Maps offsets in a piece of code back to the top-level command. Linear when the code is a plain slice of it
 * (a heredoc body, a single-quoted `bash -c` script); otherwise every finding inside points at [start, end).
 */
export interface Origin {
  base: number | undefined;
  start: number;
  end: number;
  /** Code read from a file (a script run by name): offsets in this frame + `offset` are offsets in `text`, so a
   * finding can name the file's line. */
  file?: { name: string; text: string; offset: number; dir?: string };
}

export function mapRange(o: Origin, start: number, end: number): [number, number] {
  if (o.base === undefined) return [o.start, o.end];
  return [o.base + start, o.base + end];
}

/** Origin for text found at [start, end) of `parent` code; `linear` when the text is a verbatim slice. */
export function childOrigin(parent: Origin, start: number, end: number, linear: boolean): Origin {
  const [s, e] = mapRange(parent, start, end);
  const o: Origin = { base: linear && parent.base !== undefined ? s : undefined, start: s, end: e };
  // Code inside a file's code is still in that file: a non-linear child keeps the line it starts on.
  if (parent.file) o.file = { ...parent.file, offset: parent.file.offset + start };
  return o;
}

/** "name, line N" for an offset of a frame read from a file. */
export function fileLine(o: Origin, at: number): string | undefined {
  if (!o.file) return undefined;
  return `${o.file.name}, line ${lineNumber(o.file.text, Math.max(0, Math.min(o.file.text.length, o.file.offset + at)))}`;
}

/** One piece of code being analyzed. */
export interface Frame {
  source: string;
  origin: Origin;
  /** Code-inside-code depth (bash -c inside bash -c …). */
  nesting: number;
}

/** What a command reads on stdin, as far as the analyzer knows. */
export type Stdin =
  | { kind: 'text'; text: string; frame: Frame; start: number; linear: boolean }
  | { kind: 'remote'; what: string }
  | { kind: 'decoded'; what: string }
  | { kind: 'files'; pattern: string }
  | { kind: 'unknown' };

export interface Redirect {
  /** `>`, `>>`, `<`, `&>`, `>|`, `<>` … */
  op: string;
  fd: string | undefined;
  target: Word | undefined;
  node: SyntaxNode;
}

/** One simple command after wrappers were peeled off: `sudo env X=1 /usr/bin/cat f` is `cat f` via sudo, env. */
export interface Invocation {
  /** Command name (basename, lower case for matching); '' when computed at run time. */
  name: string;
  nameWord: Word;
  args: Word[];
  assignments: { name: string; word: Word | undefined }[];
  redirects: Redirect[];
  stdin: Stdin | undefined;
  node: SyntaxNode;
  frame: Frame;
  via: string[];
}
