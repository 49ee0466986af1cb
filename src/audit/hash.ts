// How an entry is hashed and written as one line.
//
// Definition: an entry is serialized with JSON.stringify WITHOUT its `hash` member (key order: v, seq, ts, prev,
// type, then the event's fields); call those UTF-8 bytes B (they end with `}`). hash = lowercase hex SHA-256(B).
// The stored line is B with `,"hash":"<hash>"` inserted before the final `}`, then "\n". So the hash covers every
// byte of the line except the hash member itself and the newline, and `prev` of entry n+1 is the hash of entry n.
// A verifier needs no canonical JSON: it strips the fixed 75-byte suffix, appends `}`, and hashes the bytes as stored.
import { createHash } from 'node:crypto';
import type { AuditEvent, EntryHeader } from './schema';

const SUFFIX_START = Buffer.from(',"hash":"');
/** `,"hash":"` + 64 hex digits + `"}` */
export const HASH_SUFFIX_BYTES = SUFFIX_START.length + 64 + 2;
const CLOSE = Buffer.from('}');
const HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The line (with its trailing newline) and hash for an entry. */
export function serializeEntry(header: EntryHeader, event: AuditEvent): { line: string; hash: string } {
  // Header values win and no `hash` member can sneak in from the event: the line shape must stay exact.
  const { hash: _ignored, ...fields } = { ...header, ...event, ...header } as Record<string, unknown>;
  const body = JSON.stringify(fields);
  const hash = sha256Hex(body);
  return { line: `${body.slice(0, -1)},"hash":"${hash}"}\n`, hash };
}

/**
 * Recomputes a stored line's hash (line bytes without the newline). Returns the stated hash and the computed one,
 * or undefined when the line does not end with a well-formed hash member.
 */
export function lineHashes(line: Buffer): { stated: string; computed: string } | undefined {
  if (line.length <= HASH_SUFFIX_BYTES) return undefined;
  const at = line.length - HASH_SUFFIX_BYTES;
  if (!line.subarray(at, at + SUFFIX_START.length).equals(SUFFIX_START)) return undefined;
  if (line[line.length - 2] !== 0x22 || line[line.length - 1] !== 0x7d) return undefined; // `"}`
  const stated = line.toString('latin1', at + SUFFIX_START.length, line.length - 2);
  if (!HEX.test(stated)) return undefined;
  const computed = createHash('sha256').update(line.subarray(0, at)).update(CLOSE).digest('hex');
  return { stated, computed };
}
