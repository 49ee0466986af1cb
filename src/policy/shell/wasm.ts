// Loads tree-sitter-bash once per process.
//
// Package choice: @vscode/tree-sitter-wasm. It ships the tree-sitter runtime (tree-sitter.js + tree-sitter.wasm)
// and the bash grammar (tree-sitter-bash.wasm) built together by one pipeline, the exact pair VS Code itself runs
// (so it is known to load in Electron and Node 20), with one CommonJS entry that esbuild bundles cleanly. The
// alternative, web-tree-sitter plus the tree-sitter-bash npm package, pairs a runtime and a grammar from two
// release trains whose ABI compatibility would need re-checking on every upgrade, and tree-sitter-bash also
// drags native bindings we do not use.
//
// Where the .wasm files are: next to the bundle (dist/, copied by scripts/build.mjs), else in node_modules (the
// unit-test and bench bundles under out/). Never a folder the environment names: the grammar decides what a
// command is.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Language, Parser } from '@vscode/tree-sitter-wasm';

const RUNTIME = 'tree-sitter.wasm';
const GRAMMAR = 'tree-sitter-bash.wasm';

function candidateDirs(): string[] {
  const dirs: string[] = [__dirname, join(__dirname, '..')];
  try {
    dirs.push(join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm'));
  } catch {
    // not installed (packaged extension): the copies next to the bundle are the only ones
  }
  return dirs;
}

export function locateWasm(): { runtime: string; grammar: string } {
  for (const dir of candidateDirs()) {
    const runtime = join(dir, RUNTIME);
    const grammar = join(dir, GRAMMAR);
    if (existsSync(runtime) && existsSync(grammar)) return { runtime, grammar };
  }
  throw new Error(`cannot find ${RUNTIME} and ${GRAMMAR} (looked in ${candidateDirs().join(', ')})`);
}

let loading: Promise<Parser> | undefined;

/** The shared parser, loaded on first use; later calls (each createPolicy) reuse it. */
export function loadBashParser(): Promise<Parser> {
  loading ??= (async () => {
    const { runtime, grammar } = locateWasm();
    await Parser.init({ locateFile: () => runtime });
    const bash = await Language.load(grammar);
    const parser = new Parser();
    parser.setLanguage(bash);
    return parser;
  })();
  // A failed load may be retried by the next createPolicy (say, after the files were restored).
  void loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
