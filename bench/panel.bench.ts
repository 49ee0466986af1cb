// Review panel figures, in the browser harness (code-server + chromium, the real extension, gate and CLI):
// time from a hook call to its card being visible (p50/p99 over 30 calls; target p50 < 300 ms), and the panel's
// responsiveness with 500 actions pending (time to show them, a Deny click, opening details, Deny all).
// Prints only: machines are shared and noisy, so nothing here fails on a time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { askGate } from '../src/cli/gateClient';
import { findGate } from '../src/ipc/registry';

interface Done {
  latency: number[];
  firstCard: number;
  allCounted: number;
  rendered: number;
  clicks: number[];
  details: number[];
  showMore: number;
  denyAll: number;
  remaining: string;
}

type FromHarness = { want: 'flood'; n: number; runtimeDir: string; workspace: string } | { done: Done } | { error: string };

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
const ms = (n: number) => `${n.toFixed(0)} ms`;

function floodPayload(workspace: string, i: number): string {
  return JSON.stringify({
    session_id: 'bench',
    cwd: workspace,
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command: `chmod 777 flood-${i}.sh`, description: 'Benchmark flood' },
    tool_use_id: `toolu_flood_${i}`,
  });
}

async function main(): Promise<void> {
  const repo = process.cwd();
  if (!existsSync(join(process.env.COUNTERSIGN_TEST_CACHE ?? join(repo, '.vscode-test'), 'cs'))) {
    console.log('skipped: the browser harness is not set up (run `bash test/harness/ensure-vscode.sh`, or `npm test`, once)');
    return;
  }
  const harness = spawn(process.execPath, [join(repo, 'bench/panelHarness.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers: Promise<unknown>[] = [];
  let done: Done | undefined;
  let failure: string | undefined;
  for await (const line of createInterface({ input: harness.stdout })) {
    if (!line.startsWith('@@')) continue;
    const msg = JSON.parse(line.slice(2)) as FromHarness;
    if ('error' in msg) {
      failure = msg.error;
      break;
    }
    if ('done' in msg) {
      done = msg.done;
      break;
    }
    const gate = findGate(msg.runtimeDir, msg.workspace);
    if (!gate) throw new Error('no live gate in the harness runtime directory');
    const deadline = Date.now() + 10 * 60_000;
    for (let i = 0; i < msg.n; i++) answers.push(askGate(gate, 'claude', floodPayload(msg.workspace, i), deadline, deadline + 5_000).catch((err: unknown) => err));
    harness.stdin.write(`${JSON.stringify({ sent: msg.n })}\n`);
  }
  harness.stdin.end();
  const settled = await Promise.all(answers);
  const failed = settled.filter((a) => a instanceof Error);
  if (failed.length) console.log(`${failed.length} flood requests failed, e.g. ${String(failed[0])}`);
  if (!done) throw new Error(`the harness stopped without results${failure ? `: ${failure}` : ''}`);
  const d = done;
  console.log(`hook call → card visible (real CLI, ${d.latency.length} calls): p50 ${ms(pct(d.latency, 50))}, p99 ${ms(pct(d.latency, 99))}, max ${ms(Math.max(...d.latency))}  (target p50 < 300 ms)`);
  console.log(`${answers.length} pending at once: first card after ${ms(d.firstCard)}, all ${answers.length} counted after ${ms(d.allCounted)}; ${d.rendered} cards rendered (the rest behind "Show more")`);
  console.log(`with ${answers.length} pending: Deny click → card gone p50 ${ms(pct(d.clicks, 50))}, max ${ms(Math.max(...d.clicks))}; open details p50 ${ms(pct(d.details, 50))}; show 100 more ${ms(d.showMore)}; Deny all ${ms(d.denyAll)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
