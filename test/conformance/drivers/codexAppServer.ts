// Asks Codex itself which hooks it sees and whether it trusts them: `codex app-server` (JSON-RPC over stdio),
// `hooks/list`. This is the ground truth for the trust Connect Agents writes.
import { spawn } from 'node:child_process';
import { killGroup, track } from '../proc';

export interface CodexHookEntry {
  key: string;
  command: string | null;
  matcher: string | null;
  timeoutSec: number;
  currentHash: string;
  trustStatus: string;
  enabled: boolean;
}

export function codexHooksList(bin: string, cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<CodexHookEntry[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ['app-server'], { cwd, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    track(child);
    let buffer = '';
    let stderr = '';
    const finish = (err: Error | undefined, hooks?: CodexHookEntry[]) => {
      clearTimeout(timer);
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
      if (err) reject(err);
      else resolve(hooks ?? []);
    };
    const timer = setTimeout(() => finish(new Error(`codex app-server gave no hooks/list answer in ${timeoutMs} ms: ${stderr.slice(-500)}`)), timeoutMs);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        let msg: { id?: number; result?: { data?: { hooks?: CodexHookEntry[] }[] }; error?: unknown };
        try {
          msg = JSON.parse(line) as typeof msg;
        } catch {
          continue;
        }
        if (msg.id === 1) {
          child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'initialized' })}\n`);
          child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'hooks/list', params: { cwds: [cwd] } })}\n`);
        } else if (msg.id === 2) {
          if (msg.error) finish(new Error(`hooks/list failed: ${JSON.stringify(msg.error)}`));
          else finish(undefined, (msg.result?.data ?? []).flatMap((d) => d.hooks ?? []));
        }
      }
    });
    child.once('exit', (code) => finish(new Error(`codex app-server exited ${code}: ${stderr.slice(-500)}`)));
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { clientInfo: { name: 'countersign-conformance', version: '1' } } })}\n`);
  });
}
