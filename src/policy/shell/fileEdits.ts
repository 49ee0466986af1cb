// What a command line does to the text of files, in the order it runs, for the exact preview of its changes
// (changes/shellChanges.ts): redirections (`>`, `>>`), tee (-a), and sed -i with its arguments. Recorded while the
// analyzer walks the real parse (tree-sitter), so the preview and the verdict read the same command.
import type { Word } from './words';

export type FileEdit =
  /** `text` undefined: the producer's output cannot be known before it runs. */
  | { op: 'write' | 'append'; path: string; text: string | undefined; producer: string; glob: boolean }
  | { op: 'sed'; path: string; args: string[] | undefined; glob: boolean };

/** The path key of a target word (absolute when the directory is known), or undefined when it is computed. */
export function editTarget(word: Word, key: (p: string) => string): { path: string; glob: boolean } | undefined {
  if (word.value === undefined) return word.glob ? { path: word.pattern, glob: true } : undefined;
  return { path: key(word.value), glob: word.glob && !word.quoted };
}
