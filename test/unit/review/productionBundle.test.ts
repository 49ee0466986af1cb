// No test door in a production build: `node scripts/build.mjs --production` (what the .vsix packs) leaves the
// integration tests' seam (src/extension/testSeam.ts) out of dist/extension.js entirely, while a development build
// keeps it (so this test sees the difference and can fail). Builds into a scratch folder, never the real dist/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const REPO = resolve(__dirname, '../../../..');
/** Only the seam holds its refusal message and sets `api.testing` (property names survive minification). */
const SEAM_MARKS = [/click-through steps come only from clicks/, /\.testing\s*=/];

function build(flags: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cs-bundle-'));
  try {
    for (const name of ['src', 'node_modules', 'media', 'package.json', 'tsconfig.json']) symlinkSync(join(REPO, name), join(dir, name));
    execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs'), ...flags], { cwd: dir, stdio: 'pipe' });
    return readFileSync(join(dir, 'dist', 'extension.js'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the production extension bundle holds no test seam; a development one does', () => {
  const production = build(['--production']);
  for (const mark of SEAM_MARKS) assert.doesNotMatch(production, mark, 'the production bundle holds the test seam');
  const development = build([]);
  for (const mark of SEAM_MARKS) assert.match(development, mark, 'the development bundle has the seam (so this check can see it)');
});
