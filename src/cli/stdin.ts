// Reads all of stdin with a size cap, so a hostile or runaway writer cannot exhaust memory.
// Synchronous reads first: agents hand the hook a pipe, and skipping the stream machinery saves milliseconds
// on every tool call. A non-blocking stdin (EAGAIN) falls back to the stream.
import { readSync } from 'node:fs';

export const MAX_STDIN_BYTES = 64 * 1024 * 1024;

export class StdinTooLarge extends Error {}

function tooLarge(limit: number): StdinTooLarge {
  return new StdinTooLarge(`input is larger than ${limit} bytes`);
}

async function readStream(chunks: Buffer[], size: number, limit: number): Promise<Buffer> {
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readStdin(limit = MAX_STDIN_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const buf = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buf, 0, buf.length, null);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return (await readStream(chunks, size, limit)).toString('utf8');
      if (code === 'EOF') break; // Windows pipes report end this way
      throw err;
    }
    if (n === 0) break;
    size += n;
    if (size > limit) throw tooLarge(limit);
    chunks.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}
