// Extension entry: build the context, start the gate, export a read-only API.
import type * as vscode from 'vscode';
import { Ctx, type CountersignApi } from './ctx';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<CountersignApi> {
  ctx = new Ctx(context);
  context.subscriptions.push(ctx);
  try {
    await ctx.start();
  } catch (err) {
    // Without a gate, hooks fail closed; say so rather than pretend to guard.
    ctx.output.error(`the gate did not start: ${String(err)}`);
  }
  return ctx.api();
}

/** VS Code waits for the returned promise: the gate is stopped (and every pending card denied) before the host exits. */
export async function deactivate(): Promise<void> {
  const current = ctx;
  ctx = undefined;
  await current?.shutdown();
}
