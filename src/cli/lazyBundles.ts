// The hook's fast path (a gate answers) must cost little more than starting Node, so the policy engine and the
// gate are separate bundles beside dist/cli.js, loaded only when the CLI needs them.
import { join } from 'node:path';
import type * as PolicyModule from '../policy';
import type * as GateModule from '../gate/main';

function load<T>(file: string): T {
  // A runtime path, so esbuild leaves the require alone instead of inlining the module.
  const path = join(__dirname, file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load of a sibling bundle
  return require(path) as T;
}

export const loadPolicy = (): typeof PolicyModule => load<typeof PolicyModule>('policy.js');
export const loadGate = (): typeof GateModule => load<typeof GateModule>('gate.js');
