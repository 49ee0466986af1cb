// Replays real agent tasks (bench/replay/tasks.json.gz) as whole sessions through the real policy, the way
// `countersign evaluate --jsonl --workspace DIR` runs them: one policy per task with the task's own workspace
// folder on a scratch disk, the real disk world, one session id per task. Each file write and edit lands on the
// scratch disk after its verdict, so later steps see the disk as the agent left it. Shell commands are never run
// (so files a command would create exist only in the session memory), and the repository the agent worked in is
// not there: running one of its own scripts reads as unreadable, as it would for a file that is missing.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createPolicy, type AgentName, type PolicyConfig, type Verdict } from '../../src/policy';
import { sessionPayloads, type Step } from './payloads';

export interface Task {
  id: string;
  source: string;
  agent: AgentName;
  steps: Step[];
  /** Files on the scratch disk before the first step ($WS, $HOME placeholders); `{ link }` makes a symlink. */
  files?: Record<string, string | { link: string }>;
}

/** Benches and tests run from the repository root. */
export function loadTasks(file = resolve('bench/replay/tasks.json.gz')): Task[] {
  const data = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { tasks: Task[] };
  return data.tasks;
}

export interface StepResult {
  risk: Verdict['risk'];
  /** The rules of the reasons at the verdict's own risk (what made the click). */
  rules: string[];
  /** Their messages (for --task). */
  messages: string[];
}

export interface TaskResult {
  task: Task;
  results: StepResult[];
}

const expand = (text: string, ws: string, home: string) => text.split('$WS').join(ws).split('$HOME').join(home);

function materialised(step: Step, ws: string, home: string): Step {
  switch (step.k) {
    case 'sh':
      return { k: 'sh', c: expand(step.c, ws, home) };
    case 'w':
      return { k: 'w', p: expand(step.p, ws, home), t: step.t };
    case 'e':
      return { k: 'e', p: expand(step.p, ws, home), o: step.o, n: step.n };
    case 'r':
      return { k: 'r', p: expand(step.p, ws, home) };
  }
}

/** Lands a write or an edit on the scratch disk (inside the scratch root only). */
function land(step: Step, root: string): void {
  if (step.k !== 'w' && step.k !== 'e') return;
  const path = resolve(step.p);
  if (!path.startsWith(`${root}/`)) return;
  try {
    if (step.k === 'w') {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, step.t);
    } else if (existsSync(path)) {
      const old = readFileSync(path, 'utf8');
      if (step.o !== '' && old.includes(step.o)) writeFileSync(path, old.replace(step.o, step.n));
    }
  } catch {
    // a path the scratch disk cannot hold (a file where a folder should be): the next verdicts see what is there
  }
}

export async function replay(tasks: Task[], opts: { scratch?: string; keep?: boolean } = {}): Promise<TaskResult[]> {
  const root = opts.scratch ?? mkdtempSync(join(tmpdir(), 'countersign-replay-'));
  const out: TaskResult[] = [];
  try {
    let i = 0;
    for (const task of tasks) {
      // Each task its own home too, so one scenario's planted secrets are not another's.
      const home = join(root, 'home', String(i));
      mkdirSync(home, { recursive: true });
      const ws = join(root, 'ws', String(i++));
      mkdirSync(ws, { recursive: true });
      for (const [rel, content] of Object.entries(task.files ?? {})) {
        const path = expand(rel, ws, home);
        mkdirSync(dirname(path), { recursive: true });
        if (typeof content === 'string') writeFileSync(path, expand(content, ws, home));
        else symlinkSync(expand(content.link, ws, home), path);
      }
      const config: PolicyConfig = { sensitivePaths: [], allowedPaths: [], workspaceFolders: [ws], home, protectedPaths: [join(home, '.config/Code/User/globalStorage/countersign.countersign')] };
      const policy = await createPolicy(config);
      const build = sessionPayloads(task.agent, `replay-${i}`, ws);
      const results: StepResult[] = [];
      task.steps.forEach((raw, n) => {
        const step = materialised(raw, ws, home);
        const verdict = policy.evaluate(build(step, n), task.agent);
        const top = verdict.reasons.filter((r) => r.risk === verdict.risk);
        results.push({ risk: verdict.risk, rules: top.map((r) => r.rule), messages: top.map((r) => r.message) });
        land(step, root);
      });
      out.push({ task, results });
    }
  } finally {
    if (!opts.keep && !opts.scratch) rmSync(root, { recursive: true, force: true });
  }
  return out;
}

export interface ReplaySummary {
  tasks: number;
  actions: number;
  clicks: number;
  clickShare: number;
  sensitive: number;
  sensitiveShare: number;
  blocked: number;
  medianClicks: number;
  p90Clicks: number;
  zeroClickTasks: number;
  zeroClickShare: number;
  topRules: Array<[string, number]>;
}

const isClick = (r: StepResult) => r.risk === 'review' || r.risk === 'sensitive';

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

export function summarise(results: TaskResult[]): ReplaySummary {
  const perTask = results.map((t) => t.results.filter(isClick).length).sort((a, b) => a - b);
  const all = results.flatMap((t) => t.results);
  const clicks = all.filter(isClick);
  const rules = new Map<string, number>();
  for (const r of clicks) for (const rule of new Set(r.rules)) rules.set(rule, (rules.get(rule) ?? 0) + 1);
  const sensitive = all.filter((r) => r.risk === 'sensitive').length;
  const zero = perTask.filter((c) => c === 0).length;
  return {
    tasks: results.length,
    actions: all.length,
    clicks: clicks.length,
    clickShare: all.length ? clicks.length / all.length : 0,
    sensitive,
    sensitiveShare: all.length ? sensitive / all.length : 0,
    blocked: all.filter((r) => r.risk === 'blocked').length,
    medianClicks: quantile(perTask, 0.5),
    p90Clicks: quantile(perTask, 0.9),
    zeroClickTasks: zero,
    zeroClickShare: results.length ? zero / results.length : 0,
    topRules: [...rules].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 15),
  };
}
