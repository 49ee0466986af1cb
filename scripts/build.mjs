// Bundles every process of Countersign with esbuild (types are checked separately by `tsc --noEmit`).
//   node scripts/build.mjs            extension, gate, CLI, webview -> dist/
//   node scripts/build.mjs --tests    also unit + integration test bundles -> out/test/
//   node scripts/build.mjs --bench    also benchmarks -> out/bench/
//   node scripts/build.mjs --watch    rebuild on change
//   node scripts/build.mjs --cli-package  also the CLI as its own npm package -> out/cli-package/ (scripts/cli-package.mjs)
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };
// mainFields: prefer ES modules (jsonc-parser's UMD main uses requires esbuild cannot follow).
/**
 * An `import("module")` left in a CommonJS bundle starts Node's whole ES module loader: about 6 MB resident in the
 * long-lived gate (bench/gate-memory.bench.ts). Our own dynamic imports become require() (dynamic-import off), and
 * tree-sitter's loader, whose two `await import(builtin)` sit in a function that declares its own `var require`
 * (so a require() there would call undefined), gets Node's process.getBuiltinModule instead (Node >= 20.16). The
 * build fails if the loader no longer has exactly those two imports, so an upgrade cannot undo this silently.
 */
const builtinImports = {
  name: 'tree-sitter-builtin-imports',
  setup(build) {
    build.onLoad({ filter: /tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const pattern = /\bimport\("(module|fs\/promises)"\)/g;
      const found = source.match(pattern) ?? [];
      if (found.length !== 2) throw new Error(`${args.path}: expected import("module") and import("fs/promises"), found ${found.length} builtin imports`);
      return { contents: source.replace(pattern, (_, name) => `Promise.resolve(process.getBuiltinModule(${JSON.stringify(name)}))`), loader: 'js' };
    });
  },
};
// Tests and benches keep import() (some load .mjs files); tree-sitter's two are rewritten everywhere.
const node = { ...common, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], plugins: [builtinImports] };
const product = { ...node, supported: { 'dynamic-import': false } };

const targets = [
  // The integration tests' seam (src/extension/testSeam.ts) is compiled out of the production bundle.
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], define: { COUNTERSIGN_TEST_SEAM: String(!production) } },
  // Whitespace and comments dropped: V8 keeps a bundle's source in memory for as long as the gate lives (and as
  // two bytes a character if one comment holds a non-Latin-1 character); the source map still maps stack traces.
  { ...product, entryPoints: ['src/gate/main.ts'], outfile: 'dist/gate.js', minifyWhitespace: true },
  // The headless gate runs inside the CLI's process, so dist/cli.js's source stays in memory too: without comments it
  // is a third of the size and one byte a character (a comment's "…" made V8 keep all of it as two-byte).
  { ...product, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, minifyWhitespace: true },
  // Every command but the hook: dist/cli.js loads it on demand, so an agent's hook call never compiles it.
  { ...product, entryPoints: ['src/cli/commands.ts'], outfile: 'dist/commands.js', minifyWhitespace: true },
  // Loaded by the CLI only when no gate answers (or for `evaluate`): keeps the hook's fast path small.
  { ...product, entryPoints: ['src/policy/index.ts'], outfile: 'dist/policy.js' },
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview.js' },
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['src/webview/auditLog/main.ts'], outfile: 'dist/auditLog.js' },
];

function testFiles(dir) {
  let found = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) found = found.concat(testFiles(p));
    else if (name.endsWith('.test.ts')) found.push(p);
  }
  return found;
}

if (args.has('--tests')) {
  rmSync('out/test', { recursive: true, force: true });
  targets.push(
    { ...node, entryPoints: testFiles('test/unit'), outdir: 'out/test/unit', outbase: 'test/unit' },
    // Integration suites run inside the extension host: `vscode` comes from the host, mocha from node_modules.
    { ...node, entryPoints: ['test/integration/index.ts'], outfile: 'out/test/integration/index.js', external: ['vscode', 'mocha'] },
  );
}

/** Static assets the webview loads through asWebviewUri (CSP allows only the extension's own origin), and the
 * tree-sitter runtime + bash grammar the policy loads next to dist/cli.js and dist/gate.js. */
function copyAssets() {
  mkdirSync('dist/codicons', { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) cpSync(`node_modules/@vscode/codicons/dist/${f}`, `dist/codicons/${f}`);
  for (const f of ['tree-sitter.wasm', 'tree-sitter-bash.wasm', 'tree-sitter-powershell.wasm']) cpSync(`node_modules/@vscode/tree-sitter-wasm/wasm/${f}`, `dist/${f}`);
}

if (args.has('--bench')) {
  rmSync('out/bench', { recursive: true, force: true });
  const benches = readdirSync('bench').filter((f) => f.endsWith('.bench.ts')).map((f) => join('bench', f));
  targets.push({ ...node, sourcemap: false, entryPoints: benches, outdir: 'out/bench' });
}

if (args.has('--watch')) {
  copyAssets();
  for (const t of targets) await (await esbuild.context(t)).watch();
  console.log('watching…');
} else {
  copyAssets();
  await Promise.all(targets.map((t) => esbuild.build(t)));
  if (args.has('--cli-package')) (await import('./cli-package.mjs')).assembleCliPackage();
}
