// Commands as factories over the context: each returns the handler VS Code calls.
import type { Ctx } from './ctx';
import { trySampleAction } from './trySample';

type Factory = (ctx: Ctx) => (...args: unknown[]) => unknown;

export const COMMANDS: Record<string, Factory> = {
  'countersign.showReviews': (ctx) => () => ctx.view.reveal(),
  'countersign.restartGate': (ctx) => () => ctx.restartGate(),
  // Deny is always safe to do in bulk; there is deliberately no "approve all".
  'countersign.denyAll': (ctx) => () => ctx.view.denyAll(),
  'countersign.revokeSessionRules': (ctx) => () => ctx.rules.clear(),
  'countersign.connectAgents': (ctx) => () => ctx.agents.connect(),
  'countersign.disconnectAgents': (ctx) => () => ctx.agents.disconnect(),
  'countersign.showAuditLog': (ctx) => () => ctx.auditLog.show(),
  'countersign.trySample': (ctx) => () => trySampleAction(ctx.extensionPath, () => ctx.view.reveal()),
};
