// What every rule module may consult for one evaluation.
import type { Parser } from '@vscode/tree-sitter-wasm';
import type { WorkBudget } from '../budget';
import type { ScriptFiles } from '../session/scriptFiles';
import type { TreeIndex } from '../paths/treeIndex';
import type { PathPolicy } from '../paths/pathPolicy';
import type { FileEdit } from '../shell/fileEdits';

export interface RuleContext {
  policy: PathPolicy;
  parser: Parser | undefined;
  budget: WorkBudget;
  /** Script text from the disk or this session's memory. */
  files?: ScriptFiles;
  /** Which secret files a folder on disk holds. */
  tree?: TreeIndex;
  /** What the rules saw that no reason states (the programs a command line runs), for the verdict's effects. */
  observed?: { programs: string[]; written: { path: string; text: string | undefined }[]; deleted: string[]; edits?: FileEdit[] };
}
