// One rule module per action kind.
import type { Action, Reason } from '../types';
import type { RuleContext } from './context';
import { editReasons, patchReasons, readReasons, writeReasons } from './fileActions';
import { shellReasons } from './shellAction';
import { toolReasons } from './toolAction';

export type { RuleContext } from './context';

export function reasonsFor(action: Action, ctx: RuleContext): Reason[] {
  switch (action.kind) {
    case 'shell':
      return shellReasons(action, ctx);
    case 'read':
      return readReasons(action, ctx);
    case 'write':
      return writeReasons(action, ctx);
    case 'edit':
      return editReasons(action, ctx);
    case 'patch':
      return patchReasons(action, ctx);
    case 'tool':
      return toolReasons(action, ctx);
  }
}
