// Sandbox benchmark (`npm run bench`, or `node scripts/bench.mjs sandbox [--json] [--replay=N]`):
//  1. the per-command overhead of `countersign sandbox` (the built CLI, as a hook's rewritten command runs it):
//     median wall time of `true`, `ls`, `node -e 0`, `git status` run directly and sandboxed, and the ratio;
//  2. ordinary agent commands on a real sample repository (git, package.json with npm scripts, Python, a Makefile,
//     a C file), then real agent commands from bench/replay (whole sessions in order, network and process-killing
//     commands left out, `$WS` pointing at the sample repository): each runs on two identical copies, one directly
//     and one sandboxed, and the bench counts the commands whose exit code or output differ: those fail only
//     because of the sandbox (the goal is none).
// The sample repository lives under out/ (not in a temporary folder, which the sandbox leaves writable anyway).
// Measures; never fails on a time.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadTasks } from './replay/replay';
import { probeSandbox } from '../src/sandbox/probe';
import { buildPlan } from '../src/sandbox/build';

const CLI = resolve('dist', 'cli.js');
const json = process.argv.includes('--json');
const replayLimit = Number(process.argv.find((a) => a.startsWith('--replay='))?.slice('--replay='.length) ?? 150);
const FIXED_ENV = { GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.org', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.org', PYTHONDONTWRITEBYTECODE: '1', LC_ALL: 'C' };

interface Run {
  code: number | null;
  out: string;
  ms: number;
}

function run(cmd: string, cwd: string, sandboxed: boolean, workspace = cwd): Run {
  const env = { ...process.env, ...FIXED_ENV };
  const t0 = process.hrtime.bigint();
  const r = sandboxed
    ? spawnSync(process.execPath, [CLI, 'sandbox', '--workspace', workspace, '--', 'sh', '-c', cmd], { cwd, env, encoding: 'utf8', timeout: 30_000 })
    : spawnSync('sh', ['-c', cmd], { cwd, env, encoding: 'utf8', timeout: 30_000 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { code: r.status, out: `${r.stdout}\u0000${r.stderr}`, ms };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};

/** A small real project: git history, npm scripts, a Python module and test, a Makefile, a C file. */
function sampleRepo(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  mkdirSync(join(dir, 'tests'), { recursive: true });
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'sample', version: '1.0.0', private: true, scripts: { test: 'node test.js', build: 'node build.js' } }, null, 2) + '\n',
    'index.js': 'exports.add = (a, b) => a + b;\n',
    'test.js': "const assert = require('assert');\nassert.equal(require('./index').add(2, 3), 5);\nconsole.log('js tests ok');\n",
    'build.js': "require('fs').mkdirSync('build', { recursive: true });\nrequire('fs').writeFileSync('build/out.txt', 'built');\nconsole.log('built');\n",
    'src/calc.py': 'def mul(a, b):\n    return a * b\n\n# TODO: division\n',
    'tests/test_calc.py': "import sys, os\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'src'))\nfrom calc import mul\nassert mul(3, 4) == 12\nprint('py tests ok')\n",
    'app.py': "import json\nprint(json.dumps({'ok': True}))\n",
    'hello.c': '#include <stdio.h>\nint main(void) { puts("hello from c"); return 0; }\n',
    Makefile: 'all: hello\nhello: hello.c\n\tcc -o hello hello.c\ntest: hello\n\t./hello\n\tpython3 tests/test_calc.py\nclean:\n\trm -f hello\n',
    'README.md': '# sample\n\nA sample project for the sandbox bench.\n',
    // Ignored, as real projects keep it: a tracked .env shows as changed inside (it reads as empty there).
    '.gitignore': 'hello\nbuild/\nnode_modules/\n.env\n.venv-bench/\n',
    '.env': 'SECRET_API_KEY=bench-canary-not-real\n',
  };
  for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, f), t);
  spawnSync('sh', ['-c', 'git init -q && git add -A && git commit -qm "initial" && git tag v1'], { cwd: dir, env: { ...process.env, ...FIXED_ENV } });
}

const ORDINARY = [
  'ls -la',
  'pwd',
  'git status',
  'git log --oneline',
  'git diff HEAD',
  'git branch feature && git checkout -q feature && git checkout -q -',
  'echo "// more" >> index.js && git add index.js && git commit -qm "more" && git log --oneline | wc -l',
  'git stash -q 2>&1; git stash list | wc -l',
  'git show --stat HEAD | head -5',
  'npm test',
  'npm run build && cat build/out.txt',
  'node -e "console.log(process.version.startsWith(\'v\'))"',
  'python3 app.py',
  'python3 tests/test_calc.py',
  'python3 -c "import sys; print(sys.version_info[0])"',
  'python3 -m venv .venv-bench >/dev/null && .venv-bench/bin/python -c "print(1)"',
  'make && ./hello',
  'make test',
  'make clean',
  'grep -rn TODO --include=*.py .',
  'find . -name "*.py" -not -path "./.venv-bench/*" | sort',
  'sed -i "s/mul/times/" src/calc.py && grep -c times src/calc.py',
  'mkdir -p tmp/a && cp README.md tmp/a/ && mv tmp/a tmp/b && ls tmp/b && rm -rf tmp',
  'cat README.md | wc -l',
  'echo hi > /tmp/sandbox-bench-$$.txt && cat /tmp/sandbox-bench-$$.txt && rm /tmp/sandbox-bench-$$.txt',
  'tar czf /tmp/sandbox-bench-$$.tgz src && tar tzf /tmp/sandbox-bench-$$.tgz | sort && rm /tmp/sandbox-bench-$$.tgz',
];

const ORDINARY_FIRST = new Set(['cd', 'cat', 'grep', 'sed', 'python', 'python3', 'find', 'cp', 'echo', 'git', 'head', 'ls', 'pwd', 'rm', 'awk', 'tail', 'mkdir', 'mv', 'wc', 'diff', 'node', 'npm', 'rg', 'patch', 'for']);
const LEFT_OUT = /\b(pip3?|conda|curl|wget|apt-get|pkill|kill|lsof|tshark|npm install|npm i)\b|\$HOME|~\//;

/** Real agent commands, whole sessions in order, until `limit` commands. */
function replayCommands(limit: number): { task: string; cmd: string }[] {
  const out: { task: string; cmd: string }[] = [];
  for (const task of loadTasks()) {
    const cmds = task.steps.flatMap((s) => (s.k === 'sh' ? [s.c] : []));
    const kept = cmds.filter((c) => ORDINARY_FIRST.has(c.trim().split(/\s+/)[0] ?? '') && !LEFT_OUT.test(c));
    if (kept.length === 0 || kept.length > limit - out.length) continue;
    out.push(...kept.map((cmd) => ({ task: task.id, cmd })));
    if (out.length >= limit) break;
  }
  return out;
}

function compare(label: string, cmds: string[], a: string, b: string): { total: number; differ: { cmd: string; outside: Run; inside: Run }[] } {
  const differ: { cmd: string; outside: Run; inside: Run }[] = [];
  for (const raw of cmds) {
    const outside = run(raw.replaceAll('$WS', a), a, false);
    const inside = run(raw.replaceAll('$WS', b), b, true);
    // Wall times in test runners' summaries and listing dates are not the sandbox's doing.
    const norm = (r: Run, dir: string) =>
      `${r.code}\u0000${r.out
        .replaceAll(dir, '$WS')
        .replace(/sandbox-bench-\d+/g, 'sandbox-bench-N')
        .replace(/_logs\/\S+/g, '_logs/LOG')
        .replace(/\d+(\.\d+)?s\b/g, 'Ns')
        .replace(/[A-Z][a-z]{2} +\d+ \d\d:\d\d/g, 'DATE')}`;
    if (norm(outside, a) !== norm(inside, b)) differ.push({ cmd: raw, outside, inside });
  }
  if (!json) {
    const failed = differ.filter((d) => d.outside.code !== d.inside.code).length;
    console.log(`${label}: ${cmds.length} commands; ${failed} exit differently inside the sandbox, ${differ.length} differ in exit code or output (goal 0; a listing that shows a hidden file as empty counts)`);
    for (const d of differ.slice(0, 12)) {
      console.log(`  ✘ ${d.cmd.slice(0, 140).replace(/\n/g, '⏎')}`);
      console.log(`      outside exit ${d.outside.code}: ${d.outside.out.replaceAll('\u0000', ' | ').slice(0, 160).replace(/\n/g, '⏎')}`);
      console.log(`      inside  exit ${d.inside.code}: ${d.inside.out.replaceAll('\u0000', ' | ').slice(0, 160).replace(/\n/g, '⏎')}`);
    }
  }
  return { total: cmds.length, differ };
}

function main(): void {
  const probe = probeSandbox();
  if (probe.state !== 'available') {
    console.log(`sandbox: ${probe.state}: ${probe.detail} (nothing measured)`);
    return;
  }
  const root = resolve('out', 'bench-sandbox');
  const a = join(root, 'outside');
  const b = join(root, 'inside');
  sampleRepo(a);
  const overhead: { cmd: string; direct: number; sandboxed: number; ratio: number }[] = [];
  for (const cmd of ['true', 'ls', 'node -e 0', 'git status']) {
    const direct: number[] = [];
    const sandboxed: number[] = [];
    for (let i = 0; i < 11; i++) {
      direct.push(run(cmd, a, false).ms);
      sandboxed.push(run(cmd, a, true).ms);
    }
    const d = median(direct);
    const s = median(sandboxed);
    overhead.push({ cmd, direct: Math.round(d * 10) / 10, sandboxed: Math.round(s * 10) / 10, ratio: Math.round((s / d) * 10) / 10 });
  }
  if (!json) {
    console.log(`per-command overhead (${probe.detail}; median of 11, ms):`);
    for (const o of overhead) console.log(`  ${o.cmd.padEnd(12)} direct ${String(o.direct).padStart(7)}  sandboxed ${String(o.sandboxed).padStart(7)}  +${(o.sandboxed - o.direct).toFixed(1)} ms  ×${o.ratio}`);
  }
  sampleRepo(a);
  sampleRepo(b);
  const ordinary = compare('ordinary commands on the sample repository', ORDINARY, a, b);
  // The replay's sessions start from a fresh copy: they create and edit their own files as they go.
  sampleRepo(a);
  rmSync(b, { recursive: true, force: true });
  cpSync(a, b, { recursive: true });
  const replayed = replayCommands(replayLimit);
  const replay = compare(`replayed agent commands (${new Set(replayed.map((r) => r.task)).size} sessions, bench/replay)`, replayed.map((r) => r.cmd), a, b);
  // What the sandbox costs before bwrap starts: the settings, the policy's rules and the bounded search.
  const planMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    buildPlan({ workspaces: [b], allowPaths: [], cwd: b, env: process.env });
    planMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  if (!json) console.log(`plan (settings, rules, bounded search of the home and workspace): median ${median(planMs).toFixed(1)} ms`);
  if (json) {
    console.log(JSON.stringify({ mechanism: probe.mechanism, planMs: Math.round(median(planMs)), overhead, ordinary: { total: ordinary.total, differ: ordinary.differ.map((d) => d.cmd) }, replay: { total: replay.total, differ: replay.differ.map((d) => d.cmd) } }));
  }
  rmSync(root, { recursive: true, force: true });
}

main();
