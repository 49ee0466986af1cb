// What the writer needs to know about a file before appending to it: where its last complete line ends, whether a
// torn (unterminated) tail follows, and the seq and hash the next entry must chain from.
import { readLines } from './lines';
import { parseLine } from './parse';

export interface FileScan {
  /** Complete (newline-terminated) lines. */
  lines: number;
  /** Byte offset just after the last newline: where a torn tail is cut. */
  cleanEnd: number;
  torn?: { bytes: Buffer; line: number };
  /** The last complete line's position in the chain; 'damaged' when that line is not a readable entry. */
  last?: { seq: number; hash: string } | 'damaged';
  lastProblem?: string;
}

export async function scanFile(path: string): Promise<FileScan> {
  const scan: FileScan = { lines: 0, cleanEnd: 0 };
  let lastBytes: Buffer | undefined;
  for await (const line of readLines(path)) {
    if (!line.terminated) {
      scan.torn = { bytes: Buffer.from(line.bytes), line: line.no };
      break;
    }
    scan.lines = line.no;
    scan.cleanEnd = line.offset + line.bytes.length + 1;
    lastBytes = line.bytes;
  }
  if (lastBytes) {
    const parsed = parseLine(lastBytes);
    // An edited last line still states where the chain stands; verify reports the edit, the writer just continues.
    const entry = parsed.ok ? parsed.entry : parsed.kind === 'hash' ? parsed.entry : undefined;
    if (entry) scan.last = { seq: entry.seq, hash: entry.hash };
    else {
      scan.last = 'damaged';
      scan.lastProblem = parsed.ok ? undefined : parsed.message;
    }
  }
  return scan;
}
