// Public face of the policy engine. Everything under src/policy is free of vscode and network; nothing is written.
// The only I/O: the bash parser's WASM is loaded once, and the current text of a (non-sensitive) file being edited
// is read so the reviewer sees a real before/after.
import type { AgentName, PolicyConfig, Verdict } from './types';
import { Engine, type EngineOptions } from './engine';
import { normalize } from './normalize';
import { DISK_WORLD } from './world/diskWorld';
import { SessionMemory } from './session/sessionMemory';
import { loadBashParser, loadPowerShellParser } from './shell/wasm';
import { verdictOf } from './verdict';

export * from './types';
export { detectAgent } from './normalize/detect';
export { defaultSensitiveGlobs } from './paths/defaults';
export { RULES } from './reasons';
export { effectKindOf } from './effects';

const WARM_UP = ['cd src && cat a.ts | grep -n "x" > /tmp/o; ls .e* ~/.ssh/id_*', 'find . -name "*.pem" | xargs cat; python3 -c "import os"', 'echo $(git status) `ls` <(ls); X=1 bash -c "env cat .env"'];

const PS_WARM_UP = ['Get-ChildItem src -Recurse | Select-String "x"; gc $env:USERPROFILE\\.npmrc', 'git status; cmd /c "type a.txt"'];

export interface Policy {
  /** Classify one hook payload (already JSON-parsed). Never throws: bad input yields a non-safe verdict. */
  evaluate(payload: unknown, agent?: AgentName): Verdict;
  /**
   * With `lazyPowerShell`: loads what judging this payload needs that is not loaded yet (the PowerShell grammar,
   * the first time a PowerShell or cmd command arrives) and resolves once evaluate() can judge it as an eagerly
   * loaded policy would; undefined when nothing is missing (so a caller need not yield). Never rejects.
   */
  prepare?(payload: unknown, agent?: AgentName): Promise<void> | undefined;
}

export interface CreatePolicyOptions {
  /**
   * Load tree-sitter-powershell only when a PowerShell or cmd command first needs it (prepare()), not up front: a
   * long-lived gate that never sees one keeps its memory. evaluate() without prepare() then finds no PowerShell
   * parser and answers that such a command cannot be checked (sensitive), as when the grammar fails to load.
   */
  lazyPowerShell?: boolean;
}

/**
 * Async because the shell parser (WASM) loads once; evaluate() is synchronous after that. If the parser cannot be
 * loaded the policy still works, and every shell command is sensitive (it cannot be checked).
 */
export async function createPolicy(config: PolicyConfig, opts: CreatePolicyOptions = {}): Promise<Policy> {
  const [parser, psParser] = await Promise.all([loadBashParser().catch(() => undefined), opts.lazyPowerShell ? undefined : loadPowerShellParser().catch(() => undefined)]);
  // One memory per policy: the gate and `evaluate --jsonl` remember each agent session across its actions. The
  // options object stays ours: a PowerShell parser loaded later is set on it, and the engine reads it per evaluation.
  const options: EngineOptions = { parser, psParser, world: DISK_WORLD, memory: new SessionMemory(), clock: () => Date.now() };
  const engine = new Engine(config, options);
  // Warm the JIT once so the first real evaluation is as fast as the rest (and never meets the time budget cold).
  for (const command of WARM_UP) engine.evaluate({ tool_name: 'Bash', tool_input: { command }, cwd: '/w/p' });
  const warmPowerShell = () => {
    for (const command of PS_WARM_UP) engine.evaluate({ tool_name: 'PowerShell', tool_input: { command }, cwd: '/w/p' });
  };
  if (psParser) warmPowerShell();
  let psLoading: Promise<void> | undefined;
  return {
    evaluate(payload, agent) {
      try {
        return engine.evaluate(payload, agent);
      } catch {
        return verdictOf({ kind: 'tool', agent: agent ?? 'unknown', tool: 'unknown', cwd: '', input: null }, [
          { rule: 'engine.error', risk: 'sensitive', message: 'The policy failed on this action, so it needs a decision.' },
        ]);
      }
    },
    prepare(payload, agent) {
      if (!opts.lazyPowerShell || options.psParser || !readsPowerShell(payload, agent, engine, config)) return undefined;
      psLoading ??= loadPowerShellParser().then(
        (p) => {
          options.psParser = p;
          warmPowerShell();
        },
        // As an eager load that failed: PowerShell commands cannot be checked (sensitive); the next one retries.
        () => {
          psLoading = undefined;
        },
      );
      return psLoading;
    },
  };
}

/** Whether the engine will read this payload as a PowerShell or cmd command line (the one use of that grammar). */
function readsPowerShell(payload: unknown, agent: AgentName | undefined, engine: Engine, config: PolicyConfig): boolean {
  try {
    // As Engine.evaluate reads it (file reads only add before-texts to edits and writes, never a shell dialect).
    const action = normalize(payload, agent, { home: engine.paths.home, platform: config.platform });
    return action.kind === 'shell' && (action.shell === 'powershell' || action.shell === 'cmd');
  } catch {
    return false;
  }
}
