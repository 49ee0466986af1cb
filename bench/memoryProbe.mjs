// Preloaded into the gate by bench/gate-memory.bench.ts (`node --import`): on SIGUSR2, prints where the process's
// memory goes.
import { getHeapSpaceStatistics } from 'node:v8';

process.on('SIGUSR2', () => {
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size]));
  process.stderr.write(`COUNTERSIGN_MEMORY ${JSON.stringify({ ...process.memoryUsage(), spaces })}\n`);
});
