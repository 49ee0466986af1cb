// Preloaded into the gate by bench/gate-memory.bench.ts (`node --import`): on SIGUSR2, prints where the process's
// memory goes: V8's figures and tree-sitter's wasm memory (the bench reads resident pages from /proc/PID/smaps itself).
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

/** The wasm memories this process created (tree-sitter's one heap: every grammar lives in it), in bytes. */
const memories = [];
const wasmApi = globalThis.WebAssembly;
wasmApi.Memory = new Proxy(wasmApi.Memory, {
  construct(target, args) {
    const m = Reflect.construct(target, args);
    memories.push(new WeakRef(m));
    return m;
  },
});

process.on('SIGUSR2', () => {
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
  const wasm = memories.map((r) => r.deref()?.buffer.byteLength ?? 0);
  process.stderr.write(`COUNTERSIGN_MEMORY ${JSON.stringify({ ...process.memoryUsage(), spaces, wasm, })}\n`);
});

// On SIGWINCH (sent only by the bench when BENCH_HEAP_SNAPSHOT names a file): a V8 heap snapshot for
// bench/heapSummary.mjs; after the figures above, since writing one costs memory itself.
process.on('SIGWINCH', () => {
  const file = writeHeapSnapshot(join(tmpdir(), `countersign-gate-${process.pid}.heapsnapshot`));
  process.stderr.write(`COUNTERSIGN_SNAPSHOT ${file}\n`);
});
