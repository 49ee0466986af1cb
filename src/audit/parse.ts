// Turns one stored line back into an entry, checking shape and self-hash; used by verify, the writer and readers.
import { lineHashes } from './hash';
import { entryProblem, type AuditEntry } from './schema';

export type ParsedLine =
  | { ok: true; entry: AuditEntry }
  /** `hash`: the line does not match its own hash. `shape`: not JSON, no hash member, or not a valid entry. */
  | { ok: false; kind: 'shape' | 'hash'; message: string; entry?: AuditEntry };

export function parseLine(bytes: Buffer): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { ok: false, kind: 'shape', message: 'not valid JSON' };
  }
  const problem = entryProblem(value);
  if (problem) return { ok: false, kind: 'shape', message: problem };
  const entry = value as AuditEntry;
  const hashes = lineHashes(bytes);
  if (!hashes) return { ok: false, kind: 'shape', message: 'the line does not end with its hash member', entry };
  if (hashes.stated !== hashes.computed || hashes.stated !== entry.hash) {
    return { ok: false, kind: 'hash', message: 'content does not match its hash (the entry was edited)', entry };
  }
  return { ok: true, entry };
}
