// Shared fixtures for the audit tests: temporary log directories, sample events, line-level tampering.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { AuditLog, listLogFiles, type AppendableEvent, type AuditLogOptions, type RequestRecord } from '../../../src/audit';

const made: string[] = [];
after(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'countersign-audit-'));
  made.push(d);
  return d;
}

export function request(i: number, over: Partial<RequestRecord> = {}): RequestRecord {
  return { agent: 'claude', tool: 'Bash', kind: 'shell', summary: `echo step ${i}`, risk: 'safe', rules: [], ...over };
}

/** A policy decision with its request inline (the gate's fast path). */
export function decided(i: number, over: Partial<RequestRecord> = {}): AppendableEvent {
  return { type: 'decision', id: `req-${i}`, request: request(i, over), decision: { decision: 'allow', decidedBy: 'policy', reason: 'allowed by policy' } };
}

/** Opens a log in a new directory (or `dir`), appends `n` fast-path decisions one by one, closes it. */
export async function writeLog(n: number, opts: Partial<AuditLogOptions> = {}): Promise<{ dir: string; files: string[] }> {
  const dir = opts.dir ?? tempDir();
  const log = await AuditLog.open({ ...opts, dir });
  for (let i = 0; i < n; i++) await log.append(decided(i));
  await log.close();
  return { dir, files: await listLogFiles(dir) };
}

/** A file's lines without the final newline's empty remainder. */
export function readLinesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function writeLinesTo(file: string, lines: string[]): void {
  writeFileSync(file, lines.map((l) => `${l}\n`).join(''));
}
