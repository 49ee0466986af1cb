// The hook's fast path (a gate answers) must cost little more than starting Node, so the other commands, the policy
// engine and the gate are separate bundles beside dist/cli.js, loaded only when the CLI needs them.
import { isAscii } from 'node:buffer';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import type * as PolicyModule from '../policy';
import type * as GateModule from '../gate/main';
import type * as CommandsModule from './commands';
import { readFileOffMalloc, releaseBytes } from '../policy/shell/offMallocRead';

function load<T>(file: string): T {
  // A runtime path, so esbuild leaves the require alone instead of inlining the module.
  const path = join(__dirname, file);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load of a sibling bundle
  return require(path) as T;
}

/** What node:module has and its types leave out: the CommonJS loader's own compile, as `require` uses it. */
interface CommonJsModule {
  filename: string;
  paths: string[];
  exports: unknown;
  loaded: boolean;
  _compile(source: string, filename: string): void;
}
type CommonJsModuleClass = (new (id: string, parent?: unknown) => CommonJsModule) & { _nodeModulePaths(dir: string): string[] };

/**
 * Loads a bundle as `require` would, but with its source read off malloc: Node's loader reads the file into one
 * malloc'd buffer and frees it, and freeing 2 MB moves glibc's thresholds so that the long-lived gate keeps about 7 MB
 * more resident (offMallocRead.ts). The bundles are ASCII (esbuild escapes the rest), so latin1 decodes them exactly;
 * anything else is loaded by `require`.
 */
function loadLongLived<T>(file: string): T {
  const path = join(__dirname, file);
  let source: string;
  const bytes = readFileOffMalloc(path);
  try {
    // isAscii, not a JS callback per byte: running one over 2 MB gets it optimised before lean.ts's flags apply, and
    // the compilers' code pages stay resident (Node 24: about 5 MB).
    if (!isAscii(bytes)) return load<T>(file);
    // Slices under 1 MB become V8 heap strings (larger ones would be copied into malloc as external strings).
    const parts: string[] = [];
    for (let at = 0; at < bytes.length; at += 256 * 1024) parts.push(Buffer.from(bytes.buffer, at, Math.min(256 * 1024, bytes.length - at)).toString('latin1'));
    source = parts.join('');
  } finally {
    releaseBytes(bytes);
  }
  const Loader = Module as unknown as CommonJsModuleClass;
  const mod = new Loader(path, module);
  mod.filename = path;
  mod.paths = Loader._nodeModulePaths(dirname(path));
  mod._compile(source, path);
  mod.loaded = true;
  return mod.exports as T;
}

// Off malloc as well: the headless gate runs the gate command in this process for as long as it lives.
export const loadCommands = (): typeof CommandsModule => loadLongLived<typeof CommandsModule>('commands.js');
export const loadPolicy = (): typeof PolicyModule => load<typeof PolicyModule>('policy.js');
export const loadGate = (): typeof GateModule => loadLongLived<typeof GateModule>('gate.js');
