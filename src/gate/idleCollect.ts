// The gate lives as long as its window (or CI job). Between bursts of requests it holds the garbage and spare heap
// pages the last burst left; V8's own memory reducer waits many seconds and keeps pages for the next burst. A full
// collection once the gate has been quiet for a moment, and one when it is ready, gives them back (about 10 MB
// after a burst of 200 concurrent hooks; bench/gate-memory.bench.ts).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** V8's full collection, exposed without changing the main context's globals; a no-op where it cannot be had. */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      // A context created after the flag is set has `gc`; the main context (and the policy's code) does not.
      const gc = runInNewContext('gc') as unknown;
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

export interface IdleCollector {
  /** A request started. */
  busy(): void;
  /** A request ended; once none has run for `quietMs`, collect. */
  done(): void;
}

export function idleCollector(quietMs: number): IdleCollector {
  let running = 0;
  let timer: NodeJS.Timeout | undefined;
  return {
    busy() {
      running++;
      clearTimeout(timer);
      timer = undefined;
    },
    done() {
      running = Math.max(0, running - 1);
      if (running > 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        collectGarbage();
      }, quietMs);
      timer.unref();
    },
  };
}
