// The bypass suite: every class of the product brief, several variants each, in every agent's own payload format.
// Each variant must be rated at least sensitive; ordinary work that only mentions permissions or secrets must not be.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RISK_ORDER, type Verdict } from '../../../src/policy';
import { policy } from '../policy/policyHarness';
import { AGENTS, READ_FORMATS, SHELL_FORMATS } from './agentFormats';
import { BYPASS_CLASSES, ORDINARY, READ_PATHS } from './bypassCases';

const atLeastSensitive = (v: Verdict) => RISK_ORDER[v.risk] >= RISK_ORDER.sensitive;
const show = (s: string) => JSON.stringify(s.length > 120 ? `${s.slice(0, 117)}…` : s);

describe('bypass suite: every class, every agent format', () => {
  for (const cls of BYPASS_CLASSES) {
    test(`${cls.name}: ${cls.variants.length} variants × ${AGENTS.length} formats caught`, async (t) => {
      const p = await policy();
      const missed: string[] = [];
      for (const command of cls.variants) {
        for (const agent of AGENTS) {
          const v = p.evaluate(SHELL_FORMATS[agent](command), agent);
          if (!atLeastSensitive(v)) missed.push(`[${agent}] ${show(command)} rated ${v.risk} (${v.reasons.map((r) => r.rule).join(', ')})`);
        }
        // Agents are also detected by shape when the CLI is not told which one it is.
        const detected = p.evaluate(SHELL_FORMATS.claude(command));
        if (!atLeastSensitive(detected)) missed.push(`[detected] ${show(command)} rated ${detected.risk}`);
      }
      t.diagnostic(`${cls.variants.length} variants, ${cls.variants.length * AGENTS.length} payloads`);
      assert.deepEqual(missed, []);
    });
  }

  test(`file reads: ${READ_PATHS.length} spellings of secret paths × ${AGENTS.length} formats caught`, async () => {
    const p = await policy();
    const missed: string[] = [];
    for (const path of READ_PATHS) {
      for (const agent of AGENTS) {
        const v = p.evaluate(READ_FORMATS[agent](path), agent);
        if (!atLeastSensitive(v)) missed.push(`[${agent}] read ${show(path)} rated ${v.risk}`);
      }
    }
    assert.deepEqual(missed, []);
  });

  test(`ordinary work: ${ORDINARY.length} commands × ${AGENTS.length} formats stay below sensitive`, async () => {
    const p = await policy();
    const loud: string[] = [];
    for (const command of ORDINARY) {
      for (const agent of AGENTS) {
        const v = p.evaluate(SHELL_FORMATS[agent](command), agent);
        if (atLeastSensitive(v)) loud.push(`[${agent}] ${show(command)} rated ${v.risk} (${v.reasons.map((r) => `${r.rule}: ${r.message}`).join('; ')})`);
      }
    }
    assert.deepEqual(loud, []);
  });

  // The brief's list of known bypasses, each as the construct a variant must contain (every variant is checked above,
  // so each bypass the brief names is tried in every format), and the ordinary work it says must stay quiet.
  const BRIEF_BYPASSES: [string, RegExp][] = [
    ['bash -c', /\bbash -c\b/], ['sh -c', /(^|[\s;|&(])sh -c\b/], ['python -c', /\bpython3? -c\b/], ['node -e', /\bnode -e\b/],
    ['$(…)', /\$\(/], ['backticks', /`/], ['<(…)', /<\(/], ['subshells', /(^|[\s;&|])\(\s*\S/],
    ['&& chains', /&&/], ['; chains', /;/], ['| chains', /[^|]\|[^|]/], ['find -exec', /\bfind\b.*-exec/], ['xargs', /\bxargs\b/],
    ['env prefix', /(^|[\s;&|])env\s/], ['command prefix', /(^|[\s;&|])command\s/], ['timeout prefix', /\btimeout\s/], ['nice prefix', /\bnice\s/],
    ['absolute binary paths', /(^|[\s;&|])\/(usr\/)?s?bin\/\w+/], ["quote splitting su''do", /su''do/], ['escapes s\\udo', /s\\udo/],
    ['globs', /[*?]/], ['.. paths', /\.\.\//], ['heredocs', /<</], ['variable assignment before commands', /(^|[\s;&|])[A-Za-z_]\w*=\S*\s+\w/],
  ];

  test('every bypass the brief names is among the variants, and its ordinary examples among the quiet ones', () => {
    const variants = BYPASS_CLASSES.flatMap((cls) => cls.variants);
    const absent = BRIEF_BYPASSES.filter(([, construct]) => !variants.some((v) => construct.test(v))).map(([name]) => name);
    assert.deepEqual(absent, []);
    // Writing a script then running it: one variant writes a file and runs that same file.
    assert.ok(variants.some((v) => /(?:>|tee)\s*(\S+)[\s\S]*\b(?:bash|sh|source|\.)\s+\1\b/.test(v)), 'no variant writes a script then runs it');
    // Pathological nesting: some variant nests $( ) more than 100 deep.
    assert.ok(variants.some((v) => (v.match(/\$\(/g) ?? []).length > 100), 'no deeply nested variant');
    for (const quiet of ['grep chmod src/', 'git commit -m "fix sudo docs"', 'cat .env.example']) assert.ok(ORDINARY.includes(quiet), `${quiet} is not among the ordinary commands`);
  });
});
