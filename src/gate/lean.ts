// The gate lives as long as its VS Code window (or CI job), one per window: its resident memory matters more than
// the last bit of parse speed. Tree-sitter's grammar runs as WebAssembly; V8 would re-compile its hot functions with
// TurboFan, which costs about 20 MB resident for a parse that Liftoff's baseline code does in well under a
// millisecond. And V8 grows its young generation up to 32 MB under a burst of requests and keeps it: a factor of 1
// keeps it at its starting 2 MB (more, cheaper scavenges). Must run before the grammar is compiled and before the
// first burst (the policy loads the grammar on first use). JavaScript stays on V8's interpreter too (no TurboFan;
// Sparkplug and Maglev off below): TurboFan's compiler zones and optimised code cost about 8 MB resident in a gate
// that judges a payload in a fraction of a millisecond either way (corpus p50 0.15 -> 0.32 ms, p99 0.86 -> 1.7 ms,
// against a hook process that takes tens of milliseconds to start).
import { setFlagsFromString } from 'node:v8';
import { keepWasmOnLiftoff } from '../policy/shell/wasm';

export function keepGateLean(): void {
  keepWasmOnLiftoff();
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--no-opt');
  setFlagsFromString('--optimize-for-size');
  // Newer V8s (Node 22+, VS Code's Electron) also optimise with Maglev, which --no-opt leaves on: off, 4-8 MB less on
  // Node 24 (bench/gate-memory.bench.ts run with Node 24), nothing either way on Node 20.
  setFlagsFromString('--no-maglev');
  // Sparkplug's baseline code as well: 1-2 MB less resident (Node 20 and 24), for a corpus p50 of 0.24 -> 0.28 ms.
  setFlagsFromString('--no-sparkplug');
}
