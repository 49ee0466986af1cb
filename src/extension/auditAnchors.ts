// The newest audit entry's hash, kept outside the log (VS Code's workspace state): if the newest entries or the
// newest file are later cut off, verification against this anchor says so. The log alone cannot show it.
import { basename } from 'node:path';
import type * as vscode from 'vscode';
import { logFilePrefix } from '../audit';
import type { AuditHead } from '../protocol/gateLsp';

const KEY = 'countersign.auditAnchors';

type Anchors = Record<string, Record<string, { seq: number; hash: string }>>;

export class AuditAnchors {
  constructor(private readonly state: vscode.Memento) {}

  private all(): Anchors {
    return this.state.get<Anchors>(KEY) ?? {};
  }

  record(head: AuditHead): void {
    const chain = logFilePrefix(basename(head.file)) ?? 'audit';
    const all = this.all();
    const known = all[head.dir]?.[chain];
    if (known && known.seq > head.seq) return; // never move an anchor backwards
    all[head.dir] = { ...all[head.dir], [chain]: { seq: head.seq, hash: head.hash } };
    void this.state.update(KEY, all);
  }

  /** The anchored hash for one chain of a log directory, if any. */
  anchor(dir: string, chain: string): string | undefined {
    return this.all()[dir]?.[chain]?.hash;
  }
}
