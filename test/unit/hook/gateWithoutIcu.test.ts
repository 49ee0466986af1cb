// A gate lives as long as its window, so whatever it touches once stays resident: ICU's collation and time-zone data
// (about 3.5 MB of the node binary) are loaded by localeCompare, Intl and Date's string forms. The gate has no need
// for them (its order and timestamps must not depend on the locale anyway), and this probe tells if one comes back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decisions, entriesIn } from './auditRead';
import { hook, sandbox, startHeadlessGate, type HeadlessGate, type Sandbox } from './harness';

let box: Sandbox;
let gate: HeadlessGate;
let calls: string;

before(async () => {
  box = sandbox();
  calls = join(box.dir, 'icu-calls.txt');
  const probe = join(box.dir, 'icu-probe.js');
  // Each entry point that loads ICU data, wrapped to note its first caller.
  writeFileSync(
    probe,
    `const fs = require('fs');
const note = (what) => fs.appendFileSync(${JSON.stringify(calls)}, what + '\\n' + new Error().stack.split('\\n').slice(3, 6).join('\\n') + '\\n');
const wrap = (obj, name, what) => { const f = obj[name]; obj[name] = function (...a) { note(what); return f.apply(this, a); }; };
for (const n of ['localeCompare', 'normalize', 'toLocaleLowerCase', 'toLocaleUpperCase', 'toLocaleString']) wrap(String.prototype, n, 'String.prototype.' + n);
for (const n of ['toISOString', 'toString', 'toDateString', 'toTimeString', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'getTimezoneOffset', 'getFullYear', 'getHours']) wrap(Date.prototype, n, 'Date.prototype.' + n);
for (const n of ['Collator', 'DateTimeFormat', 'NumberFormat', 'Segmenter', 'PluralRules', 'ListFormat', 'RelativeTimeFormat']) wrap(Intl, n, 'Intl.' + n);
wrap(Number.prototype, 'toLocaleString', 'Number.prototype.toLocaleString');\n`,
  );
  // An audit folder with an earlier chain beside the default one: listing chains is where collation used to come in.
  mkdirSync(join(box.dir, 'audit'), { recursive: true });
  writeFileSync(join(box.dir, 'audit', 'other.jsonl'), '');
  writeFileSync(join(box.dir, 'audit', 'older-000001.jsonl'), '');
  writeFileSync(join(box.dir, '.env'), 'TOKEN=x\n');
  gate = await startHeadlessGate(box, ['--folder', box.dir], { ...box.env, NODE_OPTIONS: `--require ${probe}` });
});
after(async () => {
  await gate.stop();
  box.cleanup();
});

test('a gate deciding and logging a mix of requests never loads ICU collation or time-zone data', async () => {
  const env = { ...box.env, COUNTERSIGN_SOCKET: gate.socket };
  const bash = (command: string) => ({ session_id: 's', cwd: box.dir, hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, tool_use_id: `t-${command}` });
  const requests = [
    bash('ls -la'),
    bash('cat .env'),
    bash('git status && npm test'),
    bash("psql -c \"UPDATE users SET role='admin'\""),
    { session_id: 's', cwd: box.dir, hook_event_name: 'PreToolUse', tool_name: 'Write', tool_input: { file_path: join(box.dir, 'src', 'a.ts'), content: 'export const a = 1;\n' }, tool_use_id: 'w' },
    { session_id: 's', cwd: box.dir, hook_event_name: 'PreToolUse', tool_name: 'Edit', tool_input: { file_path: join(box.dir, 'package.json'), old_string: '{', new_string: '{ "x": 1,' }, tool_use_id: 'e' },
  ];
  for (const payload of requests) {
    const run = await hook('claude', payload, env);
    assert.equal(run.code, 0, run.stderr);
  }
  // The requests were decided and logged by this gate (so the writer's timestamps and file listing ran).
  assert.equal(decisions(await entriesIn(gate.auditDir)).length, requests.length);
  assert.ok(existsSync(join(gate.auditDir, 'audit.jsonl')), 'the gate wrote its own chain');
  assert.equal(existsSync(calls) ? readFileSync(calls, 'utf8') : '', '');
});
