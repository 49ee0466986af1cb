// `npm test`: every layer, in order, on a fresh machine too. Installs what the real-VS-Code layers need
// (Debian packages when missing: bubblewrap for the sandbox tests, chromium and build tools for the browser layer;
// code-server cached in .vscode-test/, agents in ~/.cache/countersign) and the Wine layer's (wine, node.exe and a
// prefix in .cache/wine/).
// Prints each layer's wall time.
import { spawnSync } from 'node:child_process';

const layers = [
  ['types + lint', 'npm', ['run', '--silent', 'check']],
  ['build', 'node', ['scripts/build.mjs', '--tests']],
  // The sandbox tests run bubblewrap for real: installed here when missing (a no-op when it is there).
  ['sandbox set-up (bubblewrap)', 'bash', ['test/harness/ensure-sandbox.sh']],
  ['unit', 'node', ['--test', '--test-reporter=spec', 'out/test/unit/']],
  // Windows node.exe under Wine: the .cmd shim and the headless gate on a named pipe (installs wine when missing).
  ['Windows under Wine (node.exe, .cmd shim, named pipe)', 'node', ['test/wine/run.mjs']],
  ['agent conformance (real agents)', 'node', ['test/conformance/run.mjs']],
  ['harness set-up', 'bash', ['test/harness/ensure-vscode.sh']],
  ['integration (code-server extension host)', 'node', ['test/harness/run-integration.mjs']],
  // The browser layer runs against the packaged .vsix installed into a fresh code-server: a person's path.
  ['package (.vsix)', 'npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', '.vscode-test/countersign.vsix']],
  ['browser (chromium clicks the installed panel)', 'node', ['test/harness/run-ui.mjs', '--vsix', '.vscode-test/countersign.vsix']],
  // VS Code's own agent (built-in Copilot Chat, a scripted model, offline) against the installed .vsix; about 4 min.
  ['VS Code agent (built-in agent, real panel clicks)', 'node', ['test/harness/run-vscode-agent.mjs', '--vsix', '.vscode-test/countersign.vsix']],
];

const results = [];
for (const [name, cmd, args] of layers) {
  console.log(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: (Date.now() - t0) / 1000 });
  if (!ok) break; // later layers depend on earlier ones (build, harness)
}
console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? '✔' : '✘'} ${r.name.padEnd(44)} ${r.seconds.toFixed(1)}s`);
const failed = results.some((r) => !r.ok) || results.length < layers.length;
process.exitCode = failed ? 1 : 0;
