// A loaded grammar does not keep its .wasm bytes: tree-sitter's loader leaves the array it was given reachable for
// as long as the grammar lives (1.3 MB for bash in a long-lived gate), so the loader empties it once loaded, and
// the grammar still parses. Structure only: no memory figures here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Language } from '@vscode/tree-sitter-wasm';
import { loadBashParser, loadPowerShellParser } from '../../../src/policy/shell/wasm';
import { releaseBytes } from '../../../src/policy/shell/offMallocRead';

test('releaseBytes empties the array (its buffer is detached)', () => {
  const bytes = new Uint8Array(1024);
  releaseBytes(bytes);
  assert.equal(bytes.length, 0);
  assert.equal(bytes.buffer.byteLength, 0);
});

test('each grammar is handed to tree-sitter as bytes that are released once it is loaded, and it still parses', async () => {
  const given: Uint8Array[] = [];
  const offMalloc: boolean[] = [];
  const load = Language.load.bind(Language);
  Language.load = (input: string | Uint8Array) => {
    if (input instanceof Uint8Array) {
      given.push(input);
      // A resizable buffer's store comes from V8's page allocator, not malloc (see offMallocRead.ts).
      offMalloc.push((input.buffer as ArrayBuffer & { resizable?: boolean }).resizable === true);
    }
    return load(input);
  };
  try {
    const bash = await loadBashParser();
    const ps = await loadPowerShellParser();
    assert.equal(given.length, 2, 'both grammars loaded from bytes in this process');
    for (const bytes of given) assert.equal(bytes.length, 0, 'the bytes were released');
    assert.deepEqual(offMalloc, [true, true], 'each grammar was read into a buffer malloc never held');
    assert.equal(bash.parse('cat .env | grep TOKEN')?.rootNode.hasError, false);
    assert.equal(ps.parse('Remove-Item -Recurse C:\\tmp | Out-Null')?.rootNode.hasError, false);
  } finally {
    Language.load = load;
  }
});
