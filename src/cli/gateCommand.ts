// `countersign gate --headless …`: the headless gate lives in the gate bundle; the CLI only hands over.
import { loadGate } from './lazyBundles';

export function runGate(argv: string[]): Promise<number> {
  return loadGate().runHeadlessGate(argv);
}
