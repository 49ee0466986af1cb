// Builds bench/replay/tasks.json.gz: real coding-agent tasks kept as whole ordered sessions (shell commands,
// file writes and edits, reads), each step agent-neutral; bench/replay.bench.ts turns every task into ONE agent's
// exact hook payloads with one session id. Sources and licences: bench/replay/SOURCES.md.
//   node scripts/replay-extract.mjs [mirror root, default /work/.mirror]
// Paths of the task's machine are rewritten to placeholders: $WS (the repository the agent worked in) and $HOME.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = process.argv[2] ?? '/work/.mirror';
const AGENTS = ['claude', 'codex', 'gemini', 'vscode', 'copilot-cli', 'cursor', 'cline'];
const MAX_TEXT = 24_000; // a step's text beyond this is cut (none of the real ones comes close to mattering)

const git = (repo, ...args) => execFileSync('git', ['-C', join(ROOT, repo, 'repo'), ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const pick = (id) => AGENTS[createHash('sha256').update(id).digest()[0] % AGENTS.length];
const cut = (s) => (s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s);

function remap(text, pairs) {
  let out = text;
  for (const [from, to] of pairs) out = out.split(from).join(to);
  return out;
}

const tasks = [];

// 1. mini-swe-agent runs (deepseek-chat on SWE-bench): every bash action of every assistant message, in order.
{
  const repo = 'SWE-agent+mini-swe-agent';
  const seen = new Set();
  const refs = ['refs/pull/814/head', 'refs/pull/816/head', 'refs/pull/854/head'];
  const pairs = [['/testbed', '$WS'], ['/root', '$HOME']];
  for (const ref of refs) {
    const commit = git(repo, 'rev-parse', ref).trim();
    for (const path of git(repo, 'ls-tree', '-r', '--name-only', ref).split('\n').filter((p) => p.endsWith('.traj.json'))) {
      let data;
      try {
        data = JSON.parse(git(repo, 'show', `${ref}:${path}`));
      } catch {
        continue;
      }
      const steps = [];
      for (const m of data.messages ?? []) {
        if (m.role !== 'assistant') continue;
        for (const a of m.extra?.actions ?? []) if (typeof a.command === 'string' && a.command.trim()) steps.push({ k: 'sh', c: cut(remap(a.command, pairs)) });
      }
      if (steps.length === 0) continue;
      const key = createHash('sha256').update(JSON.stringify(steps)).digest('hex');
      if (seen.has(key)) continue; // the same run committed in two pull requests
      seen.add(key);
      const id = `mini/${path.split('/').slice(-2, -1)[0]}@${commit.slice(0, 10)}`;
      tasks.push({ id, source: `SWE-agent/mini-swe-agent@${commit.slice(0, 10)}:${path}`, agent: pick(id), steps });
    }
  }
}

const SWE_TOOL = /^(?:create|open|goto|edit|insert|search_dir|search_file|find_file|scroll_down|scroll_up|submit)(?:\s|$)/;

/**
 * One SWE-agent action as the tool calls it makes: the harness runs a multi-line action line by line, its tools
 * (`create f`, `edit 1:3` … `end_of_edit`) among shell lines; model text that is no command (a `DISCUSSION`
 * paragraph, an echoed `[File: …]` listing) is dropped.
 */
function toolCalls(action) {
  if (!action || /^(?:DISCUSSION|\[File: )/.test(action)) return [];
  const lines = action.split('\n');
  // `insert '…'` / `edit 'old' 'new'`: one call whose quoted text spans lines.
  if (lines.length === 1 || /^(?:edit|insert)\s+'/.test(action) || !lines.some((l) => SWE_TOOL.test(l))) return [action];
  const out = [];
  let shell = [];
  const flush = () => {
    if (shell.join('').trim()) out.push(shell.join('\n').trim());
    shell = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!SWE_TOOL.test(l)) {
      shell.push(l);
      continue;
    }
    flush();
    if (/^(?:edit|insert)(?:\s|$)/.test(l) && lines.some((x, j) => j > i && x.trim() === 'end_of_edit')) {
      const end = lines.findIndex((x, j) => j > i && x.trim() === 'end_of_edit');
      out.push(lines.slice(i, end + 1).join('\n'));
      i = end;
    } else out.push(l);
  }
  flush();
  return out;
}

/**
 * SWE-agent trajectory steps (its .traj format: `trajectory[].action`, the agent's tool calls in order), with the
 * repository root `root` rewritten to $WS: its editor tools become file writes, edits and reads.
 */
function sweAgentSteps(data, root) {
  const pairs = [[root, '$WS'], ['/testbed', '$WS'], ['/root', '$HOME'], ['~/', '$HOME/']];
  const files = new Map(); // content of files the agent created, so line edits can be replayed exactly
  let open = '';
  const abs = (p) => (p.startsWith('/') || p.startsWith('$') ? p : `$WS/${p}`);
  const steps = [];
  for (const action of (data.trajectory ?? []).flatMap((t) => toolCalls(remap(String(t.action ?? '').trim(), pairs)))) {
    const [head, ...rest] = action.split('\n');
    // Quoted arguments stay one word (`search_dir "custom key serializer"`).
    const words = head.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? [''];
    const name = words[0];
    const unq = (s) => s.replace(/^["']|["']$/g, '');
    if (name === 'create') {
      const p = abs(unq(words[1] ?? 'new.py'));
      files.set(p, '');
      open = p;
      steps.push({ k: 'w', p, t: '' });
    } else if (name === 'open') {
      open = abs(unq(words[1] ?? ''));
      steps.push({ k: 'r', p: open });
    } else if (name === 'edit' && /^\d+:\d+$/.test(words[1] ?? '')) {
      const body = rest.join('\n').replace(/\n?end_of_edit\s*$/, '');
      const [a, b] = words[1].split(':').map(Number);
      if (files.has(open)) {
        const lines = files.get(open).split('\n');
        lines.splice(a - 1, b - a + 1, ...body.split('\n'));
        const text = lines.join('\n');
        files.set(open, text);
        steps.push({ k: 'w', p: open, t: cut(text) });
      } else steps.push({ k: 'e', p: open, o: '', n: cut(body) });
    } else if (name === 'edit' || name === 'insert') {
      // the windowed editor's `edit 'old' 'new'` form: an edit of the open file
      const m = /^(?:edit|insert)\s+'([\s\S]*?)'\s+'([\s\S]*)'$/.exec(action);
      if (m && files.has(open)) {
        const text = name === 'insert' ? `${files.get(open)}${m[1]}\n` : files.get(open).replace(m[1], m[2]);
        files.set(open, text);
        steps.push({ k: 'w', p: open, t: cut(text) });
      } else if (m) steps.push({ k: 'e', p: open, o: m[1], n: m[2] });
    } else if (name === 'search_dir') steps.push({ k: 'sh', c: `grep -rn ${words.slice(1, 2).join(' ')} ${words[2] ?? '.'}` });
    else if (name === 'search_file') steps.push({ k: 'sh', c: `grep -n ${words[1] ?? ''} ${words[2] ?? open}` });
    else if (name === 'find_file') steps.push({ k: 'sh', c: `find ${words[2] ?? '.'} -name ${words[1] ?? ''}` });
    // exit_cost, exit_context, exit_format …: the harness ending the run, not something the agent sent.
    else if (/^exit_/.test(name) || ['goto', 'scroll_down', 'scroll_up', 'submit', 'decompile', 'disassemble', 'debug_start', 'debug_step', 'debug_stop'].includes(name) || name.startsWith('connect_')) continue;
    else steps.push({ k: 'sh', c: cut(action) });
  }
  return steps;
}

// 2. SWE-agent demonstrations and test trajectories: its editor tools become file writes, edits and reads.
{
  const repo = 'SWE-agent+SWE-agent';
  const commit = git(repo, 'rev-parse', 'HEAD').trim();
  for (const path of git(repo, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter((p) => p.endsWith('.traj'))) {
    let data;
    try {
      data = JSON.parse(git(repo, 'show', `HEAD:${path}`));
    } catch {
      continue;
    }
    const root = /\/SWE-agent__test-repo|\/marshmallow-code__marshmallow|\/pydicom__pydicom/.exec(JSON.stringify(data))?.[0] ?? '/testbed';
    const steps = sweAgentSteps(data, root);
    if (steps.length === 0) continue;
    const id = `sweagent/${path.split('/').pop().replace(/\.traj$/, '')}/${createHash('sha256').update(path).digest('hex').slice(0, 6)}`;
    tasks.push({ id, source: `SWE-agent/SWE-agent@${commit.slice(0, 10)}:${path}`, agent: pick(id), steps });
  }
}

// 3. A developer's own Claude Code session (raw transcript JSONL): Bash, Write, Edit, MultiEdit, Read, in order.
{
  const repo = 'kiliman+claude-transcript';
  const commit = git(repo, 'rev-parse', 'HEAD').trim();
  const path = 'test/test2.jsonl';
  const pairs = [['/Users/michael/Projects/oss/graph-monitor', '$WS'], ['/Users/michael', '$HOME']];
  const bySession = new Map();
  for (const line of git(repo, 'show', `HEAD:${path}`).split('\n')) {
    let d;
    try {
      d = JSON.parse(line);
    } catch {
      continue;
    }
    const content = d.message?.content;
    if (!Array.isArray(content)) continue;
    const steps = bySession.get(d.sessionId) ?? [];
    bySession.set(d.sessionId, steps);
    for (const b of content) {
      if (b.type !== 'tool_use') continue;
      const i = JSON.parse(remap(JSON.stringify(b.input ?? {}), pairs));
      if (b.name === 'Bash') steps.push({ k: 'sh', c: cut(i.command) });
      else if (b.name === 'Write') steps.push({ k: 'w', p: i.file_path, t: cut(i.content) });
      else if (b.name === 'Edit') steps.push({ k: 'e', p: i.file_path, o: cut(i.old_string), n: cut(i.new_string) });
      else if (b.name === 'MultiEdit') for (const e of i.edits ?? []) steps.push({ k: 'e', p: i.file_path, o: cut(e.old_string), n: cut(e.new_string) });
      else if (b.name === 'Read') steps.push({ k: 'r', p: i.file_path });
      else if (b.name === 'Grep') steps.push({ k: 'sh', c: `rg -n ${JSON.stringify(i.pattern)} ${i.path ?? '.'}` });
    }
  }
  for (const [sid, steps] of bySession) if (steps.length) tasks.push({ id: `claude-session/${sid.slice(0, 8)}`, source: `kiliman/claude-transcript@${commit.slice(0, 10)}:${path}`, agent: 'claude', steps });
}

// 4. Multi-SWE-bench's Java runs: SWE-agent with five models on real Java repositories (dubbo, jackson, jib, …);
// the same .traj format as (2), each run's repository at /<owner>__<repo>.
{
  const repo = 'multi-swe-bench+experiments';
  const commit = git(repo, 'rev-parse', 'HEAD').trim();
  for (const path of git(repo, 'ls-tree', '-r', '--name-only', 'HEAD').split('\n').filter((p) => /^evaluation\/java\/verified\/[^/]+\/trajs\/[^/]+\.traj$/.test(p))) {
    let data;
    try {
      data = JSON.parse(git(repo, 'show', `HEAD:${path}`));
    } catch {
      continue;
    }
    const instance = path.split('/').pop().replace(/\.traj$/, '');
    const steps = sweAgentSteps(data, `/${instance.replace(/-\d+$/, '')}`);
    if (steps.length === 0) continue;
    const run = path.split('/')[3].replace(/^\d+_SWE-agent_/, '');
    const id = `msb-java/${run}/${instance}`;
    tasks.push({ id, source: `multi-swe-bench/experiments@${commit.slice(0, 10)}:${path}`, agent: pick(id), steps });
  }
}

tasks.sort((a, b) => a.id.localeCompare(b.id));
const out = gzipSync(JSON.stringify({ version: 1, tasks }), { level: 9 });
writeFileSync('bench/replay/tasks.json.gz', out);
const n = tasks.reduce((s, t) => s + t.steps.length, 0);
console.log(`${tasks.length} tasks, ${n} steps, ${out.length} bytes`);
