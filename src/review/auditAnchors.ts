// The newest audit entry's hash, kept outside the log (VS Code's workspace state): if the newest entries or the
// newest file are later cut off, verification against this anchor says so. The log alone cannot show it.
import type { AuditHead } from '../protocol/gateLsp';
import type { StateStore } from './stateStore';

const KEY = 'countersign.auditAnchors';

type Anchors = Record<string, Record<string, { seq: number; hash: string }>>;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class AuditAnchors {
  /** `chainOf`: the chain a log file belongs to (src/audit's file naming), `audit` when it names none. */
  constructor(
    private readonly state: StateStore,
    private readonly chainOf: (file: string) => string,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  private all(): Anchors {
    const stored = this.state.get(KEY);
    return isObj(stored) ? (stored as Anchors) : {};
  }

  record(head: AuditHead): void {
    const chain = this.chainOf(head.file);
    const all = this.all();
    const known = all[head.dir]?.[chain];
    if (known && known.seq > head.seq) return; // never move an anchor backwards
    all[head.dir] = { ...all[head.dir], [chain]: { seq: head.seq, hash: head.hash } };
    this.state.update(KEY, all).then(undefined, (err: unknown) => this.onError(`could not save the audit anchor: ${String(err)}`));
  }

  /** The anchored hash for one chain of a log directory, if any. */
  anchor(dir: string, chain: string): string | undefined {
    const hash = this.all()[dir]?.[chain]?.hash;
    return typeof hash === 'string' ? hash : undefined;
  }
}
