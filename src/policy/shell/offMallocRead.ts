// Reads a file whole into memory that glibc's malloc never sees.
//
// Why: glibc raises its mmap threshold (up to 32 MB) the first time a large mmapped block is freed, and its trim
// threshold to twice that. One freed 1-2 MB buffer (a grammar, a bundle's source) therefore makes every later
// allocation of that size come from the main heap, whose top is then never given back: about 7 MB resident for the
// rest of a long-lived gate's life (bench/gate-memory.bench.ts). A resizable ArrayBuffer's store is reserved and
// committed by V8's page allocator instead, and is unmapped when the buffer is released (releaseBytes).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

// ES2024's resizable form of the constructor (Node 20+), which this project's TypeScript lib does not declare.
const ResizableArrayBuffer = ArrayBuffer as unknown as new (size: number, options: { maxByteLength: number }) => ArrayBuffer;

export function readFileOffMalloc(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(new ResizableArrayBuffer(size, { maxByteLength: Math.max(size, 1) }));
    let done = 0;
    while (done < size) {
      const n = readSync(fd, bytes, done, size - done, done);
      if (n <= 0) throw new Error(`${path} ended after ${done} of ${size} bytes`);
      done += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Empties `bytes` (detaches its buffer, freeing its store now) so whatever still references the array holds no memory. */
export function releaseBytes(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer;
  if (buffer.byteLength > 0) structuredClone(buffer, { transfer: [buffer] });
}
