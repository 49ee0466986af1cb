// `npm run bench`: runs every out/bench/*.bench.js in turn. Each prints its own figures and ratios.
// Benchmarks measure; they never fail on a time (machines are shared and noisy).
//   node scripts/bench.mjs [name] [--flags]   only the benches whose name contains `name`; flags go to each
//   e.g. node scripts/bench.mjs judgement --json   (the held-out corpus summary as one JSON line)
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const args = process.argv.slice(2);
const only = args.find((a) => !a.startsWith('--'));
const flags = args.filter((a) => a.startsWith('--'));
const quiet = flags.includes('--json');
const files = readdirSync('out/bench').filter((f) => f.endsWith('.bench.js') && (!only || f.includes(only))).sort();
let failed = 0;
for (const f of files) {
  if (!quiet) console.log(`\n== ${f.replace(/\.bench\.js$/, '')} ==`);
  const r = spawnSync(process.execPath, ['--expose-gc', join('out/bench', f), ...flags], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
