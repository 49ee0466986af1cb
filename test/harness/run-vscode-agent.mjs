// VS Code's own agent, for real: code-server (VS Code 1.139) with its built-in Copilot Chat agent, Countersign
// installed from the packaged .vsix, and a scripted language model (test/vscode-agent/scripted-model) so the agent
// runs offline with no sign-in. Countersign is connected the way a user connects it (both files in ~/.copilot/hooks);
// chromium shows the workbench and a test clicks the real Reviews panel. Screenshots go to test-results/screenshots/.
// usage: node test/harness/run-vscode-agent.mjs [--vsix FILE] [scenario-name-filter]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, REPO, sampleWorkspace, startCodeServer, workbenchUrl } from './codeServer.mjs';
import { packageScriptedModel, scriptedRequest, waitForSocket } from '../vscode-agent/scriptedModel.mjs';
import { AGENT_SETTINGS, denyEverything, scenarios } from '../vscode-agent/scenarios.mjs';
import { openCountersign, widenSideBar } from '../ui/workbench.mjs';

const SHOTS = process.env.SHOTS || join(REPO, 'test-results/screenshots');
const argv = process.argv.slice(2);
const vsixAt = argv.indexOf('--vsix');
const VSIX = vsixAt >= 0 ? argv.splice(vsixAt, 2)[1] : join(REPO, '.vscode-test/countersign.vsix');
const only = argv[0];
mkdirSync(SHOTS, { recursive: true });
const t0 = Date.now();
// Stopped from outside: still take code-server and chromium down (the exit handlers kill their process groups).
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
const lap = (m) => console.log(`[vscode-agent ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

const scratch = mkdtempSync(join(tmpdir(), 'cs-agent-'));
const workspace = sampleWorkspace(scratch);
let server;
let browser;
let failed = 0;
const ran = [];
const measured = [];
try {
  const scripted = packageScriptedModel(scratch);
  server = await startCodeServer({ workspace, smokeDriver: false, vsix: [VSIX, scripted], log: lap });
  mkdirSync(join(server.root, 'udd/User'), { recursive: true });
  writeFileSync(join(server.root, 'udd/User/settings.json'), JSON.stringify(AGENT_SETTINGS, null, 2));

  // Connect Countersign for the VS Code agent and Copilot CLI, as a user would: both write into ~/.copilot/hooks,
  // which VS Code reads whole (the second file must not ask the human again).
  const ext = readdirSync(join(server.root, 'exts')).find((d) => d.startsWith('countersign.countersign-'));
  if (!ext) throw new Error('the Countersign extension is not installed');
  const cli = join(server.root, 'exts', ext, 'dist/cli.js');
  const connect = spawnSync(process.execPath, [cli, 'connect', '--agent', 'vscode,copilot-cli', '--scope', 'user', '--workspace', workspace], { env: server.env, encoding: 'utf8' });
  if (connect.status !== 0) throw new Error(`countersign connect failed:\n${connect.stdout}${connect.stderr}`);
  // VS_AGENT_CAPTURE=FILE adds a hook that only records every payload the agent sends (no answer: no decision).
  if (process.env.VS_AGENT_CAPTURE) {
    const hook = { type: 'command', command: `cat >> '${process.env.VS_AGENT_CAPTURE}'; echo >> '${process.env.VS_AGENT_CAPTURE}'`, timeout: 30 };
    writeFileSync(join(server.root, '.copilot/hooks/capture.json'), JSON.stringify({ hooks: { PreToolUse: [hook] } }));
  }
  lap(`connected: ${readdirSync(join(server.root, '.copilot/hooks')).join(', ')}`);

  browser = await launchBrowser();
  const { page } = browser;
  page.on('pageerror', (e) => console.log('  [pageerror]', String(e).slice(0, 200)));
  await page.goto(workbenchUrl(server, workspace));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const socket = join(server.root, 'scripted-model.sock');
  await waitForSocket(socket);
  const setup = await scriptedRequest(socket, { op: 'setup' });
  lap(`chat set up without sign-in in ${setup.ms} ms (Copilot Chat ${setup.copilotChat})`);
  const shot = async (name) => {
    const path = join(SHOTS, `${name}.png`);
    await page.screenshot({ path });
    return path;
  };
  const turn = (query, calls) => scriptedRequest(socket, { op: 'turn', query, calls });
  const panel = await openCountersign(page);
  await widenSideBar(page);
  const measure = (what, ms, prompts) => measured.push({ what, ms, prompts });
  const ctx = { page, panel, workspace, server, shot, lap, turn, measure };
  for (const s of scenarios.filter((x) => !only || x.name.includes(only))) {
    const started = Date.now();
    try {
      await s.run(ctx);
      console.log(`✔ ${s.name}`);
      ran.push({ name: s.name, ok: true, ms: Date.now() - started });
    } catch (err) {
      failed++;
      ran.push({ name: s.name, ok: false, ms: Date.now() - started });
      console.log(`✘ ${s.name}\n  ${err.stack ?? err}`);
      await page.screenshot({ path: join(SHOTS, `99-failure-vscode-agent-${s.name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
      await denyEverything(panel); // the next scenario starts with no turn waiting
    }
  }
} catch (err) {
  failed++;
  console.log(`✘ set-up\n  ${err.stack ?? err}`);
  if (server) console.log(server.output().split('\n').slice(-40).join('\n'));
} finally {
  await browser?.close();
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
for (const m of measured) lap(`turn ${(m.ms / 1000).toFixed(1)}s, ${m.prompts} prompt(s): ${m.what}`);
for (const r of ran) lap(`${r.ok ? 'pass' : 'FAIL'} ${(r.ms / 1000).toFixed(1)}s ${r.name}`);
lap(`${ran.filter((r) => r.ok).length}/${ran.length} VS Code agent scenarios passed; screenshots in ${SHOTS}`);
process.exit(failed ? 1 : 0);

