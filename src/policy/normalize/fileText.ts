// The current text of a file an agent wants to edit, so the panel can show a real before/after diff. Guarded:
// only small regular text files, never through a symlink, never blocking on a FIFO or device. The caller also
// refuses sensitive paths, so secrets are never copied into a verdict or the audit log.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type FileReader = (absPath: string) => string | undefined;

export const MAX_BEFORE_BYTES = 256 * 1024;

export function readSmallTextFile(absPath: string): string | undefined {
  let fd: number | undefined;
  try {
    const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
    fd = openSync(absPath, flags);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_BEFORE_BYTES) return undefined;
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n <= 0) break;
      got += n;
    }
    if (buf.subarray(0, got).includes(0)) return undefined; // binary
    return buf.subarray(0, got).toString('utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
