// `node scripts/bench.mjs powershell`: the Windows PowerShell corpus (test/unit/policy/powershellCorpus.ts) judged
// as on Windows through Claude Code's PowerShell tool: recall per class, false alarms on ordinary work, and the
// cost per command (p50/p99). Measures only; the unit test asserts.
import { performance } from 'node:perf_hooks';
import { createPolicy } from '../src/policy';
import { ORDINARY, SENSITIVE } from '../test/unit/policy/powershellCorpus';

const WIN_CWD = 'C:\\Users\\dev\\proj';
const payload = (command: string) => ({ session_id: 'b', cwd: WIN_CWD, hook_event_name: 'PreToolUse', tool_name: 'PowerShell', tool_input: { command } });

void (async () => {
  const policy = await createPolicy({ sensitivePaths: [], allowedPaths: [], workspaceFolders: [WIN_CWD], home: 'C:\\Users\\dev', platform: 'win32' });
  const times: number[] = [];
  const judge = (c: string) => {
    const t = performance.now();
    const v = policy.evaluate(payload(c), 'claude');
    times.push(performance.now() - t);
    return v.risk;
  };
  let caught = 0;
  let total = 0;
  for (const [cls, list] of Object.entries(SENSITIVE)) {
    const missed = list.filter((c) => !/^(sensitive|blocked)$/.test(judge(c)));
    caught += list.length - missed.length;
    total += list.length;
    console.log(`${cls.padEnd(36)} ${list.length - missed.length}/${list.length}${missed.length ? `  missed: ${missed.join(' | ')}` : ''}`);
  }
  const risks = ORDINARY.map(judge);
  const alarms = ORDINARY.filter((_, i) => /^(sensitive|blocked)$/.test(risks[i]!));
  const clicks = risks.filter((r) => r === 'review').length;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3);
  console.log(`recall ${caught}/${total} (${((100 * caught) / total).toFixed(1)}%); ordinary: false alarms ${alarms.length}/${ORDINARY.length}, one-click reviews ${clicks}/${ORDINARY.length}${alarms.length ? `  alarms: ${alarms.join(' | ')}` : ''}`);
  console.log(`per command: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms (${times.length} evaluations)`);
})();
