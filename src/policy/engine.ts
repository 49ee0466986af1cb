// One evaluation: payload → Action → reasons → verdict, inside a time budget. Never throws: a payload it cannot
// read, or an internal error, is a sensitive verdict (fail closed), never safe.
import type { Parser } from '@vscode/tree-sitter-wasm';
import { WorkBudget } from './budget';
import { MalformedPayload, normalize } from './normalize';
import { boundedValue } from './normalize/bounded';
import { PathPolicy } from './paths/pathPolicy';
import { TreeIndex } from './paths/treeIndex';
import { reason } from './reasons';
import { reasonsFor } from './rules';
import type { Action, AgentName, PolicyConfig, Verdict } from './types';
import type { World } from './world/world';
import { proposedChanges, type ChangeWorld } from './changes';
import { changesOf } from './session/changes';
import { scriptFiles, type DiskAccess } from './session/scriptFiles';
import { EMPTY_SESSION, type SessionMemory } from './session/sessionMemory';
import { GitStates } from './git/gitState';
import type { RuleContext } from './rules';
import { verdictOf } from './verdict';

export interface EngineOptions {
  parser: Parser | undefined;
  /** tree-sitter-powershell (absent: PowerShell commands cannot be read, so they need a decision). */
  psParser?: Parser | undefined;
  /** The disk as the policy may see it (absent: a pure evaluation that reads nothing). */
  world?: World;
  /** What each agent session wrote and deleted (absent: every action is judged alone). */
  memory?: SessionMemory;
  /** Milliseconds now, for forgetting quiet sessions only; no verdict reads it otherwise. */
  clock?: () => number;
}

function fallbackAction(payload: unknown, agent: AgentName | undefined): Action {
  return { kind: 'tool', agent: agent ?? 'unknown', tool: 'unknown', cwd: '', input: payload === undefined ? null : boundedValue(payload) };
}

export class Engine {
  readonly paths: PathPolicy;
  private readonly platform: PolicyConfig['platform'];
  private readonly readFile: ((absPath: string) => string | undefined) | undefined;
  /** The disk as scripts are read from it: guarded reads (never a secret), links followed by the world. */
  private readonly disk: DiskAccess | undefined;
  private readonly tree: TreeIndex | undefined;
  /** What git holds of each path (index parsed once per stamp), for judging deletes and discards by what is lost. */
  private readonly git: GitStates | undefined;
  /** The disk as the exact preview of changes reads it (the same guarded reads: never a secret's text). */
  private readonly changeWorld: ChangeWorld;

  constructor(
    config: PolicyConfig,
    private readonly options: EngineOptions,
  ) {
    this.platform = config.platform;
    const world = options.world;
    this.paths = new PathPolicy(config, world);
    // Never copy a secret's text into a verdict (or the audit log).
    const readFile = world ? (p: string) => (this.paths.match(p, 'read') ? undefined : world.readText(p)) : undefined;
    this.readFile = readFile;
    this.disk = world && readFile ? { readText: readFile, realPath: (p) => world.realPath(p) } : undefined;
    // Secrets and Countersign's own files count; agent settings in a project (.vscode/settings.json) do not make
    // a search of it sensitive.
    const holdsSecret = (p: string): boolean => {
      const m = this.paths.match(p, 'read');
      return m?.category === 'secret' || m?.category === 'protected';
    };
    this.tree = world ? new TreeIndex(world, holdsSecret) : undefined;
    this.git = world ? new GitStates(world) : undefined;
    // Without a world nothing is known about a file, not even that it is missing.
    this.changeWorld = world && readFile ? { readText: readFile, exists: (p) => world.realPath(p) !== undefined } : { readText: () => undefined, exists: () => true };
  }

  evaluate(payload: unknown, agent?: AgentName): Verdict {
    let action: Action;
    try {
      action = normalize(payload, agent, this.readFile ? { home: this.paths.home, readFile: this.readFile, platform: this.platform } : { home: this.paths.home, platform: this.platform });
    } catch (err) {
      const why = err instanceof MalformedPayload ? err.message : 'the payload could not be read';
      return verdictOf(fallbackAction(payload, agent), [reason('input.malformed', `Countersign cannot tell what this action does: ${why}.`)]);
    }
    const { memory, world } = this.options;
    const now = this.options.clock?.() ?? 0;
    const session = memory ? memory.view(action.agent, action.sessionId, now) : EMPTY_SESSION;
    const ctx: RuleContext = {
      policy: this.paths,
      parser: this.options.parser,
      psParser: this.options.psParser,
      budget: new WorkBudget(),
      files: scriptFiles(this.disk, session),
      tree: this.tree,
      git: this.git && world ? { states: this.git, world } : undefined,
      observed: { runs: [], written: [], deleted: [], edits: [] },
    };
    let verdict: Verdict;
    try {
      verdict = verdictOf(action, reasonsFor(action, ctx), ctx.observed!.runs);
    } catch (err) {
      return verdictOf(action, [reason('engine.error', `The policy failed on this action (${err instanceof Error ? err.message : String(err)}), so it needs a decision.`)]);
    }
    try {
      verdict.changes = proposedChanges(action, this.changeWorld, ctx.observed!.edits);
    } catch (err) {
      // A preview that fails shows nothing (the reviewer then sees no diff); it never changes the decision.
      void err;
      verdict.changes = [];
    }
    // Remembered as proposed; the disk says later whether it landed (see session/scriptFiles.ts).
    memory?.record(action.agent, action.sessionId, changesOf(action, ctx.observed!, session, (p) => world?.realPath(p) !== undefined, this.git ? (p) => this.git!.stateOf(p) === 'clean' : undefined), now);
    return verdict;
  }
}

