// Entry the extension host loads (extensionTestsPath). Same suites under code-server and @vscode/test-electron.
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // COUNTERSIGN_TEST_GREP=pattern runs only the matching tests (one suite while working on it).
  if (process.env.COUNTERSIGN_TEST_GREP) mocha.grep(process.env.COUNTERSIGN_TEST_GREP);
  // The suites are bundled into this file: expose describe/it before their modules evaluate.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  await import('./gatePath.test');
  await import('./connectAgents.test');
  await import('./diagnostics.test');
  await import('./auditLog.test');
  await import('./guard.test');
  await import('./reviewPanel.test');
  await import('./repoSettings.test');
  // Last: it restarts and kills the gate.
  await import('./faults.test');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
