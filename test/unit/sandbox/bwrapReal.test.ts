// `countersign sandbox` for real (bubblewrap), as an agent's command would run: canaries in a scratch home's ~/.ssh
// and ~/.aws, the workspace's .env and the environment must not show through cat, env, grep -r or /proc; the
// workspace stays writable and ordinary tools work; agent configs and Countersign's runtime directory do not.
// Linux only; CI installs bubblewrap (test/harness/ensure-sandbox.sh), so a missing bwrap fails here.
import { TEMP_ROOTS } from '../../../src/sandbox/places';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensurePrivateDir, runtimeDir } from '../../../src/ipc/runtimeDir';
import { probeSandbox } from '../../../src/sandbox/probe';

const CLI = resolve('dist', 'cli.js');
const linux = process.platform === 'linux';
const CANARY = {
  ssh: 'CANARY-SSH-7f3a',
  aws: 'CANARY-AWS-91c2',
  env: 'CANARY-DOTENV-5d0e',
  token: 'CANARY-GHTOKEN-a41b',
  aws2: 'CANARY-AWSKEY-c3d9',
  link: 'CANARY-LINKED-0b7e',
};

interface Box {
  root: string;
  home: string;
  ws: string;
  done: () => void;
}

/** `base`: where the scratch folders go (the temporary folder is writable in the sandbox, the build folder is not). */
function box(base = tmpdir()): Box {
  mkdirSync(base, { recursive: true });
  const root = mkdtempSync(join(base, 'cs-sbx-real-'));
  const home = join(root, 'home');
  const ws = join(root, 'ws');
  for (const d of [join(home, '.ssh'), join(home, '.aws'), join(home, '.claude'), join(ws, '.claude'), join(ws, '.git', 'hooks'), join(root, 'elsewhere')]) mkdirSync(d, { recursive: true });
  writeFileSync(join(home, '.ssh', 'id_rsa'), `-----BEGIN OPENSSH PRIVATE KEY-----\n${CANARY.ssh}\n`);
  writeFileSync(join(home, '.aws', 'credentials'), `[default]\naws_secret_access_key = ${CANARY.aws}\n`);
  writeFileSync(join(home, '.claude', 'settings.json'), '{"hooks":{}}\n');
  writeFileSync(join(ws, '.claude', 'settings.json'), '{"hooks":{}}\n');
  writeFileSync(join(ws, '.env'), `API_KEY=${CANARY.env}\n`);
  writeFileSync(join(ws, 'app.py'), 'print("app ok")\n');
  // A secret outside every searched folder, reached through a link with an ordinary name.
  writeFileSync(join(root, 'elsewhere', 'id_ed25519'), CANARY.link);
  symlinkSync(join(root, 'elsewhere', 'id_ed25519'), join(ws, 'notes.txt'));
  return { root, home, ws, done: () => rmSync(root, { recursive: true, force: true }) };
}

function sandbox(b: Box, args: string[], script: string, extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, 'sandbox', ...args, '--', 'sh', '-c', script], {
    cwd: b.ws,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: b.home,
      GITHUB_TOKEN: CANARY.token,
      AWS_SECRET_ACCESS_KEY: CANARY.aws2,
      COUNTERSIGN_SOCKET: '/tmp/countersign-test.sock',
      ...extraEnv,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr };
}

function assertNoCanary(text: string, what: string): void {
  for (const [name, c] of Object.entries(CANARY)) assert.ok(!text.includes(c), `${what} showed the ${name} canary:\n${text}`);
}

test('bubblewrap is available here (CI installs it)', { skip: !linux }, () => {
  const p = probeSandbox();
  assert.equal(p.state, 'available', `the sandbox tests need bubblewrap: ${p.detail}`);
});

test('cat, env, grep -r and /proc show none of the canaries', { skip: !linux }, () => {
  const b = box();
  try {
    const reads = [
      `cat ~/.ssh/id_rsa ~/.aws/credentials .env notes.txt ${b.root}/elsewhere/id_ed25519`,
      'ls -la ~/.ssh ~/.aws',
      'env',
      'printenv GITHUB_TOKEN AWS_SECRET_ACCESS_KEY COUNTERSIGN_SOCKET',
      `grep -r CANARY ~ . ${b.root} /proc/self/environ /proc/1/environ`,
      "cat /proc/self/environ /proc/1/environ | tr '\\0' '\\n'",
      "for f in /proc/[0-9]*/environ; do tr '\\0' '\\n' < $f; done",
    ];
    for (const cmd of reads) {
      const r = sandbox(b, [], `${cmd}; true`);
      assert.equal(r.code, 0, r.all);
      assertNoCanary(r.all, cmd);
    }
    // The same reads outside the sandbox do show them: the canaries are real.
    assert.ok(readFileSync(join(b.home, '.ssh', 'id_rsa'), 'utf8').includes(CANARY.ssh));
    const emptied = sandbox(b, [], 'ls -A ~/.ssh ~/.aws; wc -c < .env');
    assert.match(emptied.stdout, /^0$/m, 'the workspace .env reads as empty');
    assert.doesNotMatch(emptied.stdout, /id_rsa|credentials/, 'secret folders look empty');
  } finally {
    b.done();
  }
});

test('the workspace is writable; node, python and git work; a hidden .env cannot be overwritten', { skip: !linux }, () => {
  const b = box();
  try {
    const r = sandbox(
      b,
      [],
      [
        'echo made > made.txt',
        "node -e \"require('fs').writeFileSync('by-node.txt', String(6*7))\"",
        'python3 app.py',
        'git init -q repo && cd repo && echo x > f && git add f && git -c user.name=t -c user.email=t@t commit -qm first && git log --format=%s',
      ].join(' && '),
    );
    assert.equal(r.code, 0, r.all);
    assert.match(r.stdout, /app ok\nfirst\n/);
    assert.equal(readFileSync(join(b.ws, 'made.txt'), 'utf8'), 'made\n');
    assert.equal(readFileSync(join(b.ws, 'by-node.txt'), 'utf8'), '42');
    assert.ok(existsSync(join(b.ws, 'repo', '.git', 'HEAD')));
    const w = sandbox(b, [], 'echo leaked > .env');
    assert.notEqual(w.code, 0);
    assert.equal(readFileSync(join(b.ws, '.env'), 'utf8'), `API_KEY=${CANARY.env}\n`);
  } finally {
    b.done();
  }
});

test("agent settings, git hooks and Countersign's runtime directory cannot be written", { skip: !linux }, () => {
  const b = box();
  const run = ensurePrivateDir(runtimeDir());
  const planted = join(run, `planted-${process.pid}.gate.json`);
  try {
    const targets = [join(b.home, '.claude', 'settings.json'), join(b.ws, '.claude', 'settings.json'), join(b.ws, '.claude', 'settings.local.json'), join(b.ws, '.git', 'hooks', 'pre-commit'), planted];
    for (const t of targets) {
      const r = sandbox(b, [], `echo '{"disableAllHooks":true}' > '${t}'`);
      assert.notEqual(r.code, 0, `${t} was writable`);
      assert.match(r.stderr, /Read-only file system/);
    }
    assert.equal(readFileSync(join(b.home, '.claude', 'settings.json'), 'utf8'), '{"hooks":{}}\n');
    assert.equal(existsSync(planted), false);
    // The registrations (which hold the gates' tokens) are not even readable inside.
    writeFileSync(planted, '{"token":"CANARY-RUNTIME-TOKEN"}', { mode: 0o600 });
    const look = sandbox(b, [], `ls -A '${run}'; cat '${planted}' 2>/dev/null; true`);
    assert.equal(look.stdout, '', 'the runtime directory looks empty inside');
    assert.doesNotMatch(look.stderr, /CANARY-RUNTIME-TOKEN/);
  } finally {
    rmSync(planted, { force: true });
    b.done();
  }
});

test('exit code, stdout and stderr are the command\'s own', { skip: !linux }, () => {
  const b = box();
  try {
    const r = sandbox(b, [], 'printf out; printf err >&2; exit 42');
    assert.deepEqual([r.code, r.stdout, r.stderr], [42, 'out', 'err']);
    const killed = sandbox(b, [], 'kill -TERM $$');
    assert.equal(killed.code, 128 + 15);
  } finally {
    b.done();
  }
});

test('--allow-path shows exactly the approved path; --workspace names the writable folders', { skip: !linux }, () => {
  // Outside every temporary root (those stay writable in the sandbox): the build folder, unless the clone itself
  // lives under one (CI's may), then the account's home, which the sandbox keeps read-only.
  const out = resolve('out', 'sandbox-scratch');
  const b = box(TEMP_ROOTS.some((t) => out.startsWith(`${t}/`)) ? join(homedir(), '.countersign-sandbox-scratch') : out);
  try {
    const r = sandbox(b, ['--allow-path', '.env'], 'cat .env; cat ~/.ssh/id_rsa');
    assert.match(r.stdout, new RegExp(CANARY.env));
    assert.ok(!r.all.includes(CANARY.ssh));
    const other = join(b.root, 'other');
    mkdirSync(other);
    const w = sandbox(b, ['--workspace', other], `echo a > '${other}/a.txt' && echo b > b.txt`);
    assert.notEqual(w.code, 0, 'the current folder is not writable when --workspace names another');
    assert.ok(existsSync(join(other, 'a.txt')));
    assert.ok(!existsSync(join(b.ws, 'b.txt')));
  } finally {
    b.done();
  }
});

test('usage errors: no command, an unknown flag', { skip: !linux }, () => {
  const b = box();
  try {
    for (const args of [['sandbox'], ['sandbox', '--'], ['sandbox', '--nope', '--', 'true']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { cwd: b.ws, encoding: 'utf8' });
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /usage: countersign sandbox/);
    }
  } finally {
    b.done();
  }
});
