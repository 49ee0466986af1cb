// The hook's fast path (a gate answers) runs dist/cli.js alone: the other commands, the audit writer, the offline
// policy and the gate are separate bundles it must not load on every tool call. Without a gate, the offline path
// still finds them (the same probe sees them load, so it can tell).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CLI, hook, sandbox, startHeadlessGate, type HeadlessGate, type Sandbox } from './harness';

let box: Sandbox;
let gate: HeadlessGate;

before(async () => {
  box = sandbox();
  gate = await startHeadlessGate(box, ['--folder', box.dir]);
});
after(async () => {
  await gate.stop();
  box.cleanup();
});

/** Runs the hook with a preload that lists, at exit, the bundles the process loaded. */
async function bundlesLoaded(env: NodeJS.ProcessEnv, cwd = box.dir): Promise<{ answer: string; bundles: string[] }> {
  const list = join(box.dir, `loaded-${Date.now()}-${Math.random()}.txt`);
  const probe = join(box.dir, 'probe.js');
  // Every module compiled, by whichever loader path (lazyBundles compiles some bundles itself, outside require's cache).
  writeFileSync(
    probe,
    `const M = require('module'); const seen = []; const compile = M.prototype._compile;
M.prototype._compile = function (src, file) { seen.push(file); return compile.call(this, src, file); };
process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, seen.join('\\n')));\n`,
  );
  const payload = { session_id: 's', cwd, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls -la' }, tool_use_id: 't' };
  const run = await hook('claude', payload, { ...env, NODE_OPTIONS: `--require ${probe}` });
  assert.equal(run.code, 0, run.stderr);
  const answer = (JSON.parse(run.stdout) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput.permissionDecision;
  const bundles = readFileSync(list, 'utf8').split('\n').filter((f) => f.includes('/dist/')).map((f) => basename(f)).sort();
  return { answer, bundles };
}

test('a hook answered by a gate loads dist/cli.js and nothing else of ours', async () => {
  const { answer, bundles } = await bundlesLoaded({ ...box.env, COUNTERSIGN_SOCKET: gate.socket });
  assert.equal(answer, 'allow');
  assert.deepEqual(bundles, ['cli.js']);
  // …and dist/cli.js itself does not carry the other commands' code.
  const source = readFileSync(CLI, 'utf8');
  for (const name of ['runConnect', 'runDoctorCommand', 'runGate', 'runEvaluate', 'runAudit', 'recordOffline', 'decideWithoutGate', 'class AuditLog']) {
    assert.doesNotMatch(source, new RegExp(`(function|async function|class) ${name.replace(/^class /, '')}\\b`), `${name} is in dist/cli.js`);
  }
});

test('with no gate for the folder, the hook loads the offline path from its own bundles', async () => {
  // A folder no gate guards (the gate also registers in the user's runtime directory, by its folder).
  const { bundles } = await bundlesLoaded({ ...box.env, COUNTERSIGN_RUNTIME_DIR: join(box.dir, 'none') }, '/nonexistent-countersign-folder');
  assert.deepEqual(bundles, ['cli.js', 'commands.js', 'policy.js']);
});
