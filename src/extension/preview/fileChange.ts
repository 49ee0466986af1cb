// A file an action would change: both sides when Countersign can know them, else a plain note why not.

export interface FileChange {
  /** Absolute path. */
  path: string;
  op: 'add' | 'update' | 'delete';
  /** Current text; undefined when unknown (unreadable, outside the workspace). */
  before?: string;
  /** Proposed text; undefined when it cannot be computed. */
  after?: string;
  /** Why a side is missing, or anything else the reviewer should know. */
  note?: string;
}
