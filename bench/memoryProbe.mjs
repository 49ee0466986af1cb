// Preloaded into the gate by bench/gate-memory.bench.ts (`node --import`): on SIGUSR2, prints where the process's
// memory goes: V8's figures, tree-sitter's wasm memory, and the resident pages by mapping (Linux /proc/self/smaps).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

/**
 * Resident bytes per kind of mapping, each split into private (this process's alone) and shared (page-cache pages
 * other processes map too: the node binary and system libraries). VmRSS counts both.
 */
function residentByMapping() {
  const out = {};
  let kind = 'anonymous';
  const add = (field, kb) => {
    const k = (out[kind] ??= { rss: 0, private: 0, shared: 0 });
    k[field] += kb * 1024;
  };
  try {
    for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
      const head = /^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) {
        const [, perms, name] = head;
        kind = name === process.execPath || /\/node$/.test(name) ? 'node binary' : name === '[heap]' ? 'malloc heap' : name && !name.startsWith('[') ? 'libraries' : perms.includes('x') ? 'anonymous code (JIT, wasm)' : 'anonymous data (V8 heap, wasm memory)';
        continue;
      }
      const m = /^(Rss|Private_Clean|Private_Dirty|Shared_Clean|Shared_Dirty):\s+(\d+) kB/.exec(line);
      if (!m) continue;
      add(m[1] === 'Rss' ? 'rss' : m[1].startsWith('Private') ? 'private' : 'shared', Number(m[2]));
    }
  } catch {
    // not Linux: V8's figures only
  }
  return out;
}

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
  process.stderr.write(`COUNTERSIGN_MEMORY ${JSON.stringify({ ...process.memoryUsage(), spaces, wasm, mappings: residentByMapping() })}\n`);
});

// On SIGWINCH (sent only by the bench when BENCH_HEAP_SNAPSHOT names a file): a V8 heap snapshot for
// bench/heapSummary.mjs; after the figures above, since writing one costs memory itself.
process.on('SIGWINCH', () => {
  const file = writeHeapSnapshot(join(tmpdir(), `countersign-gate-${process.pid}.heapsnapshot`));
  process.stderr.write(`COUNTERSIGN_SNAPSHOT ${file}\n`);
});
