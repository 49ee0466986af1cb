// Loading tree-sitter must not start Node's ES module loader: an `import()` of a builtin left in the CommonJS bundle
// does, and that costs the long-lived gate about 6 MB resident (scripts/build.mjs rewrites tree-sitter's two). The
// check runs in a fresh Node process (this same bundle, re-run as a child), since the test runner loads ES modules
// itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { loadBashParser, loadPowerShellParser } from '../../../src/policy/shell/wasm';

const CHILD = 'COUNTERSIGN_TEST_CHILD_GRAMMAR_ESM';

if (process.env[CHILD]) {
  void Promise.all([loadBashParser(), loadPowerShellParser()]).then(([bash, ps]) => {
    const parsed = !bash.parse('echo $(ls) | grep x')?.rootNode.hasError && !ps.parse('Get-ChildItem | Out-Null')?.rootNode.hasError;
    const loaded = (process as unknown as { moduleLoadList: string[] }).moduleLoadList;
    process.stdout.write(JSON.stringify({ parsed, esm: loaded.filter((m) => /modules\/esm\/(module_job|translators)/.test(m)) }));
  });
} else {
  test('both grammars load and parse without starting the ES module loader', () => {
    const child = spawnSync(process.execPath, [__filename], { env: { ...process.env, [CHILD]: '1' }, encoding: 'utf8' });
    assert.equal(child.status, 0, child.stderr);
    const out = JSON.parse(child.stdout) as { parsed: boolean; esm: string[] };
    assert.equal(out.parsed, true, 'both grammars parse');
    assert.deepEqual(out.esm, [], 'no ES module loader modules were loaded');
  });
}
