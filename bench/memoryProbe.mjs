// Preloaded into the gate by bench/gate-memory.bench.ts (`node --import`): on SIGUSR2, prints where the process's
// memory goes: V8's figures, and the resident pages by mapping (Linux /proc/self/smaps).
import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

/** Resident bytes per kind of mapping: the node binary, malloc's heap, anonymous (V8 heap, wasm memory), libraries. */
function residentByMapping() {
  const out = { 'node binary': 0, 'malloc heap': 0, anonymous: 0, libraries: 0 };
  let kind = 'anonymous';
  try {
    for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
      const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (head) {
        const name = head[1];
        kind = !name || name.startsWith('[anon') ? 'anonymous' : name === '[heap]' ? 'malloc heap' : name === process.execPath || /\/node$/.test(name) ? 'node binary' : name.startsWith('[') ? 'anonymous' : 'libraries';
        continue;
      }
      const rss = /^Rss:\s+(\d+) kB/.exec(line);
      if (rss) out[kind] += Number(rss[1]) * 1024;
    }
  } catch {
    // not Linux: V8's figures only
  }
  return out;
}

process.on('SIGUSR2', () => {
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
  process.stderr.write(`COUNTERSIGN_MEMORY ${JSON.stringify({ ...process.memoryUsage(), spaces, mappings: residentByMapping() })}\n`);
});
