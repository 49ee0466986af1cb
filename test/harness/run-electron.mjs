// Second launcher for the same integration suites: desktop VS Code via @vscode/test-electron.
// For machines that can download VS Code (a laptop, hosted CI with internet); this sandbox cannot.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { REPO, sampleWorkspace } from './codeServer.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'cs-electron-'));
const runtimeDir = join(scratch, 'rt');
mkdirSync(runtimeDir, { mode: 0o700 });
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(REPO, 'out/test/integration/index.js'),
    launchArgs: [sampleWorkspace(scratch), '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(scratch, 'udd')],
    extensionTestsEnv: { COUNTERSIGN_RUNTIME_DIR: runtimeDir },
  });
} catch (err) {
  console.error(`electron integration run failed: ${err.message ?? err}`);
  process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
