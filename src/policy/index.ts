// Public face of the policy engine. Everything under src/policy is free of vscode and network; nothing is written.
// The only I/O: the bash parser's WASM is loaded once, and the current text of a (non-sensitive) file being edited
// is read so the reviewer sees a real before/after.
import type { AgentName, PolicyConfig, Verdict } from './types';
import { Engine } from './engine';
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
}

/**
 * Async because the shell parser (WASM) loads once; evaluate() is synchronous after that. If the parser cannot be
 * loaded the policy still works, and every shell command is sensitive (it cannot be checked).
 */
export async function createPolicy(config: PolicyConfig): Promise<Policy> {
  const [parser, psParser] = await Promise.all([loadBashParser().catch(() => undefined), loadPowerShellParser().catch(() => undefined)]);
  // One memory per policy: the gate and `evaluate --jsonl` remember each agent session across its actions.
  const engine = new Engine(config, { parser, psParser, world: DISK_WORLD, memory: new SessionMemory(), clock: () => Date.now() });
  // Warm the JIT once so the first real evaluation is as fast as the rest (and never meets the time budget cold).
  for (const command of WARM_UP) engine.evaluate({ tool_name: 'Bash', tool_input: { command }, cwd: '/w/p' });
  for (const command of PS_WARM_UP) engine.evaluate({ tool_name: 'PowerShell', tool_input: { command }, cwd: '/w/p' });
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
  };
}
