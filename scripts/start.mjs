// `npm start`: build, then open real VS Code (code-server) in the browser with Countersign on a sample
// workspace. Prints the URL and a command to try; Ctrl-C stops everything.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, CACHE, startCodeServer, workbenchUrl } from '../test/harness/codeServer.mjs';

const step = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: REPO });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
step('node', ['scripts/build.mjs']);
step('bash', ['test/harness/ensure-vscode.sh']);

const workspace = join(CACHE, 'demo-workspace');
if (!existsSync(workspace)) cpSync(join(REPO, 'test/fixtures/workspace'), workspace, { recursive: true });
// The machine's usual runtime directory, so `countersign hook` from any terminal finds this gate.
const status = spawnSync('node', [join(REPO, 'dist/cli.js'), 'status', '--json'], { encoding: 'utf8' });
const { runtimeDir } = JSON.parse(status.stdout);
mkdirSync(runtimeDir, { recursive: true, mode: 0o700 });
const server = await startCodeServer({ workspace, port: Number(process.env.PORT || 8080), runtimeDir });
const url = workbenchUrl(server, workspace, { extensionDevelopmentPath: REPO });
const payload = JSON.stringify({ hook_event_name: 'PreToolUse', cwd: workspace, tool_name: 'Bash', tool_input: { command: 'chmod 777 deploy.sh', description: 'Make the deploy script executable' } });

console.log(`
Countersign is running in VS Code (code-server) on a sample workspace:

  ${url}

Open it, click the shield in the activity bar, then try an agent action from another terminal:

  echo '${payload}' | node ${join(REPO, 'dist/cli.js')} hook --agent claude

Approve or Deny in the panel; the command prints Claude Code's answer. Ctrl-C stops VS Code.
`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
setInterval(() => {}, 1 << 30); // keep running until interrupted
