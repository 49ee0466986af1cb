// The checks every real agent must pass, written once and run per agent (one test file per agent, so agents run
// in parallel). Each check scripts the model's tool call, runs the real agent, and judges what happened from
// three independent records: the hook calls (what Countersign was asked and answered), the model's request log
// (what reached the model), and the gate's audit log (what Countersign decided and recorded).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ModelServer } from './model/server';
import type { ToolCallSpec } from './model/types';
import type { RunResult } from './proc';
import { CLI, HELLO_BEFORE, REPO, Sandbox, type AuditDecision, type HookCall } from './sandbox';
import { missingFields, toCapture, writeCaptures, type Capture } from './captures';
import { hookDenied } from './verdict';
import { PROMPT, type Driver, type FileRef, type Pin } from './drivers/types';
import { sandboxCheck } from './sandboxCheck';
import pins from './agents.json';

export const CHECKS = ['config', 'sensitive shell', 'safe shell', 'sensitive read', 'sensitive write', 'edit diff', 'agent-specific', 'sandbox', 'hook crash', 'no gate', 'payload shape'] as const;
export type CheckName = (typeof CHECKS)[number];

export interface CheckResult {
  check: CheckName;
  status: 'pass' | 'fail' | 'n/a';
  detail: string;
}

export interface AgentReport {
  agent: string;
  label: string;
  version: string;
  installed: string | undefined;
  checks: CheckResult[];
  captures: number;
  seconds: number;
}

const CACHE = process.env.COUNTERSIGN_AGENT_CACHE ?? join(process.env.HOME ?? '/root', '.cache', 'countersign', 'agents');
const RESULTS = process.env.CONFORMANCE_RESULTS ?? join(REPO, 'out', 'conformance', 'results');
const CAPTURES = process.env.CONFORMANCE_CAPTURES ?? join(REPO, 'out', 'conformance', 'captures');
const FIXTURES = join(REPO, 'test', 'fixtures', 'agent-captures');

export function agentBin(agent: string, pin: Pin): string {
  return join(CACHE, `${agent}-${pin.version}`, 'node_modules', '.bin', pin.bin);
}

export interface Turn {
  run: RunResult;
  hooks: HookCall[];
  /** Every request body the model received in this run, concatenated. */
  bodies: string;
  toolResults: string[];
  mainRequests: number;
}

/** What the agent said about itself, for the transcript of a failure. */
function tail(run: RunResult): string {
  return `exit ${run.code}${run.timedOut ? ' (timed out)' : ''} after ${run.ms} ms; stdout: ${run.stdout.slice(-800)}; stderr: ${run.stderr.slice(-800)}`;
}

function evaluate(agent: string, payload: string): { kind: string; [k: string]: unknown } {
  const r = spawnSync(process.execPath, [CLI, 'evaluate', '--agent', agent], { input: payload, encoding: 'utf8' });
  const out = JSON.parse(r.stdout) as { action?: { kind: string }; error?: string };
  if (!out.action) throw new Error(`evaluate could not parse the payload: ${out.error ?? r.stderr}`);
  return out.action;
}

export function defineAgentSuite(driver: Driver): void {
  const pin = (pins as Record<string, Pin>)[driver.agent]!;
  const bin = agentBin(driver.agent, pin);
  const results: CheckResult[] = [];
  const captures = new Map<string, Capture>();
  const t0 = Date.now();
  let sb: Sandbox;
  let model: ModelServer;
  let installed: string | undefined;
  let turns = 0;

  /** Runs the agent once with the model scripted to make `calls`; returns every record of what happened. */
  async function turn(calls: ToolCallSpec[], capture = true): Promise<Turn> {
    sb.newHookCalls();
    model.script({ calls, final: driver.final });
    const run = await driver.run(sb, model, bin, PROMPT);
    const hooks = sb.newHookCalls();
    for (const h of capture ? hooks : []) {
      const c = toCapture(driver.agent, h, sb);
      captures.set(c.name, c);
    }
    if (process.env.CONFORMANCE_DEBUG) {
      // Everything the model saw and the agent printed, to diagnose a failing release: out/conformance/debug/.
      const dir = join(REPO, 'out', 'conformance', 'debug');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${driver.agent}-${++turns}.json`), JSON.stringify({ calls, requests: model.requests, run, hooks }, null, 2));
    }
    return { run, hooks, bodies: model.allBodies(), toolResults: model.toolResults(), mainRequests: model.requests.filter((r) => r.main).length };
  }

  function check(name: CheckName, fn: () => Promise<string | void>, applies = true): void {
    test(name, async (t) => {
      if (!applies) {
        results.push({ check: name, status: 'n/a', detail: 'the agent has no such tool' });
        t.skip('not applicable');
        return;
      }
      try {
        const detail = (await fn()) ?? '';
        results.push({ check: name, status: 'pass', detail });
      } catch (err) {
        results.push({ check: name, status: 'fail', detail: (err as Error).message.split('\n')[0]!.slice(0, 300) });
        throw err;
      }
    });
  }

  /** The hook call whose payload mentions `needle`, or a failure naming what the agent did instead. */
  function hookFor(t: Turn, needle: string): HookCall {
    const call = [...t.hooks].reverse().find((h) => h.payload.includes(needle));
    assert.ok(call, `the agent never asked Countersign about ${JSON.stringify(needle)} (${t.hooks.length} hook calls); ${tail(t.run)}`);
    return call;
  }

  /** The latest audit decision whose one-line summary is `summary` (a command) or contains it (a path). */
  function auditFor(summary: string, where: 'gate' | 'offline' = 'gate', exact = false): AuditDecision {
    const entry = [...sb.auditDecisions(where)].reverse().find((e) => (exact ? e.request?.summary === summary : e.request?.summary.includes(summary)));
    assert.ok(entry, `no ${where} audit decision for ${JSON.stringify(summary)}`);
    return entry;
  }

  /** A denied action: Countersign said no, the agent obeyed, the secret never reached the model, the run went on. */
  function assertBlocked(t: Turn, needle: string): HookCall {
    const call = hookFor(t, needle);
    assert.ok(hookDenied(driver.agent, call), `Countersign did not deny ${needle}: answered ${call.stdout.trim() || '(nothing)'} exit ${call.exitCode}`);
    assert.ok(!t.bodies.includes(sb.canary), `the secret reached the model although Countersign denied ${needle}`);
    assert.ok(!t.run.timedOut, `the agent hung: ${tail(t.run)}`);
    // The agent reported the denial back to the model and the conversation continued (no aborted run).
    assert.ok(t.toolResults.length > 0, `the model never got a tool result after the denial (run aborted?); ${tail(t.run)}`);
    // Cline tells the model through hook context next to the (no-op) tool result; the others in the result itself.
    const told = driver.agent === 'cline' ? /<hook_context[^>]*>(?:\\n|\s)*Countersign:/.test(t.bodies) : /Countersign:/.test(t.toolResults.join('\n'));
    assert.ok(told, 'the model was not told that Countersign denied the action');
    return call;
  }

  const ref = (name: string): FileRef => ({ abs: sb.file(name), rel: name });

  describe(`${pin.label} ${pin.version}`, { concurrency: false }, () => {
    before(async () => {
      assert.ok(existsSync(bin), `${pin.package}@${pin.version} is not installed at ${bin}: run test/harness/ensure-agents.sh`);
      const v = spawnSync(bin, ['--version'], { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
      installed = `${v.stdout}`.match(/\d+\.\d+\.\d+/)?.[0];
      assert.equal(installed, pin.version, `${bin} --version says ${v.stdout.trim() || v.stderr.trim()}`);
      sb = new Sandbox(driver.agent);
      model = await new ModelServer().start();
      await driver.prepare(sb, model, bin);
      await sb.startGate();
    });

    after(async () => {
      await sb?.dispose();
      await model?.stop();
      writeCaptures(CAPTURES, [...captures.values()]);
      mkdirSync(RESULTS, { recursive: true });
      const report: AgentReport = { agent: driver.agent, label: pin.label, version: pin.version, installed, checks: results, captures: captures.size, seconds: (Date.now() - t0) / 1000 };
      writeFileSync(join(RESULTS, `${driver.agent}.json`), JSON.stringify(report, null, 2));
    });

    check('config', async () => {
      const applied = sb.connect(driver.codexHome?.(sb));
      assert.ok(applied.length > 0, 'Connect Agents wrote nothing');
      const files = applied.map((a) => a.plan.target.file);
      const hookFile = files[0]!;
      assert.ok(readFileSync(hookFile, 'utf8').includes(sb.shim), `${hookFile} does not run the shim`);
      if (driver.agent === 'cline') assert.ok((statSync(hookFile).mode & 0o100) !== 0, 'the Cline hook is not executable');
      if (driver.agent === 'gemini') {
        const settings = JSON.parse(readFileSync(hookFile, 'utf8')) as { security?: unknown; hooks: { BeforeTool: { hooks: { timeout: number }[] }[] } };
        const timeout = settings.hooks.BeforeTool[0]!.hooks[0]!.timeout;
        assert.equal(timeout, 600_000, 'Gemini hook timeout must be written in milliseconds');
        assert.ok(settings.security, "Connect Agents dropped the user's own Gemini settings");
      }
      if (driver.agent === 'codex') {
        const { codexHooksList } = await import('./drivers/codexAppServer');
        const hooks = await codexHooksList(bin, sb.project, { PATH: process.env.PATH, HOME: sb.home, CODEX_HOME: driver.codexHome!(sb) });
        const ours = hooks.filter((h) => h.command?.includes(sb.shim));
        assert.equal(ours.length, 1, `Codex lists ${ours.length} Countersign hooks: ${JSON.stringify(hooks)}`);
        assert.equal(ours[0]!.trustStatus, 'trusted', `Codex does not trust the hook Connect Agents wrote: ${JSON.stringify(ours[0])}`);
        return `${files.map((f) => f.replace(sb.root, '…')).join(', ')}; Codex hooks/list: trusted`;
      }
      return files.map((f) => f.replace(sb.root, '…')).join(', ');
    });

    check('sensitive shell', async () => {
      const t = await turn([driver.tools.shell('cat .env')]);
      assertBlocked(t, 'cat .env');
      const audit = auditFor('cat .env', 'gate', true);
      assert.equal(audit.decision.decision, 'deny');
      assert.equal(audit.request?.kind, 'shell');
      if (driver.agent === 'cline') {
        // Blocked per tool: Cline ran the harmless replacement and the task went on to the model's final answer.
        assert.equal(t.run.code, 0, tail(t.run));
        assert.ok(t.mainRequests >= 2, 'Cline did not go back to the model after the denial');
      }
      return `risk ${audit.request?.risk}`;
    });

    check('safe shell', async () => {
      const t = await turn([driver.tools.shell('ls')]);
      const call = hookFor(t, 'ls');
      assert.ok(!hookDenied(driver.agent, call), `Countersign denied ls: ${call.stdout}`);
      assert.ok(t.toolResults.some((r) => r.includes(sb.marker)), `the listing never reached the model; results: ${JSON.stringify(t.toolResults).slice(0, 400)}; ${tail(t.run)}`);
      const audit = auditFor('ls', 'gate', true);
      assert.equal(audit.decision.decision, 'allow');
      return `risk ${audit.request?.risk}`;
    });

    check(
      'sensitive read',
      async () => {
        const t = await turn(driver.tools.read!(ref(driver.secretFile)));
        assertBlocked(t, driver.secretFile);
        const audit = auditFor(driver.secretFile);
        assert.equal(audit.decision.decision, 'deny');
        return `${audit.request?.tool} → ${audit.request?.kind}, risk ${audit.request?.risk}`;
      },
      driver.tools.read !== undefined,
    );

    check(
      'sensitive write',
      async () => {
        const { name, exists } = driver.secretWrite;
        const beforeText = sb.read(name);
        const t = await turn(driver.tools.write!(ref(name), 'API_KEY=written-by-the-agent\n', exists));
        assertBlocked(t, name);
        assert.equal(sb.read(name), beforeText, `${name} changed although Countersign denied the write`);
        const audit = auditFor(name);
        assert.equal(audit.decision.decision, 'deny');
        return `${audit.request?.tool} → ${audit.request?.kind}, risk ${audit.request?.risk}`;
      },
      driver.tools.write !== undefined,
    );

    check(
      'edit diff',
      async () => {
        sb.resetProject();
        const t = await turn(driver.tools.edit!(ref('hello.txt'), 'world', 'countersign', HELLO_BEFORE));
        const call = [...t.hooks].reverse().find((h) => h.payload.includes('countersign') && h.payload.includes('hello'));
        assert.ok(call, `the edit never reached Countersign (${t.hooks.length} hook calls); ${tail(t.run)}`);
        const action = evaluate(driver.agent, call.payload);
        let diff: string;
        if (action.kind === 'edit') {
          const edits = action.edits as { oldText: string; newText: string }[];
          assert.ok(String(action.path).endsWith('/hello.txt'), `edit path ${String(action.path)}`);
          assert.ok(
            edits.some((e) => e.oldText.includes('world') && e.newText.includes('countersign')),
            `edit without the diff: ${JSON.stringify(edits)}`,
          );
          diff = `edit ${JSON.stringify(edits[0])}`;
        } else if (action.kind === 'patch') {
          const files = action.files as { path: string; op: string }[];
          assert.ok(files.some((f) => f.path.endsWith('/hello.txt') && f.op === 'update'), `patch files ${JSON.stringify(files)}`);
          assert.match(String(action.patch), /-hello world\n\+hello countersign/);
          diff = `patch update hello.txt`;
        } else {
          assert.fail(`the edit parsed as ${action.kind}, not edit or patch: ${JSON.stringify(action).slice(0, 300)}`);
        }
        const audit = auditFor('hello.txt');
        assert.ok(['edit', 'patch'].includes(audit.request?.kind ?? ''), `audit kind ${audit.request?.kind}`);
        // Whatever the policy decided, the agent obeyed it.
        const now = sb.read('hello.txt');
        if (audit.decision.decision === 'allow') assert.equal(now, 'hello countersign\n', 'allowed edit was not applied');
        else assert.equal(now, HELLO_BEFORE, 'denied edit was applied');
        return `${diff}; ${audit.decision.decision} (risk ${audit.request?.risk})`;
      },
      driver.tools.edit !== undefined,
    );

    agentSpecific(driver, () => ({ sb, turn, assertBlocked }), check);

    check('sandbox', () => sandboxCheck(driver, sb, turn, (s) => auditFor(s, 'gate', true)));

    check('hook crash', async () => {
      // The runtime dies without an answer: the shim the extension writes must deny on its own.
      sb.crashHook(true);
      try {
        const t = await turn([driver.tools.shell('cat .env')], false);
        hookFor(t, 'cat .env');
        assert.ok(!t.run.timedOut, `the agent hung: ${tail(t.run)}`);
        assert.ok(!t.bodies.includes(sb.canary), 'the secret reached the model when the hook crashed');
        return driver.agent === 'cline' ? 'denied (Cline aborts the task on the shim\'s cancel)' : 'denied by the shim';
      } finally {
        sb.crashHook(false);
      }
    });

    check('no gate', async () => {
      await sb.stopGate();
      const t = await turn([driver.tools.shell('cat .env')]);
      assertBlocked(t, 'cat .env');
      const audit = auditFor('cat .env', 'offline', true);
      assert.equal(audit.decision.decision, 'deny');
      return `offline decision by ${audit.decision.decidedBy}`;
    });

    check('payload shape', () => {
      const drift = [...captures.values()].flatMap((c) => (missingFields(FIXTURES, c) ?? []).map((k) => `${c.name}: ${k}`));
      assert.deepEqual(drift, [], `payload fields the committed captures have and this release no longer sends: ${drift.join(', ')}`);
      return Promise.resolve(`${captures.size} payloads`);
    });
  });
}

type Check = (name: CheckName, fn: () => Promise<string | void>, applies?: boolean) => void;
interface Ctx {
  sb: Sandbox;
  turn: (calls: ToolCallSpec[]) => Promise<Turn>;
  assertBlocked: (t: Turn, needle: string) => HookCall;
}

/** What only one agent needs proven: Gemini's millisecond timeout in behaviour, Cline's per-tool blocking. */
function agentSpecific(driver: Driver, ctx: () => Ctx, check: Check): void {
  if (driver.agent === 'gemini') {
    check('agent-specific', async () => {
      const { sb, turn, assertBlocked } = ctx();
      const settingsFile = join(sb.home, '.gemini', 'settings.json');
      const written = readFileSync(settingsFile, 'utf8');
      try {
        // A hook that takes 2 s is still obeyed: the timeout Connect wrote is 600 000 ms, not 600 ms.
        sb.slowHook(2);
        assertBlocked(await turn([driver.tools.shell('cat .env')]), 'cat .env');
        // Control: the same hook with the timeout read as seconds (600 → 0.6 s) times out and Gemini runs the tool.
        writeFileSync(settingsFile, written.replace('"timeout": 600000', '"timeout": 600'));
        const control = await turn([driver.tools.shell('cat .env')]);
        assert.ok(control.bodies.includes(sb.canary), 'control failed: with a 600 ms timeout Gemini should have run the tool');
        return 'a 2 s hook is obeyed with 600000; with 600 Gemini runs the tool (control)';
      } finally {
        sb.slowHook(0);
        writeFileSync(settingsFile, written);
      }
    });
  } else if (driver.agent === 'cline') {
    check('agent-specific', async () => {
      const { sb, turn, assertBlocked } = ctx();
      // Blocked per tool, not per task: after the denied command the same run goes on to run the next one.
      const t = await turn([driver.tools.shell('cat .env'), driver.tools.shell('ls')]);
      assertBlocked(t, 'cat .env');
      assert.ok(t.bodies.includes(sb.marker), 'the run stopped after the denial: the next command never ran');
      assert.equal(t.run.code, 0);
      return 'after a denied command the same task ran the next one';
    });
  } else if (driver.agent === 'codex') {
    check('agent-specific', async () => {
      const { sb } = ctx();
      const { codexHooksList } = await import('./drivers/codexAppServer');
      const { untrustCodexHooks } = await import('../../src/agents/codexTrust');
      const bin = agentBin('codex', (pins as Record<string, Pin>).codex!);
      const home = driver.codexHome!(sb);
      const configFile = join(home, 'config.toml');
      const hooksFile = join(home, 'hooks.json');
      const saved = { config: readFileSync(configFile, 'utf8'), hooks: readFileSync(hooksFile, 'utf8') };
      const env = { PATH: process.env.PATH, HOME: sb.home, CODEX_HOME: home };
      const list = () => codexHooksList(bin, sb.project, env);
      try {
        // Control: without the trust entry Connect Agents wrote, Codex would skip the hook silently.
        const key = (await list()).find((h) => h.command?.includes(sb.shim))!.key;
        writeFileSync(configFile, untrustCodexHooks(saved.config, [key]));
        assert.equal((await list()).find((h) => h.key === key)?.trustStatus, 'untrusted', 'control failed: removing the trust entry did not untrust the hook');
        writeFileSync(configFile, saved.config);

        // The user's own hook after Countersign's, trusted the way Codex's /hooks does it (its current hash).
        const hooks = JSON.parse(saved.hooks) as { hooks: { PreToolUse: unknown[] } };
        hooks.hooks.PreToolUse.push({ matcher: 'Bash', hooks: [{ type: 'command', command: 'true', timeout: 30 }] });
        writeFileSync(hooksFile, JSON.stringify(hooks, null, 2));
        const mine = (await list()).find((h) => h.command === 'true')!;
        writeFileSync(configFile, `${saved.config}\n[hooks.state.${JSON.stringify(mine.key)}]\ntrusted_hash = ${JSON.stringify(mine.currentHash)}\n`);
        // Disconnect shifts that hook to Countersign's old position; its trust must move with it.
        sb.disconnect(home);
        const left = await list();
        assert.ok(!left.some((h) => h.command?.includes(sb.shim)), 'Disconnect left the Countersign hook in place');
        assert.equal(left.find((h) => h.command === 'true')?.trustStatus, 'trusted', `after Disconnect the user's own hook lost its trust: ${JSON.stringify(left)}`);
        return `untrusted without the entry Connect wrote (control); after Disconnect the user's later hook stays trusted (${key.replace(sb.root, '…')})`;
      } finally {
        writeFileSync(configFile, saved.config);
        writeFileSync(hooksFile, saved.hooks);
      }
    });
  } else {
    check('agent-specific', () => Promise.resolve(''), false);
  }
}
