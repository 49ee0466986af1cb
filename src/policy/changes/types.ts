// The exact proposed change of one file, as the verdict carries it (`changes`): the current text and the text the
// action leaves behind, computed once, in the policy, for the panel, the diff editor and `countersign evaluate`.

export interface FileChange {
  /** Absolute path (a glob pattern when the action names files by one that was not expanded). */
  path: string;
  op: 'add' | 'update' | 'delete';
  /** The current text ('' for a file that does not exist yet); null when it cannot be read (or is a secret). */
  before: string | null;
  /** The text the action leaves; null when it cannot be known before the action runs. */
  after: string | null;
  /**
   * True only when `after` is exactly what the file will hold, given `before`: every edit found its text, the patch
   * applied without fuzz, the sed script is one GNU sed runs the same way, the output written is known.
   */
  exact: boolean;
  /** Why it is not exact, or what else the reviewer should know (a rename, a backup copy). */
  note?: string;
}

/** What the change computation may read: the guarded text of a file (never a secret), and whether it exists. */
export interface ChangeWorld {
  readText(absPath: string): string | undefined;
  exists(absPath: string): boolean;
}
