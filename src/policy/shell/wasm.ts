// Loads tree-sitter-bash (and tree-sitter-powershell) once per process.
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
import { setFlagsFromString } from 'node:v8';
import { dirname, join } from 'node:path';
import { Language, Parser } from '@vscode/tree-sitter-wasm';
import { readFileOffMalloc, releaseBytes } from './offMallocRead';

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

export function locateWasm(grammarFile = GRAMMAR): { runtime: string; grammar: string } {
  for (const dir of candidateDirs()) {
    const runtime = join(dir, RUNTIME);
    const grammar = join(dir, grammarFile);
    if (existsSync(runtime) && existsSync(grammar)) return { runtime, grammar };
  }
  throw new Error(`cannot find ${RUNTIME} and ${grammarFile} (looked in ${candidateDirs().join(', ')})`);
}

const loading = new Map<string, Promise<Parser>>();
let runtimeReady: Promise<void> | undefined;

/**
 * Baseline (Liftoff) code only, no tier-up. Node 24's V8 no longer derives the tier-up switches from
 * `--liftoff-only` when it is set at run time (the implication is applied at start-up only), so each is set: with
 * `--liftoff-only` alone, compiling tree-sitter-powershell's lexer peaks above 2 GB resident on Node 24.
 */
export function keepWasmOnLiftoff(): void {
  setFlagsFromString('--liftoff-only');
  setFlagsFromString('--no-wasm-tier-up');
  setFlagsFromString('--no-wasm-dynamic-tiering');
}

/**
 * The runtime is initialised once, whichever grammar asks first. WASM code stays on V8's baseline compiler
 * (Liftoff): optimising tree-sitter-powershell's huge lexer function with TurboFan takes minutes of background CPU
 * on a busy machine, and Node waits for that compile before the process may exit, so every short-lived hook call
 * would hang. Measured here, parses are no slower on Liftoff (0.35 ms vs 1 ms for a bash line under load).
 */
function initRuntime(runtime: string): Promise<void> {
  keepWasmOnLiftoff();
  if (!runtimeReady) {
    // Handed over as bytes (read off malloc, see offMallocRead.ts) instead of letting emscripten read the file.
    const wasmBinary = readFileOffMalloc(runtime);
    const options = { locateFile: () => runtime, wasmBinary };
    runtimeReady = Parser.init(options).finally(() => releaseBytes(wasmBinary));
  }
  void runtimeReady.catch(() => {
    runtimeReady = undefined;
  });
  return runtimeReady;
}

/** A shared parser for one grammar shipped in @vscode/tree-sitter-wasm, loaded on first use and reused. */
function loadGrammarParser(grammarFile: string): Promise<Parser> {
  let p = loading.get(grammarFile);
  if (p) return p;
  p = (async () => {
    const { runtime, grammar } = locateWasm(grammarFile);
    await initRuntime(runtime);
    // tree-sitter's loader keeps the bytes it was given reachable from closures that live as long as the grammar
    // (1.3 MB for bash); V8 holds its own copy of a compiled module, so ours is released once loaded.
    const bytes = readFileOffMalloc(grammar);
    const language = await Language.load(bytes).finally(() => releaseBytes(bytes));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  loading.set(grammarFile, p);
  // A failed load may be retried by the next createPolicy (say, after the files were restored).
  void p.catch(() => {
    loading.delete(grammarFile);
  });
  return p;
}

/** Grammar files this process has started loading (tests check that a grammar stays unloaded until needed). */
export function loadedGrammars(): string[] {
  return [...loading.keys()];
}

/** The shared bash parser, loaded on first use; later calls (each createPolicy) reuse it. */
export function loadBashParser(): Promise<Parser> {
  return loadGrammarParser(GRAMMAR);
}

/** The shared PowerShell parser (tree-sitter-powershell, from the same package and build as the bash grammar). */
export function loadPowerShellParser(): Promise<Parser> {
  return loadGrammarParser('tree-sitter-powershell.wasm');
}
