// The CLI as its own npm package: packages/cli/package.json (bin: countersign) with the version of the root
// package.json, and the self-contained bundles it loads from its own folder (dist/cli.js, commands.js, gate.js, policy.js and
// the tree-sitter WebAssembly). `node scripts/build.mjs --cli-package` builds, then assembles it in out/cli-package/;
// `npm pack out/cli-package` makes the tarball.
//   node scripts/cli-package.mjs [DEST]   assemble from an existing dist/
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function assembleCliPackage(dest = join(REPO, 'out', 'cli-package')) {
  const manifest = JSON.parse(readFileSync(join(REPO, 'packages', 'cli', 'package.json'), 'utf8'));
  const root = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const f of ['cli.js', 'commands.js', 'gate.js', 'policy.js', 'tree-sitter.wasm', 'tree-sitter-bash.wasm', 'tree-sitter-powershell.wasm']) cpSync(join(REPO, 'dist', f), join(dest, f));
  cpSync(join(REPO, 'packages', 'cli', 'README.md'), join(dest, 'README.md'));
  cpSync(join(REPO, 'LICENSE'), join(dest, 'LICENSE'));
  writeFileSync(join(dest, 'package.json'), `${JSON.stringify({ ...manifest, version: root.version }, null, 2)}\n`);
  return dest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(assembleCliPackage(process.argv[2] ? resolve(process.argv[2]) : undefined));
}
