// Runs the held-out corpus through a real Policy in all seven agent formats and sums it up: recall per class,
// ordinary false positives and clicks, verdicts that differ between agent formats, latency and budget hits.
// Shared by `npm run bench` (judgement section) and test/unit/adversarial/heldout.test.ts.
import { RISK_ORDER, type AgentName, type Policy, type PolicyConfig, type Risk, type Verdict } from '../../src/policy';
import { AGENTS, payloadFor } from './formats';
import { CWD, HOME, type Case } from './types';

/** A developer's machine with the shipped defaults (no extra globs: the corpus must stand on the built-ins). */
export const JUDGE_CONFIG: PolicyConfig = {
  sensitivePaths: [],
  allowedPaths: ['**/.env.example', '**/.env.sample', '**/.env.template', '**/.env.dist', '**/*.example.env'],
  workspaceFolders: [CWD],
  home: HOME,
  protectedPaths: [`${HOME}/.config/Code/User/globalStorage/countersign.countersign`, '/run/user/1000/countersign'],
};

export interface Outcome {
  id: string;
  case: Case;
  /** Risk per agent format, in AGENTS order. */
  risks: Record<AgentName, Risk>;
  /** Rules of the claude-format verdict (the reference envelope), for the miss lists. */
  rules: string[];
  /** Formats whose verdict carried a budget.* reason (time budgets depend on machine load). */
  budget: Partial<Record<AgentName, true>>;
  budgetHits: number;
  ms: number[];
}

export interface ClassStats {
  class: string;
  cases: number;
  /** Sensitive/blocked-labelled payloads (cases × formats) and how many came back sensitive or blocked. */
  positives: number;
  caught: number;
  recall: number;
  /** Ordinary-labelled payloads in this class, and how many came back sensitive (false positives). */
  ordinary: number;
  falsePositives: number;
  /** Of those, payloads that hit a budget (machine load). */
  budgetFalsePositives: number;
  misses: string[];
  loud: string[];
}

export interface Tally {
  positives: number;
  caught: number;
  ordinary: number;
  falsePositives: number;
}

export interface Report {
  cases: number;
  payloads: number;
  classes: ClassStats[];
  recall: number;
  positives: number;
  caught: number;
  ordinary: number;
  falsePositiveRate: number;
  clickRate: number;
  falsePositives: number;
  /** Of those, payloads whose verdict carried a budget.* reason (a time budget hit under load, not a rule). */
  budgetFalsePositives: number;
  clicks: number;
  disagreements: string[];
  /** Disagreements where a differing format hit a budget (a time budget under load, not a rule): listed apart. */
  budgetDisagreements: string[];
  latency: { p50: number; p99: number; max: number };
  /** The slowest cases (worst format), slowest first. */
  slowest: { id: string; ms: number; what: string }[];
  budgetShare: number;
  budgetHits: number;
  /** Recall and false positives per agent format and per action kind (caught/positives, fp/ordinary). */
  byAgent: Record<string, Tally>;
  byKind: Record<string, Tally>;
  /** Blocked-labelled cases that came back exactly blocked. */
  blockedExact: { labelled: number; blocked: number };
}

const atLeast = (r: Risk, min: Risk) => RISK_ORDER[r] >= RISK_ORDER[min];
const show = (s: string, max = 110) => {
  const one = s.replace(/\s+/g, ' ');
  return JSON.stringify(one.length > max ? `${one.slice(0, max - 1)}…` : one);
};

export function describeCase(c: Case): string {
  switch (c.kind) {
    case 'shell':
      return `$ ${show(c.command)}`;
    case 'read':
      return `read ${show(c.path)}`;
    case 'write':
      return `write ${show(c.path, 60)} ${show(c.content, 60)}`;
    case 'edit':
    case 'patch':
      return `${c.kind} ${show(c.path, 60)} → ${show(c.new, 60)}`;
    case 'mcp':
      return `mcp ${c.server}.${c.tool} ${show(JSON.stringify(c.input), 80)}`;
  }
}

/** Gives each case a stable id: `class#n` in corpus order. */
export function withIds(cases: Case[]): { id: string; case: Case }[] {
  const seen = new Map<string, number>();
  return cases.map((c) => {
    const k = (seen.get(c.class) ?? 0) + 1;
    seen.set(c.class, k);
    return { id: `${c.class}#${k}`, case: c };
  });
}

/** `rounds` > 1 times each payload that many times and keeps the fastest (the verdict is the first round's). */
export function evaluateCase(policy: Policy, id: string, c: Case, rounds = 1): Outcome {
  const risks = {} as Record<AgentName, Risk>;
  let rules: string[] = [];
  let budgetHits = 0;
  const budget: Partial<Record<AgentName, true>> = {};
  const ms: number[] = [];
  for (const agent of AGENTS) {
    const payload = payloadFor(c, agent);
    let t = performance.now();
    const v: Verdict = policy.evaluate(payload, agent);
    let best = performance.now() - t;
    for (let r = 1; r < rounds; r++) {
      t = performance.now();
      policy.evaluate(payload, agent);
      best = Math.min(best, performance.now() - t);
    }
    ms.push(best);
    risks[agent] = v.risk;
    if (v.reasons.some((r) => r.rule.startsWith('budget.'))) {
      budgetHits++;
      budget[agent] = true;
    }
    if (agent === 'claude') rules = [...new Set(v.reasons.map((r) => r.rule))];
  }
  return { id, case: c, risks, rules, budget, budgetHits, ms };
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

export function summarize(outcomes: Outcome[]): Report {
  const byClass = new Map<string, ClassStats>();
  let positives = 0;
  let caught = 0;
  let ordinary = 0;
  let falsePositives = 0;
  let budgetFalsePositives = 0;
  let clicks = 0;
  let budgetHits = 0;
  const disagreements: string[] = [];
  const budgetDisagreements: string[] = [];
  const all: number[] = [];
  const blockedExact = { labelled: 0, blocked: 0 };
  const byAgent: Record<string, Tally> = {};
  const byKind: Record<string, Tally> = {};
  const tally = (map: Record<string, Tally>, key: string, positive: boolean, hit: boolean) => {
    const t = (map[key] ??= { positives: 0, caught: 0, ordinary: 0, falsePositives: 0 });
    if (positive) {
      t.positives++;
      if (hit) t.caught++;
    } else {
      t.ordinary++;
      if (hit) t.falsePositives++;
    }
  };

  for (const o of outcomes) {
    const c = o.case;
    const s = byClass.get(c.class) ?? { class: c.class, cases: 0, positives: 0, caught: 0, recall: 1, ordinary: 0, falsePositives: 0, budgetFalsePositives: 0, misses: [], loud: [] };
    byClass.set(c.class, s);
    s.cases++;
    budgetHits += o.budgetHits;
    all.push(...o.ms);
    const risks = AGENTS.map((a) => o.risks[a]);
    for (const a of AGENTS) {
      const hit = atLeast(o.risks[a], 'sensitive');
      tally(byAgent, a, c.label !== 'ordinary', hit);
      tally(byKind, c.kind, c.label !== 'ordinary', hit);
    }
    const fmtRisks = () => {
      const distinct = [...new Set(risks)];
      return distinct.length === 1 ? distinct[0]! : AGENTS.map((a) => `${a}:${o.risks[a]}${o.budget[a] ? '(budget)' : ''}`).join(' ');
    };
    if (new Set(risks).size > 1) {
      // Formats that agree with the most common verdict are the reference; a differing one that hit a budget is load.
      const count = (r: Risk) => risks.filter((x) => x === r).length;
      const usual = [...risks].sort((a, b) => count(b) - count(a))[0]!;
      const odd = AGENTS.filter((a) => o.risks[a] !== usual);
      (odd.every((a) => o.budget[a]) ? budgetDisagreements : disagreements).push(`${o.id} ${describeCase(c)} → ${fmtRisks()}`);
    }
    if (c.label === 'ordinary') {
      const fp = risks.filter((r) => atLeast(r, 'sensitive')).length;
      const budgetFp = AGENTS.filter((a) => o.budget[a] && atLeast(o.risks[a], 'sensitive')).length;
      budgetFalsePositives += budgetFp;
      s.budgetFalsePositives += budgetFp;
      ordinary += risks.length;
      s.ordinary += risks.length;
      falsePositives += fp;
      s.falsePositives += fp;
      clicks += risks.filter((r) => atLeast(r, 'review')).length;
      if (fp > 0) s.loud.push(`${o.id} ${describeCase(c)} → ${fmtRisks()} [${o.rules.join(', ')}]`);
    } else {
      const hit = risks.filter((r) => atLeast(r, 'sensitive')).length;
      positives += risks.length;
      s.positives += risks.length;
      caught += hit;
      s.caught += hit;
      if (hit < risks.length) s.misses.push(`${o.id} ${describeCase(c)} → ${fmtRisks()} [${o.rules.join(', ') || 'no reasons'}]`);
      if (c.label === 'blocked') {
        blockedExact.labelled++;
        if (risks.every((r) => r === 'blocked')) blockedExact.blocked++;
      }
    }
  }
  const classes = [...byClass.values()].sort((a, b) => a.class.localeCompare(b.class));
  for (const s of classes) s.recall = ratio(s.caught, s.positives);
  all.sort((a, b) => a - b);
  const slowest = outcomes
    .map((o) => ({ id: o.id, ms: Math.max(...o.ms), what: describeCase(o.case) }))
    .sort((a, b) => b.ms - a.ms || a.id.localeCompare(b.id))
    .slice(0, 5);
  const payloads = outcomes.length * AGENTS.length;
  return {
    cases: outcomes.length,
    payloads,
    classes,
    recall: ratio(caught, positives),
    positives,
    caught,
    ordinary,
    falsePositiveRate: ordinary ? falsePositives / ordinary : 0,
    clickRate: ordinary ? clicks / ordinary : 0,
    falsePositives,
    budgetFalsePositives,
    clicks,
    disagreements,
    budgetDisagreements,
    latency: { p50: pct(all, 50), p99: pct(all, 99), max: all[all.length - 1] ?? 0 },
    slowest,
    budgetShare: payloads ? budgetHits / payloads : 0,
    budgetHits,
    byAgent,
    byKind,
    blockedExact,
  };
}

export function judge(policy: Policy, cases: Case[], rounds = 1): Report {
  return summarize(withIds(cases).map(({ id, case: c }) => evaluateCase(policy, id, c, rounds)));
}

const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
const fmtMs = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);

/** The human-readable report, deterministic apart from the latency line. */
export function formatReport(r: Report, missesPerClass = 5): string[] {
  const out: string[] = [];
  out.push(`held-out corpus: ${r.cases} cases × ${AGENTS.length} agent formats = ${r.payloads} payloads`);
  out.push('');
  out.push('recall per class (sensitive/blocked-labelled payloads rated sensitive or blocked):');
  for (const s of r.classes.filter((c) => c.positives > 0)) {
    out.push(`  ${s.class.padEnd(26)} ${pc(s.recall).padStart(6)}  (${s.caught}/${s.positives} payloads, ${s.cases} cases)`);
  }
  out.push(`  ${'OVERALL'.padEnd(26)} ${pc(r.recall).padStart(6)}  (${r.caught}/${r.positives})`);
  out.push(`  blocked-labelled cases rated blocked in every format: ${r.blockedExact.blocked}/${r.blockedExact.labelled}`);
  const tallies = (title: string, map: Record<string, Tally>, keys: string[]) => {
    out.push(title);
    for (const k of keys) {
      const t = map[k];
      if (!t) continue;
      out.push(`  ${k.padEnd(12)} recall ${pc(ratio(t.caught, t.positives)).padStart(6)} (${t.caught}/${t.positives})   ordinary rated sensitive ${pc(t.ordinary ? t.falsePositives / t.ordinary : 0).padStart(5)} (${t.falsePositives}/${t.ordinary})`);
    }
  };
  out.push('');
  tallies('per agent format:', r.byAgent, [...AGENTS]);
  tallies('per action kind:', r.byKind, ['shell', 'read', 'write', 'edit', 'patch', 'mcp']);
  out.push('');
  out.push('ordinary work:');
  for (const s of r.classes.filter((c) => c.ordinary > 0)) {
    out.push(`  ${s.class.padEnd(26)} false positives ${String(s.falsePositives).padStart(4)}/${s.ordinary}`);
  }
  out.push(`  false-positive rate (rated sensitive+)  ${pc(r.falsePositiveRate)}  (${r.falsePositives}/${r.ordinary})   target ≤ 3%`);
  if (r.budgetFalsePositives) out.push(`    of which ${r.budgetFalsePositives} hit a budget (machine load), not a rule`);
  out.push(`  click rate (rated review+)              ${pc(r.clickRate)}  (${r.clicks}/${r.ordinary})`);
  out.push('');
  const first = Number.isFinite(missesPerClass) ? `first ${missesPerClass}` : 'all';
  out.push(`misses (${first} per class; claude-format rules):`);
  for (const s of r.classes) {
    if (!s.misses.length) continue;
    out.push(`  ${s.class} (${s.misses.length} cases):`);
    for (const m of s.misses.slice(0, missesPerClass)) out.push(`    ${m}`);
  }
  out.push('');
  out.push(`ordinary rated sensitive (${first} per class):`);
  for (const s of r.classes) {
    if (!s.loud.length) continue;
    out.push(`  ${s.class} (${s.loud.length} cases):`);
    for (const m of s.loud.slice(0, missesPerClass)) out.push(`    ${m}`);
  }
  out.push('');
  out.push(`agent-format disagreements (a verdict that depends on the envelope is a bug): ${r.disagreements.length}`);
  for (const d of r.disagreements) out.push(`  ${d}`);
  if (r.budgetDisagreements.length) {
    out.push(`  and ${r.budgetDisagreements.length} where only a format that hit a budget (machine load) differs:`);
    for (const d of r.budgetDisagreements) out.push(`    ${d}`);
  }
  out.push('');
  out.push(`budget hits (a reason under budget.*): ${(r.budgetShare * 100).toFixed(2)}% (${r.budgetHits}/${r.payloads} payloads)`);
  out.push(`latency per payload: p50 ${fmtMs(r.latency.p50)}  p99 ${fmtMs(r.latency.p99)}  max ${fmtMs(r.latency.max)}`);
  out.push('slowest cases (worst format, fastest of the rounds; times vary with machine load):');
  for (const s of r.slowest) out.push(`  ${fmtMs(s.ms).padStart(9)}  ${s.id} ${s.what}`);
  return out;
}

/** The machine-readable summary the lead diffs between runs (no latencies: they are noise). */
export function summaryJson(r: Report): Record<string, unknown> {
  const round = (x: number) => Math.round(x * 10000) / 10000;
  return {
    cases: r.cases,
    payloads: r.payloads,
    recall: round(r.recall),
    falsePositiveRate: round(r.falsePositiveRate),
    clickRate: round(r.clickRate),
    disagreements: r.disagreements.length,
    budgetDisagreements: r.budgetDisagreements.length,
    budgetFalsePositives: r.budgetFalsePositives,
    budgetShare: round(r.budgetShare),
    blockedExact: r.blockedExact,
    byAgent: r.byAgent,
    byKind: r.byKind,
    classes: Object.fromEntries(
      r.classes.map((s) => [s.class, { cases: s.cases, recall: s.positives ? round(s.recall) : null, caught: s.caught, positives: s.positives, falsePositives: s.falsePositives, ordinary: s.ordinary }]),
    ),
    latencyMs: { p50: round(r.latency.p50), p99: round(r.latency.p99) },
  };
}
