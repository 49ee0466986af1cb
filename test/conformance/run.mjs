// The "agent conformance (real agents)" layer: install the pinned agents (cached), bundle the suite, run one test
// file per agent in parallel, then print each agent's version with its result. Fails loudly when an agent cannot
// be installed or reports nothing: a missing agent is never a pass.
//   node test/conformance/run.mjs                      needs dist/ (npm run build)
//   node test/conformance/run.mjs --update-captures    also rewrites test/fixtures/agent-captures/
//   node test/conformance/run.mjs --only codex,gemini  a subset (for development)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1].split(',') : undefined;
const pins = JSON.parse(readFileSync(join(repo, 'test/conformance/agents.json'), 'utf8'));
const agents = Object.keys(pins).filter((a) => !only || only.includes(a));
const out = join(repo, 'out', 'conformance');
const resultsDir = join(out, 'results');
const t0 = Date.now();

function fail(message) {
  console.error(`\n✘ agent conformance: ${message}`);
  process.exit(1);
}

if (!existsSync(join(repo, 'dist', 'cli.js'))) fail('dist/cli.js is missing: build first (node scripts/build.mjs)');

// 1. The pinned agents, from the npm registry, cached outside the clone.
const tInstall = Date.now();
const install = spawnSync('bash', [join(repo, 'test/harness/ensure-agents.sh')], { stdio: 'inherit', env: process.env });
const installSeconds = (Date.now() - tInstall) / 1000;
if (install.status !== 0) fail(`the pinned agents could not be installed (ensure-agents.sh exit ${install.status}); see above`);

// 2. The suite, bundled like the unit tests (the agents' own configs are written by src/agents, bundled in).
rmSync(out, { recursive: true, force: true });
const files = agents.map((a) => join(repo, 'test/conformance', `${a === 'copilot-cli' ? 'copilot' : a}.test.ts`));
await esbuild.build({
  entryPoints: files,
  outdir: join(out, 'tests'),
  outbase: join(repo, 'test/conformance'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  mainFields: ['module', 'main'],
});

// 3. One process per agent. Two cores: three at a time keeps the wall time low without starving the agents.
const captures = args.includes('--update-captures') ? join(repo, 'test/fixtures/agent-captures') : join(out, 'captures');
const run = spawnSync(process.execPath, ['--test', '--test-concurrency=3', '--test-reporter=spec', join(out, 'tests')], {
  stdio: 'inherit',
  cwd: repo,
  env: { ...process.env, CONFORMANCE_RESULTS: resultsDir, CONFORMANCE_CAPTURES: captures },
});

// 4. The table: every agent's version and each check, so a breaking release shows up by name.
const columns = ['config', 'sensitive shell', 'safe shell', 'sensitive read', 'sensitive write', 'edit diff', 'agent-specific', 'sandbox', 'hook crash', 'no gate', 'payload shape'];
const mark = { pass: '✔', fail: '✘', 'n/a': '–' };
const reports = agents.map((a) => {
  const file = join(resultsDir, `${a}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { agent: a, label: pins[a].label, version: pins[a].version, checks: [], missing: true };
});
const head = ['agent', 'version', ...columns, 'payloads', 's'];
const rows = reports.map((r) => [
  r.label,
  r.installed && r.installed !== r.version ? `${r.installed}≠${r.version}` : r.version,
  ...columns.map((c) => {
    const found = r.checks.find((x) => x.check === c);
    return found ? mark[found.status] : '✘';
  }),
  String(r.captures ?? 0),
  r.seconds ? r.seconds.toFixed(0) : '-',
]);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' │ ');
console.log('\n━━ agent conformance ━━');
console.log(line(head));
console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
for (const row of rows) console.log(line(row));
console.log('');
for (const r of reports) {
  if (r.missing) console.log(`✘ ${r.label}: no result (the suite crashed before reporting)`);
  for (const c of r.checks) if (c.status !== 'n/a') console.log(`${mark[c.status]} ${r.label} · ${c.check}: ${c.detail}`);
}
const failed = run.status !== 0 || reports.some((r) => r.missing || r.checks.length === 0 || r.checks.some((c) => c.status === 'fail'));
const captured = existsSync(captures) ? readdirSync(captures).length : 0;
console.log(`\nagents installed in ${installSeconds.toFixed(1)} s (cached: ${process.env.COUNTERSIGN_AGENT_CACHE ?? '~/.cache/countersign/agents'}); ${captured} payload captures in ${captures}; layer ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (failed) fail('at least one agent did not obey Countersign (see the table)');
console.log('✔ every agent obeyed Countersign');
