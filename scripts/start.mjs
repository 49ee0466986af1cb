// `npm start`: build and package Countersign, install the .vsix into real VS Code (code-server) on a sample
// workspace, print the URL, and once the window is open run a scripted agent whose actions fill the panel.
// Ctrl-C stops everything.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, REPO, startCodeServer } from '../test/harness/codeServer.mjs';
import { replay } from './demoAgent.mjs';

const step = (title, cmd, args) => {
  console.log(`\n▸ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: REPO });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step('set up real VS Code (code-server, cached)', 'bash', ['test/harness/ensure-vscode.sh']);
step('build and package the extension', 'npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', join(CACHE, 'countersign.vsix')]);

const workspace = join(CACHE, 'demo-workspace');
rmSync(workspace, { recursive: true, force: true }); // a fresh sample project every run
cpSync(join(REPO, 'test/fixtures/workspace'), workspace, { recursive: true });
const status = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'status', '--json'], { encoding: 'utf8' });
const { runtimeDir } = JSON.parse(status.stdout);
mkdirSync(runtimeDir, { recursive: true, mode: 0o700 });
const server = await startCodeServer({ workspace, port: Number(process.env.PORT || 8080), runtimeDir, vsix: join(CACHE, 'countersign.vsix'), smokeDriver: false });
const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;

console.log(`
Countersign is installed in VS Code (code-server) on a sample workspace. Open:

  ${url}

Click the shield in the activity bar to see the Reviews panel. As soon as the window is open, a scripted agent
sends a mix of Claude Code, Codex, Gemini, Copilot CLI, Cursor, Cline and VS Code agent actions through the real
\`countersign hook\`: safe ones are allowed at once, the rest wait for you. Ctrl-C stops VS Code.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

// The extension (and its gate) starts when a browser opens the window: wait for its registry record.
const gateUp = () => {
  const r = spawnSync(process.execPath, [join(REPO, 'dist/cli.js'), 'status', '--json'], { encoding: 'utf8', env: { ...process.env, COUNTERSIGN_RUNTIME_DIR: runtimeDir } });
  try {
    return JSON.parse(r.stdout).gates.some((g) => g.folders.includes(workspace));
  } catch {
    return false;
  }
};
while (!gateUp() && !stopping) await new Promise((r) => setTimeout(r, 500));
console.log('VS Code window connected; the scripted agent starts:');
const env = { ...process.env, COUNTERSIGN_RUNTIME_DIR: runtimeDir };
delete env.COUNTERSIGN_SOCKET;
await replay({ cli: join(REPO, 'dist/cli.js'), ws: workspace, env });
console.log('\nAll demo actions answered. Try your own, e.g. from the integrated terminal: echo \'{"cwd":"\'$PWD\'","hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"sudo ls"}}\' | countersign hook --agent claude');
console.log('VS Code keeps running; Ctrl-C stops it.');
setInterval(() => {}, 1 << 30);
