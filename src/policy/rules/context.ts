// What every rule module may consult for one evaluation.
import type { Parser } from '@vscode/tree-sitter-wasm';
import type { WorkBudget } from '../budget';
import type { ScriptFiles } from '../session/scriptFiles';
import type { TreeIndex } from '../paths/treeIndex';
import type { PathPolicy } from '../paths/pathPolicy';
import type { GitStates } from '../git/gitState';
import type { World } from '../world/world';
import type { ProgramRun } from '../effects';
import type { FileEdit } from '../shell/fileEdits';

export interface RuleContext {
  policy: PathPolicy;
  parser: Parser | undefined;
  /** The PowerShell parser (absent: PowerShell commands cannot be checked, so they are sensitive). */
  psParser?: Parser | undefined;
  budget: WorkBudget;
  /** Script text from the disk or this session's memory. */
  files?: ScriptFiles;
  /** Which secret files a folder on disk holds. */
  tree?: TreeIndex;
  /** What git holds of each path, and the disk it reads (absent: no disk, so every delete is a loss). */
  git?: { states: GitStates; world: World };
  /** What the rules saw that no reason states (the programs a command line runs), for the verdict's effects. */
  observed?: { runs: ProgramRun[]; written: { path: string; text: string | undefined }[]; deleted: string[]; edits?: FileEdit[] };
}
