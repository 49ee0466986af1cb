// Identifies "the same action" across hooks: VS Code runs both its own and Claude Code's hook files, Copilot CLI
// runs every file in ~/.copilot/hooks. Identical in-flight actions share one card and one human answer.
import { createHash } from 'node:crypto';
import type { Action } from '../policy/types';

function subject(action: Action): unknown {
  switch (action.kind) {
    case 'shell':
      return action.command;
    case 'edit':
      return [action.path, action.edits];
    case 'write':
      return [action.path, action.content];
    case 'read':
      return action.path;
    case 'patch':
      return action.patch;
    case 'tool':
      return [action.tool, action.input];
  }
}

/** Agent and tool names are left out on purpose: the same call arrives as `Bash`, `bash` or `run_in_terminal`. */
export function actionFingerprint(action: Action): string {
  return createHash('sha256').update(JSON.stringify([action.kind, action.cwd, subject(action)])).digest('base64url');
}
