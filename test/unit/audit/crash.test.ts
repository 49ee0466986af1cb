// Kills a writer with SIGKILL while it appends (large lines, several in flight, rotating), then checks that the log
// is intact or ends in one torn line, and that reopening cuts the tear, records it, and continues the chain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditLog, listLogFiles, verifyLog } from '../../../src/audit';
import { decided, tempDir } from './helpers';

const CHILD_ENV = 'COUNTERSIGN_AUDIT_CRASH_CHILD';
const MODE_ENV = 'COUNTERSIGN_AUDIT_CRASH_MODE';

/**
 * The child: append big entries, four at a time, until killed; prints `ready` once some are on disk. In `tear`
 * mode it then writes half a line itself and SIGKILLs itself: a kill inside write() is rare on a local disk (the
 * time goes to fdatasync), so this makes the torn case certain at least once.
 */
async function child(dir: string, mode: string | undefined): Promise<void> {
  const log = await AuditLog.open({ dir, maxFileBytes: 2 * 1024 * 1024 });
  const big = Array.from({ length: 12 }, (_, i) => String.fromCharCode(97 + i).repeat(8000));
  for (let n = 0; ; n++) {
    await Promise.all(Array.from({ length: 4 }, (_, k) => log.append({ type: 'note', topic: 'crash-test', message: `n=${n}.${k}`, data: { big } })));
    if (n === 5) {
      if (mode === 'tear') {
        appendFileSync(log.head.file, '{"v":1,"seq":' + String(log.head.seq + 1) + ',"ts":"2026-');
        process.kill(process.pid, 'SIGKILL');
      }
      process.stdout.write('ready\n');
    }
  }
}

async function runAndKill(dir: string, afterReadyMs: number, mode?: 'tear'): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, [CHILD_ENV]: dir };
  if (mode) env[MODE_ENV] = mode;
  delete env.NODE_TEST_CONTEXT; // the child is a plain script, not a test file reporting to this runner
  const proc = spawn(process.execPath, [__filename], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.once('exit', (_code, signal) => resolve(signal)));
  if (mode !== 'tear') {
    await new Promise<void>((resolve, reject) => {
      proc.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) resolve();
      });
      proc.once('exit', () => reject(new Error('the writer exited before it was ready')));
    });
    await sleep(afterReadyMs);
    proc.kill('SIGKILL');
  }
  assert.equal(await exited, 'SIGKILL');
}

if (process.env[CHILD_ENV]) {
  void child(process.env[CHILD_ENV], process.env[MODE_ENV]);
} else {
  test('a writer killed mid-append leaves an intact log or one torn last line; reopening continues the chain', async (t) => {
    const dir = tempDir();
    let torn = 0;
    let recovered = 0;
    const rounds = 7;
    for (let round = 0; round < rounds; round++) {
      const tear = round === 3;
      await runAndKill(dir, 10 + round * 29, tear ? 'tear' : undefined);
      const files = await listLogFiles(dir);
      const before = await verifyLog(files);
      assert.ok(before.status === 'intact' || before.status === 'torn', `round ${round}: ${JSON.stringify(before.problem)}`);
      if (tear) assert.equal(before.status, 'torn');
      // An empty newest file (killed between creating it and writing its header) is torn but has nothing to record.
      if (before.status === 'torn' && (before.torn?.bytes ?? 0) > 0) torn++;

      const log = await AuditLog.open({ dir }); // the dead child's lock is taken over
      const e = await log.append(decided(round));
      await log.close();
      const after = await verifyLog(await listLogFiles(dir));
      assert.equal(after.status, 'intact', JSON.stringify(after.problem));
      assert.equal(after.last?.seq, e.seq);
      // The new entry follows the last good one, with a segment and/or a recovered entry in between if needed.
      const gap = e.seq - (before.last?.seq ?? -1);
      assert.ok(gap >= 1 && gap <= 3, `gap ${gap}`);
      recovered = after.recovered.length;
    }
    assert.equal(recovered, torn, 'every torn tail was recorded when the log was reopened');
    t.diagnostic(`torn tails observed: ${torn} of ${rounds} kills (one forced)`);
  });
}
