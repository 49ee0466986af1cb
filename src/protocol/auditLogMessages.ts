// Messages between the Audit Log view and the extension: discriminated unions on `type`.
// Types only from the pure schema: this module is compiled into the browser bundle too.

import type { AuditRow, AuditFilter } from '../audit/schema';

/** One request and its decision as the view lists it, and the view's filter: the audit library's own types. */
export type { AuditRow, AuditFilter };

export interface ChainStatus {
  /** One line per chain: intact / torn / broken with where. */
  chains: { name: string; status: 'intact' | 'torn' | 'broken' | 'empty'; entries: number; message: string }[];
}

export type ToAuditView =
  | { type: 'items'; items: AuditRow[]; dir: string; filter: AuditFilter; truncated: boolean }
  | { type: 'verified'; result: ChainStatus }
  | { type: 'error'; message: string };

export type FromAuditView =
  | { type: 'ready' }
  | { type: 'filter'; filter: AuditFilter }
  | { type: 'verify' }
  | { type: 'export'; format: 'jsonl' | 'csv' };

export function isFromAuditView(v: unknown): v is FromAuditView {
  const m = v as FromAuditView;
  if (typeof m !== 'object' || m === null) return false;
  switch (m.type) {
    case 'ready':
    case 'verify':
      return true;
    case 'filter':
      return typeof m.filter === 'object' && m.filter !== null;
    case 'export':
      return m.format === 'jsonl' || m.format === 'csv';
    default:
      return false;
  }
}
