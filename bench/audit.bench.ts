// Audit log figures: appends per second with fsync (one caller, then many at once: queued appends share one
// write + fdatasync), verify speed on a 100,000-entry log, and reading the newest history page. Prints only.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AuditLog, listLogFiles, readHistory, redact, requestRecord, verifyLog, type AppendableEvent } from '../src/audit';
import type { Verdict } from '../src/policy/types';

const verdict: Verdict = {
  risk: 'review',
  reasons: [{ rule: 'net.curl', risk: 'review', message: 'Sends data over the network.' }],
  effects: [{ kind: 'network', target: 'curl', rule: 'net.curl', risk: 'review', summary: 'Sends data over the network.' }],
  action: { kind: 'shell', agent: 'claude', tool: 'Bash', cwd: '/home/dev/project', command: 'curl -s https://api.example.com/v1/items?page=2 | jq .items' },
};

function event(i: number): AppendableEvent {
  return { type: 'decision', id: `req-${i}`, request: requestRecord(verdict), decision: { decision: 'allow', decidedBy: 'human', reason: 'Countersign: approved by the reviewer.' } };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function sequential(dir: string, ms: number): Promise<void> {
  const log = await AuditLog.open({ dir });
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < ms) await log.append(event(n++));
  const s = (performance.now() - t0) / 1000;
  await log.close();
  console.log(`append, 1 caller (write + fdatasync each):   ${fmt(n / s)} appends/s  (${(1000 * s / n).toFixed(2)} ms each, ${n} appends)`);
}

async function concurrent(dir: string, callers: number, perCaller: number): Promise<void> {
  const log = await AuditLog.open({ dir });
  let groups = 0;
  log.onAppend(() => groups++);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: callers }, async (_, c) => {
    for (let i = 0; i < perCaller; i++) await log.append(event(c * perCaller + i));
  }));
  const s = (performance.now() - t0) / 1000;
  await log.close();
  const n = callers * perCaller;
  console.log(`append, ${String(callers).padStart(2)} callers at once:                ${fmt(n / s)} appends/s  (${(n / groups).toFixed(1)} entries per fdatasync, ${n} appends)`);
}

async function verify100k(dir: string): Promise<void> {
  const log = await AuditLog.open({ dir });
  const N = 100_000;
  const t0 = performance.now();
  for (let i = 0; i < N; i += 500) await Promise.all(Array.from({ length: Math.min(500, N - i) }, (_, k) => log.append(event(i + k))));
  const build = (performance.now() - t0) / 1000;
  await log.close();
  const files = await listLogFiles(dir);
  const bytes = files.reduce((a, f) => a + statSync(f).size, 0);
  console.log(`wrote 100,000 entries in ${build.toFixed(1)} s (bursts of 500): ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);
  global.gc?.();
  const t1 = performance.now();
  const r = await verifyLog(files);
  const vs = (performance.now() - t1) / 1000;
  console.log(`verify 100,000-entry log:                  ${(vs * 1000).toFixed(0)} ms  (${fmt(r.entries / vs)} entries/s, ${(bytes / 1e6 / vs).toFixed(0)} MB/s, ${r.status})`);
  const t2 = performance.now();
  const items = await readHistory(dir, { limit: 200 });
  console.log(`history, newest 200 of 100,000:            ${(performance.now() - t2).toFixed(0)} ms  (${items.length} items)`);
  const t3 = performance.now();
  const filtered = await readHistory(dir, { limit: 200, filter: { decisions: ['deny'] } });
  console.log(`history, filter matching nothing (all files): ${(performance.now() - t3).toFixed(0)} ms  (${filtered.length} items)`);
}

function redaction(): void {
  const e = event(0);
  const n = 20_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) redact(e);
  console.log(`redact one entry:                          ${((1000 * (performance.now() - t0)) / n).toFixed(1)} µs`);
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'countersign-audit-bench-'));
  console.log(`log directory: ${root}`);
  try {
    redaction();
    await sequential(join(root, 'seq'), 2000);
    await concurrent(join(root, 'c8'), 8, 250);
    await concurrent(join(root, 'c64'), 64, 50);
    await verify100k(join(root, 'big'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
