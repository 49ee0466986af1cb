// `npm run bench`: runs every out/bench/*.bench.js in turn. Each prints its own figures and ratios.
// Benchmarks measure; they never fail on a time (machines are shared and noisy).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const only = process.argv[2];
const files = readdirSync('out/bench').filter((f) => f.endsWith('.bench.js') && (!only || f.includes(only))).sort();
let failed = 0;
for (const f of files) {
  console.log(`\n== ${f.replace(/\.bench\.js$/, '')} ==`);
  const r = spawnSync(process.execPath, ['--expose-gc', join('out/bench', f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
