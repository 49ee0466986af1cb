// Reads a log file as raw lines (bytes, not strings): hashes are computed over exactly what is stored.
import { open } from 'node:fs/promises';

export interface RawLine {
  /** The line's bytes without the newline. */
  bytes: Buffer;
  /** 1-based line number in the file. */
  no: number;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** False only for a last line with no newline after it: an append that did not finish. */
  terminated: boolean;
}

const CHUNK = 1 << 20;

/** Every line of a file in order, streaming (a 100,000-entry log is never held in memory at once). */
export async function* readLines(path: string): AsyncGenerator<RawLine> {
  const fh = await open(path, 'r');
  try {
    // A log file is a regular file. A device in its place (a symlink to /dev/zero or /dev/full) reads without end,
    // which would hang the gate opening its log; a FIFO would block it. Refuse both: the caller fails closed.
    if (!(await fh.stat()).isFile()) throw new Error(`${path} is not a regular file`);
    let carry: Buffer = Buffer.alloc(0);
    let carryOffset = 0;
    let no = 0;
    let position = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await fh.read(chunk, 0, CHUNK, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const data = carry.length ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      let start = 0;
      for (let nl = data.indexOf(0x0a, start); nl !== -1; nl = data.indexOf(0x0a, start)) {
        yield { bytes: data.subarray(start, nl), no: ++no, offset: carryOffset + start, terminated: true };
        start = nl + 1;
      }
      carryOffset += start;
      carry = data.subarray(start);
    }
    if (carry.length) yield { bytes: carry, no: ++no, offset: carryOffset, terminated: false };
  } finally {
    await fh.close();
  }
}
