// Checks a log's files as one chain, in the order given, and names the first entry that breaks it.
// What it proves: every line is intact against its own hash, seq runs +1 without gaps, each entry's prev is the
// hash of the entry before (across files too), every file starts with a segment header, and only the very end
// may hold a torn line. What it cannot prove alone: that lines were not cut off the end of the newest file, or the
// whole chain recomputed; an anchor (a hash recorded elsewhere, `anchor`) closes the first gap.
import { basename } from 'node:path';
import { readLines } from './lines';
import { parseLine } from './parse';
import { GENESIS, type AuditEntry } from './schema';

export type ProblemKind =
  /** Not JSON, no hash member, or not an entry. */
  | 'malformed'
  /** Content does not match its own hash. */
  | 'edited'
  /** seq jumps forward: entries before it are gone. */
  | 'missing'
  /** seq goes back or repeats: inserted, duplicated or reordered entries. */
  | 'out-of-order'
  /** prev is not the previous entry's hash. */
  | 'chain'
  /** A file's first line is not a segment header, or the chain's first entry is not a valid start. */
  | 'start'
  /** A segment header inside a file. */
  | 'segment'
  /** An unterminated line anywhere but at the very end, or an empty file that is not the last. */
  | 'truncated'
  /** The anchored entry is not in the chain. */
  | 'anchor';

export interface VerifyProblem {
  kind: ProblemKind;
  file: string;
  /** 1-based line in `file` (0 when the problem is the file as a whole). */
  line: number;
  seq?: number;
  message: string;
}

export interface VerifyResult {
  /** intact: all good. torn: all good except an incomplete last line (a crash mid-append). broken: see `problem`. */
  status: 'intact' | 'torn' | 'broken';
  /** Entries checked and found good (before `problem`, if any). */
  entries: number;
  files: string[];
  /** Where the chain starts: seq 0 from GENESIS, or a later seq continuing a file that was not given. */
  start?: { seq: number; prev: string };
  last?: { seq: number; hash: string; file: string; line: number };
  problem?: VerifyProblem;
  torn?: { file: string; line: number; bytes: number };
  /** Torn writes the writer cut off and recorded on reopen (not damage: the chain continues across them). */
  recovered: { file: string; line: number; seq: number; bytes: number; tornLine: number }[];
}

export interface VerifyOptions {
  /** A hash (or a prefix of at least 8 hex digits) recorded elsewhere: the chain must contain that entry. */
  anchor?: string;
}

function seqProblem(prev: AuditEntry | undefined, expected: number, found: number, firstInFile: boolean, file: string, prevFile: string): { kind: ProblemKind; message: string } {
  const where = firstInFile && prev ? ` (${basename(file)} does not continue ${basename(prevFile)}: files out of order or one missing?)` : '';
  if (found > expected) {
    const gap = found - expected === 1 ? `entry seq ${expected} is missing` : `entries seq ${expected}..${found - 1} are missing`;
    return { kind: 'missing', message: `expected seq ${expected}, found ${found}: ${gap} (deleted or moved)${where}` };
  }
  return { kind: 'out-of-order', message: `expected seq ${expected}, found ${found}: an entry was inserted, duplicated or moved${where}` };
}

export async function verifyLog(files: readonly string[], opts: VerifyOptions = {}): Promise<VerifyResult> {
  const result: VerifyResult = { status: 'intact', entries: 0, files: [...files], recovered: [] };
  const anchor = opts.anchor?.toLowerCase();
  let anchorFound = false;
  let prev: AuditEntry | undefined;
  let prevFile = '';
  const fail = (kind: ProblemKind, file: string, line: number, message: string, seq?: number): VerifyResult => {
    result.status = 'broken';
    result.problem = seq === undefined ? { kind, file, line, message } : { kind, file, line, seq, message };
    return result;
  };

  for (const [fi, file] of files.entries()) {
    const lastFile = fi === files.length - 1;
    let lines = 0;
    for await (const line of readLines(file)) {
      if (!line.terminated) {
        if (!lastFile) return fail('truncated', file, line.no, `incomplete line (${line.bytes.length} bytes, no newline) in a file that another file follows: the file was cut`);
        result.status = 'torn';
        result.torn = { file, line: line.no, bytes: line.bytes.length };
        break;
      }
      lines++;
      const parsed = parseLine(line.bytes);
      if (!parsed.ok) {
        const seq = parsed.entry?.seq;
        return fail(parsed.kind === 'hash' ? 'edited' : 'malformed', file, line.no, line.bytes.length === 0 ? 'empty line' : parsed.message, seq);
      }
      const e = parsed.entry;
      if (line.no === 1 && e.type !== 'segment') {
        return fail('start', file, line.no, `the file does not begin with a segment header (its first lines were removed, or lines were moved)`, e.seq);
      }
      if (line.no !== 1 && e.type === 'segment') return fail('segment', file, line.no, 'a segment header inside a file (lines inserted, or files joined)', e.seq);
      if (!prev) {
        if (e.prev === GENESIS && e.seq !== 0) return fail('start', file, line.no, `the chain starts from genesis at seq ${e.seq}, not 0`, e.seq);
        if (e.prev !== GENESIS && e.seq === 0) return fail('start', file, line.no, 'seq 0 does not start from genesis', e.seq);
        result.start = { seq: e.seq, prev: e.prev };
      } else {
        if (e.seq !== prev.seq + 1) {
          const p = seqProblem(prev, prev.seq + 1, e.seq, line.no === 1, file, prevFile);
          return fail(p.kind, file, line.no, p.message, e.seq);
        }
        if (e.prev !== prev.hash) {
          const message = line.no === 1
            ? `prev does not match the last entry of ${basename(prevFile)} (seq ${prev.seq}): files out of order, or one missing or altered`
            : `prev does not match the hash of the entry before (seq ${prev.seq}): an earlier entry was replaced`;
          return fail('chain', file, line.no, message, e.seq);
        }
      }
      if (e.type === 'recovered') {
        result.recovered.push({ file, line: line.no, seq: e.seq, bytes: e.torn.bytes, tornLine: e.torn.line });
      }
      if (anchor && e.hash.startsWith(anchor)) anchorFound = true;
      prev = e;
      prevFile = file;
      result.entries++;
      result.last = { seq: e.seq, hash: e.hash, file, line: line.no };
    }
    if (lines === 0 && !result.torn) {
      // An empty newest file is a crash between creating it and writing its header; anywhere else it was emptied.
      if (!lastFile) return fail('truncated', file, 0, 'the file is empty');
      result.status = 'torn';
      result.torn = { file, line: 1, bytes: 0 };
    }
  }
  if (anchor && !anchorFound) {
    const last = result.last;
    return fail('anchor', last?.file ?? files[0] ?? '', last?.line ?? 0, `no entry has the anchored hash ${anchor}: the log was cut before it, or rewritten`, last?.seq);
  }
  return result;
}
