// The only code that writes a log. Appends are queued and written in order; whatever is queued when the disk is
// free goes out as one write() of whole lines followed by one fdatasync (group commit), and no append() resolves
// before its line is on disk. The writer never rewrites a complete line: it only cuts a torn tail (recording it).
import { mkdir, open, stat, truncate, type FileHandle } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { serializeEntry, sha256Hex } from './hash';
import { DEFAULT_PREFIX, listLogFiles, logFileIndex, logFileName, siblingPrefix } from './files';
import { AuditLogBusyError, acquireLock, type Lock } from './lock';
import { isoTime } from './isoTime';
import { redact } from './redact';
import { scanFile } from './scan';
import { AUDIT_VERSION, GENESIS, type AuditEntry, type EntryHeader, type AuditEvent, type DecisionEvent, type NoteEvent, type RequestEvent, type SegmentEvent } from './schema';

/** What callers may append; segment and recovered entries are the writer's own. */
export type AppendableEvent = RequestEvent | DecisionEvent | NoteEvent;

export interface AuditLogOptions {
  /** The log's directory (one per workspace); created user-only if missing. */
  dir: string;
  /**
   * File name prefix: files are `<prefix>-000001.jsonl`, … Given, the writer uses exactly this chain (busy: it
   * throws). Omitted, it uses `audit`, or if another live writer holds that, `audit.2`, `audit.3`, … so two gates
   * on one directory each keep an intact chain of their own (readHistory merges them).
   */
  prefix?: string;
  /** Start a new file once the current one would grow past this many bytes. Default 8 MiB. */
  maxFileBytes?: number;
  /** Clock for `ts` (tests). */
  now?: () => Date;
}

export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;
/** Most side-by-side chains tried when the prefix is left to the writer. */
const MAX_SIBLINGS = 32;
/** Longest string kept in an entry; longer ones are cut after redaction (so no half token escapes the masks). */
const MAX_STRING = 8192;
/** Most entries written by one write() + fdatasync. */
const MAX_BATCH = 512;
/** …and at most about this many bytes. */
const MAX_BATCH_BYTES = 4 * 1024 * 1024;
/** Largest entry accepted (after capping strings); a bigger one is refused, alone, rather than written. */
export const MAX_ENTRY_BYTES = 1024 * 1024;
/** Torn bytes kept as evidence in the `recovered` entry. */
const MAX_TORN_TEXT = 4096;

interface Head {
  seq: number;
  hash: string;
}

interface Waiting {
  /** Already redacted and capped. */
  event: AuditEvent;
  size: number;
  resolve: (entry: AuditEntry) => void;
  reject: (err: unknown) => void;
}

function cap(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…[+${value.length - MAX_STRING} chars]` : value;
  if (Array.isArray(value)) return value.map(cap);
  if (value !== null && typeof value === 'object') {
    // Undefined members are dropped here, as JSON drops them: the entry append() returns equals the one read back.
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, cap(v)]));
  }
  return value;
}

/** What is written for an event: redacted first, then capped (a cut must not leave half a token unmasked). */
function prepare<E extends AuditEvent>(event: E): E {
  return cap(redact(event)) as E;
}

async function syncDir(dir: string): Promise<void> {
  // A new file's directory entry must be durable too; Windows cannot open directories and needs no such step.
  if (process.platform === 'win32') return;
  const d = await open(dir, 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}

async function writeAll(fh: FileHandle, data: Buffer): Promise<void> {
  // One write() normally takes the whole buffer; a short write (signal, quota) continues where it stopped.
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await fh.write(data, done, data.length - done, null);
    if (bytesWritten <= 0) throw new Error('audit log: write made no progress');
    done += bytesWritten;
  }
}

export class AuditLog {
  private fh: FileHandle | undefined;
  private path = '';
  private index = 0;
  /** Bytes in the current file as this writer last left it; another size means someone else touched it. */
  private size = 0;
  private ino = 0;
  private entriesInFile = 0;
  private newFile = false;
  /** The file this writer created last and the header it meant to give it (reused if that first write failed). */
  private startedFile: { path: string; segment: SegmentEvent } | undefined;
  /** Last entry on disk: the next one chains from it. */
  private headState: Head = { seq: -1, hash: GENESIS };
  private queue: Waiting[] = [];
  private draining: Promise<void> | undefined;
  /** Set after a failed write: the file must be re-read before anything else is appended. */
  private unsure = false;
  private closed = false;
  private readonly listeners = new Set<(entries: readonly AuditEntry[]) => void>();
  readonly prefix: string;
  private readonly maxFileBytes: number;
  private readonly now: () => Date;

  private constructor(
    readonly dir: string,
    prefix: string,
    private readonly lock: Lock,
    opts: AuditLogOptions,
  ) {
    this.prefix = prefix;
    this.maxFileBytes = opts.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    this.now = opts.now ?? (() => new Date());
  }

  /**
   * Opens (or starts) the log in `opts.dir`, taking its writer lock (AuditLogBusyError if another live process
   * holds it). A torn last line left by a crash is cut off and recorded in a `recovered` entry before this resolves.
   */
  static async open(opts: AuditLogOptions): Promise<AuditLog> {
    const dir = resolve(opts.dir); // one spelling per directory, so the in-process lock check sees through ./ and ../
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const { prefix, lock } = await AuditLog.lockChain(dir, opts.prefix);
    const log = new AuditLog(dir, prefix, lock, opts);
    try {
      const first = await log.attach();
      if (first.length) await log.writeEvents(first);
      return log;
    } catch (err) {
      await log.fh?.close().catch(() => undefined);
      await lock.release();
      throw err;
    }
  }

  private static async lockChain(dir: string, prefix: string | undefined): Promise<{ prefix: string; lock: Lock }> {
    if (prefix !== undefined) return { prefix, lock: await acquireLock(join(dir, `${prefix}.lock`)) };
    for (let n = 1; ; n++) {
      const p = siblingPrefix(DEFAULT_PREFIX, n);
      try {
        return { prefix: p, lock: await acquireLock(join(dir, `${p}.lock`)) };
      } catch (err) {
        if (!(err instanceof AuditLogBusyError) || n >= MAX_SIBLINGS) throw err;
      }
    }
  }

  /** seq and hash of the last entry on disk, and the file being written (anchor it elsewhere to detect truncation). */
  get head(): { seq: number; hash: string; file: string } {
    return { ...this.headState, file: this.path };
  }

  /**
   * Appends one entry (redacted, strings capped) and resolves once it is fsync'd, with the entry as stored.
   * Concurrent calls are written in call order. Rejects if the disk write fails; the next append re-reads the file.
   */
  append(event: AppendableEvent): Promise<AuditEntry> {
    if (this.closed) return Promise.reject(new Error('audit log is closed'));
    let prepared: AuditEvent;
    let size: number;
    try {
      // Redaction runs here, in the caller's turn, so the write loop only serializes.
      prepared = prepare(event);
      size = Buffer.byteLength(JSON.stringify(prepared));
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
    if (size > MAX_ENTRY_BYTES) return Promise.reject(new Error(`audit entry too large (${size} bytes; limit ${MAX_ENTRY_BYTES})`));
    return new Promise<AuditEntry>((resolve, reject) => {
      this.queue.push({ event: prepared, size, resolve, reject });
      this.kick();
    });
  }

  /** Called after each group of entries is durable (e.g. to push them to the history view). Returns an unsubscribe. */
  onAppend(listener: (entries: readonly AuditEntry[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Waits for queued appends, then releases the file and the lock. Later appends reject. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.draining) await this.draining;
    await this.fh?.close();
    this.fh = undefined;
    await this.lock.release();
  }

  private kick(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      // An append queued between the loop's last check and this callback would otherwise wait forever.
      if (this.queue.length) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      let count = 0;
      for (let bytes = 0; count < this.queue.length && count < MAX_BATCH && bytes < MAX_BATCH_BYTES; count++) bytes += (this.queue[count] as Waiting).size;
      const batch = this.queue.splice(0, count);
      let written: { entries: AuditEntry[]; all: AuditEntry[] };
      try {
        const first = await this.ensureFile();
        written = await this.writeEvents([...first, ...batch.map((w) => w.event)]);
      } catch (err) {
        this.unsure = true;
        for (const w of batch) w.reject(err);
        continue;
      }
      const mine = written.entries.slice(written.entries.length - batch.length);
      batch.forEach((w, i) => w.resolve(mine[i] as AuditEntry));
      for (const l of this.listeners) {
        try {
          l(written.all);
        } catch {
          // A listener's failure must not undo or block durable appends.
        }
      }
    }
  }

  /**
   * Before each batch: is the file still the one this writer left? Someone else's bytes or a failed write of ours
   * mean re-reading its tail; a file that vanished, was replaced or shrank means continuing in a new file, so the
   * damage stays visible to verify instead of being papered over by a fresh chain.
   */
  private async ensureFile(): Promise<AuditEvent[]> {
    const st = await stat(this.path).catch(() => undefined);
    if (!st || (st.ino !== 0 && this.ino !== 0 && st.ino !== this.ino)) {
      return this.startFile('file-missing', `${basename(this.path)} disappeared or was replaced while open`);
    }
    if (st.size < this.size) return this.startFile('after-damage', `${basename(this.path)} shrank from ${this.size} to ${st.size} bytes while open`);
    if (st.size > this.size || this.unsure) {
      this.unsure = false;
      await this.fh?.close();
      this.fh = undefined;
      return this.attach();
    }
    return [];
  }

  /**
   * Adopts the newest file of the log: cuts a torn tail, finds the head, and returns the entries that must be
   * written first (a segment header for an empty or new file, a `recovered` note for a cut tail).
   */
  private async attach(): Promise<AuditEvent[]> {
    const files = await listLogFiles(this.dir, this.prefix);
    const last = files[files.length - 1];
    if (last === undefined) return this.startFile(this.headState.seq < 0 ? 'new' : 'file-missing', this.headState.seq < 0 ? undefined : 'the log directory is empty');
    const scan = await scanFile(last);
    const extra: AuditEvent[] = [];
    if (scan.torn) {
      await truncate(last, scan.cleanEnd);
      extra.push(prepare({
        type: 'recovered',
        torn: {
          line: scan.torn.line,
          file: basename(last),
          bytes: scan.torn.bytes.length,
          sha256: sha256Hex(scan.torn.bytes),
          text: scan.torn.bytes.subarray(0, MAX_TORN_TEXT).toString('utf8'),
        },
      }));
    }
    if (scan.last === 'damaged') {
      const detail = `the last line of ${basename(last)} is not a readable entry (${scan.lastProblem ?? 'unknown'})`;
      return [...(await this.startFile('after-damage', detail)), ...extra];
    }
    let header: SegmentEvent[] = [];
    if (scan.last) this.headState = scan.last;
    else {
      // An empty file: a crash (or a failed write) between creating it and writing its header. The header chains
      // from this writer's own head when it has one (it knows why it started the file), else from the file before.
      const before = files[files.length - 2];
      if (this.headState.seq < 0) {
        const prev = before === undefined ? undefined : (await scanFile(before)).last;
        if (prev && prev !== 'damaged') this.headState = prev;
      }
      header = [this.startedFile?.path === last ? this.startedFile.segment : { type: 'segment', reason: before === undefined ? 'new' : 'rotate' }];
    }
    await this.useFile(last, 'a');
    this.entriesInFile = scan.lines;
    this.newFile = scan.lines === 0;
    return [...header, ...extra];
  }

  private async useFile(path: string, flags: 'a' | 'ax'): Promise<void> {
    const fh = await open(path, flags, 0o600);
    const st = await fh.stat();
    await this.fh?.close().catch(() => undefined);
    this.fh = fh;
    this.path = path;
    this.index = logFileIndex(path, this.prefix) ?? this.index;
    this.size = st.size;
    this.ino = st.ino;
  }

  /** Creates the next file (never reusing a name) and returns its segment header to write first. */
  private async startFile(reason: SegmentEvent['reason'], detail?: string): Promise<AuditEvent[]> {
    const files = await listLogFiles(this.dir, this.prefix);
    let index = Math.max(this.index, ...files.map((f) => logFileIndex(f, this.prefix) ?? 0)) + 1;
    for (;;) {
      try {
        await this.useFile(join(this.dir, logFileName(this.prefix, index)), 'ax');
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        index++;
      }
    }
    this.entriesInFile = 0;
    this.newFile = true;
    this.unsure = false;
    const segment: SegmentEvent = detail === undefined ? { type: 'segment', reason } : { type: 'segment', reason, detail };
    this.startedFile = { path: this.path, segment };
    return [segment];
  }

  /**
   * Writes (already prepared) events in order as whole lines: one write + fdatasync per file touched (two only when rotating).
   * `entries` match `events` one to one; `all` adds the segment headers rotation inserted.
   */
  private async writeEvents(events: AuditEvent[]): Promise<{ entries: AuditEntry[]; all: AuditEntry[] }> {
    const entries: AuditEntry[] = [];
    const all: AuditEntry[] = [];
    let lines: string[] = [];
    let bytes = 0;
    let head = this.headState;
    const build = (event: AuditEvent) => {
      const header: EntryHeader = { v: AUDIT_VERSION, seq: head.seq + 1, ts: isoTime(this.now()), prev: head.hash };
      const { line, hash } = serializeEntry(header, event);
      return { line, hash, entry: { ...header, ...event, hash } as AuditEntry, size: Buffer.byteLength(line) };
    };
    const flush = async () => {
      if (!lines.length) return;
      if (!this.fh) throw new Error('audit log: no file open');
      await writeAll(this.fh, Buffer.from(lines.join('')));
      await this.fh.datasync(); // data and the new file size; metadata such as mtime is not needed to read the log back
      if (this.newFile) {
        await syncDir(this.dir);
        this.newFile = false;
      }
      this.size += bytes;
      this.entriesInFile += lines.length;
      this.headState = head;
      lines = [];
      bytes = 0;
    };
    for (const event of events) {
      let b = build(event);
      // Rotate before a line that would overflow the file, unless the file holds no more than its header.
      if (event.type !== 'segment' && this.entriesInFile + lines.length >= 2 && this.size + bytes + b.size > this.maxFileBytes) {
        await flush();
        const [segment] = (await this.startFile('rotate')) as [SegmentEvent];
        const s = build(segment);
        lines.push(s.line);
        bytes += s.size;
        head = { seq: s.entry.seq, hash: s.hash };
        all.push(s.entry);
        b = build(event);
      }
      lines.push(b.line);
      bytes += b.size;
      head = { seq: b.entry.seq, hash: b.hash };
      entries.push(b.entry);
      all.push(b.entry);
    }
    await flush();
    return { entries, all };
  }
}
