// One evaluation: payload → Action → reasons → verdict, inside a time budget. Never throws: a payload it cannot
// read, or an internal error, is a sensitive verdict (fail closed), never safe.
import type { Parser } from '@vscode/tree-sitter-wasm';
import { WorkBudget } from './budget';
import { MalformedPayload, normalize } from './normalize';
import { boundedValue } from './normalize/bounded';
import type { FileReader } from './normalize/fileText';
import { PathPolicy } from './paths/pathPolicy';
import { reason } from './reasons';
import { reasonsFor } from './rules';
import type { Action, AgentName, PolicyConfig, Verdict } from './types';
import { verdictOf } from './verdict';

export interface EngineOptions {
  parser: Parser | undefined;
  /** Reads current file text for before/after (absent: pure evaluation, nothing read). */
  readFile?: FileReader;
}

function fallbackAction(payload: unknown, agent: AgentName | undefined): Action {
  return { kind: 'tool', agent: agent ?? 'unknown', tool: 'unknown', cwd: '', input: payload === undefined ? null : boundedValue(payload) };
}

export class Engine {
  readonly paths: PathPolicy;
  private readonly readFile: FileReader | undefined;

  constructor(
    config: PolicyConfig,
    private readonly options: EngineOptions,
  ) {
    this.paths = new PathPolicy(config);
    const read = options.readFile;
    // Never copy a secret's text into a verdict (or the audit log).
    this.readFile = read ? (p) => (this.paths.match(p, 'read') ? undefined : read(p)) : undefined;
  }

  evaluate(payload: unknown, agent?: AgentName): Verdict {
    let action: Action;
    try {
      action = normalize(payload, agent, this.readFile ? { home: this.paths.home, readFile: this.readFile } : { home: this.paths.home });
    } catch (err) {
      const why = err instanceof MalformedPayload ? err.message : 'the payload could not be read';
      return verdictOf(fallbackAction(payload, agent), [reason('input.malformed', `Countersign cannot tell what this action does: ${why}.`)]);
    }
    try {
      const ctx = { policy: this.paths, parser: this.options.parser, budget: new WorkBudget(), observed: { programs: [] as string[] } };
      return verdictOf(action, reasonsFor(action, ctx), ctx.observed.programs);
    } catch (err) {
      return verdictOf(action, [reason('engine.error', `The policy failed on this action (${err instanceof Error ? err.message : String(err)}), so it needs a decision.`)]);
    }
  }
}

