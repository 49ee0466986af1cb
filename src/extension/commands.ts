// Commands as factories over the context: each returns the handler VS Code calls.
import type { Ctx } from './ctx';

type Factory = (ctx: Ctx) => (...args: unknown[]) => unknown;

export const COMMANDS: Record<string, Factory> = {
  'countersign.showReviews': (ctx) => () => ctx.view.reveal(),
  'countersign.restartGate': (ctx) => () => ctx.restartGate(),
  'countersign.connectAgents': (ctx) => () => ctx.agents.connect(),
  'countersign.disconnectAgents': (ctx) => () => ctx.agents.disconnect(),
};
