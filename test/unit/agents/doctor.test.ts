// The doctor's per-agent checks against real settings files on a scratch HOME and workspace: the hook connected
// and guarded, then each setting that switches it off or loosens approval, named by file and setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { applyChanges, planConnection } from '../../../src/agents/connect';
import { checkAgents, doctorExitCode, runDoctor, type DoctorPlaces } from '../../../src/agents/doctor';
import type { AgentName } from '../../../src/policy/types';

const SHIM = '/opt/countersign/bin/countersign';

function scratch(): { places: DoctorPlaces; write(file: string, value: unknown): string; done(): void } {
  const root = mkdtempSync(join(tmpdir(), 'cs-doctor-'));
  const places: DoctorPlaces = {
    home: join(root, 'home'),
    workspace: join(root, 'ws'),
    managed: { claude: [join(root, 'etc', 'claude-code', 'managed-settings.json')], gemini: [join(root, 'etc', 'gemini-cli', 'settings.json')] },
    vscodeUserSettings: [join(root, 'home', '.config', 'Code', 'User', 'settings.json')],
  };
  mkdirSync(places.home, { recursive: true });
  mkdirSync(places.workspace!, { recursive: true });
  return {
    places,
    write(file, value) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
      return file;
    },
    done: () => rmSync(root, { recursive: true, force: true }),
  };
}

function connect(places: DoctorPlaces, agent: AgentName, scope: 'user' | 'workspace' = 'user'): void {
  const plans = planConnection([agent], scope, { home: places.home, workspace: places.workspace }, SHIM);
  assert.ok(plans.every((p) => !p.problem), plans.map((p) => p.problem).join(' '));
  applyChanges(plans);
}

const of = (places: DoctorPlaces, agent: AgentName) => runDoctor(places).agents.find((a) => a.agent === agent)!;

test('nothing connected: every agent is listed, none guarded, exit 0', () => {
  const s = scratch();
  try {
    const report = runDoctor(s.places);
    assert.deepEqual(report.agents.map((a) => a.agent), ['claude', 'vscode', 'copilot-cli', 'cursor', 'gemini', 'codex', 'cline']);
    assert.ok(report.agents.every((a) => !a.connected && !a.guarded));
    assert.equal(doctorExitCode(report), 0);
  } finally {
    s.done();
  }
});

test('every agent connected by Connect Agents is guarded as written', () => {
  const s = scratch();
  try {
    for (const agent of ['claude', 'vscode', 'copilot-cli', 'cursor', 'gemini', 'codex', 'cline'] as const) connect(s.places, agent);
    const report = runDoctor(s.places);
    for (const a of report.agents) assert.deepEqual({ agent: a.agent, connected: a.connected, guarded: a.guarded, problems: a.problems }, { agent: a.agent, connected: true, guarded: true, problems: [] });
    assert.equal(doctorExitCode(report), 0);
  } finally {
    s.done();
  }
});

test('Claude: disableAllHooks in the project, local, user or managed settings switches the guard off and names the file', () => {
  for (const where of ['project', 'local', 'user', 'managed'] as const) {
    const s = scratch();
    try {
      connect(s.places, 'claude');
      const file = {
        project: join(s.places.workspace!, '.claude', 'settings.json'),
        local: join(s.places.workspace!, '.claude', 'settings.local.json'),
        user: join(s.places.home, '.claude', 'settings.json'),
        managed: s.places.managed.claude[0]!,
      }[where];
      if (where === 'user') {
        const current = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        s.write(file, { ...current, disableAllHooks: true });
      } else s.write(file, { disableAllHooks: true });
      const claude = of(s.places, 'claude');
      assert.equal(claude.connected, true, where);
      assert.equal(claude.guarded, false, where);
      assert.deepEqual(claude.problems.map((p) => [p.file, p.setting]), [[file, 'disableAllHooks']], where);
      assert.equal(doctorExitCode(runDoctor(s.places)), 1);
    } finally {
      s.done();
    }
  }
});

test('Claude: a higher settings file that sets disableAllHooks false wins over a lower true', () => {
  const s = scratch();
  try {
    connect(s.places, 'claude');
    s.write(join(s.places.workspace!, '.claude', 'settings.json'), { disableAllHooks: true });
    s.write(join(s.places.workspace!, '.claude', 'settings.local.json'), { disableAllHooks: false });
    assert.equal(of(s.places, 'claude').guarded, true);
  } finally {
    s.done();
  }
});

test("Claude: managed allowManagedHooksOnly skips the user's hook; a short timeout fails open; bypassPermissions is reported without unguarding", () => {
  const s = scratch();
  try {
    connect(s.places, 'claude');
    s.write(s.places.managed.claude[0]!, { allowManagedHooksOnly: true });
    let claude = of(s.places, 'claude');
    assert.equal(claude.guarded, false);
    assert.deepEqual(claude.problems.map((p) => p.setting), ['allowManagedHooksOnly']);
    rmSync(s.places.managed.claude[0]!);

    const user = join(s.places.home, '.claude', 'settings.json');
    s.write(user, { permissions: { defaultMode: 'bypassPermissions' }, hooks: { PreToolUse: [{ matcher: '*', hooks: [{ type: 'command', command: `'${SHIM}' hook --agent claude --timeout 600`, timeout: 30 }] }] } });
    claude = of(s.places, 'claude');
    assert.equal(claude.guarded, false);
    assert.deepEqual(claude.problems.map((p) => [p.file, p.setting]).sort(), [[user, 'hooks.PreToolUse[0].hooks[0].timeout'], [user, 'permissions.defaultMode']]);
    const fix = checkAgents(s.places).find((c) => c.agent === 'claude')!.findings.find((f) => f.setting.endsWith('timeout'))!.fix!;
    assert.match(fix.after!, /"timeout": 600/);
  } finally {
    s.done();
  }
});

test('VS Code: chat.useHooks false (user or workspace), managed-only hooks, an untrusted folder and the default 30 s timeout unguard; auto-approve is reported', () => {
  const s = scratch();
  try {
    connect(s.places, 'vscode');
    assert.equal(of(s.places, 'vscode').guarded, true);
    const user = s.write(s.places.vscodeUserSettings[0]!, { 'chat.useHooks': false, 'chat.tools.global.autoApprove': true, 'chat.permissions.default': 'autopilot' });
    let v = of(s.places, 'vscode');
    assert.equal(v.guarded, false);
    assert.deepEqual(v.problems.map((p) => [p.file, p.setting]).sort(), [[user, 'chat.permissions.default'], [user, 'chat.tools.global.autoApprove'], [user, 'chat.useHooks']]);
    // The workspace's true wins over the user's false.
    const ws = s.write(join(s.places.workspace!, '.vscode', 'settings.json'), { 'chat.useHooks': true, 'chat.hooks.allowManagedOnly': true });
    v = of(s.places, 'vscode');
    assert.deepEqual(v.problems.filter((p) => p.setting === 'chat.useHooks' || p.setting === 'chat.hooks.allowManagedOnly').map((p) => [p.file, p.setting]), [[ws, 'chat.hooks.allowManagedOnly']]);
    rmSync(ws);
    rmSync(user);
    assert.equal(of({ ...s.places, vscodeTrusted: false }, 'vscode').guarded, false);
    s.write(join(s.places.home, '.copilot', 'hooks', 'countersign.json'), { hooks: { PreToolUse: [{ type: 'command', command: `'${SHIM}' hook --agent vscode --timeout 600` }] } });
    v = of(s.places, 'vscode');
    assert.equal(v.guarded, false);
    assert.match(v.problems[0]!.message, /default of 30 s/);
  } finally {
    s.done();
  }
});

test("Copilot CLI: a repository hook in a folder Copilot does not trust does not run", () => {
  const s = scratch();
  try {
    connect(s.places, 'copilot-cli', 'workspace');
    let c = of(s.places, 'copilot-cli');
    assert.equal(c.guarded, false);
    assert.equal(c.problems[0]!.setting, 'trusted_folders');
    s.write(join(s.places.home, '.copilot', 'config.json'), { trusted_folders: [dirname(s.places.workspace!)] });
    c = of(s.places, 'copilot-cli');
    assert.equal(c.guarded, true);
  } finally {
    s.done();
  }
});

test('Cursor: without failClosed a crash lets the action run', () => {
  const s = scratch();
  try {
    s.write(join(s.places.home, '.cursor', 'hooks.json'), { version: 1, hooks: { beforeShellExecution: [{ command: `'${SHIM}' hook --agent cursor --timeout 600` }] } });
    const c = of(s.places, 'cursor');
    assert.equal(c.guarded, false);
    assert.equal(c.problems[0]!.setting, 'hooks.beforeShellExecution[0].failClosed');
  } finally {
    s.done();
  }
});

test("Gemini: hooksConfig.enabled false, a disabled Countersign hook, an untrusted project's hook and a timeout in seconds unguard", () => {
  const s = scratch();
  try {
    connect(s.places, 'gemini');
    const user = join(s.places.home, '.gemini', 'settings.json');
    const text = readFileSync(user, 'utf8');
    const settings = JSON.parse(text) as Record<string, unknown>;
    s.write(user, { ...settings, hooksConfig: { enabled: false } });
    assert.deepEqual(of(s.places, 'gemini').problems.map((p) => [p.file, p.setting]), [[user, 'hooksConfig.enabled']]);
    s.write(s.places.managed.gemini[0]!, { hooksConfig: { disabled: [`'${SHIM}' hook --agent gemini --timeout 600`] } });
    s.write(user, { ...settings, general: { defaultApprovalMode: 'auto_edit' } });
    let g = of(s.places, 'gemini');
    assert.equal(g.guarded, false);
    assert.deepEqual(g.problems.map((p) => p.setting).sort(), ['general.defaultApprovalMode', 'hooksConfig.disabled[0]']);
    rmSync(s.places.managed.gemini[0]!);
    rmSync(user);
    connect(s.places, 'gemini', 'workspace');
    g = of(s.places, 'gemini');
    assert.equal(g.guarded, false);
    assert.equal(g.problems[0]!.file, join(s.places.home, '.gemini', 'trustedFolders.json'));
    s.write(join(s.places.home, '.gemini', 'trustedFolders.json'), { [s.places.workspace!]: 'TRUST_FOLDER' });
    assert.equal(of(s.places, 'gemini').guarded, true);
    s.write(join(s.places.workspace!, '.gemini', 'settings.json'), { hooks: { BeforeTool: [{ matcher: '.*', hooks: [{ type: 'command', command: `'${SHIM}' hook --agent gemini --timeout 600`, timeout: 600 }] }] } });
    g = of(s.places, 'gemini');
    assert.equal(g.guarded, false);
    assert.match(g.problems[0]!.message, /milliseconds/);
  } finally {
    s.done();
  }
});

test("Codex: a hook whose trust is missing, stale or disabled in config.toml is skipped; approval_policy never is reported", () => {
  const s = scratch();
  try {
    connect(s.places, 'codex');
    assert.equal(of(s.places, 'codex').guarded, true);
    const config = join(s.places.home, '.codex', 'config.toml');
    const trusted = readFileSync(config, 'utf8');
    s.write(config, 'approval_policy = "never"\n');
    let c = of(s.places, 'codex');
    assert.equal(c.guarded, false);
    assert.deepEqual(c.problems.map((p) => p.setting.replace(/".*"/, 'KEY')).sort(), ['approval_policy', 'hooks.state.KEY.trusted_hash']);
    s.write(config, trusted.replace(/sha256:[0-9a-f]{8}/, 'sha256:00000000'));
    c = of(s.places, 'codex');
    assert.match(c.problems[0]!.message, /changed since it was trusted/);
    s.write(config, `${trusted}enabled = false\n`);
    assert.match(of(s.places, 'codex').problems[0]!.setting, /\.enabled$/);
  } finally {
    s.done();
  }
});

test("Cline: Countersign's hook script must be executable", () => {
  const s = scratch();
  try {
    connect(s.places, 'cline');
    assert.equal(of(s.places, 'cline').guarded, true);
    chmodSync(join(s.places.home, '.cline', 'hooks', 'PreToolUse'), 0o600);
    assert.equal(of(s.places, 'cline').guarded, false);
  } finally {
    s.done();
  }
});

test('a broken settings file is reported; a hook in it does not count as connected', () => {
  const s = scratch();
  try {
    const file = s.write(join(s.places.home, '.claude', 'settings.json'), `{"hooks": {"PreToolUse": [{"matcher":"*","hooks":[{"type":"command","command":"'${SHIM}' hook --agent claude"}]}]}`);
    const claude = of(s.places, 'claude');
    assert.equal(claude.connected, false);
    assert.equal(claude.problems[0]!.file, file);
  } finally {
    s.done();
  }
});
