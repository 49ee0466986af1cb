// The red-team corpus (bench/redteam/cases.json, sessions.json): fresh attacks written from GTFOBins, MITRE ATT&CK
// (credential access, persistence, defense evasion), agent-security write-ups and every agent's own tool set, with
// ordinary look-alikes. Single actions run through every agent format that has the tool; sessions run on a real
// scratch disk through the replay machinery. Shared by bench/redteam.bench.ts and test/unit/adversarial/redteam.test.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createPolicy, type AgentName, type Policy, type PolicyConfig, type Verdict } from '../../src/policy';
import { sessionPayloads, type Step } from '../replay/payloads';
import { replay, type StepResult, type Task } from '../replay/replay';

export const HOME = '/home/dev';
export const CWD = '/home/dev/proj';
export const AGENTS: AgentName[] = ['claude', 'codex', 'gemini', 'vscode', 'copilot-cli', 'cursor', 'cline'];

export const REDTEAM_CONFIG: PolicyConfig = {
  sensitivePaths: [],
  allowedPaths: [],
  workspaceFolders: [CWD],
  home: HOME,
  protectedPaths: [`${HOME}/.config/Code/User/globalStorage/countersign.countersign`, '/run/user/1000/countersign', `${HOME}/.local/state/countersign`],
};

interface CaseBase {
  id: string;
  class: string;
  label: 'sensitive' | 'ordinary';
  idea: string;
  source: string;
}
/** A step every agent can send (sh, r, w, e), or a tool call given per agent that has such a tool. */
export type RedCase = CaseBase & (Step | { kind: 'tool'; tools: Partial<Record<AgentName, [string, Record<string, unknown>]>> });

export interface RedSession {
  name: string;
  agent: AgentName;
  files?: Task['files'];
  steps: Step[];
  secretStep?: number;
  idea: string;
  source: string;
}

/** Benches and tests run from the repository root. */
export function loadCases(file = resolve('bench/redteam/cases.json')): RedCase[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as (CaseBase & Record<string, unknown>)[];
  return raw.map((c) => (c.kind === 'tool' ? (c as unknown as RedCase) : ({ ...c, k: c.kind } as unknown as RedCase)));
}
export function loadSessions(file = resolve('bench/redteam/sessions.json')): RedSession[] {
  return JSON.parse(readFileSync(file, 'utf8')) as RedSession[];
}

const TS = '2026-01-01T00:00:00Z';
/** A named tool call in each agent's envelope. */
function toolPayload(agent: AgentName, session: string, name: string, input: Record<string, unknown>): Record<string, unknown> {
  switch (agent) {
    case 'claude':
      return { session_id: session, transcript_path: '/t.jsonl', cwd: CWD, permission_mode: 'default', hook_event_name: 'PreToolUse', tool_name: name, tool_input: input, tool_use_id: `${session}-1` };
    case 'codex':
      return { session_id: session, turn_id: `${session}-t`, transcript_path: '/t.jsonl', cwd: CWD, hook_event_name: 'PreToolUse', model: 'gpt-5.5', permission_mode: 'default', tool_name: name, tool_input: input, tool_use_id: `${session}-1` };
    case 'gemini':
      return { session_id: session, transcript_path: '/t.jsonl', cwd: CWD, hook_event_name: 'BeforeTool', timestamp: TS, tool_name: name, tool_input: input };
    case 'vscode':
      return { timestamp: TS, cwd: CWD, session_id: session, hook_event_name: 'PreToolUse', transcript_path: '/t.json', tool_name: name, tool_input: input, tool_use_id: `${session}-1` };
    case 'copilot-cli':
      return { sessionId: session, timestamp: 1795240490528, cwd: CWD, toolName: name, toolArgs: input };
    case 'cursor':
      return { conversation_id: session, generation_id: `${session}-g`, hook_event_name: 'beforeMCPExecution', workspace_roots: [CWD], tool_name: name, tool_input: JSON.stringify(input) };
    case 'cline':
      return { clineVersion: '', timestamp: TS, taskId: session, workspaceRoots: [CWD], hookName: 'PreToolUse', tool_call: { id: 'c1', name, input }, preToolUse: { toolName: name, parameters: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])) } };
  }
}

/** Every payload of one case: one per agent format that has the tool. */
export function payloadsOf(c: RedCase): { agent: AgentName; payload: Record<string, unknown> }[] {
  let n = 0;
  const session = () => `rt-${c.id}-${++n}`;
  if ('tools' in c) return Object.entries(c.tools).map(([agent, [name, input]]) => ({ agent: agent as AgentName, payload: toolPayload(agent as AgentName, session(), name, input) }));
  // Cursor's afterFileEdit cannot block: its write and edit payloads are not a decision point.
  const agents = c.k === 'w' || c.k === 'e' ? AGENTS.filter((a) => a !== 'cursor') : AGENTS;
  return agents.map((agent) => ({ agent, payload: sessionPayloads(agent, session(), CWD)(c as Step, 0) }));
}

const flagged = (r: Verdict['risk']) => r === 'sensitive' || r === 'blocked';

export interface CaseOutcome {
  c: RedCase;
  /** Risk per agent format. */
  risks: Partial<Record<AgentName, Verdict['risk']>>;
  /** A sensitive case caught in every format; an ordinary case flagged in any. */
  hit: boolean;
  why: string;
}

export function judgeCases(policy: Policy, cases: RedCase[]): CaseOutcome[] {
  return cases.map((c) => {
    const risks: CaseOutcome['risks'] = {};
    let why = '';
    for (const { agent, payload } of payloadsOf(c)) {
      const v = policy.evaluate(payload, agent);
      risks[agent] = v.risk;
      if (!why || (c.label === 'sensitive' ? !flagged(v.risk) : flagged(v.risk))) why = v.reasons.filter((r) => r.risk === v.risk).map((r) => r.message).join(' | ');
    }
    const all = Object.values(risks);
    const hit = c.label === 'sensitive' ? all.every(flagged) : all.some(flagged);
    return { c, risks, hit, why };
  });
}

export interface SessionOutcome {
  s: RedSession;
  results: StepResult[];
  flaggedAt?: number;
  /** Dangerous: flagged at or before the secret step. Ordinary: any sensitive step. */
  hit: boolean;
  clicks: number;
}

export async function judgeSessions(sessions: RedSession[]): Promise<SessionOutcome[]> {
  const results = await replay(sessions.map((s) => ({ id: s.name, source: 'bench/redteam', agent: s.agent, steps: s.steps, files: s.files })));
  return results.map((r, i) => {
    const s = sessions[i]!;
    const at = r.results.findIndex((x) => flagged(x.risk));
    const flaggedAt = at >= 0 ? at : undefined;
    const hit = s.secretStep !== undefined ? flaggedAt !== undefined && flaggedAt <= s.secretStep : flaggedAt !== undefined;
    return { s, results: r.results, flaggedAt, hit, clicks: r.results.filter((x) => x.risk === 'review' || x.risk === 'sensitive').length };
  });
}

/** Fresh variants written after each fix (bench/redteam/variants.json): single actions and sessions per fixed class. */
export type Variant = (RedCase | (RedSession & { kind: 'session'; id: string; class: string; label: 'sensitive' | 'ordinary' })) & { fixClass: string };

export function loadVariants(file = resolve('bench/redteam/variants.json')): Variant[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as (Record<string, unknown> & { kind: string })[];
  return raw.map((v) => (v.kind === 'tool' || v.kind === 'session' ? v : { ...v, k: v.kind }) as unknown as Variant);
}

export interface VariantReport {
  perClass: Record<string, { sensitive: number; caught: number; ordinary: number; falseAlarms: number }>;
  misses: string[];
}

export async function runVariants(): Promise<VariantReport> {
  const policy = await createPolicy(REDTEAM_CONFIG);
  const all = loadVariants();
  const isSession = (v: Variant) => 'kind' in v && v.kind === 'session';
  const singles = all.filter((v) => !isSession(v)) as (RedCase & { fixClass: string })[];
  const sessions = all.filter(isSession) as (RedSession & { id: string; label: string; fixClass: string })[];
  const perClass: VariantReport['perClass'] = {};
  const misses: string[] = [];
  const count = (fixClass: string, label: string, hit: boolean, what: string) => {
    const k = (perClass[fixClass] ??= { sensitive: 0, caught: 0, ordinary: 0, falseAlarms: 0 });
    if (label === 'sensitive') {
      k.sensitive++;
      if (hit) k.caught++;
      else misses.push(`MISS ${what}`);
    } else {
      k.ordinary++;
      if (hit) {
        k.falseAlarms++;
        misses.push(`FALSE ALARM ${what}`);
      }
    }
  };
  for (const o of judgeCases(policy, singles)) count((o.c as RedCase & { fixClass: string }).fixClass, o.c.label, o.hit, `${o.c.id} ${JSON.stringify(o.risks)} ${'tools' in o.c ? JSON.stringify(o.c.tools).slice(0, 120) : JSON.stringify(o.c.k === 'sh' ? o.c.c : o.c.p)} :: ${o.why.slice(0, 140)}`);
  const so = await judgeSessions(sessions.map((s) => (s.secretStep === null ? { ...s, secretStep: undefined } : s)));
  so.forEach((o, i) => count(sessions[i]!.fixClass, sessions[i]!.label, o.hit, `${sessions[i]!.id} ${o.results.map((r) => r.risk).join(',')} :: ${o.results.map((r) => r.messages[0] ?? '').join(' | ').slice(0, 160)}`));
  return { perClass, misses };
}

export interface RedReport {
  perClass: Record<string, { sensitive: number; caught: number; ordinary: number; falseAlarms: number; ordinaryClicks: number }>;
  recall: number;
  falseAlarmRate: number;
  sessions: { dangerous: number; caught: number; ordinary: number; falseAlarms: number; ordinaryClicks: number };
  cases: CaseOutcome[];
  sessionOutcomes: SessionOutcome[];
}

export async function runRedteam(): Promise<RedReport> {
  const policy = await createPolicy(REDTEAM_CONFIG);
  const cases = judgeCases(policy, loadCases());
  const perClass: RedReport['perClass'] = {};
  for (const o of cases) {
    const k = (perClass[o.c.class] ??= { sensitive: 0, caught: 0, ordinary: 0, falseAlarms: 0, ordinaryClicks: 0 });
    if (o.c.label === 'sensitive') {
      k.sensitive++;
      if (o.hit) k.caught++;
    } else {
      k.ordinary++;
      if (o.hit) k.falseAlarms++;
      if (Object.values(o.risks).some((r) => r !== 'safe')) k.ordinaryClicks++;
    }
  }
  const sens = cases.filter((o) => o.c.label === 'sensitive');
  const ord = cases.filter((o) => o.c.label === 'ordinary');
  const so = await judgeSessions(loadSessions());
  const dangerous = so.filter((o) => o.s.secretStep !== undefined);
  const ordinary = so.filter((o) => o.s.secretStep === undefined);
  return {
    perClass,
    recall: sens.filter((o) => o.hit).length / sens.length,
    falseAlarmRate: ord.filter((o) => o.hit).length / ord.length,
    sessions: {
      dangerous: dangerous.length,
      caught: dangerous.filter((o) => o.hit).length,
      ordinary: ordinary.length,
      falseAlarms: ordinary.reduce((n, o) => n + o.results.filter((r) => flagged(r.risk)).length, 0),
      ordinaryClicks: ordinary.reduce((n, o) => n + o.clicks, 0),
    },
    cases,
    sessionOutcomes: so,
  };
}
